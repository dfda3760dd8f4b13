// UTC offsets of a time zone as a cached list of transitions, so the SLA engine converts wall times without
// asking Intl once per day. Intl (the platform's time-zone database) stays the only source: each UTC year is
// scanned once — a probe every 3 days, each change located to the second by bisection — and from
// REGULAR_ZONE_YEAR on a year's transitions are those of the first year of the same type (leap or not, weekday of
// 1 January), shifted by whole days: past the tz database's last explicit transition (Morocco's Ramadan table
// ends in 2087) every zone follows its final rule ("2nd Sunday of March at 02:00"), which only depends on the
// year's type. That is what lets year 9999 cost no more than 2027. tests/unit/shared/sla/zone-offsets.test.ts
// checks both against Intl for zones with every kind of rule.

const DAY_MS = 86_400_000;
const SECOND_MS = 1000;
// The closest two changes of any zone since 1970 are a week apart (Boa Vista's one-week DST of October 2000;
// Gaza's Ramadan predictions till 2086): probing every 3 days cannot step over a pair.
const PROBE_STEP_MS = 3 * DAY_MS;

/** From this UTC year on, a zone's transitions repeat with the year type. */
export const REGULAR_ZONE_YEAR = 2100;

// One formatter per zone: constructing Intl.DateTimeFormat costs far more than using it. The long offset name
// ("GMT-03:00", "GMT-00:44:30") is the cheapest thing Intl formats that carries the offset.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, format);
  }
  return format;
};

/** Throws a readable error for a zone the time-zone database does not know. */
export const assertTimeZone = (timeZone: string): void => {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Fuso horário desconhecido / unknown time zone: "${timeZone}"`);
  }
};

const OFFSET_NAME = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/** The UTC offset (ms, east positive) at an instant, straight from Intl — the reference the cache is built on. */
export const intlOffsetAt = (timeZone: string, instant: number): number => {
  const text = formatterFor(timeZone).format(instant);
  const match = OFFSET_NAME.exec(text);
  if (match === null) throw new RangeError(`Fuso horário sem deslocamento legível / unreadable offset "${text}" (${timeZone})`);
  if (match[1] === undefined) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return (match[1] === '-' ? -seconds : seconds) * SECOND_MS;
};

interface ZoneYear {
  /** Offset in force at the year's first instant (1 January 00:00 UTC). */
  readonly initial: number;
  /** Instants (whole seconds, inside the year) at which the offset changes, and the offset from then on. */
  readonly at: readonly number[];
  readonly after: readonly number[];
}

const utcYearStart = (year: number): number => Date.UTC(year, 0, 1);

const utcYearOf = (instant: number): number => new Date(instant).getUTCFullYear();

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** 0–13: weekday of 1 January, +7 in leap years. */
const yearType = (year: number): number => new Date(utcYearStart(year)).getUTCDay() + (isLeap(year) ? 7 : 0);

const scanYear = (zone: string, year: number): ZoneYear => {
  const start = utcYearStart(year);
  const last = utcYearStart(year + 1) - SECOND_MS;
  const at: number[] = [];
  const after: number[] = [];
  const initial = intlOffsetAt(zone, start);
  let lo = start;
  let offset = initial;
  while (lo < last) {
    const hi = Math.min(lo + PROBE_STEP_MS, last);
    const target = intlOffsetAt(zone, hi);
    // Walk every change inside (lo, hi] (one, in practice).
    let from = lo;
    while (offset !== target) {
      let a = from;
      let b = hi;
      while (b - a > SECOND_MS) {
        const mid = a + Math.floor((b - a) / (2 * SECOND_MS)) * SECOND_MS;
        if (intlOffsetAt(zone, mid) === offset) a = mid;
        else b = mid;
      }
      offset = intlOffsetAt(zone, b);
      at.push(b);
      after.push(offset);
      from = b;
    }
    lo = hi;
  }
  return { initial, at, after };
};

interface ZoneCache {
  readonly years: Map<number, ZoneYear>;
  /** Year type → the first regular year of that type. */
  readonly representatives: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

const cacheOf = (zone: string): ZoneCache => {
  let cache = zones.get(zone);
  if (cache === undefined) {
    assertTimeZone(zone);
    cache = { years: new Map(), representatives: new Map() };
    zones.set(zone, cache);
  }
  return cache;
};

const explicitYear = (zone: string, cache: ZoneCache, year: number): ZoneYear => {
  let found = cache.years.get(year);
  if (found === undefined) {
    found = scanYear(zone, year);
    cache.years.set(year, found);
  }
  return found;
};

/** The year record for an instant's UTC year and the shift (ms) from the record's year to it. */
const recordFor = (zone: string, year: number): { record: ZoneYear; shift: number } => {
  const cache = cacheOf(zone);
  if (year < REGULAR_ZONE_YEAR) return { record: explicitYear(zone, cache, year), shift: 0 };
  const type = yearType(year);
  let representative = cache.representatives.get(type);
  if (representative === undefined) {
    representative = REGULAR_ZONE_YEAR;
    while (yearType(representative) !== type) representative += 1;
    cache.representatives.set(type, representative);
  }
  return { record: explicitYear(zone, cache, representative), shift: utcYearStart(year) - utcYearStart(representative) };
};

/** UTC offset (ms, east positive) in force at an instant. */
export const offsetAt = (zone: string, instant: number): number => {
  const whole = Math.floor(instant / SECOND_MS) * SECOND_MS;
  const { record, shift } = recordFor(zone, utcYearOf(whole));
  const t = whole - shift;
  let offset = record.initial;
  for (let i = 0; i < record.at.length && (record.at[i] as number) <= t; i += 1) offset = record.after[i] as number;
  return offset;
};

/** The offset in force at `from` and every change in (from, to], in order — for walking a year day by day. */
export const offsetChanges = (zone: string, from: number, to: number): { initial: number; at: number[]; after: number[] } => {
  const at: number[] = [];
  const after: number[] = [];
  const initial = offsetAt(zone, from);
  let current = initial;
  const add = (t: number, offset: number): void => {
    if (t > from && t <= to && offset !== current) {
      at.push(t);
      after.push(offset);
    }
    if (t <= to) current = offset;
  };
  for (let year = utcYearOf(from); year <= utcYearOf(to); year += 1) {
    const { record, shift } = recordFor(zone, year);
    // A change at the very start of a UTC year is in that year's initial offset.
    add(utcYearStart(year), record.initial);
    record.at.forEach((t, i) => add(t + shift, record.after[i] as number));
  }
  return { initial, at, after };
};

/**
 * The instant of a wall time (given as ms "as if UTC"). Ambiguities follow Temporal's 'compatible'
 * disambiguation: in a DST overlap the earlier instant, in a DST gap the wall time shifted forward by the gap
 * (02:30 on a spring-forward night is 03:30). `before`/`after` may be passed when the caller knows them.
 */
export const wallToInstant = (
  zone: string,
  wallMs: number,
  before = offsetAt(zone, wallMs - DAY_MS),
  after = offsetAt(zone, wallMs + DAY_MS),
): number => {
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early;
};

/** Every instant whose wall time in the zone is exactly wallMs: none in a DST gap, two in an overlap. */
export const instantsOfWall = (zone: string, wallMs: number): number[] => {
  const offsets = new Set([offsetAt(zone, wallMs - DAY_MS), offsetAt(zone, wallMs), offsetAt(zone, wallMs + DAY_MS)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const instant = wallMs - offset;
    if (offsetAt(zone, instant) === offset) found.push(instant);
  }
  return found.sort((a, b) => a - b);
};
