import { z } from 'zod';
import type { Messages } from './errors';

// Strict calendar dates, months, wall times and instants at every boundary (SPEC §7 "every input validated").
// JavaScript's Date rolls impossible values over without a word — `2026-02-30` is 2 March, `T24:00` is the next
// day, year 0001 is read as 1901 — so nothing here goes through Date.parse: each field is read from a fixed-width
// pattern and checked against the real calendar (leap years included), and a wrong one is refused with a pt-BR /
// en reason (describeIssues names the field). Nothing is ever rolled over.
//
// The accepted range is the years 1970–9999 (UTC for instants):
// - 1970: instants are epoch milliseconds, never negative; the time-zone database is reliable from there, and
//   São Paulo's DST history (the SLA engine's hardest cases, 1985–2019) lies inside it;
// - 9999: the last year a four-digit ISO date can name. The SLA engine counts whole years by their totals, so
//   even a `now` in 9999 answers in a fraction of a second; an instant of year 275760 (Date's limit) is a typo or
//   an attack, not a date.

export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;
/** 1970-01-01T00:00:00.000Z */
export const MIN_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
/** 9999-12-31T23:59:59.999Z */
export const MAX_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1) - 1;
/** Offsets beyond ±18:00 exist in no zone (java.time and Temporal draw the same line). */
const MAX_OFFSET_MINUTES = 18 * 60;

export const instantRangeMessage =
  `instante inválido: use milissegundos inteiros desde 1970-01-01T00:00Z, até ${MAX_YEAR}-12-31 / ` +
  `invalid instant: use whole epoch milliseconds from 1970-01-01T00:00Z up to ${MAX_YEAR}-12-31`;

export interface IsoMonthParts {
  year: number;
  /** 1–12 */
  month: number;
}

export interface IsoDateParts extends IsoMonthParts {
  /** 1–31 */
  day: number;
}

export interface IsoDateTimeParts extends IsoDateParts {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC (`-03:00` → −180); null when the text has no offset (a wall time). */
  offsetMinutes: number | null;
}

/** What reading a date gives: the parts, or why the text is refused (pt-BR / en). */
export type DateReading<T> = { ok: true; value: T } | { ok: false; problem: Messages };

const ok = <T>(value: T): DateReading<T> => ({ ok: true, value });
const refused = (pt: string, en: string): DateReading<never> => ({ ok: false, problem: { 'pt-BR': pt, en } });

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const checkMonth = (year: number, month: number): DateReading<IsoMonthParts> => {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return refused(`o ano ${pad(year, 4)} está fora do intervalo aceito (${MIN_YEAR}–${MAX_YEAR})`, `year ${pad(year, 4)} is outside the accepted range (${MIN_YEAR}–${MAX_YEAR})`);
  }
  if (month < 1 || month > 12) return refused(`o mês ${pad(month)} não existe (use 01–12)`, `month ${pad(month)} does not exist (use 01–12)`);
  return ok({ year, month });
};

const checkDate = (year: number, month: number, day: number): DateReading<IsoDateParts> => {
  const checked = checkMonth(year, month);
  if (!checked.ok) return checked;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return refused(
      `o dia ${pad(day)} não existe em ${pad(year, 4)}-${pad(month)} (o mês tem ${last} dias)`,
      `day ${pad(day)} does not exist in ${pad(year, 4)}-${pad(month)} (the month has ${last} days)`,
    );
  }
  return ok({ year, month, day });
};

const checkTime = (hour: number, minute: number, second: number): DateReading<true> => {
  if (hour > 23) return refused(`a hora ${pad(hour)} não existe (use 00–23)`, `hour ${pad(hour)} does not exist (use 00–23)`);
  if (minute > 59) return refused(`o minuto ${pad(minute)} não existe (use 00–59)`, `minute ${pad(minute)} does not exist (use 00–59)`);
  if (second > 59) return refused(`o segundo ${pad(second)} não existe (use 00–59)`, `second ${pad(second)} does not exist (use 00–59)`);
  return ok(true);
};

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;
// RFC 3339 (T or space, Z or ±HH:MM, ±HHMM tolerated), with seconds and the fraction optional.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/** "YYYY-MM" (a report month). */
export const readIsoMonth = (text: string): DateReading<IsoMonthParts> => {
  const m = MONTH.exec(text);
  if (m === null) return refused('use AAAA-MM (ex.: 2026-11)', 'use YYYY-MM (e.g. 2026-11)');
  return checkMonth(Number(m[1]), Number(m[2]));
};

/** "YYYY-MM-DD" (a holiday, a calendar override). */
export const readIsoDate = (text: string): DateReading<IsoDateParts> => {
  const m = DATE.exec(text);
  if (m === null) return refused('use AAAA-MM-DD (ex.: 2026-11-20)', 'use YYYY-MM-DD (e.g. 2026-11-20)');
  return checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** "HH:MM" of a calendar's open interval, 00:00 … 24:00 (24:00 = the end of the day), as minutes of the day. */
export const readTimeOfDay = (text: string): DateReading<number> => {
  const m = TIME_OF_DAY.exec(text);
  if (m === null) return refused('use HH:MM (ex.: 08:00)', 'use HH:MM (e.g. 08:00)');
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour === 24 && minute === 0) return ok(24 * 60);
  if (hour === 24) return refused('depois de 24:00 não há horário', 'there is no time after 24:00');
  const checked = checkTime(hour, minute, 0);
  return checked.ok ? ok(hour * 60 + minute) : checked;
};

/**
 * An RFC 3339 date-time, "2026-11-25T15:00", ":05", ".123", "Z" / "-03:00" all as given. Without an offset it
 * is a wall time, to be read in a zone by whoever knows which (the calendar's). A fraction beyond milliseconds
 * is cut to the millisecond, as an epoch-ms instant cannot hold it; hour 24 and second 60 are refused.
 */
export const readIsoDateTime = (text: string): DateReading<IsoDateTimeParts> => {
  const m = DATE_TIME.exec(text);
  if (m === null) {
    return refused('use AAAA-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM] (ex.: 2026-11-25T15:00:00-03:00)', 'use YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM] (e.g. 2026-11-25T15:00:00-03:00)');
  }
  const date = checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date.ok) return date;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  const time = checkTime(hour, minute, second);
  if (!time.ok) return time;
  const millisecond = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offset = m[8];
  let offsetMinutes: number | null = null;
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2));
    if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) {
      return refused(`o fuso ${offset} não existe (use Z ou de -18:00 a +18:00)`, `offset ${offset} does not exist (use Z or -18:00 to +18:00)`);
    }
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else if (offset !== undefined) {
    offsetMinutes = 0;
  }
  return ok({ ...date.value, hour, minute, second, millisecond, offsetMinutes });
};

/** The wall-clock fields as if they were UTC (ms): what a zone conversion (sla/time-zone wallToInstant) takes. */
export const wallMsOfParts = (p: IsoDateTimeParts): number => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);

/** An RFC 3339 date-time with its offset (Z or ±HH:MM) as epoch milliseconds, inside [MIN_INSTANT, MAX_INSTANT]. */
export const readIsoInstant = (text: string): DateReading<number> => {
  const read = readIsoDateTime(text);
  if (!read.ok) return read;
  if (read.value.offsetMinutes === null) {
    return refused('falta o fuso: termine com Z ou ±HH:MM (ex.: 2026-11-25T15:00:00Z)', 'the offset is missing: end with Z or ±HH:MM (e.g. 2026-11-25T15:00:00Z)');
  }
  const instant = wallMsOfParts(read.value) - read.value.offsetMinutes * 60_000;
  if (instant < MIN_INSTANT || instant > MAX_INSTANT) {
    return refused(`o instante fica fora do intervalo aceito (${MIN_YEAR}–${MAX_YEAR}, UTC)`, `the instant falls outside the accepted range (${MIN_YEAR}–${MAX_YEAR}, UTC)`);
  }
  return ok(instant);
};

const valueOf = <T>(reading: DateReading<T>): T | null => (reading.ok ? reading.value : null);

/** "YYYY-MM-DD" → its parts, or null when malformed, impossible (2026-02-30) or outside 1970–9999. */
export const parseIsoDate = (text: string): IsoDateParts | null => valueOf(readIsoDate(text));
/** "YYYY-MM" → its parts, or null. */
export const parseIsoMonth = (text: string): IsoMonthParts | null => valueOf(readIsoMonth(text));
/** RFC 3339 date-time → its parts (offset or none), or null. */
export const parseIsoDateTime = (text: string): IsoDateTimeParts | null => valueOf(readIsoDateTime(text));
/** RFC 3339 date-time with an offset → epoch ms, or null. */
export const parseIsoInstant = (text: string): number | null => valueOf(readIsoInstant(text));

/** A zod string checked by a reader; the reason of a refusal is its message (describeIssues adds the field). */
const readString = (read: (text: string) => DateReading<unknown>): z.ZodString =>
  z.string().check((ctx) => {
    const reading = read(ctx.value);
    if (!reading.ok) ctx.issues.push({ code: 'custom', message: `${reading.problem['pt-BR']} / ${reading.problem.en}`, input: ctx.value, continue: false });
  });

/** "YYYY-MM-DD", a real date of 1970–9999. */
export const IsoDate = readString(readIsoDate);
/** "YYYY-MM", a real month of 1970–9999. */
export const IsoMonth = readString(readIsoMonth);
/** "HH:MM", 00:00 … 23:59 or 24:00 (the end of the day). */
export const TimeOfDay = readString(readTimeOfDay);
/** An RFC 3339 date-time with an offset, parsed to epoch milliseconds. */
export const IsoInstant = readString(readIsoInstant).transform((text) => parseIsoInstant(text) as number);
