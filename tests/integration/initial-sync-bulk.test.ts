import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/db/connection';
import { openDatabase } from '../../src/core/db/connection';
import { catchUpSearch } from '../../src/core/db/search';
import { BULK_META } from '../../src/core/sync/initial-sync';
import type { RunningServer } from '../../src/server/app';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A fresh desktop's initial sync runs in bulk mode (src/core/sync/initial-sync.ts): the same replica as the
// rebase path page by page — every row, column, event, search document and SLA column — with its indexes back,
// resumable after an interruption, and leaving bulk mode for the rebase path as soon as a change of its own waits.

const SYNCED = ['analyst', 'customer', 'contact', 'catalog', 'release', 'sla_config', 'recado', 'ocorrencia', 'interaction', 'oc_event', 'attachment'];

let storage: TestStorage;
let server: RunningServer;
let reference: TestDesktop;
const desktops: TestDesktop[] = [];

const desktop = async (options: Parameters<typeof startDesktop>[2] = {}): Promise<TestDesktop> => {
  const d = await startDesktop(server.url, 'beatriz', { clock: { now: () => DEMO_NOW }, ...options, sync: { pageSize: 400, ...options.sync } });
  desktops.push(d);
  return d;
};

/** Every synced row as stored (rowids aside): the tables' own columns, docs and versions. */
const contents = (db: Db): Record<string, unknown[]> => Object.fromEntries(SYNCED.map((table) => {
  const order = table === 'oc_event' ? 'oc_id, seq' : table === 'sla_config' ? 'version' : 'id';
  return [table, db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()];
}));

/** The first row that differs between two replicas' contents (null when they are the same), to name it on failure. */
const difference = (a: TestDesktop, b: TestDesktop): string | null => {
  // The SLA scheduler looks at every OC whose next instant has come (alerts due, recorded as fired); the rebase
  // path's desktop had passes between its pages, so both get one now before they are compared.
  for (const d of [a, b]) d.core.sla.reevaluate('resume');
  const left = contents(a.core.db);
  const right = contents(b.core.db);
  for (const table of SYNCED) {
    const l = left[table] ?? [];
    const r = right[table] ?? [];
    if (l.length !== r.length) return `${table}: ${l.length} rows against ${r.length}`;
    for (let i = 0; i < l.length; i += 1) {
      const [x, y] = [JSON.stringify(l[i]), JSON.stringify(r[i])];
      if (x !== y) {
        const at = [...x].findIndex((c, k) => c !== y[k]);
        return `${table} row ${i} differs at ${at}: …${x.slice(Math.max(0, at - 120), at + 80)}… against …${y.slice(Math.max(0, at - 120), at + 80)}…`;
      }
    }
  }
  return null;
};

/** The search index as documents (each names its OC), independent of rowids; caught up first, as a search does. */
const searchDocs = (db: Db): string[] => {
  catchUpSearch(db);
  return (db.prepare('SELECT oc_id, body FROM oc_fts').all() as { oc_id: string; body: string }[]).map((r) => `${r.oc_id}\u0000${r.body}`).sort();
};

const schemaOf = (db: Db): string[] =>
  (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name").all() as { type: string; name: string; sql: string }[])
    .map((r) => `${r.type} ${r.name}: ${r.sql}`);

const freshSchema = (): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-schema-'));
  const db = openDatabase(join(dir, 'replica.db'));
  try {
    return schemaOf(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

beforeAll(async () => {
  storage = await testStorage('initial-sync-bulk');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 600, seed: 5, now: DEMO_NOW } });
  // The reference replica: the rebase path, page by page, as every pull before bulk mode.
  reference = await desktop({ sync: { bulkInitialSync: false } });
}, 180_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

describe('initial sync in bulk mode', () => {
  it('builds the same replica as the rebase path, with every index, the search text and the SLA columns', async () => {
    const bulk = await desktop();
    expect(bulk.sync.cursor()).toBe(reference.sync.cursor());
    expect(difference(bulk, reference)).toBeNull();
    expect(searchDocs(bulk.core.db)).toEqual(searchDocs(reference.core.db));
    expect(searchDocs(bulk.core.db).length).toBeGreaterThan(600);
    expect(schemaOf(bulk.core.db)).toEqual(freshSchema());
    expect(bulk.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(BULK_META)).toBeUndefined();
    // Durability is back to FULL (2) for the analyst's own writes.
    expect(bulk.core.db.pragma('synchronous', { simple: true })).toBe(2);
    // Queues and search answer as on the reference.
    const queue = async (d: TestDesktop) => d.invoke('queue.list', {});
    expect(await queue(bulk)).toEqual(await queue(reference));
    const search = async (d: TestDesktop) => d.invoke('oc.search', { text: 'nota fiscal', limit: 500 });
    expect(await search(bulk)).toEqual(await search(reference));
  }, 120_000);

  it('interrupted, resumes in bulk mode from its cursor and still ends with its indexes', async () => {
    const d = await desktop({ initialSync: false });
    const api = d.sync.api as { pull: (...args: unknown[]) => Promise<unknown> };
    const pull = api.pull.bind(api);
    let pages = 0;
    const requested: number[] = [];
    api.pull = (...args: unknown[]) => {
      requested.push((args[1] as { cursor: number }).cursor);
      pages += 1;
      return pages === 4 ? Promise.reject(new TypeError('fetch failed')) : pull(...args);
    };
    await d.sync.syncNow();
    const interruptedAt = d.sync.cursor();
    expect(interruptedAt).toBeGreaterThan(0);
    expect(interruptedAt).toBeLessThan(reference.sync.cursor());
    // Half-way: the secondary indexes wait in meta, the replica is consistent and readable.
    expect(d.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(BULK_META)).toBeDefined();
    expect(schemaOf(d.core.db)).not.toEqual(freshSchema());
    // The queues answer meanwhile: the partial indexes they name stay (INDEXED BY ocorrencia_queue).
    const mine = await d.invoke<{ available: unknown[] }>('queue.mine', {});
    expect(Array.isArray(mine.available)).toBe(true);
    expect(await d.invoke<unknown[]>('queue.list', {})).not.toHaveLength(0);

    requested.length = 0;
    await d.sync.syncNow();
    expect(requested[0]).toBe(interruptedAt);
    expect(difference(d, reference)).toBeNull();
    expect(searchDocs(d.core.db)).toEqual(searchDocs(reference.core.db));
    expect(schemaOf(d.core.db)).toEqual(freshSchema());
  }, 120_000);

  it('leaves bulk mode for the rebase path when a change of its own waits, and loses nothing', async () => {
    const d = await desktop({ initialSync: false });
    const api = d.sync.api as { pull: (...args: unknown[]) => Promise<unknown> };
    const pull = api.pull.bind(api);
    let failing = true;
    let pages = 0;
    api.pull = (...args: unknown[]) => {
      pages += 1;
      return failing && pages === 3 ? Promise.reject(new TypeError('fetch failed')) : pull(...args);
    };
    await d.sync.syncNow();
    failing = false;
    // Offline, half-synced: the analyst notes on an OC the replica already holds.
    const ocId = (d.core.db.prepare('SELECT id FROM ocorrencia WHERE is_open = 1 ORDER BY id LIMIT 1').get() as { id: string }).id;
    await d.invoke('oc.note', { ocId, interactionId: 'bulk-offline-note', body: 'Nota escrita durante a primeira sincronização.' });
    await d.sync.syncNow();
    expect(d.sync.state().pending).toBe(0);
    expect(d.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(BULK_META)).toBeUndefined();
    expect(schemaOf(d.core.db)).toEqual(freshSchema());
    await reference.sync.syncNow();
    expect(difference(d, reference)).toBeNull();
    expect(searchDocs(d.core.db)).toEqual(searchDocs(reference.core.db));
    expect(d.core.db.prepare('SELECT 1 FROM interaction WHERE id = ?').get('bulk-offline-note')).toBeDefined();
  }, 120_000);
});
