import type { Calendar, HolidaySource } from '../domain';
import { holidayClosures, type HolidayClosure } from './holidays';
import {
  assertTimeZone,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  MINUTE_MS,
  offsetAt,
  parseLocalDate,
  parseTimeOfDay,
  wallToInstant,
  weekdayOfDays,
} from './time-zone';

// A Calendar compiled for fast business-time maths (SPEC §3 rule 2). Each local year is turned, once and
// lazily, into a sorted list of open intervals as UTC instants with the cumulative open time at each interval's
// end, so W(a,b) is two binary searches and a deadline one more. Local wall times are converted date by date
// with the time-zone database, so DST days open and close at the right instants.
//
// Precedence for one local date: a lead's dated override (closed day or special hours) wins over holidays,
// which close spans of the weekly hours. `alwaysOpen` means the weekly hours are 00:00–24:00 every day;
// holidays and overrides still apply to it when set (the default 24×7 calendar has neither).

/** [startMinute, endMinute) of a local day. */
type MinuteSpan = readonly [number, number];

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

const normalize = (spans: readonly MinuteSpan[]): MinuteSpan[] => {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
};

const subtract = (spans: readonly MinuteSpan[], closed: readonly MinuteSpan[]): MinuteSpan[] => {
  let result = [...spans];
  for (const [cs, ce] of closed) {
    const next: MinuteSpan[] = [];
    for (const [s, e] of result) {
      if (ce <= s || cs >= e) next.push([s, e]);
      else {
        if (cs > s) next.push([s, cs]);
        if (ce < e) next.push([ce, e]);
      }
    }
    result = next;
  }
  return result;
};

const toSpans = (intervals: readonly { start: string; end: string }[]): MinuteSpan[] =>
  normalize(intervals.map((i) => [parseTimeOfDay(i.start), parseTimeOfDay(i.end)] as const));

const FULL_DAY: readonly MinuteSpan[] = [[0, 1440]];

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

  constructor(calendar: Calendar) {
    assertTimeZone(calendar.timeZone);
    this.id = calendar.id;
    this.timeZone = calendar.timeZone;
    this.holidays = calendar.holidays;
    this.weekly = calendar.alwaysOpen ? Array.from({ length: 7 }, () => FULL_DAY) : calendar.weekly.map(toSpans);
    for (const override of calendar.overrides) {
      const day = parseLocalDate(override.date);
      if (day === null) throw new RangeError(`Data inválida / invalid date: "${override.date}"`);
      this.overrides.set(day, toSpans(override.intervals));
    }
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
    const firstDay = daysFromCivil(year, 1, 1);
    const endDay = daysFromCivil(year + 1, 1, 1);
    const zone = this.timeZone;
    const closures = this.closuresOf(year);
    // Offsets a day before and two days after a local date bracket any transition that can move its wall
    // times; when they agree (every day but the DST ones) the conversion is one subtraction.
    const probes = new Map<number, number>();
    const probe = (day: number): number => {
      let offset = probes.get(day);
      if (offset === undefined) {
        offset = offsetAt(zone, (day - 1) * DAY_MS);
        probes.set(day, offset);
      }
      return offset;
    };
    const instantOf = (day: number, minute: number): number =>
      wallToInstant(zone, day * DAY_MS + minute * MINUTE_MS, probe(day), probe(day + 3));

    const starts: number[] = [];
    const ends: number[] = [];
    const dayFirst = new Int32Array(endDay - firstDay + 1);
    let previousEnd = -Infinity;
    for (let day = firstDay; day < endDay; day += 1) {
      dayFirst[day - firstDay] = starts.length;
      for (const [s, e] of this.localSpans(day, closures)) {
        // Clamping keeps intervals ordered and disjoint even when a DST gap folds two wall times together.
        const start = Math.max(instantOf(day, s), previousEnd);
        const end = instantOf(day, e);
        if (end <= start) continue;
        starts.push(start);
        ends.push(end);
        previousEnd = end;
      }
    }
    dayFirst[endDay - firstDay] = starts.length;
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i += 1) {
      total += (ends[i] as number) - (starts[i] as number);
      cumEnd[i] = total;
    }
    return {
      year,
      startUtc: instantOf(firstDay, 0),
      endUtc: instantOf(endDay, 0),
      firstDay,
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cumEnd,
      total,
      dayFirst,
    };
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
