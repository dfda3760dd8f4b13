import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../src/shared/domain';
import { compileCalendar } from '../../../../src/shared/sla/calendar';
import { openIntervalsOn } from '../../../../src/shared/sla/business-time';
import { holidayClosures } from '../../../../src/shared/sla/holidays';
import { defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { H, sp } from './sla-fixtures';

const business = defaultBusinessCalendar();
const withCal = (patch: Partial<Calendar>): Calendar => ({ ...business, ...patch });
const hours = (cal: Calendar, date: string): [number, number][] => openIntervalsOn(cal, date).map((i) => [i.start, i.end]);
const day = (date: string, ...spans: [string, string][]): [number, number][] => spans.map(([a, b]) => [sp(`${date} ${a}`), sp(`${date} ${b}`)]);

describe('business calendar (SPEC §3 defaults: Mon–Fri 08–12 and 13–18, America/Sao_Paulo, BR holidays)', () => {
  it.each([
    ['a plain Friday', '2027-02-05', day('2027-02-05', ['08:00', '12:00'], ['13:00', '18:00'])],
    ['Saturday', '2027-02-06', []],
    ['Sunday', '2027-02-07', []],
    ['Carnaval Monday (optional point, included by default)', '2027-02-08', []],
    ['Carnaval Tuesday', '2027-02-09', []],
    ['Ash Wednesday (not included by default)', '2027-02-10', day('2027-02-10', ['08:00', '12:00'], ['13:00', '18:00'])],
    ['Tiradentes (national public holiday)', '2027-04-21', []],
    ['Corpus Christi (optional point, included by default)', '2027-05-27', []],
    ['Christmas Eve (not included by default)', '2027-12-24', day('2027-12-24', ['08:00', '12:00'], ['13:00', '18:00'])],
    ['Revolução Constitucionalista: SP state holiday, not national', '2027-07-09', day('2027-07-09', ['08:00', '12:00'], ['13:00', '18:00'])],
  ])('%s', (_name, date, expected) => {
    expect(hours(business, date)).toEqual(expected);
  });

  it('date-holidays puts Carnaval 2027 on Monday 8 and Tuesday 9 February', () => {
    const carnaval = holidayClosures({ country: 'BR', state: null, city: null, includeOptional: ['carnaval'] }, 2027)
      .filter((c) => c.reason === 'carnaval')
      .map((c) => [c.date, c.startMinute, c.endMinute]);
    expect(carnaval).toEqual([
      ['2027-02-08', 0, 1440],
      ['2027-02-09', 0, 1440],
    ]);
  });

  it('the other optional points close what date-holidays says: Ash Wednesday until 14:00, the eves from 14:00', () => {
    const cal = withCal({
      id: 'todos_pontos',
      holidays: { country: 'BR', state: null, city: null, includeOptional: ['carnaval', 'corpus_christi', 'ash_wednesday_morning', 'christmas_eve', 'new_years_eve'] },
    });
    expect(hours(cal, '2027-02-10')).toEqual(day('2027-02-10', ['14:00', '18:00']));
    expect(hours(cal, '2027-12-24')).toEqual(day('2027-12-24', ['08:00', '12:00'], ['13:00', '14:00']));
    expect(hours(cal, '2027-12-31')).toEqual(day('2027-12-31', ['08:00', '12:00'], ['13:00', '14:00']));
  });

  it('state and city holidays apply when the calendar names them', () => {
    const state = withCal({ id: 'sp_estado', holidays: { country: 'BR', state: 'SP', city: null, includeOptional: [] } });
    expect(hours(state, '2027-07-09')).toEqual([]);
    expect(hours(state, '2027-01-25')).toHaveLength(2);
    const city = withCal({ id: 'sp_capital', holidays: { country: 'BR', state: 'SP', city: 'SP', includeOptional: [] } });
    expect(hours(city, '2027-01-25')).toEqual([]);
    // Without includeOptional, Carnaval is a working day.
    expect(hours(city, '2027-02-08')).toHaveLength(2);
  });

  it('refuses an unknown state, city or time zone instead of silently using another', () => {
    expect(() => hours(withCal({ id: 'x1', holidays: { country: 'BR', state: 'XX', city: null, includeOptional: [] } }), '2027-01-04')).toThrow(/unknown state/);
    expect(() => hours(withCal({ id: 'x2', holidays: { country: 'BR', state: 'SP', city: 'Nowhere', includeOptional: [] } }), '2027-01-04')).toThrow(/unknown city/);
    expect(() => compileCalendar(withCal({ id: 'x3', timeZone: 'Mars/Olympus' }))).toThrow(/unknown time zone/);
  });

  it('a dated override closes a day or sets special hours, and wins over a holiday', () => {
    const cal = withCal({
      id: 'com_excecoes',
      overrides: [
        { date: '2027-03-03', intervals: [], reason: 'Enchente' },
        { date: '2027-03-04', intervals: [{ start: '10:00', end: '15:00' }], reason: 'Treinamento' },
        { date: '2027-04-21', intervals: [{ start: '09:00', end: '12:00' }], reason: 'Plantão de fechamento' },
      ],
    });
    expect(hours(cal, '2027-03-03')).toEqual([]);
    expect(hours(cal, '2027-03-04')).toEqual(day('2027-03-04', ['10:00', '15:00']));
    expect(hours(cal, '2027-04-21')).toEqual(day('2027-04-21', ['09:00', '12:00']));
  });

  it('several intervals per weekday are sorted and merged', () => {
    const cal = withCal({
      id: 'turnos',
      holidays: null,
      weekly: [[], [{ start: '14:00', end: '20:00' }, { start: '07:00', end: '11:00' }, { start: '10:00', end: '12:00' }], [], [], [], [], []],
    });
    expect(hours(cal, '2027-03-01')).toEqual(day('2027-03-01', ['07:00', '12:00'], ['14:00', '20:00']));
  });

  it('alwaysOpen is 00:00–24:00 every day, and still honours an override', () => {
    const cal = withCal({ id: 'sempre', alwaysOpen: true, holidays: null, overrides: [{ date: '2027-03-07', intervals: [], reason: 'Manutenção' }] });
    expect(hours(cal, '2027-03-06')).toEqual([[sp('2027-03-06 00:00'), sp('2027-03-07 00:00')]]);
    expect(hours(cal, '2027-03-07')).toEqual([]);
  });

  it('is compiled once per calendar content (memoized)', () => {
    const a = compileCalendar(business);
    expect(compileCalendar(business)).toBe(a);
    expect(compileCalendar(structuredClone(business))).toBe(a);
    expect(compileCalendar(withCal({ id: 'outro' }))).not.toBe(a);
  });
});

describe('time zones with DST: local wall times are converted date by date', () => {
  const ny = (patch: Partial<Calendar>): Calendar => withCal({ timeZone: 'America/New_York', holidays: null, ...patch });
  const iso = (spans: [number, number][]): [string, string][] => spans.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()]);

  it('New York: the spring-forward day has 23 open hours, the fall-back day 25', () => {
    const cal = ny({ id: 'ny_24', alwaysOpen: true });
    expect(iso(hours(cal, '2024-03-10'))).toEqual([['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z']]);
    expect(iso(hours(cal, '2024-11-03'))).toEqual([['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z']]);
  });

  it('New York: 09:00–17:00 is 09:00 local on both sides of the change', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    const cal = ny({ id: 'ny_9_17', weekly: [nine, nine, nine, nine, nine, nine, nine] });
    expect(iso(hours(cal, '2024-03-09'))).toEqual([['2024-03-09T14:00:00.000Z', '2024-03-09T22:00:00.000Z']]);
    expect(iso(hours(cal, '2024-03-11'))).toEqual([['2024-03-11T13:00:00.000Z', '2024-03-11T21:00:00.000Z']]);
  });

  it('New York: a wall time in the gap moves forward; in the overlap it is the first occurrence', () => {
    const cal = ny({ id: 'ny_night', weekly: [[{ start: '01:30', end: '02:30' }], [], [], [], [], [], []] });
    // 2024-03-10 02:30 does not exist: it is 03:30 EDT (07:30Z), one real hour after 01:30 EST.
    expect(iso(hours(cal, '2024-03-10'))).toEqual([['2024-03-10T06:30:00.000Z', '2024-03-10T07:30:00.000Z']]);
    // 2024-11-03 01:30 happens twice: the first (EDT, 05:30Z); 02:30 EST is 07:30Z — two real hours.
    expect(iso(hours(cal, '2024-11-03'))).toEqual([['2024-11-03T05:30:00.000Z', '2024-11-03T07:30:00.000Z']]);
  });

  it('São Paulo 2018 (DST until 2019): the business day is 08:00 local in summer time too', () => {
    const cal = withCal({ id: 'sp_2018', holidays: null });
    expect(iso(hours(cal, '2018-11-05'))).toEqual([
      ['2018-11-05T10:00:00.000Z', '2018-11-05T14:00:00.000Z'],
      ['2018-11-05T15:00:00.000Z', '2018-11-05T20:00:00.000Z'],
    ]);
    expect(iso(hours(cal, '2018-11-01'))[0]).toEqual(['2018-11-01T11:00:00.000Z', '2018-11-01T15:00:00.000Z']);
    // DST began at midnight: 2018-11-04 starts at 01:00 (-02) and has 23 hours; 2018-02-17 had 25.
    const always = withCal({ id: 'sp_2018_24', holidays: null, alwaysOpen: true, overrides: [{ date: '2000-01-01', intervals: [], reason: 'index' }] });
    const [[s1, e1]] = hours(always, '2018-11-04') as [[number, number]];
    expect([new Date(s1).toISOString(), (e1 - s1) / H]).toEqual(['2018-11-04T03:00:00.000Z', 23]);
    const [[s2, e2]] = hours(always, '2018-02-17') as [[number, number]];
    expect((e2 - s2) / H).toBe(25);
  });
});
