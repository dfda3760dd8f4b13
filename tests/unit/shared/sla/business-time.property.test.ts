import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../src/shared/domain';
import { businessMs, deadline } from '../../../../src/shared/sla/business-time';
import { defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { H, sp } from './sla-fixtures';

// The algebra of SPEC §3 rule 2, on the default business calendar (a year of holidays) and on a New York
// calendar whose DST changes fall inside the range.
const business = defaultBusinessCalendar();
const newYork: Calendar = {
  ...business,
  id: 'ny_shifts',
  timeZone: 'America/New_York',
  holidays: null,
  weekly: [[{ start: '00:30', end: '03:30' }], ...Array.from({ length: 5 }, () => [{ start: '01:00', end: '02:30' }, { start: '09:00', end: '17:00' }]), []],
};
const from = sp('2024-01-01 00:00');
const to = sp('2028-12-31 00:00');
const instant = fc.integer({ min: from, max: to });
const sorted3 = fc.tuple(instant, instant, instant).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);
const target = fc.integer({ min: 1, max: 200 * H });

describe.each([
  ['business (BR holidays)', business],
  ['New York with DST', newYork],
])('W and D properties on %s', (_name, cal) => {
  it('W is additive: W(a,b) + W(b,c) = W(a,c)', () => {
    fc.assert(fc.property(sorted3, ([a, b, c]) => businessMs(cal, a, b) + businessMs(cal, b, c) === businessMs(cal, a, c)));
  });

  it('W is monotone and never exceeds wall time', () => {
    fc.assert(
      fc.property(sorted3, ([a, b, c]) => {
        const ab = businessMs(cal, a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(businessMs(cal, a, c));
        expect(ab).toBeLessThanOrEqual(b - a);
      }),
    );
  });

  it('deadline(s, W(s,t)) ≤ t', () => {
    fc.assert(fc.property(instant, instant, (x, y) => deadline(cal, Math.min(x, y), businessMs(cal, Math.min(x, y), Math.max(x, y))) <= Math.max(x, y)));
  });

  it('D is exact and the earliest: W(s,D) = target and W(s,D−1) < target', () => {
    fc.assert(
      fc.property(instant, target, (s, x) => {
        const d = deadline(cal, s, x);
        expect(businessMs(cal, s, d)).toBe(x);
        expect(businessMs(cal, s, d - 1)).toBeLessThan(x);
      }),
    );
  });

  it('counting resumes where it stopped: deadline(s, a + b) = deadline(deadline(s, a), b)', () => {
    fc.assert(fc.property(instant, target, target, (s, a, b) => deadline(cal, s, a + b) === deadline(cal, deadline(cal, s, a), b)));
  });
});
