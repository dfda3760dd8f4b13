import type { Calendar, HolidaySource } from '../domain';
import { holidayClosures, holidayYearKey, type HolidayClosure } from './holidays';
import { subtract, toSpans, type MinuteSpan } from './minute-spans';
import {
  assertTimeZone,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  MINUTE_MS,
  offsetAt,
  parseLocalDate,
  wallToInstant,
  weekdayOfDays,
} from './time-zone';
import { offsetChanges, REGULAR_ZONE_YEAR } from './zone-offsets';

// A Calendar compiled for fast business-time maths (SPEC §3 rule 2). Each local year is turned, once and
// lazily, into a sorted list of open intervals as UTC instants with the cumulative open time at each interval's
// end, so W(a,b) is two binary searches and a deadline one more. Local wall times are converted date by date
// with the time-zone database, so DST days open and close at the right instants.
//
// Years a span only crosses count by their total open time (yearTotal), which needs no interval list. From
// regularFrom on, a year without a dated override has the total of the first year with the same key — the
// zone's transitions then repeat with the year type (zone-offsets.ts) and the holidays with holidayYearKey —
// so a clock started in 2026 and read in 9999 adds up ~100 distinct years, not 8 000, to the millisecond.
//
// Precedence for one local date: a lead's dated override (closed day or special hours) wins over holidays,
// which close spans of the weekly hours. `alwaysOpen` means the weekly hours are 00:00–24:00 every day;
// holidays and overrides still apply to it when set (the default 24×7 calendar has neither).

/** One local year of open time. Arrays are parallel: interval i is [starts[i], ends[i]). */
export interface YearBlock {
  readonly year: number;
  /** Instant of local midnight opening 1 January, and of the next year's. */
  readonly startUtc: number;
  readonly endUtc: number;
  /** Days since epoch of 1 January. */
  readonly firstDay: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open ms from startUtc to ends[i]. */
  readonly cumEnd: Float64Array;
  readonly total: number;
  /** Index of the first interval of each local day (length days + 1). */
  readonly dayFirst: Int32Array;
}

const FULL_DAY: readonly MinuteSpan[] = [[0, 1440]];

// A local year starts up to 14 h before or after the UTC one: one year more keeps every instant it converts in
// a UTC year whose offsets repeat with the year type.
const REGULAR_FROM = REGULAR_ZONE_YEAR + 1;

export class CompiledCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** 24×7 with no holiday and no override: business time is wall time, no index needed. */
  readonly continuous: boolean;
  private readonly weekly: readonly (readonly MinuteSpan[])[];
  private readonly overrides = new Map<number, MinuteSpan[]>();
  private readonly holidays: HolidaySource | null;
  private readonly blocks = new Map<number, YearBlock>();
  private lastBlock: YearBlock | null = null;
  private readonly totals = new Map<number, number>();
  private readonly totalsByKey = new Map<number, number>();
  private readonly overrideYears = new Set<number>();
  /**
   * The last local date with any open time: +Infinity when some weekday has hours (a year can never be all
   * holidays); otherwise the last dated override with hours, -Infinity when there is none (never open).
   */
  readonly lastOpenDay: number;

  constructor(calendar: Calendar) {
    assertTimeZone(calendar.timeZone);
    this.id = calendar.id;
    this.timeZone = calendar.timeZone;
    this.holidays = calendar.holidays;
    this.weekly = calendar.alwaysOpen ? Array.from({ length: 7 }, () => FULL_DAY) : calendar.weekly.map(toSpans);
    let lastOpenDay = this.weekly.some((spans) => spans.length > 0) ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    for (const override of calendar.overrides) {
      const day = parseLocalDate(override.date);
      if (day === null) throw new RangeError(`Data inválida / invalid date: "${override.date}"`);
      const spans = toSpans(override.intervals);
      this.overrides.set(day, spans);
      this.overrideYears.add(civilFromDays(day).year);
      if (spans.length > 0 && day > lastOpenDay) lastOpenDay = day;
    }
    this.lastOpenDay = lastOpenDay;
    this.continuous = calendar.alwaysOpen && calendar.holidays === null && calendar.overrides.length === 0;
  }

  /** Open spans of a local date in wall minutes, after holidays and overrides. */
  localSpans(day: number, closures: ReadonlyMap<number, MinuteSpan[]> = this.closuresOf(civilFromDays(day).year)): MinuteSpan[] {
    const override = this.overrides.get(day);
    if (override !== undefined) return override;
    const base = this.weekly[weekdayOfDays(day)] ?? [];
    const closed = closures.get(day);
    return closed === undefined ? [...base] : subtract(base, closed);
  }

  /** The holiday closures of a year, for the settings screen and for tests. */
  holidaysOf(year: number): HolidayClosure[] {
    return this.holidays === null ? [] : holidayClosures(this.holidays, year);
  }

  yearBlock(year: number): YearBlock {
    let block = this.blocks.get(year);
    if (block === undefined) {
      block = this.buildYear(year);
      this.blocks.set(year, block);
    }
    return block;
  }

  /** Open ms of a local year, exact, without keeping its intervals unless they are already built. */
  yearTotal(year: number): number {
    let total = this.totals.get(year);
    if (total !== undefined) return total;
    const block = this.blocks.get(year);
    if (block !== undefined) return block.total;
    if (daysFromCivil(year, 1, 1) > this.lastOpenDay) return 0;
    const key = this.regularKey(year);
    total = key === null ? undefined : this.totalsByKey.get(key);
    if (total === undefined) {
      total = this.totalOfYear(year);
      if (key !== null) this.totalsByKey.set(key, total);
    }
    this.totals.set(year, total);
    return total;
  }

  /** A key shared by years whose open intervals are the same, shifted by whole days; null when not known. */
  private regularKey(year: number): number | null {
    if (year < REGULAR_FROM || this.overrideYears.has(year)) return null;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const type = weekdayOfDays(daysFromCivil(year, 1, 1)) + (leap ? 7 : 0);
    if (this.holidays === null) return type;
    const holidays = holidayYearKey(this.holidays, year);
    return holidays === null ? null : holidays * 16 + type;
  }

  /** The block holding an instant (blocks tile the time line without gaps). */
  blockAt(instant: number): YearBlock {
    const last = this.lastBlock;
    if (last !== null && instant >= last.startUtc && instant < last.endUtc) return last;
    // The UTC year is the local year except within a zone offset of New Year.
    const year = civilFromDays(Math.floor(instant / DAY_MS)).year;
    let block = this.yearBlock(year);
    if (instant < block.startUtc) block = this.yearBlock(year - 1);
    else if (instant >= block.endUtc) block = this.yearBlock(year + 1);
    this.lastBlock = block;
    return block;
  }

  private closuresOf(year: number): Map<number, MinuteSpan[]> {
    const byDay = new Map<number, MinuteSpan[]>();
    for (const closure of this.holidaysOf(year)) {
      const list = byDay.get(closure.day) ?? [];
      list.push([closure.startMinute, closure.endMinute]);
      byDay.set(closure.day, list);
    }
    return byDay;
  }

  private buildYear(year: number): YearBlock {
    const starts: number[] = [];
    const ends: number[] = [];
    const firstDay = daysFromCivil(year, 1, 1);
    const dayFirst = new Int32Array(daysFromCivil(year + 1, 1, 1) - firstDay + 1);
    let filled = 0;
    const edges = this.walkYear(year, (day, start, end) => {
      for (; filled <= day - firstDay; filled += 1) dayFirst[filled] = starts.length;
      starts.push(start);
      ends.push(end);
    });
    for (; filled < dayFirst.length; filled += 1) dayFirst[filled] = starts.length;
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i += 1) {
      total += (ends[i] as number) - (starts[i] as number);
      cumEnd[i] = total;
    }
    return { year, ...edges, firstDay, starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumEnd, total, dayFirst };
  }

  /** yearTotal() of a year whose block is not built: the same walk, only adding up. */
  private totalOfYear(year: number): number {
    let total = 0;
    this.walkYear(year, (_day, start, end) => {
      total += end - start;
    });
    return total;
  }

  /**
   * Walks the open intervals of a local year as UTC instants, in order, disjoint, each with its local date:
   * the union of the local intervals converted date by date.
   */
  private walkYear(year: number, onInterval: (day: number, start: number, end: number) => void): { startUtc: number; endUtc: number } {
    const firstDay = daysFromCivil(year, 1, 1);
    const endDay = daysFromCivil(year + 1, 1, 1);
    const zone = this.timeZone;
    const closures = this.closuresOf(year);
    // The instants of a local date's wall times lie between its eve's and its morrow's UTC midnights; when the
    // offset does not change over that window (every day but the DST ones) a conversion is one subtraction.
    const changes = offsetChanges(zone, (firstDay - 1) * DAY_MS, (endDay + 2) * DAY_MS);
    let next = 0;
    let offset = changes.initial;
    const steadyOn = (day: number): boolean => {
      while (next < changes.at.length && (changes.at[next] as number) <= (day - 1) * DAY_MS) {
        offset = changes.after[next] as number;
        next += 1;
      }
      return next >= changes.at.length || (changes.at[next] as number) > (day + 2) * DAY_MS;
    };
    const instantOf = (day: number, minute: number, steady: boolean): number => {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      if (steady) return wall - offset;
      return wallToInstant(zone, wall, offsetAt(zone, (day - 1) * DAY_MS), offsetAt(zone, (day + 2) * DAY_MS));
    };
    // Around a DST change converted intervals can overlap or come out of order (a wall time inside the gap
    // lands after the next one): those days are gathered and united before they are handed on.
    let pending: [number, number, number][] = [];
    let lastDay = firstDay;
    const flush = (): void => {
      pending.sort((x, y) => x[1] - y[1]);
      let current: [number, number, number] | null = null;
      for (const item of pending) {
        if (current !== null && item[1] < current[2]) current[2] = Math.max(current[2], item[2]);
        else {
          if (current !== null) onInterval(...current);
          current = [Math.max(item[0], lastDay), item[1], item[2]];
          lastDay = current[0];
        }
      }
      if (current !== null) onInterval(...current);
      pending = [];
    };
    const startUtc = instantOf(firstDay, 0, steadyOn(firstDay));
    for (let day = firstDay; day < endDay; day += 1) {
      const steady = steadyOn(day);
      if (steady && pending.length > 0) flush();
      for (const [s, e] of this.spansOf(day, closures)) {
        const start = instantOf(day, s, steady);
        const end = instantOf(day, e, steady);
        if (end <= start) continue;
        if (steady) onInterval(day, start, end);
        else pending.push([day, start, end]);
      }
      if (steady) lastDay = day;
    }
    flush();
    return { startUtc, endUtc: instantOf(endDay, 0, steadyOn(endDay)) };
  }

  /** localSpans() without copying: what a walk reads for each day. */
  private spansOf(day: number, closures: ReadonlyMap<number, MinuteSpan[]>): readonly MinuteSpan[] {
    const override = this.overrides.get(day);
    if (override !== undefined) return override;
    const base = this.weekly[weekdayOfDays(day)] ?? [];
    const closed = closures.get(day);
    return closed === undefined ? base : subtract(base, closed);
  }
}

// Memo of compiled calendars. Calendars are immutable values (a lead's edit makes a new SlaConfig version), so
// the object identity is the fast key and the JSON content the fallback for equal copies (e.g. parsed from the
// database on each read). Bounded so a long-running process does not keep every historical version.
const byObject = new WeakMap<Calendar, CompiledCalendar>();
const byContent = new Map<string, CompiledCalendar>();
const CONTENT_CACHE_SIZE = 64;

export const compileCalendar = (calendar: Calendar): CompiledCalendar => {
  let compiled = byObject.get(calendar);
  if (compiled !== undefined) return compiled;
  const key = JSON.stringify(calendar);
  compiled = byContent.get(key);
  if (compiled === undefined) {
    compiled = new CompiledCalendar(calendar);
    if (byContent.size >= CONTENT_CACHE_SIZE) {
      const oldest = byContent.keys().next().value;
      if (oldest !== undefined) byContent.delete(oldest);
    }
    byContent.set(key, compiled);
  }
  byObject.set(calendar, compiled);
  return compiled;
};

export type CalendarLike = Calendar | CompiledCalendar;

export const compiled = (calendar: CalendarLike): CompiledCalendar =>
  calendar instanceof CompiledCalendar ? calendar : compileCalendar(calendar);
