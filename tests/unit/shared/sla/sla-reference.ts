import Holidays from 'date-holidays';
import type { Calendar, HolidaySource } from '../../../../src/shared/domain';

// A slow, independent reference for business time (SPEC §3 rule 2), for the property tests: no compiled
// calendar, no year blocks, no offset cache, no holiday memo. For every local date near [a, b) it takes the
// date's open wall intervals (a dated override, else the weekday's hours minus that date's holiday closures, as
// date-holidays states them), converts each end with Intl (formatToParts) and Temporal's 'compatible' rule,
// unites the intervals and measures the part inside [a, b).

const DAY = 86_400_000;
const MINUTE = 60_000;

const formats = new Map<string, Intl.DateTimeFormat>();
const offsetOf = (zone: string, instant: number): number => {
  let format = formats.get(zone);
  if (format === undefined) {
    const n = 'numeric' as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: n, month: n, day: n, hour: n, minute: n, second: n });
    formats.set(zone, format);
  }
  const whole = Math.floor(instant / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(whole)) f[part.type] = Number(part.value);
  return Date.UTC(f.year as number, (f.month as number) - 1, f.day, f.hour, f.minute, f.second) - whole;
};

/** Wall time ("as if UTC" ms) → instant: an overlap takes the earlier, a gap moves forward by its length. */
export const refWallToInstant = (zone: string, wall: number): number => {
  const before = offsetOf(zone, wall - DAY);
  const after = offsetOf(zone, wall + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetOf(zone, early) === before;
  const lateValid = offsetOf(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  return lateValid ? late : early;
};

export const refLocalDay = (zone: string, instant: number): number => Math.floor((instant + offsetOf(zone, instant)) / DAY);

const OPTIONAL: Record<HolidaySource['includeOptional'][number], (rule: string) => boolean> = {
  carnaval: (rule) => rule === 'easter -48' || rule === 'easter -47',
  ash_wednesday_morning: (rule) => rule.startsWith('easter -46'),
  corpus_christi: (rule) => rule === 'easter 60',
  christmas_eve: (rule) => rule.startsWith('12-24'),
  new_years_eve: (rule) => rule.startsWith('12-31'),
};

const instances = new Map<string, Holidays>();
const closedByYear = new Map<string, Map<number, [number, number][]>>();

/** Closed wall spans [startMinute, endMinute) by local date (days since 1970) for the holidays of one year. */
const holidayClosuresOf = (source: HolidaySource, year: number): Map<number, [number, number][]> => {
  const key = `${JSON.stringify(source)}|${year}`;
  const known = closedByYear.get(key);
  if (known !== undefined) return known;
  const region = `${source.state ?? ''}|${source.city ?? ''}`;
  let holidays = instances.get(region);
  if (holidays === undefined) {
    const options = { timezone: 'UTC' };
    holidays =
      source.state === null
        ? new Holidays('BR', options)
        : source.city === null
          ? new Holidays('BR', source.state, options)
          : new Holidays('BR', source.state, source.city, options);
    instances.set(region, holidays);
  }
  const byDay = new Map<number, [number, number][]>();
  for (const h of holidays.getHolidays(year)) {
    if (h.type !== 'public' && !source.includeOptional.some((point) => OPTIONAL[point](h.rule))) continue;
    // With timezone UTC, date-holidays' instants are wall times: walk them minute range by local date.
    let from = h.start.getTime();
    const to = h.end.getTime();
    while (from < to) {
      const day = Math.floor(from / DAY);
      const end = Math.min(to, (day + 1) * DAY);
      const list = byDay.get(day) ?? [];
      list.push([(from - day * DAY) / MINUTE, (end - day * DAY) / MINUTE]);
      byDay.set(day, list);
      from = end;
    }
  }
  closedByYear.set(key, byDay);
  return byDay;
};

const yearOfDay = (day: number): number => new Date(day * DAY).getUTCFullYear();

/** Open wall spans of a local date, minute by minute over the day: open unless a closure covers the minute. */
export const refOpenMinutes = (calendar: Calendar, day: number): [number, number][] => {
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  const override = calendar.overrides.find((o) => o.date === date);
  const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const open = new Uint8Array(1440);
  const intervals = override?.intervals ?? (calendar.alwaysOpen ? [{ start: '00:00', end: '24:00' }] : (calendar.weekly[new Date(day * DAY).getUTCDay()] ?? []));
  for (const i of intervals) for (let m = toMinutes(i.start); m < toMinutes(i.end); m += 1) open[m] = 1;
  if (override === undefined && calendar.holidays !== null) {
    for (const year of [yearOfDay(day) - 1, yearOfDay(day)]) {
      for (const [s, e] of holidayClosuresOf(calendar.holidays, year).get(day) ?? []) for (let m = s; m < e; m += 1) open[m] = 0;
    }
  }
  const spans: [number, number][] = [];
  for (let m = 0; m < 1440; m += 1) {
    if (open[m] === 0) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && last[1] === m) last[1] = m + 1;
    else spans.push([m, m + 1]);
  }
  return spans;
};

/** Business ms in [a, b) on the calendar. */
export const refBusinessMs = (calendar: Calendar, a: number, b: number): number => {
  if (b <= a) return 0;
  const zone = calendar.timeZone;
  const intervals: [number, number][] = [];
  for (let day = refLocalDay(zone, a) - 1; day <= refLocalDay(zone, b) + 1; day += 1) {
    for (const [s, e] of refOpenMinutes(calendar, day)) {
      intervals.push([refWallToInstant(zone, day * DAY + s * MINUTE), refWallToInstant(zone, day * DAY + e * MINUTE)]);
    }
  }
  intervals.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reached = a;
  for (const [start, end] of intervals) {
    const from = Math.max(start, reached);
    const to = Math.min(end, b);
    if (to > from) {
      total += to - from;
      reached = to;
    }
  }
  return total;
};
