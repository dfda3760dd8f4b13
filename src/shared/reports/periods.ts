import { civilFromDays, DAY_MS, daysFromCivil, formatLocalDate, localDaysOf, wallToInstant, weekdayOfDays } from '../sla/time-zone';

// Report periods are local calendar periods of the team's time zone (America/Sao_Paulo by default): a breach at
// 22:30 on the 31st in São Paulo belongs to that month even though it is already the 1st in UTC.

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const MONTH = /^(\d{4})-(\d{2})$/;

/** Instant of local midnight opening a local date (days since epoch). */
export const localMidnight = (timeZone: string, days: number): number => wallToInstant(timeZone, days * DAY_MS);

/** The period an instant falls in: "2026-11-25" (day), the Monday "2026-11-23" (week), "2026-11" (month). */
export const periodKey = (instant: number, granularity: Granularity, timeZone: string): string => {
  const days = localDaysOf(timeZone, instant);
  if (granularity === 'day') return formatLocalDate(civilFromDays(days));
  if (granularity === 'week') return formatLocalDate(civilFromDays(days - ((weekdayOfDays(days) + 6) % 7)));
  return formatLocalDate(civilFromDays(days)).slice(0, 7);
};

/** "YYYY-MM" of an instant in the zone. */
export const monthOf = (instant: number, timeZone: string): string => periodKey(instant, 'month', timeZone);

/** [from, to) of a local month "YYYY-MM"; null when malformed. */
export const monthRange = (month: string, timeZone: string): { from: number; to: number } | null => {
  const match = MONTH.exec(month);
  if (match === null) return null;
  const year = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  const next = m === 12 ? { year: year + 1, month: 1 } : { year, month: m + 1 };
  return {
    from: localMidnight(timeZone, daysFromCivil(year, m, 1)),
    to: localMidnight(timeZone, daysFromCivil(next.year, next.month, 1)),
  };
};

/** [start of today, start of tomorrow) in the zone. */
export const todayRange = (now: number, timeZone: string): { from: number; to: number } => {
  const days = localDaysOf(timeZone, now);
  return { from: localMidnight(timeZone, days), to: localMidnight(timeZone, days + 1) };
};

/** The last `n` local days including today: [midnight n−1 days ago, start of tomorrow). */
export const lastDaysRange = (now: number, n: number, timeZone: string): { from: number; to: number } => {
  const days = localDaysOf(timeZone, now);
  return { from: localMidnight(timeZone, days - (n - 1)), to: localMidnight(timeZone, days + 1) };
};
