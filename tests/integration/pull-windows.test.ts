import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { PROTOCOL_VERSION, type PullResponse } from '../../src/shared/sync/protocol';
import { ClientKeys } from '../support/raw-client';
import { DEMO_NOW, startTestServer, storageKinds, testStorageOf, type TestStorage } from '../support/sync-harness';

// Pages of an old cursor are windows of versions (server migration 012). Versions left behind by rows changed
// again are gaps; a pull still gets every row once at its newest version, never an empty page while more remain,
// and ends at the committed head.

for (const kind of storageKinds('pull-windows')) {
  describe(`pull windows on ${kind}`, () => {
    let storage: TestStorage;
    let server: RunningServer;
    let keys: ClientKeys;

    beforeAll(async () => {
      storage = await testStorageOf(kind, 'pull-windows');
      server = await startTestServer(await storage.fresh(), { demo: { ocs: 120, seed: 3, now: DEMO_NOW } });
      keys = new ClientKeys(server.url);
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      storage?.stop();
    });

    const pull = async (token: string, clientId: string, cursor: number, limit: number): Promise<PullResponse> => {
      const r = await fetch(`${server.url}/api/v1/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, clientSecret: await keys.secretOf(token, clientId), cursor, limit }),
      });
      expect(r.status).toBe(200);
      return (await r.json()) as PullResponse;
    };

    it('deliver every row once at its newest version across gaps, never an empty page before the head', async () => {
      const login = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login: 'beatriz', password: 'demo' }) });
      const { token } = (await login.json()) as { token: string };
      // The oldest 1 500 events and every OC change again: their old versions become gaps, one of them wider
      // than a page (the first windows hold nothing at all).
      await server.db.query("UPDATE oc_event SET version = nextval('change_version') WHERE id IN (SELECT id FROM oc_event ORDER BY version LIMIT 1500)");
      await server.db.query("UPDATE ocorrencia SET version = nextval('change_version')");
      const expected = new Map<string, number>();
      for (const table of ['ocorrencia', 'interaction', 'oc_event', 'customer', 'contact', 'analyst']) {
        const { rows } = await server.db.query<{ id: string; version: string | number }>(`SELECT id, version FROM ${table}`);
        for (const row of rows) expected.set(`${table}:${row.id}`, Number(row.version));
      }
      const head = Number((await server.db.query<{ v: string }>('SELECT last_value AS v FROM change_version')).rows[0]?.v);

      const delivered = new Map<string, number>();
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const page = await pull(token, 'window-client-1', cursor, 100);
        pages += 1;
        expect(page.cursor).toBeGreaterThan(cursor);
        expect(page.changes.length).toBeLessThanOrEqual(100);
        if (page.hasMore) expect(page.changes.length).toBeGreaterThan(0);
        for (const change of page.changes) {
          expect(change.version).toBeGreaterThan(cursor);
          expect(change.version).toBeLessThanOrEqual(page.cursor);
          delivered.set(`${change.table}:${String((change.row as { id?: string; version?: number }).id ?? (change.row as { version?: number }).version)}`, change.version);
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
        expect(pages).toBeLessThan(1_000);
      }
      expect(cursor).toBe(head);
      for (const [key, version] of expected) expect(delivered.get(key), key).toBe(version);
      // Windows, not a scan per row: about one page per `limit` rows delivered, plus the widening of the gap.
      expect(pages).toBeLessThan(Math.ceil(delivered.size / 100) + 12);
    }, 120_000);
  });
}
