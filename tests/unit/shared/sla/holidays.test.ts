import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import type { HolidaySource } from '../../../../src/shared/domain';
import { holidayMemoOf, holidayYearKey } from '../../../../src/shared/sla/holiday-memo';
import { holidayClosures } from '../../../../src/shared/sla/holidays';

// The holiday memo (holiday-memo.ts) against date-holidays asked year by year: from the first year no rule names
// on, every year's closures come from one answer per year type with the Easter-based holidays moved — and must
// be exactly what date-holidays says for that year.

const ALL_POINTS = ['carnaval', 'corpus_christi', 'ash_wednesday_morning', 'christmas_eve', 'new_years_eve'] as const;
const source = (state: string | null, city: string | null = null): HolidaySource => ({ country: 'BR', state, city, includeOptional: [...ALL_POINTS] });

const OPTIONAL_RULE = /^(easter -48|easter -47|easter -46|easter 60|12-24|12-31)/;

/** What date-holidays itself says closes in a year, as [date, startMinute, endMinute, name], day by day. */
const direct = (src: HolidaySource, year: number): [string, number, number, string][] => {
  const options = { timezone: 'UTC' };
  const holidays = src.state === null ? new Holidays('BR', options) : src.city === null ? new Holidays('BR', src.state, options) : new Holidays('BR', src.state, src.city, options);
  const rows: [string, number, number, string][] = [];
  for (const h of holidays.getHolidays(year)) {
    if (h.type !== 'public' && !OPTIONAL_RULE.test(h.rule)) continue;
    // With timezone UTC the instants are wall times.
    for (let from = h.start.getTime(); from < h.end.getTime(); ) {
      const midnight = Math.floor(from / 86_400_000) * 86_400_000;
      const to = Math.min(h.end.getTime(), midnight + 86_400_000);
      const date = new Date(midnight).toISOString().slice(0, 10);
      if (date.startsWith(String(year))) rows.push([date, (from - midnight) / 60_000, (to - midnight) / 60_000, h.name]);
      from = to;
    }
  }
  return rows;
};

const closures = (src: HolidaySource, year: number): [string, number, number, string][] =>
  holidayClosures(src, year).map((c) => [c.date, c.startMinute, c.endMinute, c.name] as [string, number, number, string]);

const sorted = <T extends [string, number, number, string]>(rows: T[]): T[] => [...rows].sort((a, b) => (a[0] + a[1] + a[3] < b[0] + b[1] + b[3] ? -1 : 1));

describe('holiday memo', () => {
  it('knows from which year each source repeats: one past the last year its rules name', () => {
    // Consciência Negra became a national holiday by a law of December 2023.
    expect(holidayMemoOf(source(null))).toEqual({ signatureFrom: 2024, splittable: true });
    expect(holidayMemoOf(source('MT')).signatureFrom).toBe(2024);
    expect(holidayYearKey(source(null), 2023)).toBeNull();
    expect(holidayYearKey(source(null), 2025)).not.toBeNull();
  });

  it.each([
    ['national', source(null), 2020, 2420, 3],
    ['São Paulo state', source('SP'), 2024, 2424, 7],
    ['Mato Grosso (a first-Sunday-of-March holiday)', source('MT'), 2024, 2624, 9],
    ['Amapá', source('AP'), 2024, 2624, 11],
    ['São Paulo city', source('SP', 'SP'), 2024, 2624, 13],
  ])('%s: every year equals date-holidays asked directly', (_name, src, from, to, step) => {
    for (let year = from; year < to; year += step) expect(sorted(closures(src, year))).toEqual(sorted(direct(src, year)));
  });

  it('gives the same key only to years with the same closures, date for date from 1 January', () => {
    const src = source(null);
    const byKey = new Map<number, number>();
    for (let year = 2025; year < 2800; year += 1) {
      const key = holidayYearKey(src, year) as number;
      const first = byKey.get(key);
      if (first === undefined) {
        byKey.set(key, year);
        continue;
      }
      const shift = (y: number) => holidayClosures(src, y).map((c) => [c.day - Date.UTC(y, 0, 1) / 86_400_000, c.startMinute, c.endMinute, c.name]);
      expect(shift(year)).toEqual(shift(first));
    }
    expect(byKey.size).toBeGreaterThan(50);
  });
});
