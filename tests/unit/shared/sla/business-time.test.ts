import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../src/shared/domain';
import { alertInstant, businessMs, deadline, isOpenAt, nextOpenInstant } from '../../../../src/shared/sla/business-time';
import { defaultAlwaysOpenCalendar, defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { H, MIN, sp } from './sla-fixtures';

// SPEC §3 rule 2: W(a,b) = the part of [a,b) inside open hours; D = earliest t with W(start,t) = target; an OC
// opened outside hours starts counting at the next open instant.
const business = defaultBusinessCalendar();

describe('W(a,b): business time', () => {
  it.each([
    ['inside one interval', '2027-03-01 09:00', '2027-03-01 11:30', 2.5 * H],
    ['across lunch', '2027-03-01 11:00', '2027-03-01 14:00', 2 * H],
    ['a whole working day', '2027-03-01 00:00', '2027-03-02 00:00', 9 * H],
    ['a weekend', '2027-03-05 18:00', '2027-03-08 08:00', 0],
    ['Friday 17:30 → Ash Wednesday 09:30 over Carnaval', '2027-02-05 17:30', '2027-02-10 09:30', 2 * H],
    ['from 22:00 to the next noon', '2027-03-02 22:00', '2027-03-03 12:30', 4 * H],
    ['across New Year (1 Jan is a holiday)', '2026-12-31 17:00', '2027-01-04 09:00', 2 * H],
    ['reversed interval', '2027-03-01 11:00', '2027-03-01 09:00', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(businessMs(business, sp(a), sp(b))).toBe(expected);
  });

  it('is wall time on a 24×7 calendar', () => {
    expect(businessMs(defaultAlwaysOpenCalendar(), sp('2027-03-06 22:30'), sp('2027-03-07 02:30'))).toBe(4 * H);
  });
});

describe('D = deadline(start, target)', () => {
  it.each([
    ['Friday 17:30 before Carnaval, 2 h', '2027-02-05 17:30', 2 * H, '2027-02-10 09:30'],
    ['Friday 17:30 before Carnaval, 16 h', '2027-02-05 17:30', 16 * H, '2027-02-11 15:30'],
    ['opened at 12:30 (lunch): counts from 13:00', '2027-03-03 12:30', 1 * H, '2027-03-03 14:00'],
    ['opened at 12:30, 8 h', '2027-03-03 12:30', 8 * H, '2027-03-04 11:00'],
    ['opened at 22:00: counts from 08:00', '2027-03-02 22:00', 30 * MIN, '2027-03-03 08:30'],
    ['a target reached at closing time is due at closing time, not at the next opening', '2027-03-02 22:00', 4 * H, '2027-03-03 12:00'],
    ['reached exactly at 18:00', '2027-03-01 08:00', 9 * H, '2027-03-01 18:00'],
    ['across New Year', '2026-12-31 17:00', 2 * H, '2027-01-04 09:00'],
    ['Corpus Christi is skipped', '2027-05-26 17:00', 2 * H, '2027-05-28 09:00'],
  ])('%s', (_name, start, target, expected) => {
    expect(deadline(business, sp(start), target)).toBe(sp(expected));
  });

  it('a zero target is due at the start itself', () => {
    expect(deadline(business, sp('2027-03-06 10:00'), 0)).toBe(sp('2027-03-06 10:00'));
  });

  it('on 24×7 it is start + target, across midnight', () => {
    expect(deadline(defaultAlwaysOpenCalendar(), sp('2027-03-06 22:30'), 4 * H)).toBe(sp('2027-03-07 02:30'));
  });

  it('a calendar that never opens has no deadline (Infinity), not an endless loop', () => {
    const closed: Calendar = { ...business, id: 'fechado', holidays: null, weekly: [[], [], [], [], [], [], []] };
    expect(deadline(closed, sp('2027-03-01 08:00'), H)).toBe(Number.POSITIVE_INFINITY);
    expect(nextOpenInstant(closed, sp('2027-03-01 08:00'))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('open instants and alert timing (rule 8)', () => {
  it.each([
    ['Saturday → Monday 08:00', '2027-03-06 10:00', '2027-03-08 08:00'],
    ['open → itself', '2027-03-01 10:00', '2027-03-01 10:00'],
    ['lunch → 13:00', '2027-03-01 12:00', '2027-03-01 13:00'],
    ['Friday before Carnaval → Ash Wednesday', '2027-02-05 18:00', '2027-02-10 08:00'],
  ])('next open instant: %s', (_name, t, expected) => {
    expect(nextOpenInstant(business, sp(t))).toBe(sp(expected));
  });

  it('intervals are closed-open: 08:00 is open, 12:00 is not', () => {
    expect(isOpenAt(business, sp('2027-03-01 08:00'))).toBe(true);
    expect(isOpenAt(business, sp('2027-03-01 12:00') - 1)).toBe(true);
    expect(isOpenAt(business, sp('2027-03-01 12:00'))).toBe(false);
  });

  it('an alert at the closing instant fires then; later it waits for the next opening; 24×7 never waits', () => {
    expect(alertInstant(business, sp('2027-03-05 18:00'))).toBe(sp('2027-03-05 18:00'));
    expect(alertInstant(business, sp('2027-03-05 18:00') + 1)).toBe(sp('2027-03-08 08:00'));
    expect(alertInstant(business, sp('2027-03-05 20:00'))).toBe(sp('2027-03-08 08:00'));
    expect(alertInstant(defaultAlwaysOpenCalendar(), sp('2027-03-06 03:00'))).toBe(sp('2027-03-06 03:00'));
  });
});
