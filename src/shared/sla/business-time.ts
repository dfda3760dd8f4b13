import { compiled, type CalendarLike, type CompiledCalendar, type YearBlock } from './calendar';
import { MAX_INSTANT, MIN_INSTANT } from '../domain/dates';
import { parseLocalDate, civilFromDays, DAY_MS } from './time-zone';

// Business time W(a,b) and deadlines D = earliest t with W(start,t) = target (SPEC §3 rule 2). Pauses are not
// here: the clock layer removes paused spans by not counting them. Each operation exists on a compiled calendar
// (what the clocks call, millions of times) and as the public form that accepts a plain Calendar too.

/**
 * The engine's horizon is the end of the range every boundary accepts (domain/dates.ts: 1970 to
 * 9999-12-31T23:59:59.999Z): deadlines and open instants are searched up to it and no further, so a target the
 * calendar cannot reach by then, or a calendar that never opens again, has no deadline (Infinity), and every
 * instant the engine answers is one the boundaries take back. Elapsed time is exact further out — W for a `now`
 * in year 9999 is the sum of 8 000 years' open time to the millisecond — and stops at the end of 9999.
 */
export const SLA_MIN_INSTANT = MIN_INSTANT;
export const SLA_HORIZON = MAX_INSTANT;
export const SLA_COUNTED_UNTIL = Date.UTC(10000, 0, 1);

/** Smallest i with ends[i] > t (= length when none). */
const firstEndAfter = (block: YearBlock, t: number): number => {
  const ends = block.ends;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/** Open ms of the block before instant t (t inside the block). */
const cumAt = (block: YearBlock, t: number): number => {
  const i = firstEndAfter(block, t);
  if (i === block.ends.length) return block.total;
  const start = block.starts[i] as number;
  const before = (block.cumEnd[i] as number) - ((block.ends[i] as number) - start);
  return t > start ? before + (t - start) : before;
};

/** W(a,b) on a compiled calendar. Whole years in between count by their totals; nothing counts past year 9999. */
export const openMsBetween = (cal: CompiledCalendar, from: number, to: number): number => {
  const a = Math.max(from, SLA_MIN_INSTANT);
  const b = Math.min(to, SLA_COUNTED_UNTIL);
  if (b <= a) return 0;
  if (cal.continuous) return b - a;
  const first = cal.blockAt(a);
  if (b <= first.endUtc) return (b === first.endUtc ? first.total : cumAt(first, b)) - cumAt(first, a);
  const last = cal.blockAt(b);
  let sum = first.total - cumAt(first, a) + cumAt(last, b);
  for (let year = first.year + 1; year < last.year; year += 1) sum += cal.yearTotal(year);
  return sum;
};

/** W(a,b): open milliseconds in [a,b); 0 when b ≤ a. */
export const businessMs = (calendar: CalendarLike, a: number, b: number): number => openMsBetween(compiled(calendar), a, b);

/**
 * D = the earliest instant t ≥ start with W(start,t) = targetMs. A start outside open hours counts from the next
 * open instant; a target reached exactly at a closing time is due at that closing time, not at the next
 * opening. Infinity when the calendar does not open enough before the horizon.
 */
export const deadline = (calendar: CalendarLike, start: number, targetMs: number): number =>
  dueInstant(compiled(calendar), start, targetMs);

/** The instant at which a year block has counted `goal` open ms (0 < goal ≤ block.total). */
const instantOfGoal = (block: YearBlock, goal: number): number => {
  const cum = block.cumEnd;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) >= goal) hi = mid;
    else lo = mid + 1;
  }
  return (block.ends[lo] as number) - ((cum[lo] as number) - goal);
};

/** The last local year a search up to `until` needs to look at; -Infinity when the calendar never opens. */
const lastSearchYear = (cal: CompiledCalendar, until: number): number => {
  if (cal.lastOpenDay === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  // A local year starts at most a day from the UTC one.
  const untilYear = civilFromDays(Math.floor(until / DAY_MS) + 1).year;
  return Number.isFinite(cal.lastOpenDay) ? Math.min(untilYear, civilFromDays(cal.lastOpenDay).year) : untilYear;
};

/**
 * deadline() on a compiled calendar. `until` bounds the search (the horizon unless the caller knows
 * the target is reached by then, e.g. a clock settling up to an instant already past it).
 */
export const dueInstant = (cal: CompiledCalendar, start: number, targetMs: number, until = SLA_HORIZON): number => {
  if (targetMs <= 0) return start;
  // W never exceeds wall time, so a target longer than the time left is out of reach without searching.
  if (targetMs > until - start) return Number.POSITIVE_INFINITY;
  if (cal.continuous) return start + targetMs;
  let block = cal.blockAt(start);
  let goal = cumAt(block, start) + targetMs;
  if (goal > block.total) {
    goal -= block.total;
    const lastYear = lastSearchYear(cal, until);
    let year = block.year + 1;
    for (;;) {
      if (year > lastYear) return Number.POSITIVE_INFINITY;
      const total = cal.yearTotal(year);
      if (goal <= total) break;
      goal -= total;
      year += 1;
    }
    block = cal.yearBlock(year);
  }
  const due = instantOfGoal(block, goal);
  return due <= until ? due : Number.POSITIVE_INFINITY;
};

/** The first open instant at or after t (t itself when open); Infinity when it does not open before the horizon. */
export const nextOpenInstant = (calendar: CalendarLike, t: number): number => firstOpenFrom(compiled(calendar), t);

export const firstOpenFrom = (cal: CompiledCalendar, t: number): number => {
  if (t > SLA_HORIZON) return Number.POSITIVE_INFINITY;
  if (cal.continuous) return t;
  let block = cal.blockAt(t);
  const lastYear = lastSearchYear(cal, SLA_HORIZON);
  for (;;) {
    const i = firstEndAfter(block, t);
    if (i < block.ends.length) {
      const open = Math.max(t, block.starts[i] as number);
      return open <= SLA_HORIZON ? open : Number.POSITIVE_INFINITY;
    }
    let year = block.year + 1;
    while (year <= lastYear && cal.yearTotal(year) === 0) year += 1;
    if (year > lastYear) return Number.POSITIVE_INFINITY;
    block = cal.yearBlock(year);
  }
};

export const isOpenAt = (calendar: CalendarLike, t: number): boolean => openAt(compiled(calendar), t);

const openAt = (cal: CompiledCalendar, t: number): boolean => {
  if (t < SLA_MIN_INSTANT || t >= SLA_COUNTED_UNTIL) return false;
  if (cal.continuous) return true;
  const block = cal.blockAt(t);
  const i = firstEndAfter(block, t);
  return i < block.ends.length && (block.starts[i] as number) <= t;
};

/**
 * When an alert for something that happened at t is shown (SPEC §3 rule 8): at once when t is inside open hours
 * or is the closing instant itself (a deadline at 18:00 belongs to that business day), else at the next open
 * instant. On a 24×7 calendar always at once; on one that never opens again, at once too (there is no opening to
 * wait for, and an alert that never comes would hide the breach).
 */
export const alertInstant = (calendar: CalendarLike, t: number): number => alertFrom(compiled(calendar), t);

/** alertInstant() on a compiled calendar. */
export const alertFrom = (cal: CompiledCalendar, t: number): number => {
  if (cal.continuous || openAt(cal, t) || openAt(cal, t - 1)) return t;
  const open = firstOpenFrom(cal, t);
  return Number.isFinite(open) ? open : t;
};

export interface OpenInterval {
  start: number;
  end: number;
}

/** Open intervals (UTC instants) of a local date "YYYY-MM-DD" of the calendar's zone. */
export const openIntervalsOn = (calendar: CalendarLike, localDate: string): OpenInterval[] => {
  const day = parseLocalDate(localDate);
  if (day === null) throw new RangeError(`Data inválida / invalid date: "${localDate}"`);
  const cal = compiled(calendar);
  const block = cal.yearBlock(civilFromDays(day).year);
  const k = day - block.firstDay;
  const out: OpenInterval[] = [];
  for (let i = block.dayFirst[k] as number; i < (block.dayFirst[k + 1] as number); i += 1) {
    out.push({ start: block.starts[i] as number, end: block.ends[i] as number });
  }
  return out;
};
