import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreEvents } from '../../../../src/core/api/emitter';
import { getMeta } from '../../../../src/core/db/meta';
import { appendOutbox, confirmUpTo } from '../../../../src/core/db/outbox';
import { deleteRow, getRow, rowidOf } from '../../../../src/core/db/rows';
import { catchUpSearch, SEARCH_MARK, unindexRow } from '../../../../src/core/db/search';
import { writeChanges } from '../../../../src/core/db/writer';
import { createSearchIndexer } from '../../../../src/core/store/search-indexer';
import type { SchedulerTimers } from '../../../../src/core/sla/timers';
import type { Interaction } from '../../../../src/shared/domain';
import { seededCore, SEED_NOW, type TestCore } from '../../../fixtures/core';

let t: TestCore;
beforeAll(async () => {
  t = await seededCore(120, 5);
  await t.call('session.login', { login: 'ana', password: 'demo' });
});
afterAll(() => t.close());

const matches = (word: string): string[] =>
  (t.core.db.prepare('SELECT oc_id FROM oc_fts WHERE oc_fts MATCH ?').all(word) as { oc_id: string }[]).map((r) => r.oc_id);

const anOc = async () => (await t.call('queue.mine')).mine[0] ?? (await t.call('queue.mine')).available[0]!;

/** Timers the test fires by hand. */
const manualTimers = () => {
  const pending: Array<{ run: () => void; ms: number } | null> = [];
  const timers: SchedulerTimers = {
    setTimeout: (run, ms) => pending.push({ run, ms }) - 1,
    clearTimeout: (handle) => {
      pending[handle as number] = null;
    },
    setInterval: () => 0,
    clearInterval: () => undefined,
  };
  const fire = (): number[] => {
    const due = pending.splice(0).filter((p) => p !== null);
    due.forEach((p) => p.run());
    return due.map((p) => p.ms);
  };
  return { timers, fire, armed: () => pending.filter((p) => p !== null).length };
};

describe('search index of interactions, in batches', () => {
  it('a search sees an interaction written a moment before, whatever the batches have done', async () => {
    const oc = await anOc();
    await t.call('oc.note', { ocId: oc.id, body: 'Quarentena do lote ZQXJ-1 no depósito.' });
    expect((await t.call('oc.search', { text: 'zqxj', limit: 10 })).map((r) => r.id)).toEqual([oc.id]);
  });

  it('the background indexer indexes a burst of changes once, shortly after its first change, and at start', async () => {
    const oc = await anOc();
    const { timers, fire, armed } = manualTimers();
    const events = new CoreEvents();
    const indexer = createSearchIndexer(t.core.db, events, { timers, delayMs: 400 });
    indexer.start();
    expect(fire()).toEqual([0]); // the catch-up at start
    for (const word of ['KWVB', 'KWVC', 'KWVD']) {
      await t.call('oc.note', { ocId: oc.id, body: `Lote ${word} conferido.` });
      events.emit('data.changed', { tables: ['interaction'], ocIds: [oc.id] });
    }
    expect(armed()).toBe(1);
    expect(fire()).toEqual([400]);
    for (const word of ['kwvb', 'kwvc', 'kwvd']) expect(matches(word)).toEqual([oc.id]);
    expect(Number(getMeta(t.core.db, SEARCH_MARK))).toBe(t.core.db.prepare('SELECT MAX(rowid) AS m FROM interaction').pluck().get());
    indexer.stop();
    events.emit('data.changed', { tables: ['interaction'], ocIds: [oc.id] });
    expect(armed()).toBe(0);
  });

  it('indexes whatever takes the rowid of a deleted interaction (a rebase dropping an optimistic note)', async () => {
    const oc = await anOc();
    await t.call('oc.note', { ocId: oc.id, body: 'Rascunho PLWQ otimista.' });
    catchUpSearch(t.core.db);
    const dropped = (t.core.db.prepare('SELECT id FROM interaction ORDER BY rowid DESC LIMIT 1').get() as { id: string }).id;
    const rowid = rowidOf(t.core.db, 'interaction', dropped) as number;
    expect(matches('plwq')).toEqual([oc.id]);
    const row = getRow(t.core.db, 'interaction', dropped) as Interaction;
    t.core.db.transaction(() => {
      unindexRow(t.core.db, 'interaction', rowid);
      deleteRow(t.core.db, 'interaction', dropped);
      writeChanges(t.core.db, [{ table: 'interaction', row: { ...row, id: `${dropped}-server`, body: 'Versão do servidor MNBV.' } }], { optimistic: false, serverVersion: 9 });
    })();
    expect(rowidOf(t.core.db, 'interaction', `${dropped}-server`)).toBe(rowid); // SQLite gave the rowid again
    catchUpSearch(t.core.db);
    expect(matches('plwq')).toEqual([]);
    expect(matches('mnbv')).toEqual([oc.id]);
  });

  it('catches up at start what a crash left unindexed', async () => {
    const oc = await anOc();
    await t.call('oc.note', { ocId: oc.id, body: 'Nota antes da queda QWPO.' });
    t.core.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('0', SEARCH_MARK); // as if no batch ever ran
    t.core.db.prepare('DELETE FROM oc_fts WHERE rowid > 0').run();
    expect(matches('qwpo')).toEqual([]);
    const { timers, fire } = manualTimers();
    const indexer = createSearchIndexer(t.core.db, new CoreEvents(), { timers });
    indexer.start();
    fire();
    expect(matches('qwpo')).toEqual([oc.id]);
    expect(matches('quarentena')).toHaveLength(1);
    indexer.stop();
  });
});

describe('mutation ids', () => {
  it('never repeat, also after confirmation empties the outbox', () => {
    const db = t.core.db;
    const entry = { name: 'oc.note', args: {}, clientTime: SEED_NOW, actorId: 'a' };
    const first = db.transaction(() => appendOutbox(db, entry, SEED_NOW))();
    const second = db.transaction(() => appendOutbox(db, entry, SEED_NOW))();
    expect(second).toBe(first + 1);
    db.transaction(() => confirmUpTo(db, second))();
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').pluck().get()).toBe(0);
    expect(db.transaction(() => appendOutbox(db, entry, SEED_NOW))()).toBe(second + 1);
    db.transaction(() => confirmUpTo(db, second + 1))();
  });
});
