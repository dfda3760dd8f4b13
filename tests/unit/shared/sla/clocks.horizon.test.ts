import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Calendar, OcEvent, SlaConfig } from '../../../../src/shared/domain';
import { SLA_COUNTED_UNTIL } from '../../../../src/shared/sla/business-time';
import { evaluateSla } from '../../../../src/shared/sla/clocks';
import { eventLogProblems } from '../../../../src/shared/sla/event-log';
import { defaultBusinessCalendar, defaultSlaConfig } from '../../../../src/shared/sla/defaults';
import * as build from './sla-fixtures';
import { clock, configsOf, created, evaluate, reply, sp, status } from './sla-fixtures';

// The edges of the engine's time (business-time.ts: deadlines searched to 9999-12-31, elapsed time exact to
// 9999): far `now`s, calendars that never open, targets longer than the open time left, and logs no real OC has.

const withCalendar = (patch: Partial<Calendar>, resolutionMinutes?: number): SlaConfig => {
  const base = defaultSlaConfig(0);
  const calendar: Calendar = { ...defaultBusinessCalendar(), ...patch };
  const targets = structuredClone(base.targets);
  if (resolutionMinutes !== undefined) targets.ouro.media.resolutionMinutes = resolutionMinutes;
  return { ...base, targets, calendars: [calendar, ...base.calendars.filter((c) => c.id !== calendar.id)] };
};

describe('now far in the future', () => {
  const opened = created('2026-03-03 10:00');

  it('answers for now in year 9999, exact to the millisecond', () => {
    const result = evaluate([opened], Date.parse('9999-12-31T12:00:00Z'));
    // Worked out by the year-by-year engine this replaces (commit d7cb59d), which took 221 s for it.
    expect(clock(result, 'resolution')).toMatchObject({ state: 'breached', elapsedMs: 64_710_507_600_000, breachedAt: sp('2026-03-05 17:00') });
    expect(clock(result, 'first_response')).toMatchObject({ state: 'breached', elapsedMs: 64_710_507_600_000, breachedAt: sp('2026-03-03 15:00') });
  }, 60_000);

  it('stops counting at the end of year 9999 for a now beyond it (the largest Date)', () => {
    const atEnd = evaluate([opened], SLA_COUNTED_UNTIL);
    const beyond = evaluate([opened], 8.64e15);
    expect(clock(beyond, 'resolution').elapsedMs).toBe(64_710_536_400_000);
    expect(clock(beyond, 'resolution').elapsedMs).toBe(clock(atEnd, 'resolution').elapsedMs);
  }, 60_000);
});

describe('clocks with no deadline', () => {
  const neverOpen = configsOf(withCalendar({ weekly: [[], [], [], [], [], [], []], holidays: null }));

  it('on a calendar that never opens: running and met clocks say never_open instead of failing', () => {
    const result = evaluate([created('2026-03-03 10:00'), reply('2026-03-03 11:00')], '2026-03-04 10:00', neverOpen);
    expect(clock(result, 'first_response')).toMatchObject({ state: 'met', dueAt: null, unreachable: 'never_open', elapsedMs: 0 });
    expect(clock(result, 'resolution')).toMatchObject({ state: 'running', dueAt: null, unreachable: 'never_open', elapsedMs: 0 });
    expect(result.nextChangeAt).toBeNull();
  });

  it('with a target longer than the open time left before the horizon (9999-12-31): beyond_horizon', () => {
    const huge = configsOf(withCalendar({}, 2 ** 31));
    const running = evaluate([created('2026-03-03 10:00')], '2026-03-04 10:00', huge);
    expect(clock(running, 'resolution')).toMatchObject({ state: 'running', dueAt: null, unreachable: 'beyond_horizon', elapsedMs: 9 * build.H });
    const solved = evaluate([created('2026-03-03 10:00'), status('2026-03-03 11:00', 'nova', 'solucionada')], '2026-03-04 10:00', huge);
    expect(clock(solved, 'resolution')).toMatchObject({ state: 'met', dueAt: null, unreachable: 'beyond_horizon' });
  });

  it('a calendar open only on a date 14 years on still has a deadline, and breaches on it', () => {
    const sparse = configsOf(
      withCalendar({ weekly: [[], [], [], [], [], [], []], holidays: null, overrides: [{ date: '2040-05-02', intervals: [{ start: '09:00', end: '17:00' }], reason: 'mutirão' }] }),
    );
    const before = evaluate([created('2026-03-03 10:00')], '2027-01-01 00:00', sparse);
    expect(clock(before, 'first_response').dueAt).toBe(sp('2040-05-02 13:00'));
    expect(clock(before, 'first_response').unreachable).toBeUndefined();
    const after = evaluate([created('2026-03-03 10:00')], '2041-01-01 00:00', sparse);
    expect(clock(after, 'first_response')).toMatchObject({ state: 'breached', breachedAt: sp('2040-05-02 13:00'), elapsedMs: 8 * build.H });
    // Past its one open day nothing opens again.
    expect(clock(after, 'resolution')).toMatchObject({ state: 'running', dueAt: null, unreachable: 'never_open' });
  });
});

describe('event logs no real OC has', () => {
  const kinds = [
    (at: number) => created(at),
    (at: number) => created(at, 'vip', 'critica'),
    (at: number) => reply(at),
    (at: number) => build.note(at),
    (at: number) => status(at, 'nova', 'aguardando_cliente'),
    (at: number) => status(at, 'aguardando_cliente', 'em_atendimento'),
    (at: number) => status(at, 'em_atendimento', 'solucionada'),
    (at: number) => build.escalated(at),
    (at: number) => build.assigned(at, 'a2'),
    (at: number) => build.criticidade(at, 'media', 'alta'),
    (at: number) => build.cancelled(at),
  ];
  const from = sp('2026-03-02 00:00');
  const log = fc.array(fc.tuple(fc.integer({ min: 0, max: kinds.length - 1 }), fc.integer({ min: from, max: from + 30 * 86_400_000 })), { maxLength: 12 });

  it('never throw, and eventLogProblems names exactly the events the engine ignores', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: from, max: from + 40 * 86_400_000 }), (entries, now) => {
        const events: OcEvent[] = entries.map(([kind, at]) => (kinds[kind] as (t: number) => OcEvent)(at));
        const result = evaluateSla(events, configsOf(build.v1), now);
        const problems = eventLogProblems(events);
        if (problems.some((p) => p.code === 'no_created')) {
          expect(result.clocks).toEqual([]);
          return;
        }
        const ignored = new Set(problems.map((p) => ('index' in p ? p.index : -1)));
        const without = evaluateSla(events.filter((_, i) => !ignored.has(i)), configsOf(build.v1), now);
        // (An ignored event still in the future is still a wake-up in nextChangeAt: harmless.)
        expect({ ...result, nextChangeAt: null }).toEqual({ ...without, nextChangeAt: null });
      }),
      { seed: 3301, numRuns: 300 },
    );
  });

  it.each([
    ['no created event', [reply('2026-03-03 11:00')], [{ code: 'no_created' }]],
    ['a reply before creation', [reply('2026-03-03 09:00'), created('2026-03-03 10:00')], [{ code: 'before_created', index: 0, createdIndex: 1 }]],
    ['two created events', [created('2026-03-03 10:00'), created('2026-03-03 12:00')], [{ code: 'second_created', index: 1, createdIndex: 0 }]],
    ['a real log', [created('2026-03-03 10:00'), reply('2026-03-03 11:00')], []],
  ])('eventLogProblems: %s', (_name, events, expected) => {
    expect(eventLogProblems(events)).toEqual(expected);
  });
});
