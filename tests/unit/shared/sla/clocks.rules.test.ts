import { describe, expect, it } from 'vitest';
import { evaluateSla } from '../../../../src/shared/sla/clocks';
import {
  assigned, call, cancelled, clock, configsOf, created, customerReply, escalated, evaluate, H, MIN, note, reply, returned, sp, status, v1,
} from './sla-fixtures';

// One block per rule of SPEC §3 "Clock semantics". Ouro/media = 4 h response, 24 h resolution on business
// hours; ouro/critica = 1 h / 8 h. Monday 2027-03-01 is an ordinary working day.

describe('rule 1 — a pure function of (events, versions, now)', () => {
  const events = [created('2027-03-01 08:00'), reply('2027-03-01 09:00'), status('2027-03-01 09:00', 'nova', 'em_atendimento'), status('2027-03-01 10:00', 'em_atendimento', 'aguardando_cliente')];

  it('same input, same output; the order of the log does not matter (events are sorted by time)', () => {
    const a = evaluate(events, '2027-03-02 10:00');
    expect(evaluate([...events].reverse(), '2027-03-02 10:00')).toEqual(a);
    expect(evaluate(events, '2027-03-02 10:00')).toEqual(a);
  });

  it('events after now are not part of the state yet; the first of them is the next change', () => {
    const result = evaluate(events, '2027-03-01 09:30');
    expect(clock(result, 'resolution').state).toBe('running');
    expect(result.nextChangeAt).toBe(sp('2027-03-01 10:00'));
  });

  it('an OC without a created event, or created after now, has no clocks', () => {
    expect(evaluate([], '2027-03-01 09:00').clocks).toEqual([]);
    expect(evaluate(events, '2027-03-01 07:00')).toMatchObject({ clocks: [], nextChangeAt: sp('2027-03-01 08:00') });
  });
});

describe('rule 3 — first response', () => {
  it.each([
    ['a public reply stops it', [reply('2027-03-01 10:00')], 'met', sp('2027-03-01 10:00')],
    ['a logged call stops it', [call('2027-03-01 10:00')], 'met', sp('2027-03-01 10:00')],
    ['an internal note does not', [note('2027-03-01 10:00')], 'running', null],
    ["the customer's own reply does not", [customerReply('2027-03-01 10:00')], 'running', null],
  ])('%s', (_name, more, state, metAt) => {
    const fr = clock(evaluate([created('2027-03-01 08:00'), ...more], '2027-03-01 11:00'), 'first_response');
    expect(fr).toMatchObject({ state, metAt, elapsedMs: state === 'met' ? 2 * H : 3 * H, dueAt: sp('2027-03-01 12:00') });
  });

  it('a phone OC starts at the call start carried by created.at', () => {
    const fr = clock(evaluate([created('2027-03-01 08:10', 'ouro', 'critica', { channel: 'phone' }), call('2027-03-01 08:25')], '2027-03-01 09:00'), 'first_response');
    expect(fr).toMatchObject({ startedAt: sp('2027-03-01 08:10'), state: 'met', elapsedMs: 15 * MIN });
  });

  it('never pauses: waiting for the customer does not stop the first-response clock', () => {
    const events = [created('2027-03-01 08:00'), status('2027-03-01 09:00', 'nova', 'aguardando_cliente')];
    expect(clock(evaluate(events, '2027-03-01 11:00'), 'first_response')).toMatchObject({ state: 'running', elapsedMs: 3 * H });
  });
});

describe('rule 4 — resolution', () => {
  const base = [created('2027-03-01 08:00'), reply('2027-03-01 08:30'), status('2027-03-01 08:30', 'nova', 'em_atendimento')];
  const at = (...more: ReturnType<typeof status>[]) => clock(evaluate([...base, ...more], '2027-03-02 10:00'), 'resolution');

  it('pauses while aguardando_cliente: paused time does not count and there is no due instant', () => {
    const res = at(status('2027-03-01 10:00', 'em_atendimento', 'aguardando_cliente'));
    expect(res).toMatchObject({ state: 'paused', counting: false, elapsedMs: 2 * H, dueAt: null, remainingMs: 22 * H });
  });

  it('resumes after the customer answers', () => {
    const res = at(status('2027-03-01 10:00', 'em_atendimento', 'aguardando_cliente'), status('2027-03-01 16:00', 'aguardando_cliente', 'em_atendimento'));
    // 08–10 (2 h) + 16–18 (2 h) + Tue 08–10 (2 h)
    expect(res).toMatchObject({ state: 'running', elapsedMs: 6 * H, dueAt: sp('2027-03-04 10:00') });
  });

  it('stops at solucionada (met)', () => {
    expect(at(status('2027-03-01 17:00', 'em_atendimento', 'solucionada'))).toMatchObject({ state: 'met', metAt: sp('2027-03-01 17:00'), elapsedMs: 8 * H, stoppedAt: sp('2027-03-01 17:00') });
  });

  it('stops at encaminhada_dev only with a simulation record', () => {
    expect(at(status('2027-03-01 17:00', 'em_atendimento', 'encaminhada_dev', 'sim-1'))).toMatchObject({ state: 'met', elapsedMs: 8 * H });
    expect(at(status('2027-03-01 17:00', 'em_atendimento', 'encaminhada_dev', null))).toMatchObject({ state: 'running', elapsedMs: 11 * H });
    expect(at(status('2027-03-01 17:00', 'em_atendimento', 'encaminhada_dev', 'sim-1'), status('2027-03-01 17:30', 'encaminhada_dev', 'aguardando_versao'))).toMatchObject({ state: 'met', elapsedMs: 8 * H });
  });

  it('a reopen resumes the same clock (elapsed continues)', () => {
    const reopened = at(status('2027-03-01 12:00', 'em_atendimento', 'solucionada'), status('2027-03-02 09:00', 'solucionada', 'reaberta'));
    expect(reopened).toMatchObject({ state: 'running', metAt: null, stoppedAt: null, elapsedMs: 5 * H, startedAt: sp('2027-03-01 08:00') });
    const backFromDev = at(status('2027-03-01 12:00', 'em_atendimento', 'encaminhada_dev', 'sim-1'), status('2027-03-02 09:00', 'encaminhada_dev', 'em_atendimento'));
    expect(backFromDev).toMatchObject({ state: 'running', elapsedMs: 5 * H });
  });

  it('cancelada stops every clock with no outcome', () => {
    const result = evaluate([created('2027-03-01 08:00'), cancelled('2027-03-01 09:00'), status('2027-03-01 09:00', 'nova', 'cancelada')], '2027-03-03 10:00');
    expect(result.clocks.map((c) => [c.clock, c.state, c.dueAt, c.stoppedAt])).toEqual([
      ['first_response', 'stopped', null, sp('2027-03-01 09:00')],
      ['resolution', 'stopped', null, sp('2027-03-01 09:00')],
    ]);
    expect(result.nextChangeAt).toBeNull();
  });

  it('solving before any reply also answers the customer: the first response stops with an outcome', () => {
    const result = evaluate([created('2027-03-01 08:00'), status('2027-03-01 09:00', 'nova', 'solucionada')], '2027-03-01 10:00');
    expect(clock(result, 'first_response')).toMatchObject({ state: 'met', metAt: sp('2027-03-01 09:00') });
  });
});

describe('rule 5 — met at or before D; a breach stays a breach', () => {
  const critica = (stopAt: number) => clock(evaluate([created('2027-03-01 08:00', 'ouro', 'critica'), reply(stopAt)], '2027-03-01 12:00'), 'first_response');

  it('a stop exactly at D is met, one millisecond later is a breach at D', () => {
    expect(critica(sp('2027-03-01 09:00'))).toMatchObject({ state: 'met', dueAt: sp('2027-03-01 09:00') });
    expect(critica(sp('2027-03-01 09:00') + 1)).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 09:00'), reclassified: false, metAt: null });
  });

  it('a running clock reads breached from D on', () => {
    const events = [created('2027-03-01 08:00', 'ouro', 'critica')];
    expect(clock(evaluate(events, sp('2027-03-01 09:00') - 1), 'first_response').state).toBe('running');
    expect(clock(evaluate(events, '2027-03-01 09:00'), 'first_response')).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 09:00'), counting: true });
  });

  it('stopping, lowering the criticidade or cancelling never un-breaches', () => {
    const events = [
      created('2027-03-01 08:00', 'ouro', 'critica'),
      reply('2027-03-01 08:30'),
      status('2027-03-01 08:30', 'nova', 'em_atendimento'),
      // The 8 h resolution breached on Monday 17:00; then lowered to baixa (40 h) and solved / cancelled.
      { ...status('2027-03-02 09:00', 'em_atendimento', 'em_atendimento'), data: { type: 'criticidade_changed' as const, from: 'critica' as const, to: 'baixa' as const } },
      status('2027-03-02 10:00', 'em_atendimento', 'solucionada'),
    ];
    const res = clock(evaluate(events, '2027-03-03 10:00'), 'resolution');
    expect(res).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 17:00'), targetMs: 40 * H, metAt: null });
    const cancelledAfter = clock(evaluate([...events.slice(0, 3), cancelled('2027-03-02 09:00'), status('2027-03-02 09:00', 'em_atendimento', 'cancelada')], '2027-03-03 10:00'), 'resolution');
    expect(cancelledAfter).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 17:00'), stoppedAt: sp('2027-03-02 09:00') });
  });
});

describe('rule 8 — warnings at 50/75/90 %', () => {
  it('are crossed at exact instants, in open hours, and alerted at once', () => {
    const res = clock(evaluate([created('2027-03-01 08:00', 'ouro', 'critica')], '2027-03-01 16:00'), 'resolution');
    // 8 h target: 4 h at 12:00 (closing instant of the morning), 6 h at 15:00, 7 h 12 at 16:12.
    expect(res.alerts).toEqual([
      { threshold: 50, crossedAt: sp('2027-03-01 12:00'), alertAt: sp('2027-03-01 12:00'), reclassified: false },
      { threshold: 75, crossedAt: sp('2027-03-01 15:00'), alertAt: sp('2027-03-01 15:00'), reclassified: false },
    ]);
    expect(res.percent).toBe(87.5);
  });

  it('nextChangeAt is the next warning, then the breach', () => {
    const events = [created('2027-03-01 08:00', 'ouro', 'critica')];
    // First response (1 h): 50 % at 08:30, 75 % at 08:45, breach at 09:00 — then the resolution's 90 % at 16:12 and its breach at 17:00.
    expect(evaluate(events, '2027-03-01 08:40').nextChangeAt).toBe(sp('2027-03-01 08:45'));
    expect(evaluate(events, '2027-03-01 08:55').nextChangeAt).toBe(sp('2027-03-01 09:00'));
    expect(evaluate(events, '2027-03-01 16:00').nextChangeAt).toBe(sp('2027-03-01 16:12'));
    const answered = [...events, reply('2027-03-01 08:30')];
    expect(evaluate(answered, '2027-03-01 16:00').nextChangeAt).toBe(sp('2027-03-01 16:12'));
    expect(evaluate(answered, '2027-03-01 16:12').nextChangeAt).toBe(sp('2027-03-01 17:00'));
  });

  it('follow config.warnThresholdsPct', () => {
    const custom = { ...v1, warnThresholdsPct: [25] };
    const res = clock(evaluateSla([created('2027-03-01 08:00', 'ouro', 'critica')], configsOf(custom), sp('2027-03-01 16:00')), 'resolution');
    expect(res.alerts.map((a) => [a.threshold, a.crossedAt])).toEqual([[25, sp('2027-03-01 10:00')]]);
  });
});

describe('rule 9 — N1→N2 escalation and the OLA', () => {
  const base = [created('2027-03-01 08:00'), reply('2027-03-01 08:30'), status('2027-03-01 08:30', 'nova', 'em_atendimento'), escalated('2027-03-01 11:50'), assigned('2027-03-01 11:50', null)];

  it('starts a 30 business-minute OLA; the pick-up queue (assigned to nobody) does not stop it', () => {
    const result = evaluate(base, '2027-03-01 13:10');
    expect(clock(result, 'ola_n2')).toMatchObject({ state: 'running', startedAt: sp('2027-03-01 11:50'), elapsedMs: 20 * MIN, dueAt: sp('2027-03-01 13:20'), targetMs: 30 * MIN });
    // The customer clocks keep running.
    expect(clock(result, 'resolution')).toMatchObject({ state: 'running', elapsedMs: 4 * H + 10 * MIN });
  });

  it('stops when an N2 analyst is assigned, or when N2 returns the OC', () => {
    expect(clock(evaluate([...base, assigned('2027-03-01 13:15', 'n2-bia')], '2027-03-01 15:00'), 'ola_n2')).toMatchObject({ state: 'met', metAt: sp('2027-03-01 13:15') });
    expect(clock(evaluate([...base, returned('2027-03-01 13:30')], '2027-03-01 15:00'), 'ola_n2')).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 13:20') });
    expect(clock(evaluate([...base, assigned('2027-03-01 13:15', 'n1-ana', 'n1')], '2027-03-01 15:00'), 'ola_n2').state).toBe('breached');
  });

  it('only exists once escalated', () => {
    expect(evaluate(base.slice(0, 3), '2027-03-01 15:00').clocks.map((c) => c.clock)).toEqual(['first_response', 'resolution']);
  });

  it('a second escalation starts a new OLA run and remembers the breach of the first', () => {
    const events = [...base, returned('2027-03-01 14:00'), escalated('2027-03-02 09:00'), assigned('2027-03-02 09:00', null)];
    const result = evaluate(events, '2027-03-02 09:10');
    expect(clock(result, 'ola_n2')).toMatchObject({ state: 'running', startedAt: sp('2027-03-02 09:00'), elapsedMs: 10 * MIN });
    expect(result.pastOlaBreaches).toEqual([sp('2027-03-01 13:20')]);
  });
});

describe('rule 10 — customer-visible actions count when the server received them', () => {
  it('a reply written offline at 08:40 and received at 09:10 breaches a 1 h first response due 09:00', () => {
    // The mutator stamps a public reply with ctx.receivedAt; the engine uses the event time as given.
    const receivedAt = sp('2027-03-01 09:10');
    const fr = clock(evaluate([created('2027-03-01 08:00', 'ouro', 'critica'), reply(receivedAt)], '2027-03-01 10:00'), 'first_response');
    expect(fr).toMatchObject({ state: 'breached', breachedAt: sp('2027-03-01 09:00'), stoppedAt: receivedAt });
  });
});
