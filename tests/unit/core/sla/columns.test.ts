import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '../../../../src/core/db/sla-columns';
import { urgencyOf } from '../../../../src/core/sla/columns';
import type { SlaClockState, SlaEvaluation } from '../../../../src/shared/sla/clocks';

// urgencyOf is the queue's sort key (SPEC §4 "soonest breach first"); it must agree with slaBadge's ranking:
// counting clocks only, a breached one by its breach instant (longest overdue first).

const T = Date.parse('2026-11-25T15:00:00Z');
const H = 3_600_000;

const clock = (over: Partial<SlaClockState>): SlaClockState => ({
  clock: 'resolution',
  state: 'running',
  counting: true,
  startedAt: T - 4 * H,
  dueAt: T + H,
  targetMs: 8 * H,
  elapsedMs: 4 * H,
  remainingMs: 4 * H,
  percent: 50,
  breachedAt: null,
  reclassified: false,
  metAt: null,
  stoppedAt: null,
  calendarId: 'comercial',
  alerts: [],
  ...over,
});

const evaluation = (...clocks: SlaClockState[]): SlaEvaluation => ({ clocks, nextChangeAt: null, configVersion: 1, pastOlaBreaches: [] });

describe('urgencyOf (queue sort key)', () => {
  it('is the soonest deadline among running clocks', () => {
    expect(urgencyOf(evaluation(clock({ dueAt: T + 3 * H }), clock({ clock: 'first_response', dueAt: T + H })))).toBe(T + H);
  });

  it('puts a clock that breached and still counts first, by its breach instant', () => {
    const breached = clock({ clock: 'first_response', state: 'breached', dueAt: T - 2 * H, breachedAt: T - 2 * H });
    expect(urgencyOf(evaluation(clock({ dueAt: T + H }), breached))).toBe(T - 2 * H);
  });

  it('gives a paused clock no deadline, even a breached one (nothing breaches while aguardando_cliente)', () => {
    const pausedBreached = clock({ state: 'breached', counting: false, dueAt: T - 5 * H, breachedAt: T - 5 * H });
    const paused = clock({ state: 'paused', counting: false, dueAt: null });
    expect(urgencyOf(evaluation(pausedBreached))).toBe(NO_DEADLINE);
    expect(urgencyOf(evaluation(paused))).toBe(NO_DEADLINE);
    expect(urgencyOf(evaluation(pausedBreached, clock({ clock: 'ola_n2', dueAt: T + 30 * 60_000 })))).toBe(T + 30 * 60_000);
  });

  it('ignores stopped clocks, met or breached', () => {
    const met = clock({ clock: 'first_response', state: 'met', counting: false, dueAt: T + H, metAt: T - H, stoppedAt: T - H });
    const stoppedBreached = clock({ state: 'breached', counting: false, dueAt: T - H, breachedAt: T - H, stoppedAt: T });
    expect(urgencyOf(evaluation(met, stoppedBreached))).toBe(NO_DEADLINE);
    expect(urgencyOf(evaluation())).toBe(NO_DEADLINE);
  });
});
