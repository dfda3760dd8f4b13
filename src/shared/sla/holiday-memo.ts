import Holidays from 'date-holidays';
import type { HolidaySource } from '../domain';
import { daysFromCivil, MINUTE_MS } from './time-zone';

// date-holidays, asked once per kind of year. Building an instance parses the country's rules and asking it for a
// year costs 1–2 ms (it goes through moment-timezone), so a clock read in year 9999 cannot ask it for 8 000
// years. Once no rule names a year any more (laws that created or abolished a holiday), a year's holidays are a
// function of its weekdays (fixed by leap year and Easter Sunday, Easter being a Sunday), of Easter for the
// Easter-based rules, and of parity for the rules "in even years" (Brazil's election Sundays). The rules that are
// not Easter-based depend only on the year type (leap, parity, weekday of 1 January) and the Easter-based ones
// move with Easter, so one question per year type (at most 21) answers every later year.
// tests/unit/shared/sla/holidays.test.ts compares this with date-holidays asked directly, year by year.

/** One holiday of a year as date-holidays gives it, in wall time: its day counted from 1 January. */
export interface RawHoliday {
  dayOfYear: number;
  startMinute: number;
  minutes: number;
  name: string;
  type: string;
  rule: string;
}

interface Region {
  holidays: Holidays;
  /** First year from which the holidays depend only on yearSignature(); null = every year is asked. */
  signatureFrom: number | null;
  /** Easter-based rules move with Easter and no other rule depends on Easter (see splitFrom). */
  splittable: boolean;
  bySignature: Map<number, RawHoliday[]>;
  /** Signatures whose holidays run past 31 December. */
  spilling: Map<number, boolean>;
  byType: Map<string, { fixed: RawHoliday[]; easter: RawHoliday[] }>;
  byYear: Map<number, RawHoliday[]>;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher) as a day of the year, 0 = 1 January. */
const easterDayOf = (year: number): number => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return daysFromCivil(year, Math.floor(n / 31), (n % 31) + 1) - daysFromCivil(year, 1, 1);
};

/** Leap year, parity and Easter Sunday (< 1 000): all a year's holidays can depend on once no rule names a year. */
export const yearSignature = (year: number): number => easterDayOf(year) * 4 + (isLeapYear(year) ? 2 : 0) + (year % 2);

/** Leap year, parity and weekday of 1 January: all the rules that are not Easter-based can depend on. */
const yearType = (year: number): string => `${isLeapYear(year) ? 'L' : 'C'}${year % 2}:${(daysFromCivil(year, 1, 1) + 4) % 7}`;

// Rules of other calendars (lunar, solar terms) move from year to year in ways no signature here captures.
const OTHER_CALENDARS = /orthodox|julian|chinese|korean|vietnamese|hebrew|islamic|hijri|bengali|jalaali|equinox|solstice|moon/i;

interface RuleText {
  rule: string;
  name?: unknown;
  active?: unknown;
  disable?: unknown;
  enable?: unknown;
}

/**
 * The year from which a region's holidays are a function of yearSignature(): one past the last year any of its
 * rules names. null when a rule depends on the year in another way (e.g. "every 4 years", a lunar calendar).
 */
const signatureFromOf = (rules: readonly RuleText[]): number | null => {
  let last = 1970;
  for (const rule of rules) {
    const text = rule.rule.replace(/\bin (even|odd) years\b/g, '');
    if (/\byears?\b|\bevery\b/i.test(text) || OTHER_CALENDARS.test(text)) return null;
    const dated = JSON.stringify([text, rule.active ?? null, rule.disable ?? null, rule.enable ?? null]);
    for (const match of dated.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) last = Math.max(last, Number(match[1]));
  }
  return last + 1;
};

const isEasterRule = (rule: string): boolean => /^easter\b/.test(rule);

/**
 * Whether a year's holidays split into rules that do not depend on Easter and Easter-based ones that move with it:
 * no rule refers to another holiday ("substitutes"), and no Easter-based holiday shares its name with another rule
 * (date-holidays keeps one of two same-named holidays on one day).
 */
const splittableOf = (rules: readonly RuleText[]): boolean => {
  if (rules.some((r) => /substitute/.test(r.rule))) return false;
  const easterNames = new Set(rules.filter((r) => isEasterRule(r.rule)).map((r) => JSON.stringify(r.name ?? null)));
  return rules.every((r) => isEasterRule(r.rule) || !easterNames.has(JSON.stringify(r.name ?? null)));
};

const regions = new Map<string, Region>();
const BY_YEAR_LIMIT = 512;

/** The region's date-holidays instance and memo; throws a readable RangeError for an unknown state or city. */
const regionFor = (source: HolidaySource): Region => {
  const key = `${source.country}|${source.state ?? ''}|${source.city ?? ''}`;
  const known = regions.get(key);
  if (known !== undefined) return known;
  // date-holidays silently falls back to the country for an unknown state or city; a calendar must not.
  const probe = new Holidays();
  if (source.state !== null && !(source.state in (probe.getStates(source.country) ?? {}))) {
    throw new RangeError(`Estado desconhecido / unknown state: "${source.state}"`);
  }
  if (source.city !== null) {
    if (source.state === null) throw new RangeError('Cidade exige estado / a city needs a state');
    if (!(source.city in (probe.getRegions(source.country, source.state) ?? {}))) {
      throw new RangeError(`Cidade desconhecida / unknown city: "${source.city}" (${source.state})`);
    }
  }
  // In UTC, date-holidays' start and end are wall times: a day-long holiday lasts 24 h of wall time even on
  // a 23- or 25-hour DST day, so it closes until midnight, whatever the calendar's zone (holidays are dates).
  const options = { timezone: 'UTC' };
  const holidays =
    source.state === null
      ? new Holidays(source.country, options)
      : source.city === null
        ? new Holidays(source.country, source.state, options)
        : new Holidays(source.country, source.state, source.city, options);
  const rules = holidays.getRules() as unknown as RuleText[];
  const region: Region = {
    holidays,
    signatureFrom: signatureFromOf(rules),
    splittable: splittableOf(rules),
    bySignature: new Map(),
    spilling: new Map(),
    byType: new Map(),
    byYear: new Map(),
  };
  regions.set(key, region);
  return region;
};

export const checkRegion = (source: HolidaySource): void => {
  regionFor(source);
};

const askYear = (holidays: Holidays, year: number): RawHoliday[] => {
  const firstDay = daysFromCivil(year, 1, 1);
  const raw: RawHoliday[] = [];
  for (const holiday of holidays.getHolidays(year)) {
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(holiday.date);
    if (match === null) continue;
    raw.push({
      dayOfYear: daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) - firstDay,
      startMinute: Number(match[4]) * 60 + Number(match[5]),
      minutes: Math.round((holiday.end.getTime() - holiday.start.getTime()) / MINUTE_MS),
      name: holiday.name,
      type: holiday.type,
      rule: holiday.rule,
    });
  }
  return raw;
};

/** A signature's holidays from the answer for the first year of the same type, Easter-based ones moved. */
const composed = (region: Region, year: number): RawHoliday[] => {
  const type = yearType(year);
  let parts = region.byType.get(type);
  if (parts === undefined) {
    const easterDay = easterDayOf(year);
    const asked = askYear(region.holidays, year);
    parts = {
      fixed: asked.filter((h) => !isEasterRule(h.rule)),
      easter: asked.filter((h) => isEasterRule(h.rule)).map((h) => ({ ...h, dayOfYear: h.dayOfYear - easterDay })),
    };
    region.byType.set(type, parts);
  }
  const easterDay = easterDayOf(year);
  return [...parts.fixed, ...parts.easter.map((h) => ({ ...h, dayOfYear: h.dayOfYear + easterDay }))].sort(
    (a, b) => a.dayOfYear - b.dayOfYear || a.startMinute - b.startMinute,
  );
};

/** The holidays of a year, from the memo when the year's signature is known to decide them. */
export const rawHolidaysOf = (source: HolidaySource, year: number): RawHoliday[] => {
  const region = regionFor(source);
  if (region.signatureFrom !== null && year >= region.signatureFrom) {
    const signature = yearSignature(year);
    let raw = region.bySignature.get(signature);
    if (raw === undefined) {
      raw = region.splittable ? composed(region, year) : askYear(region.holidays, year);
      region.bySignature.set(signature, raw);
    }
    return raw;
  }
  let raw = region.byYear.get(year);
  if (raw === undefined) {
    raw = askYear(region.holidays, year);
    if (region.byYear.size >= BY_YEAR_LIMIT) region.byYear.clear();
    region.byYear.set(year, raw);
  }
  return raw;
};

/** Whether a holiday of these runs past the end of its year (a multi-day holiday starting late in December). */
export const spillsOver = (raw: readonly RawHoliday[], year: number): boolean =>
  raw.some((h) => h.dayOfYear * 1440 + h.startMinute + h.minutes > (isLeapYear(year) ? 366 : 365) * 1440);

/**
 * A key such that two years with the same key have the same closures, date for date counted from 1 January
 * (and the same weekdays); null when the year's holidays are not known to repeat. With the year before's
 * signature when one of its holidays runs into this year.
 */
export const holidayYearKey = (source: HolidaySource, year: number): number | null => {
  const region = regionFor(source);
  if (region.signatureFrom === null || year - 1 < region.signatureFrom) return null;
  const previous = yearSignature(year - 1);
  let spills = region.spilling.get(previous);
  if (spills === undefined) {
    spills = spillsOver(rawHolidaysOf(source, year - 1), year - 1);
    region.spilling.set(previous, spills);
  }
  return yearSignature(year) + (spills ? 1000 * (previous + 1) : 0);
};

/** For tests: from which year a source's holidays are memoised, and whether Easter-based ones are moved. */
export const holidayMemoOf = (source: HolidaySource): { signatureFrom: number | null; splittable: boolean } => {
  const region = regionFor(source);
  return { signatureFrom: region.signatureFrom, splittable: region.splittable };
};
