import { MAX_INSTANT, MAX_YEAR, MIN_INSTANT, MIN_YEAR, readIsoDateTime, wallMsOfParts } from '../domain/dates';
import { formatInstantIso } from './time-zone';
import { instantsOfWall } from './zone-offsets';

// Times for the SLA case command, on the domain's strict readers (domain/dates.ts: nothing rolled over —
// 2026-02-30, T25:00, month 13 and second 60 are refused — and only the accepted range, 1970–9999). What the SLA
// adds: a time without an offset is a wall time in a calendar's zone, refused when that zone skips it (DST gap)
// or lives it twice (DST overlap) rather than guessed, and an instant converted from it must be in range too.

export type IsoTimeProblem = 'invalid' | 'out_of_range' | 'skipped_wall_time' | 'repeated_wall_time';

export interface IsoTimeError {
  code: IsoTimeProblem;
  pt: string;
  en: string;
}

export type IsoTimeResult = { ok: true; instant: number } | { ok: false; error: IsoTimeError };

const fail = (code: IsoTimeProblem, pt: string, en: string): { ok: false; error: IsoTimeError } => ({ ok: false, error: { code, pt, en } });

const RANGE_EN = `the accepted range is ${MIN_YEAR}-01-01T00:00:00Z to ${MAX_YEAR}-12-31T23:59:59.999Z`;
const RANGE_PT = `o intervalo aceito vai de ${MIN_YEAR}-01-01T00:00:00Z a ${MAX_YEAR}-12-31T23:59:59.999Z`;

/** Epoch milliseconds inside the accepted range, or why not. */
export const checkInstant = (instant: number, shown: string): IsoTimeResult => {
  if (!Number.isInteger(instant)) return fail('invalid', `${shown} não é um número inteiro de milissegundos`, `${shown} is not a whole number of milliseconds`);
  return instant >= MIN_INSTANT && instant <= MAX_INSTANT
    ? { ok: true, instant }
    : fail('out_of_range', `${shown} está fora do intervalo (${RANGE_PT})`, `${shown} is out of range (${RANGE_EN})`);
};

/**
 * An RFC 3339 date-time (domain/dates.ts readIsoDateTime): with `Z` or `±HH:MM` an instant, without an offset a
 * wall time in `zone`.
 */
export const parseIsoInstant = (text: string, zone: string): IsoTimeResult => {
  const read = readIsoDateTime(text);
  if (!read.ok) return fail('invalid', `"${text}": ${read.problem['pt-BR']}`, `"${text}": ${read.problem.en}`);
  const wall = wallMsOfParts(read.value);
  if (read.value.offsetMinutes !== null) return checkInstant(wall - read.value.offsetMinutes * 60_000, `"${text}"`);
  const instants = instantsOfWall(zone, wall);
  if (instants.length === 0) {
    return fail(
      'skipped_wall_time',
      `"${text}" não existe em ${zone} (o relógio foi adiantado nessa hora); informe o deslocamento`,
      `"${text}" does not exist in ${zone} (clocks skipped that hour); give the offset`,
    );
  }
  if (instants.length > 1) {
    const [first, second] = instants.map((t) => formatInstantIso(t, zone)) as [string, string];
    return fail(
      'repeated_wall_time',
      `"${text}" acontece duas vezes em ${zone} (o relógio foi atrasado): ${first} ou ${second}; informe o deslocamento`,
      `"${text}" happens twice in ${zone} (clocks went back): ${first} or ${second}; give the offset`,
    );
  }
  return checkInstant(instants[0] as number, `"${text}"`);
};
