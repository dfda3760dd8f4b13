import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventsOf } from '../../../../src/core/db/events';
import { writeSlaColumns } from '../../../../src/core/db/sla-columns';
import { configResolver, slaColumnsWithHistory } from '../../../../src/core/sla/columns';
import { HOUR, MINUTE, SlaHarness, sp } from './harness';

// The SLA scheduler inside a real core (SQLite replica, mutators, events), with time driven by fake timers.
// 2026-11-25 is a Wednesday; the default business calendar is Mon–Fri 08–12 and 13–18 in São Paulo; VIP crítica
// runs 24×7 (30 min response, 4 h resolution); Ouro baixa 8 h / 40 h, alta 2 h / 16 h, crítica 1 h / 8 h.

let h: SlaHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const started = async (at: number): Promise<SlaHarness> => {
  h = await SlaHarness.create(at);
  await h.login('beatriz');
  h.core.start();
  return h;
};

describe('SLA scheduler: when alerts fire', () => {
  it('fires a VIP crítica (24×7) warning at night, at the very instant it is crossed', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    t.advanceTo(sp('2026-11-25T22:15') - 1);
    expect(t.alertsOf(ocId)).toEqual([]);
    t.advanceTo(sp('2026-11-25T22:15'));
    expect(t.alerts).toEqual([
      {
        alert: expect.objectContaining({ id: `${ocId}:first_response:50`, ocId, clock: 'first_response', threshold: 50, at: sp('2026-11-25T22:15'), assigneeId: null }),
        emittedAt: sp('2026-11-25T22:15'),
      },
    ]);
    expect(t.alerts[0]?.alert.displayNumber).toMatch(/^PROV-[0-9A-F]{6}$/);
    expect(t.alerts[0]?.alert.subject).toBe('Erro ao emitir nota (vip critica)');
    t.advanceTo(sp('2026-11-25T22:31'));
    expect(t.alertsOf(ocId)).toEqual(['first_response:50', 'first_response:75', 'first_response:90', 'first_response:100']);
    expect(t.alerts.map((a) => a.emittedAt)).toEqual([sp('2026-11-25T22:15'), sp('2026-11-25T22:22') + 30_000, sp('2026-11-25T22:27'), sp('2026-11-25T22:30')]);
  });

  it('holds a warning crossed at 18:30 on a business calendar until 08:00 of the next business day', async () => {
    const t = await started(sp('2026-11-25T17:00'));
    const ocId = await t.createOc('ouro', 'baixa');
    t.advanceTo(sp('2026-11-25T18:30'));
    // 1 business hour counted (17–18). Alta's 2 h response target makes that 50 % — crossed now, at 18:30.
    await t.call('oc.changeCriticidade', { ocId, criticidade: 'alta' });
    t.advanceTo(sp('2026-11-25T18:31'));
    expect(t.alertsOf(ocId)).toEqual([]);
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-26T08:00'));
    t.advanceTo(sp('2026-11-26T08:00') - 1);
    expect(t.alertsOf(ocId)).toEqual([]);
    t.advanceTo(sp('2026-11-26T08:00'));
    expect(t.alerts).toEqual([
      { alert: expect.objectContaining({ clock: 'first_response', threshold: 50, at: sp('2026-11-25T18:30') }), emittedAt: sp('2026-11-26T08:00') },
    ]);
    // The clock keeps counting from 08:00: 75 % at 08:30, 90 % at 08:48, breach at 09:00 — each once.
    t.advanceTo(sp('2026-11-26T09:01'));
    expect(t.alertsOf(ocId)).toEqual(['first_response:50', 'first_response:75', 'first_response:90', 'first_response:100']);
    expect(t.alerts.at(-1)?.emittedAt).toBe(sp('2026-11-26T09:00'));
  });

  it('fires a breach revealed by a reclassification inside open hours at once, without the warnings it jumped', async () => {
    const t = await started(sp('2026-11-25T09:00'));
    const ocId = await t.createOc('ouro', 'baixa');
    t.advanceTo(sp('2026-11-25T11:00'));
    expect(t.alertsOf(ocId)).toEqual([]); // 2 h of 8 h: 25 %
    await t.call('oc.changeCriticidade', { ocId, criticidade: 'critica' });
    t.advanceTo(sp('2026-11-25T11:00') + 1_000);
    expect(t.alerts).toEqual([{ alert: expect.objectContaining({ clock: 'first_response', threshold: 100, at: sp('2026-11-25T11:00') }), emittedAt: expect.any(Number) }]);
    expect(t.alerts[0]!.emittedAt - sp('2026-11-25T11:00')).toBeLessThanOrEqual(200);
    expect(t.recorded(ocId)).toEqual(['first_response:100']);
  });

  it('alerts the N2 pick-up OLA again after a second escalation', async () => {
    const t = await started(sp('2026-11-25T09:00'));
    const ocId = await t.createOc('ouro', 'baixa');
    await t.call('oc.take', { ocId });
    const simulation = { steps: 'Emitir a nota do pedido 123.', environment: 'Homologação', evidence: '', expected: 'Nota emitida', actual: 'Erro de validação' };
    await t.call('oc.escalate', { ocId, simulation });
    t.advanceTo(sp('2026-11-25T09:31')); // OLA 30 business minutes
    const olaBreaches = (): string[] => t.alerts.filter((a) => a.alert.clock === 'ola_n2' && a.alert.threshold === 100).map((a) => a.alert.id);
    expect(olaBreaches()).toHaveLength(1);
    await t.call('oc.take', { ocId });
    await t.call('oc.returnToN1', { ocId, note: 'Sem reprodução no N2.' });
    t.advanceTo(sp('2026-11-25T10:00'));
    await t.call('oc.escalate', { ocId, simulation });
    t.advanceTo(sp('2026-11-25T10:31'));
    const ids = olaBreaches();
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('SLA scheduler: exactly once across restarts', () => {
  it('never repeats an alert after a restart, and shows what came due while closed once', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    t.advanceTo(sp('2026-11-25T22:16'));
    expect(t.alertsOf(ocId)).toEqual(['first_response:50']);

    await t.quit();
    vi.setSystemTime(sp('2026-11-25T22:28')); // closed for 12 minutes: 75 % and 90 % came due meanwhile
    t.restart();
    t.advanceTo(Date.now() + 1);
    // Caught up at start: the highest of what came due together, once; 75 % is recorded, not shown.
    expect(t.alertsOf(ocId)).toEqual(['first_response:50', 'first_response:90']);
    expect(t.recorded(ocId)).toEqual(['first_response:50', 'first_response:75', 'first_response:90']);
    t.advanceTo(sp('2026-11-25T22:31'));
    expect(t.alertsOf(ocId)).toEqual(['first_response:50', 'first_response:90', 'first_response:100']);

    await t.quit();
    t.restart();
    t.advanceTo(Date.now() + MINUTE);
    expect(t.alertsOf(ocId)).toEqual(['first_response:50', 'first_response:90', 'first_response:100']);
    expect(new Set(t.alerts.map((a) => a.alert.id)).size).toBe(t.alerts.length);
  });

  it('after a closure shows the highest alert of each clock that came due in the last 24 h', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    await t.quit();
    vi.setSystemTime(sp('2026-11-26T20:00'));
    t.restart();
    t.advanceTo(Date.now() + 1);
    expect(t.alerts.map((a) => [a.alert.clock, a.alert.threshold, a.alert.at])).toEqual([
      ['first_response', 100, sp('2026-11-25T22:30')],
      ['resolution', 100, sp('2026-11-26T02:00')],
    ]);
    expect(t.recorded(ocId)).toHaveLength(8);
    expect(t.changed.some((ids) => ids.includes(ocId))).toBe(true);
  });

  it('records alerts older than 24 h without showing them', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    await t.quit();
    vi.setSystemTime(sp('2026-11-27T09:00'));
    t.restart();
    t.advanceTo(Date.now() + 1);
    expect(t.alerts).toEqual([]);
    expect(t.recorded(ocId)).toHaveLength(8);
    const row = t.core.db.prepare('SELECT sla_state, sla_breached_at, sla_next_at FROM ocorrencia WHERE id = ?').get(ocId);
    expect(row).toEqual({ sla_state: 'breached', sla_breached_at: sp('2026-11-25T22:30'), sla_next_at: null });
  });
});

describe('SLA scheduler: history loaded in bulk', () => {
  it('does not present alerts recorded as history by slaColumnsWithHistory', async () => {
    const t = (h = await SlaHarness.create(sp('2026-11-25T22:00')));
    await t.login('beatriz');
    const ocId = await t.createOc('vip', 'critica');
    vi.setSystemTime(sp('2026-11-25T23:00')); // as a snapshot taken at 23:00 would have it
    const db = t.core.db;
    const columns = db.transaction(() => slaColumnsWithHistory(db, configResolver(db), Date.now())(eventsOf(db, ocId)))();
    writeSlaColumns(db, ocId, columns);
    expect(t.recorded(ocId)).toEqual(['first_response:50', 'first_response:75', 'first_response:90', 'first_response:100']);
    t.core.start();
    t.advanceTo(sp('2026-11-26T00:00'));
    // The response's past alerts stay history; the resolution's 50 % at 00:00 is news.
    expect(t.alertsOf(ocId)).toEqual(['resolution:50']);
  });
});

describe('SLA scheduler: the single timer', () => {
  it('is armed at the soonest instant across OCs and re-armed when a mutation moves it', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const vip = await t.createOc('vip', 'critica'); // 50 % of the response at 22:15
    await t.createOc('ouro', 'critica'); // business hours: counts from 08:00, 50 % at 08:30
    t.advanceTo(sp('2026-11-25T22:01'));
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-25T22:15'));
    expect(vi.getTimerCount()).toBe(2); // the SLA timeout and the watchdog's interval

    await t.call('oc.take', { ocId: vip });
    await t.call('oc.reply', { ocId: vip, body: 'Estamos analisando o erro de validação.' });
    t.advanceTo(sp('2026-11-25T22:02'));
    // The first response stopped: the soonest instant is now the resolution's 50 % (2 h of 4 h).
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-26T00:00'));
    expect(vi.getTimerCount()).toBe(2);
    t.advanceTo(sp('2026-11-26T00:00'));
    expect(t.alertsOf(vip)).toEqual(['resolution:50']);
  });

  it('re-evaluates when the wall clock jumps forward, before the armed delay would have run out', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    t.advanceTo(sp('2026-11-25T22:01'));
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-25T22:15'));
    vi.setSystemTime(sp('2026-11-25T22:20')); // the wall clock jumps; timers and monotonic time do not move
    expect(t.alertsOf(ocId)).toEqual([]);
    vi.advanceTimersByTime(30_000); // the watchdog's next look
    expect(t.alertsOf(ocId)).toEqual(['first_response:50']);
    expect(t.alerts[0]!.emittedAt).toBeLessThanOrEqual(sp('2026-11-25T22:20') + 30_000);
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-25T22:22') + 30_000);
  });

  it('re-evaluates at once when told the system resumed', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    t.advanceTo(sp('2026-11-25T22:01'));
    vi.setSystemTime(sp('2026-11-25T23:00'));
    t.core.sla.reevaluate('resume');
    expect(t.alertsOf(ocId)).toEqual(['first_response:100']);
    expect(t.core.sla.armedAt()).toBe(sp('2026-11-26T00:00'));
  });

  it('stops: no timer left, no alert after stop', async () => {
    const t = await started(sp('2026-11-25T22:00'));
    const ocId = await t.createOc('vip', 'critica');
    t.advanceTo(sp('2026-11-25T22:01'));
    t.core.sla.stop();
    expect(t.core.sla.armedAt()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    t.advanceTo(sp('2026-11-25T22:01') + HOUR);
    expect(t.alertsOf(ocId)).toEqual([]);
  });
});
