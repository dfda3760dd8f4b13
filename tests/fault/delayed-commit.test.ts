import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import type { Database, Session } from '../../src/server/db/database';
import { openPostgres } from '../../src/server/db/postgres';
import type { PullResponse } from '../../src/shared/sync/protocol';
import { localDocs, serverDocs } from '../support/fixtures';
import { apiCall, loginToken, registerClient } from '../support/raw-client';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// SPEC §7: several nodes on one PostgreSQL. A pull answers "everything above your cursor up to the head", so a
// version committed late — below one another node committed first — would be skipped forever. Writers hold the
// writers' lock from allocating versions to committing them (sync/apply.ts WRITE_LOCK); here node A's commit
// hangs for 1.5 s after its versions were allocated, node B's writes arrive meanwhile, and a reader pulls from
// node B all along: every version ends up delivered, in order.

let storage: TestStorage;
const servers: RunningServer[] = [];
const databases: Database[] = [];
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:delayed-commit');
}, 60_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  for (const s of servers) await s.stop();
  for (const db of databases) await db.close();
  storage?.stop();
});

describe('two server nodes and a delayed commit', () => {
  it('no pull skips a version committed late', async (context) => {
    // PGlite nodes share one in-process connection: there is no second writer to race with.
    if (storage.kind !== 'postgres') context.skip();
    const { databaseUrl } = await storage.fresh();
    const open = async () => {
      const db = await openPostgres({ connectionString: databaseUrl as string });
      databases.push(db);
      return db;
    };
    const plainA = await open();
    // Node A: the first write script holding "Atrasada" sleeps after each write, before its COMMIT.
    let delayed = false;
    const nodeADb: Database = {
      ...plainA,
      session: (work) => plainA.session((session) => work({
        ...session,
        ...(session.script === undefined ? {} : {
          script: (text: string) => {
            const slow = !delayed && text.includes('Atrasada');
            if (slow) delayed = true;
            return (session.script as NonNullable<Session['script']>)(slow ? text.replaceAll(' AS step; COMMIT;', ' AS step, pg_sleep(1.5) AS slept; COMMIT;') : text);
          },
        }),
      })),
    };
    const nodeA = await startTestServer({}, { database: nodeADb, nodeName: 'node-a', demo: { ocs: 10, seed: 29, now: DEMO_NOW } });
    const nodeB = await startTestServer({}, { database: await open(), nodeName: 'node-b' });
    servers.push(nodeA, nodeB);
    const writerA = await startDesktop(nodeA.url, 'beatriz');
    const writerB = await startDesktop(nodeB.url, 'sergio');
    desktops.push(writerA, writerB);
    const ocId = (writerA.core.db.prepare("SELECT id FROM ocorrencia WHERE status NOT IN ('encerrada', 'cancelada') ORDER BY id LIMIT 1").get() as { id: string }).id;

    // A reader of node B: its cursor starts at the head and it pulls all along.
    const token = await loginToken(nodeB.url, 'ana');
    const clientSecret = await registerClient(nodeB.url, token, 'delayed-reader-1');
    const pull = (cursor: number) => apiCall<PullResponse>(nodeB.url, '/api/v1/pull', { clientId: 'delayed-reader-1', clientSecret, cursor, limit: 1_000 }, token);
    const start = (await pull(0)).body.head;
    let cursor = start;
    const seen = new Set<number>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const page = await pull(cursor);
        expect(page.status).toBe(200);
        for (const change of page.body.changes) seen.add(change.version);
        cursor = page.body.cursor;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    for (let i = 1; i <= 3; i += 1) await writerA.invoke('oc.note', { ocId, body: `Atrasada ${i}` });
    for (let i = 1; i <= 3; i += 1) await writerB.invoke('oc.note', { ocId, body: `Pontual ${i}` });
    const slowPush = writerA.sync.syncNow();
    await new Promise((r) => setTimeout(r, 300));
    const fastPush = writerB.sync.syncNow();
    await Promise.all([slowPush, fastPush]);
    expect(delayed).toBe(true);
    for (const w of [writerA, writerB]) expect(w.sync.state()).toMatchObject({ status: 'online', pending: 0 });
    reading = false;
    await reader;
    // A last pull after everything committed.
    for (const change of (await pull(cursor)).body.changes) seen.add(change.version);

    const versions = async (where: string) => (await nodeB.db.query<{ version: number }>(`SELECT version FROM interaction WHERE oc_id = $1 AND ${where} ORDER BY version`, [ocId])).rows.map((r) => r.version);
    const late = await versions("doc->>'body' LIKE 'Atrasada %'");
    const onTime = await versions("doc->>'body' LIKE 'Pontual %'");
    expect(late).toHaveLength(3);
    expect(onTime).toHaveLength(3);
    // Node B's writes waited for node A's commit: they come after it in version order.
    expect(Math.max(...late)).toBeLessThan(Math.min(...onTime));
    const committed = (await nodeB.db.query<{ version: number }>(`SELECT version FROM (${['ocorrencia', 'interaction', 'oc_event', 'analyst', 'customer', 'contact', 'recado', 'release', 'catalog', 'sla_config']
      .map((t) => `SELECT version FROM ${t}`).join(' UNION ALL ')}) AS v WHERE version > $1`, [start])).rows.map((r) => r.version);
    expect(committed.length).toBeGreaterThanOrEqual(12);
    expect(committed.filter((v) => !seen.has(v))).toEqual([]);
    // And a desktop of node B holds what the server holds.
    const watcher = await startDesktop(nodeB.url, 'ana');
    desktops.push(watcher);
    expect(localDocs(watcher, 'interaction')).toEqual(await serverDocs(nodeB, 'interaction'));
  }, 120_000);
});
