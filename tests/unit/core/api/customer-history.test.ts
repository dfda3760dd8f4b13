import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerOcPageSql } from '../../../../src/core/db/customer-history';
import { monthRange } from '../../../../src/shared/reports/periods';
import type { CustomerOcScope, CustomerOcSort } from '../../../../src/shared/api/customer-history';
import { isOpenStatus, OC_STATUSES, type OcStatus } from '../../../../src/shared/domain';
import type { QueueRow } from '../../../../src/shared/api/views';
import { SEED_NOW, seededCore, type TestCore } from '../../../fixtures/core';

// The customer's page (SPEC §2 "Customer history"): its OCs a page at a time with honest totals, its calls with
// or without an OC, its recados and its SLA this month — each read bounded by one customer, and any id that is
// not a customer's refused with a clear error, never an empty page or a throw.

let t: TestCore;
/** The customer with the most OCs in the seed, and another one. */
let big: { id: string; total: number };
let other: string;

beforeAll(async () => {
  t = await seededCore(600, 11);
  await t.call('session.login', { login: 'ana', password: 'demo' });
  const counts = t.core.db.prepare('SELECT customer_id AS id, COUNT(*) AS total FROM ocorrencia GROUP BY customer_id ORDER BY total DESC, customer_id').all() as { id: string; total: number }[];
  big = counts[0] as { id: string; total: number };
  other = (counts[1] as { id: string }).id;
});
afterAll(async () => t.close());

/** Every OC of a customer through the pages of 'customer.ocs', asserting each page's total on the way. */
const allPages = async (customerId: string, scope: CustomerOcScope, sort: CustomerOcSort, limit: number, statuses?: OcStatus[]): Promise<{ rows: QueueRow[]; total: number }> => {
  const rows: QueueRow[] = [];
  let total = -1;
  for (let offset = 0; ; offset += limit) {
    const page = await t.call('customer.ocs', { customerId, scope, sort, offset, limit, ...(statuses === undefined ? {} : { statuses }) });
    if (total === -1) total = page.total;
    expect(page.total).toBe(total);
    expect(page.offset).toBe(offset);
    rows.push(...page.rows);
    if (page.rows.length < limit) break;
  }
  return { rows, total };
};

describe('customer.ocs', () => {
  it('pages through every OC of the customer exactly once, and the total is the whole count', async () => {
    const { rows, total } = await allPages(big.id, 'all', 'recent', 7);
    expect(total).toBe(big.total);
    expect(rows).toHaveLength(big.total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(big.total);
    for (const row of rows) expect(row.customerId).toBe(big.id);
  });

  it('open and closed split the whole; the open total is the card’s open count', async () => {
    const open = await allPages(big.id, 'open', 'recent', 50);
    const closed = await allPages(big.id, 'closed', 'recent', 50);
    expect(open.total + closed.total).toBe(big.total);
    expect(open.rows.every((r) => isOpenStatus(r.status))).toBe(true);
    expect(closed.rows.every((r) => !isOpenStatus(r.status))).toBe(true);
    expect((await t.call('customer.card', { id: big.id })).openOcs).toBe(open.total);
  });

  // Table-driven: each sort is checked against the order it promises.
  const sorts: Array<[CustomerOcSort, (a: QueueRow, b: QueueRow) => boolean]> = [
    ['recent', (a, b) => a.createdAt >= b.createdAt],
    ['oldest', (a, b) => a.createdAt <= b.createdAt],
    ['updated', (a, b) => a.updatedAt >= b.updatedAt],
    // Open before closed; among open ones, the soonest running deadline first.
    ['urgent', (a, b) => Number(isOpenStatus(a.status)) >= Number(isOpenStatus(b.status))],
  ];
  for (const [sort, inOrder] of sorts) {
    it(`sort "${sort}" keeps its order across pages`, async () => {
      const { rows } = await allPages(big.id, 'all', sort, 9);
      expect(rows).toHaveLength(big.total);
      for (let i = 1; i < rows.length; i++) expect(inOrder(rows[i - 1] as QueueRow, rows[i] as QueueRow), `${sort} at ${i}`).toBe(true);
    });
  }

  it('the status filter narrows within the scope, and the counts by status add up to each filter’s total', async () => {
    const history = await t.call('customer.history', { customerId: big.id });
    expect(history.byStatus.reduce((n, s) => n + s.count, 0)).toBe(big.total);
    expect(history.openOcs + history.closedOcs).toBe(big.total);
    for (const { status, count } of history.byStatus) {
      const page = await t.call('customer.ocs', { customerId: big.id, statuses: [status], limit: 200 });
      expect(page.total, status).toBe(count);
      expect(page.rows.every((r) => r.status === status)).toBe(true);
      // A closed status asked within the open scope matches nothing (and says 0, not a stale count).
      const crossed = await t.call('customer.ocs', { customerId: big.id, statuses: [status], scope: isOpenStatus(status) ? 'closed' : 'open' });
      expect(crossed).toEqual({ rows: [], total: 0, offset: 0 });
    }
  });

  it('a page past the end is empty with the true total', async () => {
    expect(await t.call('customer.ocs', { customerId: big.id, offset: big.total + 10 })).toEqual({ rows: [], total: big.total, offset: big.total + 10 });
  });

  it('never mixes customers: another customer’s id gives only that customer’s OCs', async () => {
    const mine = new Set((await allPages(big.id, 'all', 'recent', 200)).rows.map((r) => r.id));
    const theirs = (await allPages(other, 'all', 'recent', 200)).rows;
    expect(theirs.length).toBeGreaterThan(0);
    for (const row of theirs) {
      expect(row.customerId).toBe(other);
      expect(mine.has(row.id)).toBe(false);
    }
  });

  it('a page reads through the customer index (a large customer stays cheap)', () => {
    for (const sort of ['recent', 'oldest', 'updated', 'urgent'] as const) {
      const sql = customerOcPageSql({ customerId: big.id, scope: 'all', sort, offset: 0, limit: 50 });
      const detail = (t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(big.id, 50, 0) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(detail, sort).toMatch(/SEARCH o USING (COVERING )?INDEX ocorrencia_customer \(customer_id=\?\)/);
    }
  });
});

describe('hostile ids and arguments', () => {
  const methods = [
    ['customer.history', (customerId: unknown) => ({ customerId })],
    ['customer.ocs', (customerId: unknown) => ({ customerId })],
    ['customer.callLog', (customerId: unknown) => ({ customerId })],
  ] as const;
  for (const [method, args] of methods) {
    it(`${method}: unknown id and an OC's id are "Cliente não encontrado"; NUL, lone surrogate, 1 MB, empty are refused`, async () => {
      const unknown = await t.fail(method, args('00000000-0000-4000-8000-000000000000'));
      expect(unknown.code).toBe('NOT_FOUND');
      expect(unknown.message['pt-BR']).toBe('Cliente não encontrado.');
      expect(unknown.message.en).toBe('Customer not found.');
      const ocId = (t.core.db.prepare('SELECT id FROM ocorrencia LIMIT 1').get() as { id: string }).id;
      expect((await t.fail(method, args(ocId))).code).toBe('NOT_FOUND');
      for (const hostile of [`${big.id}\u0000`, '\ud800', 'x'.repeat(1_000_000), '', 42, null]) {
        const refused = await t.fail(method, args(hostile));
        expect(refused.code, JSON.stringify(String(hostile).slice(0, 20))).toBe('INVALID_ARGS');
        expect(refused.message['pt-BR'].length).toBeGreaterThan(0);
      }
    });
  }

  it('paging arguments out of range, unknown statuses and extra keys are refused, not clamped', async () => {
    for (const bad of [
      { limit: 0 }, { limit: 201 }, { offset: -1 }, { offset: 1.5 }, { sort: 'random' }, { scope: 'mine' },
      { statuses: ['nova', 'apagada'] }, { statuses: Array.from({ length: OC_STATUSES.length + 1 }, () => 'nova') }, { customerIdx: 'a' },
    ]) {
      expect((await t.fail('customer.ocs', { customerId: big.id, ...bad })).code, JSON.stringify(bad)).toBe('INVALID_ARGS');
    }
    expect((await t.fail('customer.callLog', { customerId: big.id, limit: 500 })).code).toBe('INVALID_ARGS');
  });

  it('logged out, nothing is read', async () => {
    await t.call('session.logout', {});
    expect((await t.fail('customer.history', { customerId: big.id })).code).toBe('NOT_LOGGED_IN');
    expect((await t.fail('customer.ocs', { customerId: big.id })).code).toBe('NOT_LOGGED_IN');
    await t.call('session.login', { login: 'ana', password: 'demo' });
  });
});

describe('calls, recados and SLA this month', () => {
  // A call is dated by its start (the later call heads the log).
  const call = (contactName: string, startedAt: number) => ({ direction: 'inbound' as const, startedAt, endedAt: startedAt + 60_000, contactName, phone: null });

  it('a call without an OC heads the call log (no number) and the phone’s recent calls; one on an OC names it', async () => {
    const before = await t.call('customer.callLog', { customerId: other });
    t.clock.t = SEED_NOW + 1_000;
    await t.call('call.log', { customerId: other, ocId: null, call: call('Sem OC', SEED_NOW - 120_000), body: 'Perguntou o horário do suporte.' });
    const oc = (await t.call('customer.ocs', { customerId: other, scope: 'open', limit: 1 })).rows[0] as QueueRow;
    t.clock.t = SEED_NOW + 2_000;
    await t.call('call.log', { customerId: other, ocId: oc.id, call: call('Com OC', SEED_NOW - 90_000), body: 'Cobrou retorno da OC.' });
    const after = await t.call('customer.callLog', { customerId: other, limit: 2 });
    expect(after.total).toBe(before.total + 2);
    expect(after.entries.map((e) => [e.call.contactName, e.ocId, e.displayNumber])).toEqual([
      ['Com OC', oc.id, oc.displayNumber],
      ['Sem OC', null, null],
    ]);
    expect((await t.call('customer.history', { customerId: other })).calls).toBe(before.total + 2);
    const recent = await t.call('customer.calls', { customerId: other, limit: 2 });
    expect(recent.map((e) => e.call.contactName)).toEqual(['Com OC', 'Sem OC']);
    // Paging the log reaches every call once.
    const seen = new Set<string>();
    for (let offset = 0; offset < after.total; offset += 3) for (const e of (await t.call('customer.callLog', { customerId: other, offset, limit: 3 })).entries) seen.add(e.id);
    expect(seen.size).toBe(after.total);
    // Another customer's log holds none of them.
    expect((await t.call('customer.callLog', { customerId: big.id, limit: 200 })).entries.some((e) => e.body === 'Perguntou o horário do suporte.')).toBe(false);
  });

  it('recados about the customer: open first with the OC’s number, done after; counts honest', async () => {
    const me = (await t.call('session.current'))!.analyst;
    const rafael = (await t.call('directory.get', {})).analysts.find((a) => a.login === 'rafael')!;
    const before = await t.call('customer.history', { customerId: other });
    const oc = (await t.call('customer.ocs', { customerId: other, scope: 'open', limit: 1 })).rows[0] as QueueRow;
    t.clock.t = SEED_NOW + 3_000;
    const first = { id: crypto.randomUUID() };
    await t.call('recado.create', { id: first.id, forAnalystId: rafael.id, customerId: other, ocId: oc.id, callerName: 'Helena', callerPhone: null, message: 'Retornar sobre a OC.' });
    t.clock.t = SEED_NOW + 4_000;
    await t.call('recado.create', { forAnalystId: me.id, customerId: other, ocId: null, callerName: 'Otávio', callerPhone: null, message: 'Ligar depois das 14h.' });
    const history = await t.call('customer.history', { customerId: other });
    expect(history.recadosTotal).toBe(before.recadosTotal + 2);
    expect(history.openRecados).toBe(before.openRecados + 2);
    const helena = history.recados.find((r) => r.id === first.id);
    expect(helena).toMatchObject({ callerName: 'Helena', ocId: oc.id, displayNumber: oc.displayNumber, doneAt: null });
    expect(history.recados.find((r) => r.callerName === 'Otávio')?.displayNumber).toBeNull();
    // Done recados come after every open one.
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'rafael', password: 'demo' });
    await t.call('recado.done', { recadoId: first.id });
    const later = await t.call('customer.history', { customerId: other });
    expect(later.openRecados).toBe(before.openRecados + 1);
    const firstDone = later.recados.findIndex((r) => r.doneAt !== null);
    expect(later.recados.slice(firstDone).every((r) => r.doneAt !== null)).toBe(true);
    expect(later.recados.find((r) => r.id === first.id)?.doneAt).not.toBeNull();
    // Nobody else's page shows them.
    expect((await t.call('customer.history', { customerId: big.id })).recados.some((r) => r.id === first.id)).toBe(false);
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'ana', password: 'demo' });
  });

  it('SLA compliance this month equals the lead’s compliance report for this customer; penalties agree', async () => {
    const rows = await t.call('queue.list', { openOnly: false, breached: true, limit: 100 });
    const customers = [...new Set([big.id, other, ...rows.map((r) => r.customerId)])].slice(0, 6);
    const histories = new Map<string, Awaited<ReturnType<typeof t.call<'customer.history'>>>>();
    for (const id of customers) histories.set(id, await t.call('customer.history', { customerId: id }));
    const month = (histories.get(big.id) as { compliance: { month: string } }).compliance.month;
    expect(month).toBe('2026-11');
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'beatriz', password: 'demo' });
    const range = monthRange(month, 'America/Sao_Paulo')!;
    let decided = 0;
    for (const id of customers) {
      const report = await t.call('reports.compliance', { from: range.from, to: range.to, groupBy: [], granularity: 'month', customerIds: [id] });
      const { compliance } = histories.get(id)!;
      expect(compliance.firstResponse, id).toEqual(report.totals.firstResponse);
      expect(compliance.resolution, id).toEqual(report.totals.resolution);
      const penalties = await t.call('customer.penalties', { customerId: id });
      expect(penalties.breaches).toBeLessThanOrEqual(compliance.resolution.breached);
      decided += compliance.firstResponse.met + compliance.firstResponse.breached + compliance.resolution.met + compliance.resolution.breached;
    }
    expect(decided).toBeGreaterThan(0);
    await t.call('session.logout', {});
    await t.call('session.login', { login: 'ana', password: 'demo' });
  });
});

describe('a customer with thousands of OCs', () => {
  it('a page of 50 out of 5 000 reads in milliseconds with the exact total', async () => {
    // Copies of the seed's OCs onto one customer (the query columns are what the page reads).
    const db = t.core.db;
    const columns = (db.prepare('SELECT name FROM pragma_table_info(\'ocorrencia\')').all() as { name: string }[]).map((c) => c.name);
    const copied = columns.map((c) => (c === 'id' ? "o.id || '-copy' || n.k" : c === 'number' ? 'NULL' : c === 'customer_id' ? '?' : `o.${c}`));
    db.prepare(`INSERT INTO ocorrencia (${columns.join(', ')}) WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 12)
      SELECT ${copied.join(', ')} FROM ocorrencia o, n WHERE o.customer_id <> ? LIMIT 5000`).run(other, other);
    const total = (db.prepare('SELECT COUNT(*) AS n FROM ocorrencia WHERE customer_id = ?').get(other) as { n: number }).n;
    expect(total).toBeGreaterThan(5_000);
    for (const sort of ['recent', 'urgent', 'updated'] as const) {
      await t.call('customer.ocs', { customerId: other, sort, limit: 50 });
      const started = performance.now();
      const page = await t.call('customer.ocs', { customerId: other, sort, offset: 2_500, limit: 50 });
      const elapsed = performance.now() - started;
      expect(page.total).toBe(total);
      expect(page.rows).toHaveLength(50);
      expect(elapsed, sort).toBeLessThan(150);
    }
    const history = await t.call('customer.history', { customerId: other });
    expect(history.openOcs + history.closedOcs).toBe(total);
  });
});
