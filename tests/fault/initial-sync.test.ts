import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { seedManyOcs } from '../support/big-server';
import { freePort } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';
import type { ServerApi } from '../../src/core/sync/server-api';
import { BULK_META } from '../../src/core/sync/initial-sync';

// A large initial sync is paged and resumable: interrupted at 60 %, it continues from its cursor (in bulk mode,
// src/core/sync/initial-sync.ts) and ends with a replica whose queues and search work.

let storage: TestStorage;
let server: RunningServer | null = null;

beforeAll(async () => {
  storage = await testStorage('fault:initial-sync');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  storage?.stop();
});

describe('initial sync of 100 000 OCs', () => {
  it('interrupted at 60 % resumes from its cursor instead of starting over', async () => {
    const spec = await storage.fresh();
    const port = await freePort();
    server = await startTestServer(spec, { port });
    await seedManyOcs(server.db, 100_000, DEMO_NOW);
    const total = Number((await server.db.query<{ n: number }>('SELECT count(*) AS n FROM ocorrencia')).rows[0]?.n);
    expect(total).toBeGreaterThanOrEqual(100_000);
    const head = Number((await server.db.query<{ head: number }>('SELECT last_value AS head FROM change_version')).rows[0]?.head);

    // Log in without syncing, then watch the cursor and pull the plug at 60 %.
    const ana = await startDesktop(server.url, 'ana', { initialSync: false, sync: { pageSize: 5_000 } });
    try {
      const syncing = ana.sync.syncNow();
      const deadline = Date.now() + 120_000;
      while (ana.sync.cursor() < head * 0.6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      await server.stop();
      server = null;
      await syncing;
      const interruptedAt = ana.sync.cursor();
      expect(ana.sync.state().status).toBe('offline');
      expect(interruptedAt).toBeGreaterThanOrEqual(head * 0.6);
      expect(interruptedAt).toBeLessThan(head);

      server = await startTestServer(spec, { port });
      const api = ana.sync.api as ServerApi;
      const requested: number[] = [];
      const pull = api.pull.bind(api);
      api.pull = (token, request) => {
        requested.push(request.cursor);
        return pull(token, request);
      };
      await ana.sync.syncNow();
      expect(requested[0]).toBe(interruptedAt);
      expect(ana.sync.cursor()).toBe(head);
      expect((ana.core.db.prepare('SELECT count(*) AS n FROM ocorrencia').get() as { n: number }).n).toBe(total);
      expect((ana.core.db.prepare('SELECT count(*) AS n FROM oc_event').get() as { n: number }).n)
        .toBe(Number((await server.db.query<{ n: number }>('SELECT count(*) AS n FROM oc_event')).rows[0]?.n));
      // The bulk mode it resumed in ended: indexes back, nothing staged, every OC searchable and in its queue.
      expect(ana.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(BULK_META)).toBeUndefined();
      expect((ana.core.db.prepare('SELECT count(*) AS n FROM bulk_event').get() as { n: number }).n).toBe(0);
      const indexes = (ana.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]);
      expect(indexes).toEqual(expect.arrayContaining(['ocorrencia_queue', 'ocorrencia_assignee', 'interaction_oc', 'contact_customer', 'customer_name']));
      const sample = ana.core.db.prepare('SELECT id, number FROM ocorrencia WHERE number IS NOT NULL ORDER BY id LIMIT 1').get() as { id: string; number: string };
      const found = await ana.core.api.invoke('oc.search', { text: sample.number });
      expect(found.ok && (found.value as Array<{ id: string }>).some((row) => row.id === sample.id)).toBe(true);
      expect((ana.core.db.prepare('SELECT count(*) AS n FROM oc_fts WHERE rowid < 0').get() as { n: number }).n).toBe(total);
    } finally {
      await ana.close();
    }
  }, 300_000);
});
