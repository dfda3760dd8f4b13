import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/app';
import { generateDemo } from '../../../src/shared/demo/generate';
import { analystId } from '../../support/fixtures';
import { legacyDatabase, type LegacyPush } from '../../support/legacy-history';
import { freePort } from '../../support/pg-cluster';
import { apiCall, loginToken, newClientSecret } from '../../support/raw-client';
import { DEMO_NOW, startDesktop, startTestServer } from '../../support/sync-harness';
import type { HardeningFixture } from './fixture';

// Issue 15 item 1, the upgrade: client ids with history from before they were bound (protocol 1, schema 6)
// keep working — the desktop that owns one claims it, its queued outbox goes out — and nobody else can claim
// one first (server migration 007: the id's legacy owner is the analyst of the first push recorded under it).

const DEMO = { ocs: 20, seed: 4, now: DEMO_NOW };
const OWNED = 'legacy-desk-0001';
const SHARED = 'legacy-desk-0002';

export const clientUpgradeCases = (fx: HardeningFixture): void => {
  describe('client ids from before the upgrade', () => {
    let server: RunningServer;
    let ocId: string;

    beforeAll(async () => {
      // A database of its own, in the same cluster: the one a protocol-1 server left.
      const spec = await fx.storage.fresh();
      // The OC the legacy pushes note on: one the demo (deterministic) leaves new.
      ocId = (generateDemo(DEMO).ocorrencias.filter((oc) => oc.status === 'nova').map((oc) => oc.id).sort()[0]) as string;
      const note = (clientId: string, login: string, mutationId: number): LegacyPush =>
        ({ clientId, login, mutationId, name: 'oc.note', args: { ocId, interactionId: `${clientId}-${mutationId}`, body: `Nota antiga ${mutationId}` } });
      await legacyDatabase(spec, DEMO, [
        note(OWNED, 'ana', 1), note(OWNED, 'ana', 2), note(OWNED, 'ana', 3),
        // A desktop Beatriz and Bruno share: Beatriz synced first, Bruno later (or Bruno pushed under it).
        note(SHARED, 'beatriz', 1), note(SHARED, 'bruno', 2),
      ], DEMO_NOW + 60_000);
      server = await startTestServer(spec);
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
    });

    const clientRow = async (clientId: string) =>
      (await server.db.query('SELECT last_mutation_id, secret_hash, legacy_owner, registered_by FROM client_state WHERE client_id = $1', [clientId])).rows[0];

    it('records the first analyst who pushed under each id as the only one who may bind it', async () => {
      expect(await clientRow(OWNED)).toEqual({ last_mutation_id: 3, secret_hash: null, legacy_owner: await analystId(server, 'ana'), registered_by: null });
      expect(await clientRow(SHARED)).toMatchObject({ last_mutation_id: 2, secret_hash: null, legacy_owner: await analystId(server, 'beatriz') });
    });

    it('refuses a first-contact claim of a used id by anyone else, and a push or pull under it, leaving it unbound', async () => {
      const before = await clientRow(SHARED);
      for (const login of ['bruno', 'ana']) {
        const token = await loginToken(server.url, login);
        const secret = newClientSecret();
        expect(await apiCall(server.url, '/api/v1/clients', { clientId: SHARED, clientSecret: secret }, token)).toMatchObject({ status: 403, body: { error: { code: 'CLIENT_ID_TAKEN' } } });
        const push = await apiCall(server.url, '/api/v1/push', {
          clientId: SHARED, clientSecret: secret, mutations: [{ id: 3, name: 'oc.note', args: { ocId, interactionId: `steal-${login}`, body: 'Roubo' }, clientTime: DEMO_NOW }],
        }, token);
        expect(push).toMatchObject({ status: 403, body: { error: { code: 'CLIENT_FORBIDDEN' } } });
        expect((await apiCall(server.url, '/api/v1/pull', { clientId: SHARED, clientSecret: secret, cursor: 0 }, token)).status).toBe(403);
      }
      expect(await clientRow(SHARED)).toEqual(before);
      // Its legacy owner binds it.
      const owner = await apiCall(server.url, '/api/v1/clients', { clientId: SHARED, clientSecret: newClientSecret() }, await loginToken(server.url, 'beatriz'));
      expect(owner).toMatchObject({ status: 200, body: { outcome: 'claimed' } });
    });

    it("syncs the owner's upgraded replica: it claims its id (tried under every session it holds) and its queued outbox goes out", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'soe-legacy-desk-'));
      // The replica as the protocol-1 desktop left it: pulled, Ana's session in it, its id with mutations 1-3 confirmed.
      const first = await startDesktop(server.url, 'ana', { dir });
      await first.close();
      const replica = new Sqlite(join(dir, 'replica.db'));
      const setMeta = replica.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
      setMeta.run('clientId', OWNED);
      setMeta.run('lastIssuedMutationId', '3');
      setMeta.run('sync.lastMutationId', '3');
      replica.prepare("DELETE FROM meta WHERE key IN ('sync.clientSecret', 'sync.clientRegisteredWith')").run();
      replica.close();
      // Offline (the old app, or the new one before it reached the server): twenty notes are acknowledged and queued.
      const offline = await startDesktop(`http://127.0.0.1:${await freePort()}`, 'ana', { dir, initialSync: false });
      for (let i = 1; i <= 20; i += 1) await offline.invoke('oc.note', { ocId, body: `Nota na fila ${i}` });
      expect(offline.sync.state().pending).toBe(20);
      await offline.close();

      // Updated and back online, with Beatriz logged in on it now: her session may not claim the id, Ana's may.
      const upgraded = await startDesktop(server.url, 'beatriz', { dir, initialSync: false });
      try {
        await upgraded.sync.syncNow();
        expect(upgraded.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
        expect(await clientRow(OWNED)).toMatchObject({ last_mutation_id: 23, registered_by: await analystId(server, 'ana'), secret_hash: expect.any(String) });
        const queued = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM interaction WHERE oc_id = $1 AND doc->>'body' LIKE 'Nota na fila %'", [ocId]);
        expect(queued.rows[0]?.n).toBe(20);
        const claims = await server.db.query<{ actor_id: string; outcome: string }>("SELECT actor_id, outcome FROM audit_log WHERE action = 'client.register' AND target = $1 ORDER BY id", [OWNED]);
        expect(claims.rows).toEqual([{ actor_id: await analystId(server, 'beatriz'), outcome: 'denied' }, { actor_id: await analystId(server, 'ana'), outcome: 'ok' }]);
        expect(upgraded.core.db.prepare('SELECT count(*) AS n FROM rejected_notice').get()).toEqual({ n: 0 });
      } finally {
        await upgraded.close();
      }
    });
  });
};
