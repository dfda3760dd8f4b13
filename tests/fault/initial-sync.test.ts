import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { seedManyOcs } from '../support/big-server';
import { freePort } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';
import type { ServerApi } from '../../src/core/sync/server-api';

// A large initial sync is paged and resumable: interrupted at 60 %, it continues from its cursor.

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
    } finally {
      await ana.close();
    }
  }, 300_000);
});
