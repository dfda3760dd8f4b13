// Wall-clock ↔ UTC instant conversion with the platform time-zone database (Intl), no library.
// SPEC §3 rule 2: open intervals are local wall times, converted date by date, because a zone's offset changes
// (Brazil had DST until 2019; a calendar may use any IANA zone). Offsets come from zone-offsets.ts (Intl, cached
// as transitions).
import { offsetAt } from './zone-offsets';

export { assertTimeZone, offsetAt, wallToInstant } from './zone-offsets';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of daysFromCivil. */
export const civilFromDays = (days: number): CivilDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
};

/** 0 = Sunday … 6 = Saturday, the index of Calendar.weekly. */
export const weekdayOfDays = (days: number): number => (((days + 4) % 7) + 7) % 7;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const formatLocalDate = (date: CivilDate): string => `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

/** "YYYY-MM-DD" → days since epoch; null when malformed or not a real date. */
export const parseLocalDate = (text: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : null;
};

/** "HH:MM" (00:00 … 24:00) → minutes of the day. */
export const parseTimeOfDay = (text: string): number => {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
};

/** Local date (days since epoch) of an instant in a zone. */
export const localDaysOf = (timeZone: string, instant: number): number =>
  Math.floor((instant + offsetAt(timeZone, instant)) / DAY_MS);

/** ISO 8601 with the zone's offset, e.g. 2027-02-10T14:00:00.000-03:00 — for people reading CLI output. */
export const formatInstantIso = (instant: number, timeZone: string): string => {
  const offset = offsetAt(timeZone, instant);
  const wall = new Date(instant + offset).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offset / MINUTE_MS));
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};
