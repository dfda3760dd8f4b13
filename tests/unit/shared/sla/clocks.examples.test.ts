import { describe, expect, it } from 'vitest';
import { slaBadge } from '../../../../src/shared/sla/clocks';
import { clock, created, criticidade, evaluate, H, MIN, plan, reply, sp, status } from './sla-fixtures';

// Worked examples with exact instants (business calendar: Mon–Fri 08–12, 13–18, São Paulo, BR holidays with
// Carnaval and Corpus Christi).

describe('worked examples', () => {
  it('Friday 17:30 before Carnaval 2027 (ouro/alta: 2 h / 16 h) counts 30 min, skips Mon 8 and Tue 9 Feb', () => {
    const result = evaluate([created('2027-02-05 17:30', 'ouro', 'alta')], '2027-02-08 10:00');
    expect(clock(result, 'first_response')).toMatchObject({ state: 'running', elapsedMs: 30 * MIN, dueAt: sp('2027-02-10 09:30') });
    expect(clock(result, 'resolution')).toMatchObject({ state: 'running', elapsedMs: 30 * MIN, dueAt: sp('2027-02-11 15:30') });
    // Next: the first response's 50 % (1 h) on Ash Wednesday at 08:30.
    expect(result.nextChangeAt).toBe(sp('2027-02-10 08:30'));
  });

  it('opened at 12:30, in the lunch gap (ouro/critica: 1 h / 8 h), starts counting at 13:00', () => {
    const result = evaluate([created('2027-03-03 12:30', 'ouro', 'critica')], '2027-03-03 12:59');
    expect(clock(result, 'first_response')).toMatchObject({ elapsedMs: 0, dueAt: sp('2027-03-03 14:00'), startedAt: sp('2027-03-03 12:30') });
    expect(clock(result, 'resolution').dueAt).toBe(sp('2027-03-04 11:00'));
  });

  it('opened at 22:00 (ouro/media: 4 h / 24 h): the response is due at 12:00 sharp, not 13:00', () => {
    const result = evaluate([created('2027-03-02 22:00')], '2027-03-03 07:00');
    expect(clock(result, 'first_response').dueAt).toBe(sp('2027-03-03 12:00'));
    expect(clock(result, 'resolution').dueAt).toBe(sp('2027-03-05 15:00'));
  });

  describe('a pause across a weekend (prata/media: 8 h / 40 h)', () => {
    const events = [
      created('2027-03-04 10:00', 'prata', 'media'),
      reply('2027-03-04 10:30'),
      status('2027-03-04 10:30', 'nova', 'em_atendimento'),
      status('2027-03-05 16:00', 'em_atendimento', 'aguardando_cliente'),
      status('2027-03-08 10:00', 'aguardando_cliente', 'em_atendimento'),
    ];

    it('is paused over the weekend with 14 h counted and no due instant', () => {
      expect(clock(evaluate(events, '2027-03-06 12:00'), 'resolution')).toMatchObject({ state: 'paused', elapsedMs: 14 * H, remainingMs: 26 * H, dueAt: null });
    });

    it('resumes Monday 10:00 (Monday 08–10 does not count) and is due Thursday 09:00 instead of Wednesday 15:00', () => {
      expect(clock(evaluate(events, '2027-03-08 11:00'), 'resolution')).toMatchObject({ state: 'running', elapsedMs: 15 * H, dueAt: sp('2027-03-11 09:00') });
      expect(clock(evaluate(events.slice(0, 3), '2027-03-08 11:00'), 'resolution').dueAt).toBe(sp('2027-03-10 15:00'));
    });
  });

  it('a reopen resumes the clock (ouro/alta: 16 h): 4 h before the solution + 2 h after the reopen', () => {
    const events = [
      created('2027-03-01 08:00', 'ouro', 'alta'),
      reply('2027-03-01 08:30'),
      status('2027-03-01 08:30', 'nova', 'em_atendimento'),
      status('2027-03-01 12:00', 'em_atendimento', 'solucionada'),
      status('2027-03-02 09:00', 'solucionada', 'reaberta'),
    ];
    expect(clock(evaluate(events, '2027-03-01 15:00'), 'resolution')).toMatchObject({ state: 'met', elapsedMs: 4 * H, dueAt: sp('2027-03-02 16:00') });
    expect(clock(evaluate(events, '2027-03-02 11:00'), 'resolution')).toMatchObject({ state: 'running', elapsedMs: 6 * H, dueAt: sp('2027-03-03 12:00') });
  });

  it('VIP critica runs 24×7 across midnight (30 min / 4 h), alerts fire at once', () => {
    const result = evaluate([created('2027-03-06 22:30', 'vip', 'critica')], '2027-03-07 01:00');
    expect(clock(result, 'first_response')).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-06 23:00'), calendarId: 'integral_24x7' });
    const res = clock(result, 'resolution');
    expect(res).toMatchObject({ state: 'running', elapsedMs: 2.5 * H, dueAt: sp('2027-03-07 02:30') });
    expect(res.alerts).toEqual([{ threshold: 50, crossedAt: sp('2027-03-07 00:30'), alertAt: sp('2027-03-07 00:30'), reclassified: false }]);
    expect(result.nextChangeAt).toBe(sp('2027-03-07 01:30'));
  });
});

describe('rule 6 — criticidade or plan changed mid-flight', () => {
  const answered = [created('2027-03-01 08:00'), reply('2027-03-01 09:00'), status('2027-03-01 09:00', 'nova', 'em_atendimento')];

  it('raised with immediate breach: breach at the change, reclassified, one alert', () => {
    const events = [...answered, criticidade('2027-03-02 11:30', 'media', 'critica')];
    const res = clock(evaluate(events, '2027-03-02 12:00'), 'resolution');
    expect(res).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-02 11:30'), reclassified: true, targetMs: 8 * H, elapsedMs: 13 * H, startedAt: sp('2027-03-01 08:00') });
    expect(res.alerts).toEqual([
      { threshold: 50, crossedAt: sp('2027-03-02 11:00'), alertAt: sp('2027-03-02 11:00'), reclassified: false },
      { threshold: 75, crossedAt: sp('2027-03-02 11:30'), alertAt: null, reclassified: true },
      { threshold: 90, crossedAt: sp('2027-03-02 11:30'), alertAt: null, reclassified: true },
      { threshold: 100, crossedAt: sp('2027-03-02 11:30'), alertAt: sp('2027-03-02 11:30'), reclassified: true },
    ]);
    // The first response had already stopped: it keeps its target and outcome.
    expect(clock(evaluate(events, '2027-03-02 12:00'), 'first_response')).toMatchObject({ state: 'met', targetMs: 4 * H });
  });

  it('raised without immediate breach: start and elapsed kept, new target applies', () => {
    const events = [...answered, criticidade('2027-03-01 10:00', 'media', 'critica')];
    const running = evaluate(events, '2027-03-01 11:00');
    expect(clock(running, 'resolution')).toMatchObject({ state: 'running', elapsedMs: 3 * H, targetMs: 8 * H, dueAt: sp('2027-03-01 17:00'), reclassified: false });
    expect(running.nextChangeAt).toBe(sp('2027-03-01 12:00'));
    const later = clock(evaluate(events, '2027-03-01 18:00'), 'resolution');
    expect(later).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 17:00'), reclassified: false });
    expect(later.alerts.map((a) => [a.threshold, a.crossedAt])).toEqual([
      [50, sp('2027-03-01 12:00')],
      [75, sp('2027-03-01 15:00')],
      [90, sp('2027-03-01 16:12')],
      [100, sp('2027-03-01 17:00')],
    ]);
  });

  it('a reclassification breach outside open hours is alerted at the next open instant', () => {
    const events = [...answered, criticidade('2027-03-02 20:00', 'media', 'critica')];
    const result = evaluate(events, '2027-03-02 21:00');
    const res = clock(result, 'resolution');
    expect(res).toMatchObject({ breachedAt: sp('2027-03-02 20:00'), reclassified: true });
    expect(res.alerts.at(-1)).toEqual({ threshold: 100, crossedAt: sp('2027-03-02 20:00'), alertAt: sp('2027-03-03 08:00'), reclassified: true });
    expect(result.nextChangeAt).toBe(sp('2027-03-03 08:00'));
  });

  it('a plan change moves the rest of the clock to the new calendar (ouro critica → VIP critica 24×7)', () => {
    const events = [created('2027-03-05 16:00', 'ouro', 'critica'), reply('2027-03-05 16:30'), plan('2027-03-05 17:00', 'ouro', 'vip')];
    const res = clock(evaluate(events, '2027-03-05 19:00'), 'resolution');
    // 1 h counted on business hours, then 3 h on 24×7: due Friday 20:00 although the office closes at 18:00.
    expect(res).toMatchObject({ calendarId: 'integral_24x7', targetMs: 4 * H, elapsedMs: 3 * H, dueAt: sp('2027-03-05 20:00') });
    expect(res.alerts.map((a) => [a.threshold, a.crossedAt])).toEqual([
      [50, sp('2027-03-05 18:00')],
      [75, sp('2027-03-05 19:00')],
    ]);
  });
});

describe('slaBadge — what queues and the board show', () => {
  it('the counting clock due soonest', () => {
    const badge = slaBadge(evaluate([created('2027-03-01 08:00', 'ouro', 'critica')], '2027-03-01 08:30'));
    expect(badge).toEqual({ clock: 'first_response', state: 'running', dueAt: sp('2027-03-01 09:00'), percent: 50, breachedAt: null });
  });

  it('a breached clock that is still counting comes first', () => {
    const badge = slaBadge(evaluate([created('2027-03-01 08:00', 'ouro', 'critica')], '2027-03-01 10:00'));
    expect(badge).toMatchObject({ clock: 'first_response', state: 'breached', breachedAt: sp('2027-03-01 09:00') });
  });

  it('then a paused clock, then the most telling stopped one', () => {
    const paused = [created('2027-03-01 08:00'), reply('2027-03-01 09:00'), status('2027-03-01 09:00', 'nova', 'aguardando_cliente')];
    expect(slaBadge(evaluate(paused, '2027-03-01 10:00'))).toMatchObject({ clock: 'resolution', state: 'paused', dueAt: null });
    const solved = [created('2027-03-01 08:00'), reply('2027-03-01 09:00'), status('2027-03-01 10:00', 'nova', 'solucionada')];
    expect(slaBadge(evaluate(solved, '2027-03-01 11:00'))).toMatchObject({ clock: 'resolution', state: 'met' });
    expect(slaBadge(evaluate([], '2027-03-01 11:00'))).toBeNull();
  });
});
