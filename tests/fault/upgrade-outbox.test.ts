import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/shared/demo/generate';
import { legacyDatabase, openSpec } from '../support/legacy-history';
import { freePort } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';
import { runTs, type Child } from './support/processes';

// The upgrade to bound client ids (protocol 2, server migrations 007–008) with 200 changes queued in a desktop's
// outbox: the server node starts on the database an older server left and migrates it; the updated desktop
// claims its id (it synced under it before) and drains its outbox — and when the node dies in the middle of the
// drain, the restarted one takes the rest. Nothing acknowledged is lost, nothing is applied twice.

const DEMO = { ocs: 15, seed: 19, now: DEMO_NOW };
const CLIENT = 'upgrade-desk-0001';

let storage: TestStorage;
const children: Child[] = [];
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:upgrade-outbox');
}, 60_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  for (const c of children) await c.kill();
  storage?.stop();
});

const startNode = async (spec: { databaseUrl?: string; dataDir?: string }, port: number, extra: Record<string, unknown> = {}): Promise<{ url: string; child: Child }> => {
  const child = runTs('./server-main.ts', { SOE_FAULT_SERVER: JSON.stringify({ ...spec, port, mailDir: mkdtempSync(join(tmpdir(), 'soe-fault-mail-')), ...extra }) });
  children.push(child);
  return { url: (await child.waitFor(/^READY /, 90_000)).slice('READY '.length), child };
};

describe('an upgrade with 200 changes queued in the outbox', () => {
  it('loses none and applies none twice, even when the server node dies mid-drain', async () => {
    const ocId = generateDemo(DEMO).ocorrencias.filter((oc) => oc.status === 'nova').map((oc) => oc.id).sort()[0] as string;
    // The database the older server left: the demo and three changes this desktop pushed under its id.
    const spec = await storage.fresh();
    await legacyDatabase(spec, DEMO, [1, 2, 3].map((n) => ({ clientId: CLIENT, login: 'ana', mutationId: n, name: 'oc.note', args: { ocId, interactionId: `${CLIENT}-${n}`, body: `Sincronizada ${n}` } })), DEMO_NOW + 60_000);

    // The desktop's replica as the older app left it: the same demo pulled (from a twin server, the older one
    // being gone), its id with mutations 1–3 confirmed, no secret — and 200 notes acknowledged offline.
    const dir = mkdtempSync(join(tmpdir(), 'soe-upgrade-desk-'));
    const twin = await startTestServer(await storage.fresh(), { demo: DEMO });
    const pulled = await startDesktop(twin.url, 'ana', { dir });
    await pulled.close();
    await twin.stop();
    const replica = new Sqlite(join(dir, 'replica.db'));
    const setMeta = replica.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of [['clientId', CLIENT], ['lastIssuedMutationId', '3'], ['sync.lastMutationId', '3'], ['sync.cursor', '0']]) setMeta.run(key, value);
    replica.prepare("DELETE FROM meta WHERE key IN ('sync.clientSecret', 'sync.clientRegisteredWith') OR key LIKE 'sync.token.%'").run();
    replica.close();
    const offline = await startDesktop(`http://127.0.0.1:${await freePort()}`, 'ana', { dir, initialSync: false });
    for (let i = 1; i <= 200; i += 1) await offline.invoke('oc.note', { ocId, body: `Na fila ${i}` });
    expect(offline.sync.state().pending).toBe(200);
    await offline.close();

    // The new server node migrates the old database; it dies right after committing the batch with note 120.
    const port = await freePort();
    const first = await startNode(spec, port, { fault: 'after-commit', match: 'Na fila 120"' });
    const desk = await startDesktop(first.url, 'ana', { dir, initialSync: false, sync: { pushBatch: 50, requestTimeoutMs: 5_000 } });
    desktops.push(desk);
    await desk.sync.syncNow();
    expect(await Promise.race([first.child.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))])).toBeNull();
    expect(desk.sync.state().pending).toBeGreaterThan(0);

    const second = await startNode(spec, port);
    await desk.sync.syncNow();
    expect(desk.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
    await second.child.kill('SIGTERM');

    const db = await openSpec(spec);
    try {
      const bodies = (await db.query<{ body: string }>("SELECT doc->>'body' AS body FROM interaction WHERE oc_id = $1 AND doc->>'kind' = 'internal_note' ORDER BY version", [ocId])).rows.map((r) => r.body);
      expect(bodies.filter((b) => b.startsWith('Sincronizada '))).toEqual(['Sincronizada 1', 'Sincronizada 2', 'Sincronizada 3']);
      expect(bodies.filter((b) => b.startsWith('Na fila '))).toEqual(Array.from({ length: 200 }, (_, i) => `Na fila ${i + 1}`));
      const state = await db.query<{ last: number; bound: boolean }>('SELECT last_mutation_id AS last, secret_hash IS NOT NULL AS bound FROM client_state WHERE client_id = $1', [CLIENT]);
      expect(state.rows).toEqual([{ last: 203, bound: true }]);
      const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM oc_event WHERE id LIKE $1', [`${CLIENT}:%`]);
      expect(events.rows[0]?.n).toBe(203);
      expect(desk.core.db.prepare('SELECT count(*) AS n FROM rejected_notice').get()).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  }, 240_000);
});
