import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableFor, availableForSql } from '../../../../src/core/db/queue';
import type { QueueFilter } from '../../../../src/shared/api/views';
import { seededCore, type TestCore } from '../../../fixtures/core';

let t: TestCore;
beforeAll(async () => {
  t = await seededCore(400, 6);
  await t.call('session.login', { login: 'ana', password: 'demo' });
});
afterAll(() => t.close());

const plan = (sql: string, ...params: unknown[]): string =>
  (t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('queue queries', () => {
  it('"Minha fila" finds unassigned OCs of my specialties through the partial queue index', () => {
    const sql = availableForSql(2, 2);
    const detail = plan(sql, 'n1', 'fiscal', 'financeiro', 'industria', 'servicos', 50);
    expect(detail).toMatch(/SEARCH o USING INDEX ocorrencia_queue \(level=\? AND module=\? AND segment=\?\)/);
  });

  it('my OCs come from the assignee index, soonest breach first without a sort step', () => {
    const detail = plan('SELECT id FROM ocorrencia o WHERE o.is_open = 1 AND o.assignee_id = ? ORDER BY o.sla_sort', 'ana');
    expect(detail).toMatch(/USING INDEX ocorrencia_assignee/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('team views over all open OCs read in due order from the open-due index', () => {
    const detail = plan('SELECT id FROM ocorrencia o WHERE o.is_open = 1 ORDER BY o.sla_sort LIMIT 100');
    expect(detail).toMatch(/USING INDEX ocorrencia_open_due/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('returns only unassigned OCs of my level, modules and segments, in SLA order', async () => {
    const me = (await t.call('session.current'))!.analyst;
    const rows = availableFor(t.core.db, me, 1000);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.assigneeId).toBeNull();
      expect(row.level).toBe(me.level);
      expect(me.modules).toContain(row.module);
      expect(me.segments).toContain(row.segment);
    }
    const dues = rows.map((r) => (t.core.db.prepare('SELECT sla_sort FROM ocorrencia WHERE id = ?').get(r.id) as { sla_sort: number }).sla_sort);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('team view filters combine (level, plan, breached)', async () => {
    const rows = await t.call('queue.list', { levels: ['n1'], plans: ['vip'], openOnly: true, limit: 1000 });
    for (const row of rows) expect([row.level, row.plan]).toEqual(['n1', 'vip']);
    const breached = await t.call('queue.list', { breached: true, openOnly: true, limit: 1000 });
    for (const row of breached) expect(row.sla?.breachedAt).not.toBeNull();
  });

  it('counts a team view whatever its limit, with the same filters as its rows', async () => {
    const filters: Array<Partial<QueueFilter>> = [{ openOnly: true }, { openOnly: false }, { levels: ['n1'], plans: ['vip'], openOnly: true }, { breached: true, openOnly: false }];
    for (const filter of filters) {
      const all = await t.call('queue.list', { ...filter, limit: 100_000 });
      expect(all.length).toBeGreaterThan(0);
      expect(await t.call('queue.count', { ...filter, limit: 5 })).toBe(all.length);
    }
  });
});
