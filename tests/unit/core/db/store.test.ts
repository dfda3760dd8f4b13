import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../../../src/core/db/meta';
import { pendingMutations } from '../../../../src/core/db/outbox';
import { seededCore, type TestCore } from '../../../fixtures/core';

let t: TestCore;
beforeAll(async () => {
  t = await seededCore();
  await t.call('session.login', { login: 'ana', password: 'demo' });
});
afterAll(() => t.close());

const count = (sql: string): number => (t.core.db.prepare(sql).get() as { n: number }).n;

describe('applying a mutation to the local replica', () => {
  it('writes the view row, the events and the outbox row in one transaction', async () => {
    const { ocId } = await t.call('queue.takeNext');
    expect(ocId).not.toBeNull();
    const outbox = pendingMutations(t.core.db);
    expect(outbox.at(-1)).toMatchObject({ name: 'oc.take', args: { ocId } });
    const row = t.core.db.prepare('SELECT assignee_id, status, server_version FROM ocorrencia WHERE id = ?').get(ocId) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'em_atendimento', server_version: 0 });
    const events = t.core.db.prepare('SELECT type, local FROM oc_event WHERE oc_id = ? AND local = 1').all(ocId);
    expect(events.length).toBeGreaterThan(0);
    // The server's version of the row is kept for the next rebase.
    expect(t.core.db.prepare("SELECT doc FROM pending_base WHERE table_name = 'ocorrencia' AND id = ?").get(ocId)).toBeDefined();
  });

  it('gives mutation ids that go up by one', async () => {
    const before = pendingMutations(t.core.db).at(-1)?.mutationId ?? 0;
    const ocId = (await t.call('queue.mine')).mine[0]!.id;
    const first = await t.call('oc.note', { ocId, body: 'Primeira nota.' });
    const second = await t.call('oc.note', { ocId, body: 'Segunda nota.' });
    expect([first.mutationId, second.mutationId]).toEqual([before + 1, before + 2]);
  });

  it('writes nothing at all when the mutator refuses', async () => {
    const outbox = count('SELECT COUNT(*) AS n FROM outbox');
    const events = count('SELECT COUNT(*) AS n FROM oc_event');
    const lastId = getMeta(t.core.db, 'lastIssuedMutationId');
    const mine = (await t.call('queue.mine')).mine[0]!;
    const error = await t.fail('oc.forwardDev', { ocId: mine.id });
    expect(error.code).toBe('FORBIDDEN_ROLE');
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(outbox);
    expect(count('SELECT COUNT(*) AS n FROM oc_event')).toBe(events);
    expect(getMeta(t.core.db, 'lastIssuedMutationId')).toBe(lastId);
  });

  it('does not queue a mutation that changes nothing', async () => {
    const mine = (await t.call('queue.mine')).mine[0]!;
    const outbox = count('SELECT COUNT(*) AS n FROM outbox');
    const ack = await t.call('oc.take', { ocId: mine.id });
    expect(ack.mutationId).toBeNull();
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(outbox);
  });

  it('refuses invalid arguments with a message naming the field', async () => {
    const error = await t.fail('oc.reply', { ocId: 'x', body: '' });
    expect(error.code).toBe('INVALID_ARGS');
    expect(error.message['pt-BR']).toContain('body');
  });

  it('emits data.changed to every listener', async () => {
    const seen: string[][] = [];
    const off = t.core.events.on('data.changed', (p) => seen.push(p.ocIds));
    const mine = (await t.call('queue.mine')).mine[0]!;
    await t.call('oc.note', { ocId: mine.id, body: 'Avisando a equipe.' });
    off();
    expect(seen).toEqual([[mine.id]]);
  });
});

describe('search', () => {
  it('finds interactions and subjects without accents or case', async () => {
    const mine = (await t.call('queue.mine')).mine[0]!;
    await t.call('oc.reply', { ocId: mine.id, body: 'A AÇÃO corretiva foi aplicada na filial de São José.' });
    for (const query of ['acao corretiva', 'AÇÃO', 'sao jose', 'Sao Jos']) {
      const found = await t.call('oc.search', { text: query, limit: 50 });
      expect(found.map((r) => r.id)).toContain(mine.id);
    }
    expect(await t.call('oc.search', { text: 'xyzzy inexistente', limit: 50 })).toEqual([]);
  });

  it('treats FTS syntax typed by a person as plain words', async () => {
    await expect(t.call('oc.search', { text: 'NEAR( "OR AND * ^', limit: 10 })).resolves.toBeInstanceOf(Array);
  });

  it('finds customers by folded name or by CNPJ digits', async () => {
    const card = await t.call('customer.card', { id: (await t.call('queue.mine')).mine[0]!.customerId });
    const { name, cnpj } = card.customer;
    const byName = await t.call('customer.search', { text: name.slice(0, 8).normalize('NFD').replace(/\p{M}/gu, '').toUpperCase() });
    expect(byName.map((c) => c.cnpj)).toContain(cnpj);
    const formatted = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}`;
    expect((await t.call('customer.search', { text: formatted })).map((c) => c.cnpj)).toContain(cnpj);
  });
});
