import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OcEvent } from '../../../../src/shared/domain';
import { businessMs } from '../../../../src/shared/sla/business-time';
import { movesClocks } from '../../../../src/shared/sla/clocks';
import { defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { assigned, call, cancelled, clock, created, criticidade, customerReply, escalated, evaluate, H, note, plan, reply, returned, sp, status } from './sla-fixtures';

const business = defaultBusinessCalendar();
const offset = fc.integer({ min: 0, max: 10 * 24 * H });
const start = fc.integer({ min: sp('2027-01-01 00:00'), max: sp('2027-12-01 00:00') });

describe('clock properties', () => {
  it('a pause never makes a deadline earlier, and elapsed is W minus the paused span', () => {
    fc.assert(
      fc.property(start, offset, offset, offset, (s, toPause, pauseLength, afterResume) => {
        const p = s + toPause;
        const r = p + pauseLength;
        const now = r + afterResume;
        const plain = clock(evaluate([created(s)], s), 'resolution');
        const paused = clock(
          evaluate([created(s), status(p, 'nova', 'aguardando_cliente'), status(r, 'aguardando_cliente', 'em_atendimento')], now),
          'resolution',
        );
        expect(paused.dueAt).not.toBeNull();
        expect(paused.dueAt as number).toBeGreaterThanOrEqual(plain.dueAt as number);
        expect(paused.elapsedMs).toBe(businessMs(business, s, p) + businessMs(business, r, now));
        if (paused.state === 'breached') expect(paused.breachedAt as number).toBeLessThanOrEqual(now);
        else expect(paused.dueAt as number).toBeGreaterThan(now);
      }),
      { numRuns: 300 },
    );
  });

  it('nextChangeAt is always in the future, and nothing changes before it', () => {
    fc.assert(
      fc.property(start, offset, (s, later) => {
        const events = [created(s, 'ouro', 'alta')];
        const now = s + later;
        const result = evaluate(events, now);
        if (result.nextChangeAt === null) return;
        expect(result.nextChangeAt).toBeGreaterThan(now);
        const justBefore = evaluate(events, result.nextChangeAt - 1);
        const states = (r: typeof result) => r.clocks.map((c) => [c.state, c.alerts.length]);
        expect(states(justBefore)).toEqual(states(result));
        const at = evaluate(events, result.nextChangeAt);
        expect(states(at)).not.toEqual(states(result));
      }),
      { numRuns: 300 },
    );
  });
});

describe('events that do not move the clocks (movesClocks = false)', () => {
  const statuses = ['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'solucionada', 'reaberta', 'cancelada'] as const;
  // Builders of every kind of event, each placed at a given instant.
  const moving = [
    (t: number, k: number) => status(t, 'nova', statuses[k % statuses.length] as (typeof statuses)[number], k % 2 === 0 ? 'sim-1' : null),
    (t: number) => reply(t),
    (t: number) => call(t),
    (t: number) => escalated(t),
    (t: number) => assigned(t, 'n2-analyst', 'n2'),
    (t: number) => returned(t),
    (t: number) => criticidade(t, 'media', 'alta'),
    (t: number) => plan(t, 'ouro', 'vip'),
    (t: number) => cancelled(t),
  ];
  const neutral = [
    (t: number) => note(t),
    (t: number) => customerReply(t),
    (t: number) => assigned(t, 'n1-analyst', 'n1'),
    (t: number) => ({ ...note(t), data: { type: 'field_changed' as const, field: 'subject' as const, from: 'a', to: 'b' } }),
    (t: number) => ({ ...note(t), data: { type: 'handed_off' as const, target: 'cs' as const } }),
  ];
  const step = fc.tuple(fc.integer({ min: 0, max: moving.length - 1 }), fc.integer({ min: 1, max: 30 * H }), fc.nat(20));

  it('appending one at or before now leaves the evaluation exactly as it was', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 8 }), fc.integer({ min: 0, max: neutral.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), offset,
        (s, steps, which, where, after) => {
          const log: OcEvent[] = [created(s, 'ouro', 'media')];
          let t = s;
          for (const [kind, gap, k] of steps) {
            t += gap;
            log.push((moving[kind] as (t: number, k: number) => OcEvent)(t, k));
          }
          const now = t + after;
          const extra = (neutral[which] as (t: number) => OcEvent)(s + Math.floor(where * (now - s)));
          expect(movesClocks(extra)).toBe(false);
          const withExtra = [...log, extra].sort((a, b) => a.at - b.at);
          expect(evaluate(withExtra, now)).toEqual(evaluate(log, now));
        }),
      { numRuns: 400 },
    );
  });

  it('every other event can move a clock: each changes the evaluation of a fresh or an escalated OC', () => {
    const s = sp('2027-03-01 09:00');
    const now = s + 3 * H;
    const fresh = [created(s, 'ouro', 'media')];
    const escalatedOc = [...fresh, escalated(s + H / 2)];
    for (const [i, build] of moving.entries()) {
      const event = build(s + H, 2); // k = 2: a pause (aguardando_cliente)
      expect(movesClocks(event), `builder ${i}`).toBe(true);
      const moved = [fresh, escalatedOc].some((base) => !isDeepStrictEqual(evaluate([...base, event], now), evaluate(base, now)));
      expect(moved, `builder ${i}`).toBe(true);
    }
  });
});
