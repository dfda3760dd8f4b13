import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Instant,
  IsoDate,
  IsoInstant,
  IsoMonth,
  MAX_INSTANT,
  parseIsoDate,
  parseIsoDateTime,
  parseIsoInstant,
  parseIsoMonth,
  readTimeOfDay,
  TimeOfDay,
} from '../../../../src/shared/domain';
import { describeIssues } from '../../../../src/shared/validation';

// Strict dates: what JavaScript's Date would roll over (2026-02-30 → 2 March, T24:00 → next day, year 0001 → 1901)
// is refused, naming the field.

const refusal = (schema: z.ZodType, field: string, value: unknown) => {
  const parsed = z.object({ [field]: schema }).safeParse({ [field]: value });
  expect(parsed.success, `${JSON.stringify(value)} should be refused`).toBe(false);
  return describeIssues(parsed.error?.issues ?? []);
};

describe('IsoDate ("YYYY-MM-DD")', () => {
  it.each([
    ['2026-11-20', { year: 2026, month: 11, day: 20 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1970-01-01', { year: 1970, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('accepts %s', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts);
    expect(IsoDate.parse(text)).toBe(text);
  });

  it.each([
    ['2026-02-30', 'day 30 does not exist in 2026-02 (the month has 28 days)'],
    ['2026-02-29', 'day 29 does not exist in 2026-02 (the month has 28 days)'],
    ['1900-02-29', 'year 1900 is outside the accepted range (1970–9999)'],
    ['2100-02-29', 'day 29 does not exist in 2100-02 (the month has 28 days)'],
    ['2026-04-31', 'day 31 does not exist in 2026-04 (the month has 30 days)'],
    ['2026-01-00', 'day 00 does not exist in 2026-01 (the month has 31 days)'],
    ['2026-13-01', 'month 13 does not exist (use 01–12)'],
    ['2026-00-10', 'month 00 does not exist (use 01–12)'],
    ['0001-01-01', 'year 0001 is outside the accepted range (1970–9999)'],
    ['1969-12-31', 'year 1969 is outside the accepted range (1970–9999)'],
    ['2026-1-5', 'use YYYY-MM-DD (e.g. 2026-11-20)'],
    ['2026-01-05T00:00', 'use YYYY-MM-DD (e.g. 2026-11-20)'],
    [' 2026-01-05', 'use YYYY-MM-DD (e.g. 2026-11-20)'],
    ['２０２６-01-05', 'use YYYY-MM-DD (e.g. 2026-11-20)'],
    ['2026-01-05\u0000', 'use YYYY-MM-DD (e.g. 2026-11-20)'],
  ])('refuses %s: %s', (text, reason) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(refusal(IsoDate, 'date', text).en).toBe(`date: ${reason}`);
  });

  it('says it in Portuguese too', () => {
    expect(refusal(IsoDate, 'date', '2026-02-30')['pt-BR']).toBe('date: o dia 30 não existe em 2026-02 (o mês tem 28 dias)');
  });

  it('agrees with the proleptic Gregorian calendar on every day of 1970–9999 (Date.UTC round trip)', () => {
    fc.assert(fc.property(fc.integer({ min: 1970, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(parseIsoDate(text) !== null).toBe(real);
    }), { seed: 15_003, numRuns: 2_000 });
  });
});

describe('IsoMonth ("YYYY-MM", report periods)', () => {
  it.each([['2026-11', { year: 2026, month: 11 }], ['1970-01', { year: 1970, month: 1 }]])('accepts %s', (text, parts) => {
    expect(parseIsoMonth(text)).toEqual(parts);
  });
  it.each([
    ['2026-13', 'month 13 does not exist (use 01–12)'],
    ['2026-00', 'month 00 does not exist (use 01–12)'],
    ['0001-01', 'year 0001 is outside the accepted range (1970–9999)'],
    ['1969-12', 'year 1969 is outside the accepted range (1970–9999)'],
    ['2026-1', 'use YYYY-MM (e.g. 2026-11)'],
  ])('refuses %s', (text, reason) => {
    expect(refusal(IsoMonth, 'month', text).en).toBe(`month: ${reason}`);
  });
});

describe('TimeOfDay ("HH:MM" of a calendar interval)', () => {
  it.each([['00:00', 0], ['08:00', 480], ['23:59', 1439], ['24:00', 1440]])('accepts %s', (text, minutes) => {
    expect(readTimeOfDay(text)).toEqual({ ok: true, value: minutes });
  });
  it.each([
    ['25:00', 'hour 25 does not exist (use 00–23)'],
    ['24:30', 'there is no time after 24:00'],
    ['12:60', 'minute 60 does not exist (use 00–59)'],
    ['8:00', 'use HH:MM (e.g. 08:00)'],
    ['08:00:00', 'use HH:MM (e.g. 08:00)'],
  ])('refuses %s', (text, reason) => {
    expect(refusal(TimeOfDay, 'start', text).en).toBe(`start: ${reason}`);
  });
});

describe('ISO date-times and instants', () => {
  it.each([
    ['2027-02-05T17:30', { year: 2027, month: 2, day: 5, hour: 17, minute: 30, second: 0, millisecond: 0, offsetMinutes: null }],
    ['2027-02-05 17:30:05.5', { year: 2027, month: 2, day: 5, hour: 17, minute: 30, second: 5, millisecond: 500, offsetMinutes: null }],
    ['2027-02-05T17:30:05.123456789Z', { year: 2027, month: 2, day: 5, hour: 17, minute: 30, second: 5, millisecond: 123, offsetMinutes: 0 }],
    ['2027-02-05T17:30:00-03:00', { year: 2027, month: 2, day: 5, hour: 17, minute: 30, second: 0, millisecond: 0, offsetMinutes: -180 }],
    ['2027-02-05T17:30+0530', { year: 2027, month: 2, day: 5, hour: 17, minute: 30, second: 0, millisecond: 0, offsetMinutes: 330 }],
  ])('reads %s', (text, parts) => {
    expect(parseIsoDateTime(text)).toEqual(parts);
  });

  it.each([
    ['2026-11-25T15:00:00Z', Date.UTC(2026, 10, 25, 15)],
    ['2026-11-25T12:00:00-03:00', Date.UTC(2026, 10, 25, 15)],
    ['1970-01-01T00:00:00.000Z', 0],
    ['9999-12-31T23:59:59.999Z', MAX_INSTANT],
  ])('instant %s', (text, instant) => {
    expect(parseIsoInstant(text)).toBe(instant);
    expect(IsoInstant.parse(text)).toBe(instant);
  });

  it.each([
    ['2026-02-30T10:00Z', 'day 30 does not exist in 2026-02 (the month has 28 days)'],
    ['2026-02-10T25:00Z', 'hour 25 does not exist (use 00–23)'],
    ['2026-02-10T24:00Z', 'hour 24 does not exist (use 00–23)'],
    ['2026-02-10T10:60Z', 'minute 60 does not exist (use 00–59)'],
    ['2016-12-31T23:59:60Z', 'second 60 does not exist (use 00–59)'],
    ['2026-13-01T10:00Z', 'month 13 does not exist (use 01–12)'],
    ['0001-01-01T00:00Z', 'year 0001 is outside the accepted range (1970–9999)'],
    ['+275760-09-13T00:00:00Z', 'use YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM] (e.g. 2026-11-25T15:00:00-03:00)'],
    ['2026-02-10T10:00+25:00', 'offset +25:00 does not exist (use Z or -18:00 to +18:00)'],
    ['2026-02-10T10:00+03:75', 'offset +03:75 does not exist (use Z or -18:00 to +18:00)'],
    ['2026-02-10T10:00', 'the offset is missing: end with Z or ±HH:MM (e.g. 2026-11-25T15:00:00Z)'],
    ['1970-01-01T00:00+01:00', 'the instant falls outside the accepted range (1970–9999, UTC)'],
    ['tomorrow', 'use YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM] (e.g. 2026-11-25T15:00:00-03:00)'],
  ])('refuses %s', (text, reason) => {
    expect(parseIsoInstant(text)).toBeNull();
    expect(refusal(IsoInstant, 'now', text).en).toBe(`now: ${reason}`);
  });
});

describe('Instant (epoch ms)', () => {
  it.each([0, 1, Date.UTC(2026, 10, 25), MAX_INSTANT])('accepts %d', (value) => {
    expect(Instant.parse(value)).toBe(value);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['negative', -1],
    ['a fraction', 1.5],
    ['year 10000', MAX_INSTANT + 1],
    ["Date's limit, year 275760", 8.64e15],
    ['beyond safe integers', 1e300],
    ['an ISO string', '2026-11-25T15:00:00Z'],
    ['a numeric string', '1764082800000'],
    ['null', null],
    ['a boolean', true],
  ])('refuses %s, naming the field once', (_name, value) => {
    const text = refusal(Instant, 'createdAt', value);
    expect(text.en).toBe('createdAt: invalid instant: use whole epoch milliseconds from 1970-01-01T00:00Z up to 9999-12-31');
    expect(text['pt-BR']).toBe('createdAt: instante inválido: use milissegundos inteiros desde 1970-01-01T00:00Z, até 9999-12-31');
  });
});
