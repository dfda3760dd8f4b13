import { SLA_MAX_INSTANT, SLA_MIN_INSTANT } from './business-time';
import { daysFromCivil, formatInstantIso } from './time-zone';
import { instantsOfWall } from './zone-offsets';

// Strict ISO 8601 times for the SLA (the case command's input; SPEC §3 rule 1 makes a case reproducible only if
// its times mean one thing). Nothing is rolled over — 2026-02-30, T25:00, month 13 and second 60 are refused —
// and nothing outside the SLA range (1970 to 9999, business-time.ts) is read: Date.UTC reads year 0001 as 1901.
// A time without an offset is a wall time in a given zone, refused when that zone skips it (DST gap) or lives
// it twice (DST overlap) rather than guessed.
// (src/shared/domain is getting shared strict date parsers; these are the SLA engine's until they are one.)

export type IsoTimeProblem = 'not_iso' | 'impossible' | 'out_of_range' | 'skipped_wall_time' | 'repeated_wall_time';

export interface IsoTimeError {
  code: IsoTimeProblem;
  pt: string;
  en: string;
}

export type IsoTimeResult = { ok: true; instant: number } | { ok: false; error: IsoTimeError };

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_PT = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

const fail = (code: IsoTimeProblem, pt: string, en: string): { ok: false; error: IsoTimeError } => ({ ok: false, error: { code, pt, en } });

const daysInMonth = (year: number, month: number): number => daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);

const RANGE_EN = 'the SLA range is 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z';
const RANGE_PT = 'o intervalo do SLA vai de 1970-01-01T00:00:00Z a 9999-12-31T23:59:59.999Z';

/** The calendar date fields, checked: a problem, or null when the date is real. */
const dateProblem = (text: string, year: number, month: number, day: number): { ok: false; error: IsoTimeError } | null => {
  if (month < 1 || month > 12) return fail('impossible', `"${text}": não existe o mês ${month}`, `"${text}": there is no month ${month}`);
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) {
    return fail(
      'impossible',
      `"${text}" não é uma data real (${MONTHS_PT[month - 1]} de ${year} tem ${length} dias)`,
      `"${text}" is not a real date (${MONTHS_EN[month - 1]} ${year} has ${length} days)`,
    );
  }
  return null;
};

/** An instant inside the SLA range, or why not. */
export const checkInstant = (instant: number, shown: string): IsoTimeResult => {
  if (!Number.isInteger(instant)) return fail('not_iso', `${shown} não é um número inteiro de milissegundos`, `${shown} is not a whole number of milliseconds`);
  return instant >= SLA_MIN_INSTANT && instant <= SLA_MAX_INSTANT
    ? { ok: true, instant }
    : fail('out_of_range', `${shown} está fora do intervalo (${RANGE_PT})`, `${shown} is out of range (${RANGE_EN})`);
};

/**
 * An ISO 8601 date-time: `YYYY-MM-DDTHH:MM[:SS[.mmm]]` with `Z` or `±HH:MM` (an instant), or without an offset
 * (a wall time in `zone`). A space may replace the T.
 */
export const parseIsoInstant = (text: string, zone: string): IsoTimeResult => {
  const m = ISO.exec(text);
  if (m === null) {
    return fail(
      'not_iso',
      `"${text}" não é uma data e hora ISO (ex.: 2027-02-05T17:30 ou 2027-02-05T17:30:00-03:00)`,
      `"${text}" is not an ISO date-time (e.g. 2027-02-05T17:30 or 2027-02-05T17:30:00-03:00)`,
    );
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  // Years before 1970 are out of range whatever the offset (and Date.UTC would read 0001 as 1901).
  if (year < 1970) return checkInstant(-1, `"${text}"`);
  const badDate = dateProblem(text, year, month, day);
  if (badDate !== null) return badDate;
  if (hour > 23 || minute > 59 || second > 59) {
    return fail(
      'impossible',
      `"${text}": a hora vai de 00:00:00 a 23:59:59 (meia-noite do fim do dia é 00:00 do dia seguinte)`,
      `"${text}": the time of day runs from 00:00:00 to 23:59:59 (the midnight ending a day is 00:00 of the next)`,
    );
  }
  const wall = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  const offsetText = m[8];
  if (offsetText !== undefined) {
    let offset = 0;
    if (offsetText !== 'Z') {
      const digits = offsetText.replace(':', '');
      const [oh, om] = [Number(digits.slice(1, 3)), Number(digits.slice(3, 5))];
      if (oh > 23 || om > 59) return fail('impossible', `"${text}": deslocamento ${offsetText} impossível`, `"${text}": impossible offset ${offsetText}`);
      offset = (digits[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    }
    return checkInstant(wall - offset, `"${text}"`);
  }
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

/** A local date "YYYY-MM-DD" that exists and lies in the SLA range's years; days since 1970 or why not. */
export const parseIsoDate = (text: string): { ok: true; day: number } | { ok: false; error: IsoTimeError } => {
  const m = LOCAL_DATE.exec(text);
  if (m === null) return fail('not_iso', `"${text}" não é uma data ISO (AAAA-MM-DD)`, `"${text}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1970) return fail('out_of_range', `"${text}" está fora do intervalo (${RANGE_PT})`, `"${text}" is out of range (${RANGE_EN})`);
  const badDate = dateProblem(text, year, month, day);
  return badDate ?? { ok: true, day: daysFromCivil(year, month, day) };
};
