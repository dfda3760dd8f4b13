import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/app';
import { analystId, serverOc } from '../../support/fixtures';
import { apiCall, loginToken, newClientSecret, registerClient } from '../../support/raw-client';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../../support/sync-harness';
import type { HardeningFixture } from './fixture';

// Issue 15 item 1 (SPEC §7: a desktop's client id belongs to it; nobody can push or pull as another client).
// Event ids are `${clientId}:${mutationId}:n` and every desktop pulls them, so every analyst can read every
// desktop's client id. Before the binding, pushing mutation n under another desktop's id made that desktop's real
// mutation n answer "ok" without being applied (its note vanished, with sync showing online, 0 pending), and a
// pull under it answered its last mutation id.

export const clientIdentityCases = (fx: HardeningFixture): void => {
  describe('client ids bound to their desktop', () => {
    let server: RunningServer;
    const desktops: TestDesktop[] = [];
    let ocId: string;

    beforeAll(async () => {
      server = fx.server;
      ocId = (await server.db.query<{ id: string }>("SELECT id FROM ocorrencia WHERE status = 'nova' ORDER BY id LIMIT 1")).rows[0]?.id as string;
    });

    afterAll(async () => {
      for (const d of desktops) await d.close();
    });

    const desktop = async (login: string): Promise<TestDesktop> => {
      const d = await startDesktop(server.url, login);
      desktops.push(d);
      return d;
    };
    const meta = (d: TestDesktop, key: string): string => (d.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
    const clientRow = async (clientId: string) =>
      (await server.db.query('SELECT last_mutation_id, secret_hash, registered_by FROM client_state WHERE client_id = $1', [clientId])).rows[0];
    const interactionsOf = async (body: string) => (await server.db.query('SELECT id FROM interaction WHERE oc_id = $1 AND doc->>\'body\' = $2', [ocId, body])).rows.length;

    it("refuses a push under another desktop's id (read from its event ids) and leaves that desktop's record and changes alone", async () => {
      const bruno = await desktop('bruno');
      const ana = await desktop('ana');
      await bruno.invoke('oc.note', { ocId, body: 'Nota 1 do Bruno.' });
      await bruno.sync.syncNow();
      await ana.sync.syncNow();
      // What any desktop can read: the event ids of Bruno's change, in its own replica.
      const brunoId = await analystId(server, 'bruno');
      const eventId = (ana.core.db.prepare("SELECT id FROM oc_event WHERE oc_id = ? AND json_extract(doc, '$.actorId') = ? ORDER BY seq DESC LIMIT 1").get(ocId, brunoId) as { id: string }).id;
      const [victimClient, seenMutation] = eventId.split(':') as [string, string];
      expect(victimClient).toBe(meta(bruno, 'clientId'));
      await bruno.invoke('oc.note', { ocId, body: 'Nota 2 do Bruno.' });
      const before = await clientRow(victimClient);

      const token = await loginToken(server.url, 'ana');
      const forged = { id: Number(seenMutation) + 1, name: 'oc.note', args: { ocId, interactionId: 'forged-note', body: 'Nota forjada.' }, clientTime: DEMO_NOW };
      const attempts = [
        await apiCall(server.url, '/api/v1/push', { clientId: victimClient, clientSecret: newClientSecret(), mutations: [forged] }, token),
        // Ana's own desktop secret is no key to Bruno's id.
        await apiCall(server.url, '/api/v1/push', { clientId: victimClient, clientSecret: meta(ana, 'sync.clientSecret'), mutations: [forged] }, token),
        // Replaying an id Bruno already used gets no stored outcome back either.
        await apiCall(server.url, '/api/v1/push', { clientId: victimClient, clientSecret: newClientSecret(), mutations: [{ ...forged, id: 1 }] }, token),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(403);
        expect(attempt.body).toEqual({ error: expect.objectContaining({ code: 'CLIENT_FORBIDDEN' }) });
      }
      expect((await apiCall(server.url, '/api/v1/push', { clientId: victimClient, mutations: [forged] }, token)).status).toBe(400);
      // Nor can the id be taken over by registering it again.
      const takeover = await apiCall(server.url, '/api/v1/clients', { clientId: victimClient, clientSecret: newClientSecret() }, token);
      expect(takeover.status).toBe(403);
      expect(takeover.body).toMatchObject({ error: { code: 'CLIENT_ID_TAKEN' } });

      expect(await clientRow(victimClient)).toEqual(before);
      expect(await interactionsOf('Nota forjada.')).toBe(0);
      await bruno.sync.syncNow();
      expect(bruno.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
      expect(await interactionsOf('Nota 2 do Bruno.')).toBe(1);
      expect((await clientRow(victimClient))?.last_mutation_id).toBe(Number(seenMutation) + 1);
      expect(bruno.core.db.prepare('SELECT count(*) AS n FROM rejected_notice').get()).toEqual({ n: 0 });
    });

    it("answers a pull under another desktop's id with a refusal that reveals nothing about it", async () => {
      const carla = await desktop('carla');
      await carla.invoke('oc.note', { ocId, body: 'Nota da Carla.' });
      await carla.sync.syncNow();
      const victimClient = meta(carla, 'clientId');
      const token = await loginToken(server.url, 'diego');
      for (const clientSecret of [newClientSecret(), meta(desktops[0] as TestDesktop, 'sync.clientSecret')]) {
        const pull = await apiCall(server.url, '/api/v1/pull', { clientId: victimClient, clientSecret, cursor: 0, limit: 10 }, token);
        expect(pull.status).toBe(403);
        expect(Object.keys(pull.body)).toEqual(['error']);
        expect(JSON.stringify(pull.body)).not.toMatch(/lastMutationId|changes/);
      }
      // An id nobody registered is refused too (register first): no answer for ids one merely guesses.
      const unknown = await apiCall(server.url, '/api/v1/pull', { clientId: 'never-registered-1', clientSecret: newClientSecret(), cursor: 0 }, token);
      expect(unknown).toMatchObject({ status: 403, body: { error: { code: 'CLIENT_UNREGISTERED' } } });
      // The owner still pulls.
      await carla.sync.syncNow();
      expect(carla.sync.state()).toMatchObject({ status: 'online', problem: null });
    });

    it('registers an id once: a retry with the same secret is answered again, another secret is refused, old namespaces are reserved', async () => {
      const token = await loginToken(server.url, 'eduarda');
      const secret = newClientSecret();
      const first = await apiCall(server.url, '/api/v1/clients', { clientId: 'fresh-desk-0001', clientSecret: secret }, token);
      expect(first).toMatchObject({ status: 200, body: { outcome: 'registered' } });
      // The answer was lost and the desktop asks again.
      expect(await apiCall(server.url, '/api/v1/clients', { clientId: 'fresh-desk-0001', clientSecret: secret }, await loginToken(server.url, 'eduarda')))
        .toMatchObject({ status: 200, body: { outcome: 'already' } });
      expect((await apiCall(server.url, '/api/v1/clients', { clientId: 'fresh-desk-0001', clientSecret: newClientSecret() }, token)).status).toBe(403);
      for (const clientId of ['extranet', 'auto-close']) {
        expect((await apiCall(server.url, '/api/v1/clients', { clientId, clientSecret: newClientSecret() }, token)).status).toBe(403);
      }
      expect((await apiCall(server.url, '/api/v1/clients', { clientId: 'fresh-desk-0002', clientSecret: 'short' }, token)).status).toBe(400);
      expect((await apiCall(server.url, '/api/v1/clients', { clientId: 'fresh-desk-0003', clientSecret: newClientSecret() })).status).toBe(401);
      const audit = await server.db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'client.register' AND target = 'fresh-desk-0001' ORDER BY id");
      expect(audit.rows.map((r) => r.outcome)).toEqual(['ok', 'ok', 'denied']);
      // The secret is kept only as its hash.
      expect(JSON.stringify((await server.db.query("SELECT * FROM client_state WHERE client_id = 'fresh-desk-0001'")).rows)).not.toContain(secret);
    });

    it("carries several analysts' changes under one desktop id, each applied as its own analyst", async () => {
      const shared = await desktop('felipe');
      await shared.invoke('oc.note', { ocId, body: 'Nota do Felipe no balcão.' });
      await shared.invoke('session.login', { login: 'gabriela', password: 'demo' });
      await shared.invoke('oc.note', { ocId, body: 'Nota da Gabriela no balcão.' });
      await shared.sync.syncNow();
      expect(shared.sync.state()).toMatchObject({ pending: 0, problem: null });
      const clientId = meta(shared, 'clientId');
      const authors = await server.db.query<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE detail->>'ref' LIKE $1 AND outcome = 'applied' ORDER BY id", [`${clientId}:%`]);
      expect(authors.rows.map((r) => r.actor_id)).toEqual([await analystId(server, 'felipe'), await analystId(server, 'gabriela')]);
      expect((await clientRow(clientId))?.registered_by).toBe(await analystId(server, 'felipe'));
      expect((await serverOc(server, ocId)).id).toBe(ocId);
    });

    it('re-registers by itself when the server no longer knows the id (a new server database)', async () => {
      const token = await loginToken(server.url, 'henrique');
      const secret = await registerClient(server.url, token, 'moving-desk-01');
      await server.db.query("DELETE FROM client_state WHERE client_id = 'moving-desk-01'");
      const pull = await apiCall(server.url, '/api/v1/pull', { clientId: 'moving-desk-01', clientSecret: secret, cursor: 0, limit: 1 }, token);
      expect(pull).toMatchObject({ status: 403, body: { error: { code: 'CLIENT_UNREGISTERED' } } });
      const isabela = await desktop('isabela');
      await server.db.query('DELETE FROM client_state WHERE client_id = $1', [meta(isabela, 'clientId')]);
      await isabela.invoke('oc.note', { ocId, body: 'Nota depois da troca do banco.' });
      await isabela.sync.syncNow();
      await isabela.sync.syncNow();
      expect(isabela.sync.state()).toMatchObject({ pending: 0, problem: null });
      expect(await interactionsOf('Nota depois da troca do banco.')).toBe(1);
    });
  });
};
