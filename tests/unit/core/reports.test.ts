import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT_RISK_PCT } from '../../../src/shared/api/lead-views';
import type { Ocorrencia, OcEvent, Plan, SlaConfig } from '../../../src/shared/domain';
import { evaluateSla } from '../../../src/shared/sla/clocks';
import { SEED_NOW, seededCore, type TestCore } from '../../fixtures/core';

// The lead's numbers must equal a direct computation over the same data: every OC of the replica evaluated with
// the pure engine, with no candidate filtering, bucketed by hand here.

const DAY = 86_400_000;
const SP_OFFSET = -3 * 3_600_000; // São Paulo has had no DST since 2019
const localDate = (t: number) => new Date(t + SP_OFFSET).toISOString().slice(0, 10);

let t: TestCore;
let ocs: Ocorrencia[];
let eventsOf: Map<string, OcEvent[]>;
let configs: (v: number) => SlaConfig;

beforeAll(async () => {
  t = await seededCore(600, 23);
  await t.call('session.login', { login: 'beatriz', password: 'demo' });
  const db = t.core.db;
  ocs = (db.prepare('SELECT doc FROM ocorrencia').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Ocorrencia);
  eventsOf = new Map();
  for (const row of db.prepare('SELECT doc FROM oc_event ORDER BY at, oc_id, seq').all() as { doc: string }[]) {
    const event = JSON.parse(row.doc) as OcEvent;
    eventsOf.set(event.ocId, [...(eventsOf.get(event.ocId) ?? []), event]);
  }
  const byVersion = new Map((db.prepare('SELECT doc FROM sla_config').all() as { doc: string }[]).map((r) => {
    const c = JSON.parse(r.doc) as SlaConfig;
    return [c.version, c] as const;
  }));
  configs = (v) => byVersion.get(v) as SlaConfig;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const evaluateAll = (now = SEED_NOW) => ocs.map((oc) => ({ oc, evaluation: evaluateSla(eventsOf.get(oc.id) ?? [], configs, now) }));

const planAtBreach = (oc: Ocorrencia, at: number): Plan => {
  let plan: Plan = oc.plan;
  const events = eventsOf.get(oc.id) ?? [];
  for (const e of events) if (e.data.type === 'created') plan = e.data.plan;
  for (const e of events) if (e.data.type === 'plan_changed' && e.at <= at) plan = e.data.to;
  return plan;
};

describe('reports.compliance equals a direct evaluation of every OC', () => {
  it('by plan over the last 14 days, for first response and resolution', async () => {
    const from = SEED_NOW - 14 * DAY;
    const report = await t.call('reports.compliance', { from, to: SEED_NOW, groupBy: ['plan'] });
    const expected = new Map<string, { fr: [number, number]; res: [number, number] }>();
    for (const { oc, evaluation } of evaluateAll()) {
      for (const clock of evaluation.clocks) {
        if (clock.clock === 'ola_n2') continue;
        const at = clock.breachedAt ?? (clock.state === 'met' ? clock.metAt : null);
        if (at === null || at < from || at >= SEED_NOW) continue;
        const plan = planAtBreach(oc, at);
        const entry = expected.get(plan) ?? { fr: [0, 0], res: [0, 0] };
        const pair = clock.clock === 'first_response' ? entry.fr : entry.res;
        pair[clock.breachedAt === null ? 0 : 1] += 1;
        expected.set(plan, entry);
      }
    }
    const got = new Map(report.rows.map((r) => [r.plan, { fr: [r.firstResponse.met, r.firstResponse.breached], res: [r.resolution.met, r.resolution.breached] }]));
    expect(got).toEqual(expected);
    const breached = [...expected.values()].reduce((n, e) => n + e.res[1] + e.fr[1], 0);
    expect(breached).toBeGreaterThan(0);
    const total = report.totals.resolution;
    expect(total.pct).toBeCloseTo((100 * total.met) / (total.met + total.breached), 1);
  });

  it('by day × analyst: analyst is whoever held the OC when the outcome was decided', async () => {
    const from = SEED_NOW - 7 * DAY;
    const report = await t.call('reports.compliance', { from, to: SEED_NOW, groupBy: ['period', 'analyst'], granularity: 'day' });
    const expected = new Map<string, number>();
    for (const { oc, evaluation } of evaluateAll()) {
      for (const clock of evaluation.clocks) {
        if (clock.clock !== 'resolution' || clock.breachedAt === null || clock.breachedAt < from || clock.breachedAt >= SEED_NOW) continue;
        let holder = '-';
        for (const e of eventsOf.get(oc.id) ?? []) if (e.data.type === 'assigned' && e.at <= clock.breachedAt) holder = e.data.toId ?? '-';
        const key = `${localDate(clock.breachedAt)}|${holder}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    const got = new Map(report.rows.filter((r) => r.resolution.breached > 0).map((r) => [`${r.period}|${r.analystId}`, r.resolution.breached]));
    expect(got).toEqual(expected);
  });

  it('rows come in the order of the breakdown: periods in time, plans as listed, names alphabetically, nobody last', async () => {
    const report = await t.call('reports.compliance', { from: SEED_NOW - 30 * DAY, to: SEED_NOW, groupBy: ['plan', 'analyst'], granularity: 'week' });
    expect(report.rows.length).toBeGreaterThan(6);
    const names = new Intl.Collator('pt-BR', { sensitivity: 'base' });
    const plans = ['prata', 'ouro', 'vip'];
    for (let i = 1; i < report.rows.length; i += 1) {
      const [a, b] = [report.rows[i - 1], report.rows[i]] as [(typeof report.rows)[0], (typeof report.rows)[0]];
      const byPlan = plans.indexOf(a.plan ?? '') - plans.indexOf(b.plan ?? '');
      expect(byPlan, `${a.plan} before ${b.plan}`).toBeLessThanOrEqual(0);
      if (byPlan === 0) {
        if (a.analystName === '') expect(b.analystName, 'the unassigned row is the last of its plan').toBe('');
        else if (b.analystName !== '') expect(names.compare(a.analystName ?? '', b.analystName ?? ''), `${a.analystName} before ${b.analystName}`).toBeLessThan(0);
      }
    }
    const byPeriod = await t.call('reports.compliance', { from: SEED_NOW - 30 * DAY, to: SEED_NOW, groupBy: ['period'], granularity: 'day' });
    const periods = byPeriod.rows.map((r) => r.period);
    expect(periods).toEqual([...periods].sort());
  });

  it('is refused to an N1 analyst', async () => {
    await t.call('session.logout');
    await t.call('session.login', { login: 'ana', password: 'demo' });
    expect((await t.fail('reports.compliance', { from: SEED_NOW - DAY, to: SEED_NOW })).code).toBe('FORBIDDEN_ROLE');
    expect((await t.fail('reports.exportTable', { table: { title: 'x', columns: [{ header: 'a' }], rows: [] }, format: 'csv', fileName: 'x' })).code).toBe('FORBIDDEN_ROLE');
    await t.call('session.logout');
    await t.call('session.login', { login: 'beatriz', password: 'demo' });
  });
});

describe('reports.penalties equals a direct sum with the monthly cap', () => {
  it('for the seed month, per customer', async () => {
    const month = localDate(SEED_NOW).slice(0, 7);
    const report = await t.call('reports.penalties', { month });
    const config = configs(1);
    const perCustomer = new Map<string, { at: number; plan: Plan }[]>();
    for (const { oc, evaluation } of evaluateAll()) {
      const res = evaluation.clocks.find((c) => c.clock === 'resolution');
      if (res?.breachedAt == null || localDate(res.breachedAt).slice(0, 7) !== month) continue;
      perCustomer.set(oc.customerId, [...(perCustomer.get(oc.customerId) ?? []), { at: res.breachedAt, plan: planAtBreach(oc, res.breachedAt) }]);
    }
    const fees = new Map((t.core.db.prepare('SELECT doc FROM customer').all() as { doc: string }[]).map((r) => {
      const c = JSON.parse(r.doc) as { id: string; monthlyFeeCents: number };
      return [c.id, c.monthlyFeeCents] as const;
    }));
    const expected = new Map<string, [number, number]>();
    for (const [customerId, breaches] of perCustomer) {
      const fee = fees.get(customerId) as number;
      const cap = Math.round((fee * config.penaltyCapPct) / 100);
      let charged = 0;
      for (const b of breaches.sort((x, y) => x.at - y.at)) charged += Math.min(Math.round((fee * config.penaltyPct[b.plan]) / 100), cap - charged);
      expected.set(customerId, [breaches.length, charged]);
    }
    expect(new Map(report.rows.map((r) => [r.customerId, [r.breaches, r.penaltyCents]]))).toEqual(expected);
    expect(report.totals.penaltyCents).toBe([...expected.values()].reduce((n, [, c]) => n + c, 0));
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it('exports the statement of a customer as CSV and PDF', async () => {
    const month = localDate(SEED_NOW).slice(0, 7);
    const top = (await t.call('reports.penalties', { month })).rows[0];
    if (top === undefined) throw new Error('no penalties in the seed');
    const detail = await t.call('reports.penaltyDetail', { customerId: top.customerId, month });
    expect(detail.lines).toHaveLength(top.breaches);
    expect(detail.lines.reduce((n, l) => n + l.chargedCents, 0)).toBe(top.penaltyCents);
    const csv = await t.call('reports.penaltyStatement', { customerId: top.customerId, month, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(csv.fileName).toMatch(new RegExp(`-${month}\\.csv$`));
    for (const line of detail.lines) expect(text).toContain(line.displayNumber);
    expect(text).toContain(`Penalidade devida;R$ ${(top.penaltyCents / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);
    const pdf = Buffer.from((await t.call('reports.penaltyStatement', { customerId: top.customerId, month, format: 'pdf' })).base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('writes any report table as CSV (formulas disarmed) and as PDF; a malformed table is refused', async () => {
    const table = {
      title: 'Penalidades',
      about: ['Mês de referência: novembro de 2026'],
      columns: [{ header: 'Cliente', grow: true }, { header: 'Penalidade', align: 'right' as const }],
      rows: [['=HYPERLINK("http://x";"clique")', 'R$ 1.500,00'], ['Cooperativa; "Vale"', '-1,5']],
      total: ['Total geral', 'R$ 1.498,50'],
    };
    const csv = await t.call('reports.exportTable', { table, format: 'csv', fileName: 'penalidades-2026-11' });
    expect(csv).toMatchObject({ fileName: 'penalidades-2026-11.csv', mimeType: 'text/csv;charset=utf-8' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toBe([
      '\uFEFFPenalidades', 'Mês de referência: novembro de 2026', '', 'Cliente;Penalidade',
      `"'=HYPERLINK(""http://x"";""clique"")";R$ 1.500,00`, '"Cooperativa; ""Vale""";-1,5', 'Total geral;R$ 1.498,50', '',
    ].join('\r\n'));
    const pdf = await t.call('reports.exportTable', { table, format: 'pdf', fileName: 'penalidades-2026-11', lang: 'en' });
    expect(pdf.fileName).toBe('penalidades-2026-11.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const refused = [
      { table: { ...table, rows: [['only one cell']] }, format: 'csv', fileName: 'x' },
      { table: { ...table, total: ['one'] }, format: 'csv', fileName: 'x' },
      { table: { ...table, title: 'a\u0000b' }, format: 'pdf', fileName: 'x' },
      { table: { ...table, rows: [['\uD800', 'x']] }, format: 'pdf', fileName: 'x' },
      { table, format: 'csv', fileName: '../../etc/passwd' },
      { table, format: 'xlsx', fileName: 'x' },
      { table: { ...table, rows: Array.from({ length: 20_001 }, () => ['a', 'b']) }, format: 'csv', fileName: 'x' },
    ];
    for (const args of refused) expect((await t.fail('reports.exportTable', args as never)).code, JSON.stringify(args).slice(0, 80)).toBe('INVALID_ARGS');
  });

  it('refuses a malformed month', async () => {
    expect((await t.fail('reports.penalties', { month: '2026-13' })).code).toBe('INVALID_ARGS');
  });
});

describe('reports.volume equals a direct count', () => {
  it('by channel and by level, per week', async () => {
    const from = SEED_NOW - 14 * DAY;
    const report = await t.call('reports.volume', { from, to: SEED_NOW, granularity: 'week' });
    const opened = ocs.filter((oc) => oc.createdAt >= from && oc.createdAt < SEED_NOW);
    const escalated = (oc: Ocorrencia) => (eventsOf.get(oc.id) ?? []).some((e) => e.data.type === 'escalated');
    expect(report.totals.total).toBe(opened.length);
    expect(report.totals.byChannel.phone).toBe(opened.filter((o) => o.channel === 'phone').length);
    expect(report.totals.byChannel.extranet).toBe(opened.filter((o) => o.channel === 'extranet').length);
    expect(report.totals.escalated).toBe(opened.filter(escalated).length);
    expect(report.totals.solvedAtN1).toBe(opened.filter((o) => !escalated(o) && o.solvedAt !== null).length);
    expect(report.rows.reduce((n, r) => n + r.total, 0)).toBe(opened.length);
    expect(report.totals.escalated).toBeGreaterThan(0);
  });
});

describe('board.snapshot', () => {
  it('lists first the truly soonest running clock, and counts breached and at-risk OCs', async () => {
    const board = await t.call('board.snapshot');
    let soonest = Infinity;
    let breachedOcs = 0;
    let atRisk = 0;
    let running = 0;
    for (const { oc, evaluation } of evaluateAll()) {
      if (!['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'reaberta'].includes(oc.status)) continue;
      const counting = evaluation.clocks.filter((c) => c.clock !== 'ola_n2' && c.counting);
      const live = counting.filter((c) => c.breachedAt === null && c.dueAt !== null);
      for (const c of live) soonest = Math.min(soonest, c.dueAt as number);
      if (live.length > 0) running += 1;
      if (counting.some((c) => c.breachedAt !== null)) breachedOcs += 1;
      if (live.some((c) => c.percent >= AT_RISK_PCT)) atRisk += 1;
    }
    expect(board.nextBreaches[0]?.dueAt).toBe(soonest);
    expect(board.nextBreaches.map((c) => c.dueAt)).toEqual([...board.nextBreaches.map((c) => c.dueAt)].sort((a, b) => (a as number) - (b as number)));
    expect(board.breachedCount).toBe(breachedOcs);
    expect(board.atRiskCount).toBe(atRisk);
    expect(board.runningCount).toBe(running);
    expect(board.nextBreaches.length).toBe(Math.min(40, running));
    expect(board.now).toBe(SEED_NOW);
    expect(board.compliance.byPlan.map((p) => p.key)).toEqual(['prata', 'ouro', 'vip']);
    // Its 30-day compliance (cached past days + fresh today) equals the report over the same local days.
    const midnight = Date.parse(`${localDate(SEED_NOW)}T03:00:00Z`);
    const report = await t.call('reports.compliance', { from: midnight - 29 * DAY, to: midnight + DAY, groupBy: ['plan'] });
    for (const row of report.rows) {
      const onBoard = board.compliance.byPlan.find((p) => p.key === row.plan);
      expect([onBoard?.days30.met, onBoard?.days30.breached]).toEqual([row.firstResponse.met + row.resolution.met, row.firstResponse.breached + row.resolution.breached]);
    }
    expect(board.analysts.length).toBeGreaterThan(0);
  });
});

describe('a holiday moves open deadlines only after the explicit recompute (SPEC §3 rule 7)', () => {
  it('keeps deadlines on save, moves them on sla.recompute', async () => {
    const dueOf = async () => new Map((await t.call('board.snapshot')).nextBreaches.map((c) => [`${c.ocId}:${c.clock}`, c.dueAt]));
    const before = await dueOf();
    const overview = await t.call('config.sla');
    const { version, effectiveFrom: _e, ...draft } = overview.current;
    const tomorrow = localDate(SEED_NOW + DAY);
    const calendars = draft.calendars.map((c) => (c.id === 'comercial' ? { ...c, overrides: [...c.overrides, { date: tomorrow, intervals: [], reason: 'Feriado municipal' }] } : c));
    await t.call('sla.updateConfig', { baseVersion: version, config: { ...draft, calendars } });
    expect((await t.call('config.sla')).current.version).toBe(version + 1);
    expect(await dueOf()).toEqual(before);
    await t.call('sla.recompute', {});
    const after = await dueOf();
    const moved = [...after].filter(([key, due]) => before.has(key) && before.get(key) !== due);
    expect(moved.length).toBeGreaterThan(0);
    for (const [key, due] of moved) expect(due as number).toBeGreaterThan(before.get(key) as number);
    const overviewAfter = await t.call('config.sla');
    expect(overviewAfter.openOcsByVersion.every((v) => v.version === version + 1)).toBe(true);
  });
});
