import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar, OpenInterval } from '../../../../src/shared/domain';
import { businessMs, deadline } from '../../../../src/shared/sla/business-time';
import { compileCalendar } from '../../../../src/shared/sla/calendar';
import { daysFromCivil } from '../../../../src/shared/sla/time-zone';
import { REGULAR_ZONE_YEAR } from '../../../../src/shared/sla/zone-offsets';
import { refBusinessMs, refWallToInstant } from './sla-reference';

// W and D against the slow reference (sla-reference.ts) on random calendars: any of a few zones with DST (or
// without), 0–3 intervals a weekday — ends on any minute, so some fall inside DST gaps and overlaps — or 24×7,
// Brazilian holidays of the country or a state with any optional points, dated overrides, spans anywhere from
// 1970 to 9999. Exact to the millisecond.

const ZONES = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const DAY = 86_400_000;
const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// Starts are often on the half hours after midnight, where the DST changes of these zones fall.
const interval = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 30, 60, 90, 120, 150, 180)), fc.integer({ min: 1, max: 600 }))
  .map(([start, length]): OpenInterval => ({ start: hhmm(start), end: hhmm(Math.min(1440, start + length)) }));
const weekday = fc.array(interval, { maxLength: 3 });
const optional = fc.subarray(['carnaval', 'corpus_christi', 'ash_wednesday_morning', 'christmas_eve', 'new_years_eve'] as const);

/** A random calendar whose overrides fall around `year`. */
const calendarAround = (year: number): fc.Arbitrary<Calendar> =>
  fc
    .record({
      zone: fc.constantFrom(...ZONES),
      weekly: fc.array(weekday, { minLength: 7, maxLength: 7 }),
      alwaysOpen: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      holidays: fc.option(fc.record({ state: fc.constantFrom(null, 'SP', 'RJ', 'MT'), includeOptional: optional }), { nil: null }),
      overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.array(interval, { maxLength: 2 })), { maxLength: 3 }),
    })
    .map((r) => ({
      id: 'random',
      name: 'random',
      timeZone: r.zone,
      weekly: r.weekly,
      alwaysOpen: r.alwaysOpen,
      holidays: r.holidays === null ? null : { country: 'BR', state: r.holidays.state, city: null, includeOptional: [...r.holidays.includeOptional] },
      overrides: r.overrides.map(([offset, intervals]) => ({
        date: new Date((daysFromCivil(year, 1, 1) - 200 + offset) * DAY).toISOString().slice(0, 10),
        intervals,
        reason: 'random',
      })),
    }));

/** Days (UTC noon to noon) in which the zone's offset changes: DST days and their neighbours. */
const changeDays = (zone: string, year: number): number[] => {
  const days: number[] = [];
  for (let day = daysFromCivil(year, 1, 1); day < daysFromCivil(year + 1, 1, 1); day += 1) {
    if (refWallToInstant(zone, (day + 1) * DAY) - refWallToInstant(zone, day * DAY) !== DAY) days.push(day);
  }
  return days;
};

// Years with holidays on DST days in São Paulo (1985, 1992, 1996, 2004) and in New York (2008, 2014).
const yearArb = fc.oneof(fc.integer({ min: 1971, max: 9998 }), fc.constantFrom(1985, 1992, 1996, 2004, 2008, 2014, 2018, 2019));

/** A calendar and a span of up to ~40 days from a random instant, or from shortly before a DST change. */
const caseArb = yearArb.chain((year) =>
  calendarAround(year).chain((calendar) => {
    const changes = changeDays(calendar.timeZone, year);
    const anywhere = fc.integer({ min: Date.UTC(year, 0, 1) - 100 * DAY, max: Date.UTC(year, 11, 31) });
    const nearChange =
      changes.length === 0
        ? anywhere
        : fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * DAY, max: DAY })).map(([day, shift]) => day * DAY + shift);
    return fc.tuple(fc.constant(calendar), fc.oneof(anywhere, nearChange), fc.integer({ min: 0, max: 40 * DAY }));
  }),
);

describe('business time against the reference', () => {
  it('W(a,b) equals the reference', () => {
    fc.assert(
      fc.property(caseArb, ([calendar, a, length]) => {
        expect(businessMs(calendar, a, a + length)).toBe(refBusinessMs(calendar, a, a + length));
      }),
      { seed: 2601, numRuns: 60 },
    );
  });

  it('D is the earliest instant that reaches the target: W(s,D) = target and W(s,D−1) < target', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 60 * 3_600_000 }), ([calendar, s], target) => {
        const d = deadline(calendar, s, target);
        fc.pre(Number.isFinite(d) && d - s < 120 * DAY);
        expect(refBusinessMs(calendar, s, d)).toBe(target);
        expect(refBusinessMs(calendar, s, d - 1)).toBeLessThan(target);
      }),
      { seed: 2602, numRuns: 40 },
    );
  });

  it('a whole local year — scanned, or added up from an earlier year of the same kind — equals the reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1971, max: 9998 }).chain((year) => fc.tuple(fc.constant(year), calendarAround(year))),
        ([year, calendar]) => {
          const compiled = compileCalendar(calendar);
          // Years of the same kind before it, so a regular year's total comes from the memo, not its own walk.
          for (let y = REGULAR_ZONE_YEAR + 1; y < Math.min(year, REGULAR_ZONE_YEAR + 400); y += 1) compiled.yearTotal(y);
          const zone = calendar.timeZone;
          const [from, to] = [refWallToInstant(zone, Date.UTC(year, 0, 1)), refWallToInstant(zone, Date.UTC(year + 1, 0, 1))];
          expect(compiled.yearTotal(year)).toBe(refBusinessMs(calendar, from, to));
        },
      ),
      { seed: 2603, numRuns: 12 },
    );
  });
});
