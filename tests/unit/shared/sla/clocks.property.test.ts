import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMs } from '../../../../src/shared/sla/business-time';
import { defaultBusinessCalendar } from '../../../../src/shared/sla/defaults';
import { clock, created, evaluate, H, sp, status } from './sla-fixtures';

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
