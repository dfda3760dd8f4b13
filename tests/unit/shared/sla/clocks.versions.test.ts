import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../../../src/shared/domain';
import { clock, configsOf, created, evaluate, H, recomputed, reply, sp, status, v1, withOverrides } from './sla-fixtures';

// Rule 7: policy and calendar edits reach an open OC only through an explicit sla_recomputed event, which
// re-evaluates the timeline under the new version (stopped clocks keep their outcome; a breach stays a breach).

const answered = [created('2027-03-01 08:00'), reply('2027-03-01 09:00'), status('2027-03-01 09:00', 'nova', 'em_atendimento')];
const flood = withOverrides(2, [{ date: '2027-03-03', intervals: [], reason: 'Enchente' }]);
const configs = configsOf(v1, flood);

const withResponse = (version: number, minutes: number): SlaConfig => ({
  ...v1,
  version,
  targets: { ...v1.targets, ouro: { ...v1.targets.ouro, critica: { ...v1.targets.ouro.critica, responseMinutes: minutes }, media: { ...v1.targets.ouro.media, responseMinutes: minutes } } },
});

describe('a holiday added by a lead after the OC opened', () => {
  it('changes nothing while the OC stays on its version', () => {
    const result = evaluate(answered, '2027-03-02 10:00', configs);
    expect(result.configVersion).toBe(1);
    expect(clock(result, 'resolution').dueAt).toBe(sp('2027-03-03 15:00'));
  });

  it('applies after sla_recomputed: Wednesday is closed, the deadline moves to Thursday', () => {
    const result = evaluate([...answered, recomputed('2027-03-02 10:00', 1, 2)], '2027-03-02 10:00', configs);
    expect(result.configVersion).toBe(2);
    expect(clock(result, 'resolution')).toMatchObject({ elapsedMs: 11 * H, dueAt: sp('2027-03-04 15:00') });
    // The first response stopped before the recompute: untouched.
    expect(clock(result, 'first_response')).toMatchObject({ state: 'met', metAt: sp('2027-03-01 09:00'), elapsedMs: H });
  });

  it('a closed day in the past is credited to a live clock by the full recompute', () => {
    const outage = withOverrides(3, [{ date: '2027-03-01', intervals: [], reason: 'Queda de energia' }]);
    const result = evaluate([...answered, recomputed('2027-03-02 10:00', 1, 3)], '2027-03-02 10:00', configsOf(v1, outage));
    expect(clock(result, 'resolution')).toMatchObject({ elapsedMs: 2 * H, dueAt: sp('2027-03-04 15:00') });
    expect(clock(result, 'first_response')).toMatchObject({ state: 'met', elapsedMs: H });
  });
});

describe('recompute and breaches', () => {
  it('a breach stays a breach even if the new version has a longer target', () => {
    const events = [created('2027-03-01 08:00', 'ouro', 'critica'), recomputed('2027-03-01 10:00', 1, 2)];
    const fr = clock(evaluate(events, '2027-03-01 11:00', configsOf(v1, withResponse(2, 480))), 'first_response');
    expect(fr).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 09:00'), reclassified: false, targetMs: 8 * H });
  });

  it('a breach only the new version reveals is dated at the recompute, reclassified, alerted once', () => {
    const events = [created('2027-03-01 08:00'), recomputed('2027-03-01 11:00', 1, 2)];
    const fr = clock(evaluate(events, '2027-03-01 11:30', configsOf(v1, withResponse(2, 60))), 'first_response');
    expect(fr).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 11:00'), reclassified: true, targetMs: H });
    expect(fr.alerts).toEqual([
      { threshold: 50, crossedAt: sp('2027-03-01 10:00'), alertAt: sp('2027-03-01 10:00'), reclassified: false },
      { threshold: 75, crossedAt: sp('2027-03-01 11:00'), alertAt: null, reclassified: true },
      { threshold: 90, crossedAt: sp('2027-03-01 11:00'), alertAt: null, reclassified: true },
      { threshold: 100, crossedAt: sp('2027-03-01 11:00'), alertAt: sp('2027-03-01 11:00'), reclassified: true },
    ]);
  });

  it('a recompute to the version already in force changes nothing', () => {
    const plain = evaluate(answered, '2027-03-02 10:00', configs);
    const same = evaluate([...answered, recomputed('2027-03-01 12:00', 1, 1)], '2027-03-02 10:00', configs);
    expect(same.clocks).toEqual(plain.clocks);
  });

  it('an unknown version is the caller’s error, not a silent fallback', () => {
    expect(() => evaluate([...answered, recomputed('2027-03-02 10:00', 1, 9)], '2027-03-02 11:00', configs)).toThrow(/v9/);
  });
});
