import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import type { Database, Session } from '../../src/server/db/database';
import { openPostgres } from '../../src/server/db/postgres';
import { createDatabase, postgresAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { DEMO_NOW, startDesktop, startTestServer, type TestDesktop } from '../support/sync-harness';

// SPEC §6: nothing acknowledged is lost when PostgreSQL restarts in the middle of a desktop's drain: what was
// committed before stays, nothing is applied twice or skipped (mutation ids stay contiguous), the rest goes out
// on the next try — and the node hears commits again (its LISTEN connection comes back), so desktops are poked.

let cluster: PgCluster | null = null;
let server: RunningServer | null = null;
let raw: Database | null = null;
const desktops: TestDesktop[] = [];

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  await raw?.close();
  cluster?.stop();
});

const waitFor = async (check: () => boolean, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('PostgreSQL restarted mid-batch', () => {
  it.skipIf(!postgresAvailable())('keeps the committed prefix, leaves no gap, retries the rest, and pokes again afterwards', async () => {
    const pg = await startPgCluster();
    cluster = pg;
    raw = await openPostgres({ connectionString: await createDatabase(pg, 'soe_restart'), onError: () => undefined });
    const base = raw;
    // PostgreSQL restarts just as the third write script of the drain is sent (every connection is ended).
    let scripts = 0;
    const db: Database = {
      ...base,
      session: (work) => base.session((session) => work({
        ...session,
        ...(session.script === undefined ? {} : {
          script: async (text: string) => {
            if (text.includes('soe_write_step') && text.includes('Rajada') && (scripts += 1) === 3) pg.restart();
            return (session.script as NonNullable<Session['script']>)(text);
          },
        }),
      })),
    };
    server = await startTestServer({}, { database: db, demo: { ocs: 10, seed: 23, now: DEMO_NOW } });
    const writer = await startDesktop(server.url, 'beatriz', { sync: { pushBatch: 50 } });
    const watcher = await startDesktop(server.url, 'sergio', { sync: { manual: false, periodicMs: 3_600_000 } });
    desktops.push(writer, watcher);
    const ocId = (writer.core.db.prepare("SELECT id FROM ocorrencia WHERE status NOT IN ('encerrada', 'cancelada') ORDER BY id LIMIT 1").get() as { id: string }).id;
    for (let i = 1; i <= 300; i += 1) await writer.invoke('oc.note', { ocId, body: `Rajada ${i}` });
    const queued = (writer.core.db.prepare('SELECT mutation_id, args FROM outbox ORDER BY mutation_id').all() as Array<{ mutation_id: number; args: string }>)
      .map((r) => ({ id: r.mutation_id, interactionId: (JSON.parse(r.args) as { interactionId: string }).interactionId }));
    const clientId = (writer.core.db.prepare("SELECT value FROM meta WHERE key = 'clientId'").get() as { value: string }).value;
    const applied = async () => {
      const { rows } = await server!.db.query<{ id: string }>('SELECT id FROM interaction WHERE id = ANY($1)', [queued.map((q) => q.interactionId)]);
      const last = (await server!.db.query<{ n: number }>('SELECT last_mutation_id AS n FROM client_state WHERE client_id = $1', [clientId])).rows[0]?.n;
      return { ids: new Set(rows.map((r) => r.id)), last };
    };

    await writer.sync.syncNow();
    expect(scripts).toBeGreaterThanOrEqual(3);
    const prefix = await applied();
    // A prefix of the outbox, exactly: mutations up to the last id the server confirms, none after it.
    expect(prefix.ids.size).toBeGreaterThan(0);
    expect(prefix.ids.size).toBeLessThan(300);
    expect(queued.filter((q) => prefix.ids.has(q.interactionId)).map((q) => q.id)).toEqual(queued.slice(0, prefix.ids.size).map((q) => q.id));
    expect(prefix.last).toBe(queued[prefix.ids.size - 1]?.id);
    // Nothing is confirmed locally before a pull says so: the whole tail is still queued.
    expect(writer.sync.state().pending).toBeGreaterThanOrEqual(300 - prefix.ids.size);

    await writer.sync.syncNow();
    expect(writer.sync.state()).toMatchObject({ pending: 0, problem: null });
    const all = await applied();
    expect(all.ids.size).toBe(300);
    expect(all.last).toBe(queued[299]?.id);
    const events = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM oc_event WHERE id LIKE $1", [`${clientId}:%`]);
    expect(events.rows[0]?.n).toBe(300);

    // The watcher catches up, then a new commit reaches it by a poke alone (its periodic pull is an hour away).
    const notesOn = (d: TestDesktop) => (d.core.db.prepare("SELECT count(*) AS n FROM interaction WHERE oc_id = ? AND json_extract(doc, '$.body') LIKE 'Rajada %'").get(ocId) as { n: number }).n;
    await waitFor(() => notesOn(watcher) === 300, 60_000);
    await writer.invoke('oc.note', { ocId, body: 'Rajada final' });
    await writer.sync.syncNow();
    await waitFor(() => notesOn(watcher) === 301, 15_000);
  }, 180_000);
});
