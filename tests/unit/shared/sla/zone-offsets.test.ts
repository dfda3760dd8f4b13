import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantsOfWall, offsetAt, REGULAR_ZONE_YEAR, wallToInstant } from '../../../../src/shared/sla/zone-offsets';

// The transition cache against Intl itself, on zones with every kind of rule the tz database has: Brazil's
// old DST (changed at midnight, some years on a Tuesday), US and EU rules, southern-hemisphere DST across New
// Year, 30- and 45-minute offsets and DST steps, Ireland's negative DST, Morocco's Ramadan suspensions (listed
// until 2087), Samoa skipping a whole day, Liberia's −00:44:30 until 1972, Greenland's 2023 change, Troll's +2 h
// DST, Boa Vista's one-week DST of October 2000, Gaza's Ramadan rules (predicted until 2086). Instants are drawn from 1970 to 9999, so the years derived from the year type (≥ REGULAR_ZONE_YEAR) are
// checked as much as the scanned ones.
const ZONES = [
  'America/Sao_Paulo',
  'America/Boa_Vista',
  'Asia/Gaza',
  'America/New_York',
  'Europe/Lisbon',
  'Europe/Dublin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'America/Santiago',
  'Africa/Casablanca',
  'Pacific/Apia',
  'Africa/Monrovia',
  'America/Nuuk',
  'Antarctica/Troll',
  'Asia/Tehran',
  'Asia/Kolkata',
];

const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(10000, 0, 1) - 1;
const DAY = 86_400_000;

// The reference: the wall-clock fields Intl gives for an instant, read as if UTC, minus the instant.
const fieldFormats = new Map<string, Intl.DateTimeFormat>();
const intlOffsetAt = (zone: string, instant: number): number => {
  let format = fieldFormats.get(zone);
  if (format === undefined) {
    const numeric = 'numeric' as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric });
    fieldFormats.set(zone, format);
  }
  const whole = Math.floor(instant / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(whole)) f[part.type] = Number(part.value);
  return Date.UTC(f.year as number, (f.month as number) - 1, f.day, f.hour, f.minute, f.second) - whole;
};

/** The same 'compatible' rule as wallToInstant, on Intl directly. */
const referenceWallToInstant = (zone: string, wall: number): number => {
  const before = intlOffsetAt(zone, wall - DAY);
  const after = intlOffsetAt(zone, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = intlOffsetAt(zone, early) === before;
  const lateValid = intlOffsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  return lateValid ? late : early;
};

describe.each(ZONES)('zone offsets of %s', (zone) => {
  it('offsetAt equals Intl at any instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (t) => offsetAt(zone, t) === intlOffsetAt(zone, t)),
      { seed: 1501, numRuns: 300 },
    );
  });

  it('offsetAt equals Intl either side of every change of a scanned and of a derived year', () => {
    for (const year of [1972, 1992, 2000, 2004, 2011, 2023, 2040, 2087, REGULAR_ZONE_YEAR + 3, 9999]) {
      let t = Date.UTC(year, 0, 1);
      let previous = intlOffsetAt(zone, t);
      for (; t < Date.UTC(year + 1, 0, 1); t += DAY / 2) {
        if (intlOffsetAt(zone, t) === previous) continue;
        // Bisect (on Intl) to the exact second of the change.
        let [lo, hi] = [t - DAY / 2, t];
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (intlOffsetAt(zone, mid) === previous) lo = mid;
          else hi = mid;
        }
        for (const probe of [hi - 60_000, hi - 1000, hi - 1, hi, hi + 999]) expect(offsetAt(zone, probe)).toBe(intlOffsetAt(zone, probe));
        previous = intlOffsetAt(zone, t);
      }
    }
  });

  it('wallToInstant equals the Intl reference, in gaps and overlaps too', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM + DAY, max: TO - DAY }), (wall) => wallToInstant(zone, wall) === referenceWallToInstant(zone, wall)),
      { seed: 1502, numRuns: 200 },
    );
  });
});

describe('instantsOfWall', () => {
  it.each([
    ['a plain wall time', 'America/Sao_Paulo', '2027-02-10T09:00', ['2027-02-10T12:00:00.000Z']],
    ['the hour Brazil skipped on 2018-11-04', 'America/Sao_Paulo', '2018-11-04T00:30', []],
    ['the hour São Paulo lived twice on 2019-02-16', 'America/Sao_Paulo', '2019-02-16T23:30', ['2019-02-17T01:30:00.000Z', '2019-02-17T02:30:00.000Z']],
    ['New York falling back', 'America/New_York', '2026-11-01T01:30', ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']],
    ['the day Samoa skipped', 'Pacific/Apia', '2011-12-30T12:00', []],
  ])('%s', (_name, zone, wall, expected) => {
    const wallMs = Date.parse(`${wall}:00Z`);
    expect(instantsOfWall(zone, wallMs).map((t) => new Date(t).toISOString())).toEqual(expected);
  });
});
