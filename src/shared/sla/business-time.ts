import { compiled, type CalendarLike, type CompiledCalendar, type YearBlock } from './calendar';
import { parseLocalDate, civilFromDays } from './time-zone';

// Business time W(a,b) and deadlines D = earliest t with W(start,t) = target (SPEC §3 rule 2). Pauses are not
// here: the clock layer removes paused spans by not counting them. Each operation exists on a compiled calendar
// (what the clocks call, millions of times) and as the public form that accepts a plain Calendar too.

/** A calendar that never opens must not loop forever: past this many years a deadline is "never" (Infinity). */
const HORIZON_YEARS = 10;

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

/** W(a,b) on a compiled calendar. */
export const openMsBetween = (cal: CompiledCalendar, a: number, b: number): number => {
  if (b <= a) return 0;
  if (cal.continuous) return b - a;
  const first = cal.blockAt(a);
  if (b <= first.endUtc) return (b === first.endUtc ? first.total : cumAt(first, b)) - cumAt(first, a);
  let sum = first.total - cumAt(first, a);
  let year = first.year + 1;
  let block = cal.yearBlock(year);
  while (b >= block.endUtc) {
    sum += block.total;
    year += 1;
    block = cal.yearBlock(year);
  }
  return sum + cumAt(block, b);
};

/** W(a,b): open milliseconds in [a,b); 0 when b ≤ a. */
export const businessMs = (calendar: CalendarLike, a: number, b: number): number => openMsBetween(compiled(calendar), a, b);

/**
 * D = the earliest instant t ≥ start with W(start,t) = targetMs. A start outside open hours counts from the next
 * open instant; a target reached exactly at a closing time is due at that closing time, not at the next
 * opening. Infinity when the calendar does not open enough within HORIZON_YEARS.
 */
export const deadline = (calendar: CalendarLike, start: number, targetMs: number): number =>
  dueInstant(compiled(calendar), start, targetMs);

/** deadline() on a compiled calendar. */
export const dueInstant = (cal: CompiledCalendar, start: number, targetMs: number): number => {
  if (targetMs <= 0) return start;
  if (cal.continuous) return start + targetMs;
  let block = cal.blockAt(start);
  let goal = cumAt(block, start) + targetMs;
  for (let years = 0; years <= HORIZON_YEARS; years += 1) {
    if (goal <= block.total) {
      const cum = block.cumEnd;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cum[mid] as number) >= goal) hi = mid;
        else lo = mid + 1;
      }
      return (block.ends[lo] as number) - ((cum[lo] as number) - goal);
    }
    goal -= block.total;
    block = cal.yearBlock(block.year + 1);
  }
  return Number.POSITIVE_INFINITY;
};

/** The first open instant at or after t (t itself when open); Infinity when it never opens within the horizon. */
export const nextOpenInstant = (calendar: CalendarLike, t: number): number => firstOpenFrom(compiled(calendar), t);

const firstOpenFrom = (cal: CompiledCalendar, t: number): number => {
  if (cal.continuous) return t;
  let block = cal.blockAt(t);
  for (let years = 0; years <= HORIZON_YEARS; years += 1) {
    const i = firstEndAfter(block, t);
    if (i < block.ends.length) return Math.max(t, block.starts[i] as number);
    block = cal.yearBlock(block.year + 1);
  }
  return Number.POSITIVE_INFINITY;
};

export const isOpenAt = (calendar: CalendarLike, t: number): boolean => openAt(compiled(calendar), t);

const openAt = (cal: CompiledCalendar, t: number): boolean => {
  if (cal.continuous) return true;
  const block = cal.blockAt(t);
  const i = firstEndAfter(block, t);
  return i < block.ends.length && (block.starts[i] as number) <= t;
};

/**
 * When an alert for something that happened at t is shown (SPEC §3 rule 8): at once when t is inside open hours
 * or is the closing instant itself (a deadline at 18:00 belongs to that business day), else at the next open
 * instant. On a 24×7 calendar always at once.
 */
export const alertInstant = (calendar: CalendarLike, t: number): number => alertFrom(compiled(calendar), t);

/** alertInstant() on a compiled calendar. */
export const alertFrom = (cal: CompiledCalendar, t: number): number => {
  if (cal.continuous || openAt(cal, t) || openAt(cal, t - 1)) return t;
  return firstOpenFrom(cal, t);
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
