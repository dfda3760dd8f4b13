import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOutbox } from '../../../src/core/db/outbox';
import type { RunningServer } from '../../../src/server/app';
import { applyBatch, applyMutation, type MutationOutcome, type PendingInput } from '../../../src/server/sync/apply';
import { hashClientSecret } from '../../../src/server/sync/client-identity';
import { extranetReplyRef } from '../../../src/server/sync/event-refs';
import { isDomainError } from '../../../src/shared/domain';
import { parseMutationArgs } from '../../../src/shared/mutators/run';
import { mutationRef } from '../../../src/shared/sync/protocol';
import { contactToken, eligibleManagers, extranetCall, openExtranetOc } from '../../support/extranet-client';
import { analystId } from '../../support/fixtures';
import { apiCall, loginToken, registerClient } from '../../support/raw-client';
import { startDesktop, type TestDesktop } from '../../support/sync-harness';
import type { HardeningFixture } from './fixture';

// Issue 15 item 2, the server's belt and braces (SPEC §6: one bad change never blocks or breaks anyone else's).
// Text PostgreSQL cannot store (U+0000, a lone surrogate) that slips past validation used to make its push 500
// on every retry — that change and every later one stuck in the outbox — and to fail the other desktops' pushes
// the server wrote in the same group (one round trip on PostgreSQL), and the Extranet's requests with it. The
// validation is the shared Text type's job; these tests go around it (server functions called directly, an
// outbox row written by an older desktop) so they prove what the server does when something gets through.

const NUL = 'Nota com \u0000 no meio';
const LONE_SURROGATE = 'Nota com \ud83d sozinho';

export const refusedWriteCases = (fx: HardeningFixture): void => {
  describe('a write the database refuses', () => {
    let server: RunningServer;
    const desktops: TestDesktop[] = [];
    let ocIds: string[];
    let anaId: string;

    beforeAll(async () => {
      server = fx.server;
      ocIds = (await server.db.query<{ id: string }>("SELECT id FROM ocorrencia WHERE status NOT IN ('encerrada', 'cancelada') ORDER BY id DESC LIMIT 20")).rows.map((r) => r.id);
      anaId = await analystId(server, 'ana');
    });

    afterAll(async () => {
      for (const d of desktops) await d.close();
    });

    /** A note as push.ts builds it, with `body` put in after validation (what slipped past it). */
    const note = (clientId: string, secret: string, mutationId: number, ocId: string, body: string): PendingInput => {
      const parsed = parseMutationArgs('oc.note', { ocId, interactionId: `${clientId}-${mutationId}`, body: 'placeholder' });
      if (isDomainError(parsed)) throw new Error(parsed.code);
      return {
        name: 'oc.note', args: { ...(parsed.args as object), body }, actor: { kind: 'analyst', id: anaId }, clientTime: Date.now(),
        mutationRef: mutationRef(clientId, mutationId), client: { id: clientId, mutationId, secretHash: hashClientSecret(secret) },
        timeZone: 'America/Sao_Paulo', source: 'push',
      };
    };
    const resultsOf = (outcomes: MutationOutcome[]) => outcomes.map((o) => (o.kind === 'applied' || o.kind === 'duplicate' ? o.result : o));
    const lastMutationId = async (clientId: string) =>
      (await server.db.query<{ n: number }>('SELECT last_mutation_id AS n FROM client_state WHERE client_id = $1', [clientId])).rows[0]?.n;

    it("refuses a poison mutation in the middle of a group of bystanders' pushes, with its reason; every bystander is applied", async () => {
      const token = await loginToken(server.url, 'ana');
      const clients = await Promise.all(Array.from({ length: 14 }, async (_, i) => {
        const id = `group-${fx.kind}-${String(i).padStart(2, '0')}`;
        return { id, secret: await registerClient(server.url, token, id) };
      }));
      const poisonAt = new Set([5, 9]);
      const loadsBefore = fx.db.count('soe_load(');
      // Submitted in one tick: the writer takes them as one group (one hold, one round trip on PostgreSQL).
      const answers = await Promise.all(clients.map((c, i) => applyBatch(server.db, { now: () => Date.now() }, [
        note(c.id, c.secret, 1, ocIds[i % ocIds.length] as string, poisonAt.has(i) ? (i === 5 ? NUL : LONE_SURROGATE) : `Nota 1 de ${c.id}`),
        note(c.id, c.secret, 2, ocIds[(i + 1) % ocIds.length] as string, `Nota 2 de ${c.id}`),
      ])));
      expect(fx.db.count('soe_load(') - loadsBefore).toBeLessThan(clients.length / 2);

      for (const [i, answer] of answers.entries()) {
        const results = resultsOf(answer);
        if (poisonAt.has(i)) {
          expect(results[0]).toMatchObject({ id: 1, ok: false, error: { code: 'UNSTORABLE_TEXT', message: { 'pt-BR': expect.stringMatching(/não pode ser guardado/) } } });
          expect(results[1]).toEqual({ id: 2, ok: true });
        } else {
          expect(results).toEqual([{ id: 1, ok: true }, { id: 2, ok: true }]);
        }
        expect(await lastMutationId(clients[i]?.id as string)).toBe(2);
      }
      const notes = await server.db.query<{ id: string }>("SELECT id FROM interaction WHERE id LIKE $1 ORDER BY id", [`group-${fx.kind}-%`]);
      expect(notes.rows).toHaveLength(2 * clients.length - poisonAt.size);
      const events = await server.db.query<{ id: string }>('SELECT id FROM oc_event WHERE id LIKE $1', [`group-${fx.kind}-%`]);
      expect(events.rows).toHaveLength(2 * clients.length - poisonAt.size);
      // The refusal is recorded: sent again, the id gets the same answer and writes nothing.
      const poisoned = clients[5] as { id: string; secret: string };
      const again = await applyBatch(server.db, { now: () => Date.now() }, [note(poisoned.id, poisoned.secret, 1, ocIds[0] as string, NUL)]);
      expect(resultsOf(again)).toEqual([expect.objectContaining({ id: 1, ok: false, error: expect.objectContaining({ code: 'UNSTORABLE_TEXT' }) })]);
      const audit = await server.db.query<{ outcome: string; code: string }>("SELECT outcome, detail->>'code' AS code FROM audit_log WHERE detail->>'ref' = $1", [`${poisoned.id}:1`]);
      expect(audit.rows).toEqual([{ outcome: 'rejected', code: 'UNSTORABLE_TEXT' }]);
    });

    it('answers poison sent over HTTP with a refusal, never a 5xx, while the pushes beside it are applied', async () => {
      const token = await loginToken(server.url, 'ana');
      const ids = Array.from({ length: 8 }, (_, i) => `http-${fx.kind}-${i}`);
      const secrets = await Promise.all(ids.map((id) => registerClient(server.url, token, id)));
      const pushes = await Promise.all(ids.map((clientId, i) => apiCall<{ results: Array<{ ok: boolean; error?: { code: string } }> }>(server.url, '/api/v1/push', {
        clientId, clientSecret: secrets[i], mutations: [
          { id: 1, name: 'oc.note', args: { ocId: ocIds[i], interactionId: `${clientId}-1`, body: i === 3 ? NUL : `Nota HTTP ${i}` }, clientTime: Date.now() },
          { id: 2, name: 'oc.note', args: { ocId: ocIds[i], interactionId: `${clientId}-2`, body: i === 3 ? LONE_SURROGATE : `Outra nota HTTP ${i}` }, clientTime: Date.now() },
        ],
      }, token)));
      for (const [i, push] of pushes.entries()) {
        expect(push.status).toBe(200);
        // Refused by the shared Text type (INVALID_ARGS) once it covers the note, by the database otherwise.
        if (i === 3) expect(push.body.results.map((r) => r.ok)).toEqual([false, false]);
        else expect(push.body.results).toEqual([{ id: 1, ok: true }, { id: 2, ok: true }]);
      }
    });

    it('drains an outbox holding a change acknowledged before validation refused such text: refused, shown, and the next change goes out', async () => {
      const ana = await startDesktop(server.url, 'ana');
      desktops.push(ana);
      const ocId = ocIds[7] as string;
      // An older desktop acknowledged this note and queued it: the outbox row as it wrote it.
      const poisonId = appendOutbox(ana.core.db, { name: 'oc.note', args: { ocId, interactionId: 'outbox-poison-1', body: NUL }, clientTime: Date.now(), actorId: anaId }, Date.now());
      await ana.invoke('oc.note', { ocId, body: 'Nota depois da envenenada.' });
      await ana.sync.syncNow();
      expect(ana.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
      const notices = ana.core.db.prepare('SELECT mutation_id, error FROM rejected_notice').all() as Array<{ mutation_id: number; error: string }>;
      expect(notices.map((n) => [n.mutation_id, (JSON.parse(n.error) as { code: string }).code])).toEqual([[poisonId, 'UNSTORABLE_TEXT']]);
      expect((await server.db.query("SELECT 1 FROM interaction WHERE oc_id = $1 AND doc->>'body' = 'Nota depois da envenenada.'", [ocId])).rows).toHaveLength(1);
      expect((await server.db.query("SELECT 1 FROM interaction WHERE id = 'outbox-poison-1'")).rows).toHaveLength(0);
    });

    it('gives the Extranet intake the same protection: a poison reply is refused with a 4xx, the replies beside it are saved', async () => {
      const managers = await eligibleManagers(server, 3);
      const tokens = await Promise.all(managers.map((m) => contactToken(server, m.contact)));
      const ocs = await Promise.all(managers.map(async (m, i) => (await openExtranetOc(server, tokens[i] as string, m.customer)).body.ocorrencia.id as string));
      const replies = await Promise.all(managers.map((_, i) =>
        extranetCall(server, 'POST', `/extranet/v1/ocs/${ocs[i]}/replies`, { body: i === 1 ? NUL : `Resposta ${i}` }, tokens[i])));
      expect(replies.map((r) => r.status)).toEqual([201, expect.any(Number), 201]);
      expect(replies[1]?.status).toBeGreaterThanOrEqual(400);
      expect(replies[1]?.status).toBeLessThan(500);
      // An OC whose text the database refuses: refused before its number is taken (the number and the write are
      // one transaction), while the OCs opened beside it are numbered in sequence.
      const numbers = async () => (await server.db.query<{ last: number }>('SELECT sum(last)::int AS last FROM oc_number')).rows[0]?.last ?? 0;
      const before = await numbers();
      const opened = await Promise.all(managers.map((m, i) => openExtranetOc(server, tokens[i] as string, m.customer, i === 2 ? { subject: `Assunto ${LONE_SURROGATE}` } : {})));
      expect(opened.map((o) => o.status)).toEqual([201, 201, expect.any(Number)]);
      expect(opened[2]?.status).toBeGreaterThanOrEqual(400);
      expect(opened[2]?.status).toBeLessThan(500);
      expect(await numbers()).toBe(before + 2);
      // The intake's own function, around validation: refused with the reason, nothing saved.
      const contact = managers[1]?.contact;
      const parsed = parseMutationArgs('oc.customerReply', { ocId: ocs[1], interactionId: 'intake-poison-1', body: 'placeholder' });
      if (isDomainError(parsed) || contact === undefined) throw new Error('setup');
      const outcome = await applyMutation(server.db, {
        name: 'oc.customerReply', args: { ...(parsed.args as object), body: LONE_SURROGATE }, actor: { kind: 'contact', id: contact.id },
        clientTime: Date.now(), receivedAt: Date.now(), mutationRef: extranetReplyRef('intake-poison-1'), client: null, timeZone: 'America/Sao_Paulo', source: 'extranet:test',
      });
      expect(outcome).toMatchObject({ kind: 'applied', applied: null, result: { ok: false, error: { code: 'UNSTORABLE_TEXT' } } });
      expect((await server.db.query("SELECT 1 FROM interaction WHERE id = 'intake-poison-1'")).rows).toHaveLength(0);
    });
  });
};
