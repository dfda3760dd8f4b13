import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../src/shared/domain';
import { businessMs, deadline, openIntervalsOn } from '../../../../src/shared/sla/business-time';
import { holidayClosures } from '../../../../src/shared/sla/holidays';
import { defaultBusinessCalendar, defaultSlaConfig } from '../../../../src/shared/sla/defaults';
import { clock, configsOf, created, evaluate, H, MIN } from './sla-fixtures';

// Days that are not 24 hours long. A holiday is a date: it closes the whole local date, whether the date lasts
// 23 hours (DST starting at midnight in São Paulo: 1985-11-02, 1992-10-25, 1996-10-06, 2004-11-02) or 25 hours
// (DST ending in New York on a Brazilian holiday: 1992-10-25, 2008-11-02, 2014-11-02). Until this fix the 23-hour
// ones stayed open from 23:00 to 24:00 (the closure was sized by the day's real length).
const DAY = 86_400_000;
const brazil = { country: 'BR' as const, state: null, city: null, includeOptional: [] };
const allDay = (id: string, timeZone: string): Calendar => ({ ...defaultBusinessCalendar(), id, timeZone, alwaysOpen: true, holidays: brazil });
const saoPaulo = allDay('sp_24h_feriados', 'America/Sao_Paulo');
const newYork = allDay('ny_24h_feriados', 'America/New_York');

const at = (iso: string): number => Date.parse(iso);

describe.each([
  ['São Paulo', saoPaulo, '1985-11-02', '1985-11-01T00:00:00-03:00', '1985-11-03T00:00:00-02:00', 23],
  ['São Paulo', saoPaulo, '1992-10-25', '1992-10-24T00:00:00-03:00', '1992-10-26T00:00:00-02:00', 23],
  ['São Paulo', saoPaulo, '1996-10-06', '1996-10-05T00:00:00-03:00', '1996-10-07T00:00:00-02:00', 23],
  ['São Paulo', saoPaulo, '2004-11-02', '2004-11-01T00:00:00-03:00', '2004-11-03T00:00:00-02:00', 23],
  ['New York', newYork, '1992-10-25', '1992-10-24T00:00:00-04:00', '1992-10-26T00:00:00-05:00', 25],
  ['New York', newYork, '2008-11-02', '2008-11-01T00:00:00-04:00', '2008-11-03T00:00:00-05:00', 25],
  ['New York', newYork, '2014-11-02', '2014-11-01T00:00:00-04:00', '2014-11-03T00:00:00-05:00', 25],
])('%s, holiday on %s', (_zone, calendar, date, eve, morrow, hours) => {
  it(`is a ${hours}-hour day closed from midnight to midnight`, () => {
    const closure = holidayClosures(brazil, Number(date.slice(0, 4))).filter((c) => c.date === date);
    expect(closure.map((c) => [c.startMinute, c.endMinute])).toEqual([[0, 1440]]);
    expect(openIntervalsOn(calendar, date)).toEqual([]);
  });

  it('the dates either side stay open all day', () => {
    // Eve and morrow are ordinary 24-hour days; the holiday between them counts nothing.
    expect(businessMs(calendar, at(eve), at(morrow))).toBe(DAY);
    expect(businessMs(calendar, at(eve), at(morrow) + DAY)).toBe(2 * DAY);
    expect(deadline(calendar, at(morrow) - 2 * H, 3 * H)).toBe(at(morrow) + 3 * H);
  });
});

describe('clocks across a holiday on a 23-hour day (the three vectors the reference disagreed on)', () => {
  const config = { ...defaultSlaConfig(0), calendars: [...defaultSlaConfig(0).calendars, saoPaulo] };
  config.targets = structuredClone(config.targets);
  config.targets.ouro.critica = { responseMinutes: 60, resolutionMinutes: 8 * 60, calendarId: saoPaulo.id };
  const configs = configsOf(config);

  it.each([
    // created 22:00 on the eve: 2 h that night, nothing on the holiday, the rest from the morrow's midnight.
    ['1992-10-24T22:00:00-03:00', '1992-10-26T06:00:00-02:00', '1992-10-26T03:00:00-02:00'],
    ['1996-10-05T22:00:00-03:00', '1996-10-07T06:00:00-02:00', '1996-10-07T03:00:00-02:00'],
    ['2004-11-01T22:00:00-03:00', '2004-11-03T06:00:00-02:00', '2004-11-03T03:00:00-02:00'],
  ])('an Ouro/crítica OC created %s is due %s, with 5 h counted at %s', (createdAt, due, now) => {
    const result = evaluate([created(at(createdAt), 'ouro', 'critica')], at(now), configs);
    const resolution = clock(result, 'resolution');
    expect(resolution.dueAt).toBe(at(due));
    expect(resolution.elapsedMs).toBe(5 * H);
    expect(resolution.state).toBe('running');
  });
});

describe('intervals that start inside a DST gap', () => {
  // New York, Sunday 2026-03-08: clocks jump from 02:00 to 03:00. 02:15–02:45 does not exist (its ends convert
  // to 03:15–03:45); 03:10–04:00 does. Open time is the union: 03:10–04:00, 50 minutes. Until this fix the second
  // interval was clamped to start at the first's end and 45 minutes were counted.
  const sunday = [{ start: '02:15', end: '02:45' }, { start: '03:10', end: '04:00' }];
  const calendar: Calendar = { ...defaultBusinessCalendar(), id: 'ny_gap', timeZone: 'America/New_York', holidays: null, weekly: [sunday, [], [], [], [], [], []] };

  it('counts the union of the converted intervals', () => {
    expect(businessMs(calendar, at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(50 * MIN);
    expect(openIntervalsOn(calendar, '2026-03-08')).toEqual([{ start: at('2026-03-08T03:10:00-04:00'), end: at('2026-03-08T04:00:00-04:00') }]);
  });
});
