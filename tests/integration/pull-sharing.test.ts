import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { PROTOCOL_VERSION, type PullResponse } from '../../src/shared/sync/protocol';
import { countingDatabase, type CountingDatabase } from '../support/counting-db';
import { ClientKeys } from '../support/raw-client';
import { DEMO_NOW, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';

// After a poke every desktop pulls the same range: the page is read once and shared (sync/pull.ts), a pull with
// nothing new reads no page at all, and each client still gets its own lastMutationId with a page that
// contains everything that id confirms.

let storage: TestStorage;
let server: RunningServer;
let db: CountingDatabase;

beforeAll(async () => {
  storage = await testStorage('pull-sharing');
  const spec = await storage.fresh();
  db = countingDatabase(spec.databaseUrl !== undefined ? await openPostgres({ connectionString: spec.databaseUrl }) : await openPglite(spec.dataDir), ['soe_pull_page(', 'soe_pull_rows(']);
  server = await startTestServer({}, { database: db, demo: { ocs: 20, seed: 12, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  storage?.stop();
});

let keys: ClientKeys;

const call = async <T>(path: string, token: string | null, body: unknown): Promise<T> => {
  // Every client id here is registered (with its own secret) the first time it is used.
  const clientId = (body as { clientId?: string }).clientId;
  keys ??= new ClientKeys(server.url);
  const withSecret = clientId === undefined || token === null ? body : { ...(body as object), clientSecret: await keys.secretOf(token, clientId) };
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(withSecret),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as T;
};

describe('pulls after a poke', () => {
  it('share one page read, cost no page when nothing is new, and confirm only what the page holds', async () => {
    const { token } = await call<{ token: string }>('/api/v1/login', null, { login: 'beatriz', password: 'demo' });
    const first = await call<PullResponse>('/api/v1/pull', token, { clientId: 'share-client-0', cursor: 0, limit: 20_000 });
    expect(first.hasMore).toBe(false);
    const cursor = first.cursor;
    const ocId = (first.changes.find((c) => c.table === 'ocorrencia')?.row as { id: string }).id;

    // Nothing new: no page is read.
    const reads = db.count('soe_pull_page(');
    const idle = await call<PullResponse>('/api/v1/pull', token, { clientId: 'share-client-1', cursor, limit: 5_000 });
    expect(idle).toMatchObject({ changes: [], cursor, hasMore: false, lastMutationId: 0 });
    expect(db.count('soe_pull_page(')).toBe(reads);

    // One client pushes; thirty pull the same range at once.
    const pushed = await call<{ lastMutationId: number }>('/api/v1/push', token, {
      clientId: 'share-client-7', mutations: [{ id: 1, name: 'oc.note', args: { ocId, interactionId: 'shared-note-1', body: 'Nota' }, clientTime: DEMO_NOW }],
    });
    expect(pushed.lastMutationId).toBe(1);
    const pulls = await Promise.all(Array.from({ length: 30 }, (_, i) => call<PullResponse>('/api/v1/pull', token, { clientId: `share-client-${i}`, cursor, limit: 5_000 })));
    expect(db.count('soe_pull_page(') - reads).toBeLessThanOrEqual(2);
    for (const [i, page] of pulls.entries()) {
      expect(page.changes.some((c) => c.table === 'interaction' && (c.row as { id: string }).id === 'shared-note-1')).toBe(true);
      expect(page.changes).toEqual(pulls[0]?.changes);
      expect(page.lastMutationId).toBe(i === 7 ? 1 : 0);
      expect(page.head).toBeGreaterThanOrEqual(page.cursor);
    }

    // The next waves come from the node's log of recent changes: one small read each, no page — and the same
    // answer a database page gives, with a row changed twice listed once, at its newest version.
    const start = pulls[0]?.cursor as number;
    let from = start;
    for (let round = 2; round <= 4; round += 1) {
      const pages = db.count('soe_pull_page(');
      const extensions = db.count('soe_pull_rows(');
      await call('/api/v1/push', token, {
        clientId: 'share-client-7',
        mutations: [round * 2 - 2, round * 2 - 1].map((id) => ({ id, name: 'oc.note', args: { ocId, interactionId: `shared-note-${id}`, body: 'Nota' }, clientTime: DEMO_NOW })),
      });
      const wave = await Promise.all(Array.from({ length: 30 }, (_, i) => call<PullResponse>('/api/v1/pull', token, { clientId: `share-client-${i}`, cursor: from, limit: 5_000 })));
      expect(db.count('soe_pull_page(')).toBe(pages);
      expect(db.count('soe_pull_rows(') - extensions).toBeLessThanOrEqual(2);
      const { rows } = await server.db.query<{ body: string }>('SELECT body FROM soe_pull_page($1, $2)', [from, 5_000]);
      const direct = JSON.parse(`[${rows[0]?.body ?? ''}]`) as PullResponse['changes'];
      expect(direct.filter((c) => c.table === 'ocorrencia')).toHaveLength(1);
      for (const page of wave) expect(page.changes).toEqual(direct);
      expect(wave[7]?.lastMutationId).toBe(round * 2 - 1);
      from = wave[0]?.cursor as number;
    }
    // From further back, across the three waves: still the database's answer (older entries of the OC gone).
    const late = await call<PullResponse>('/api/v1/pull', token, { clientId: 'share-client-late', cursor: start, limit: 5_000 });
    const { rows } = await server.db.query<{ body: string }>('SELECT body FROM soe_pull_page($1, $2)', [start, 5_000]);
    expect(late.changes).toEqual(JSON.parse(`[${rows[0]?.body ?? ''}]`));
    expect(late.changes.filter((c) => c.table === 'ocorrencia')).toHaveLength(1);
  });
});
