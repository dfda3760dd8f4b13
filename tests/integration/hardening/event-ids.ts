import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/app';
import { applyMutation } from '../../../src/server/sync/apply';
import { extranetOcRef, jobRef } from '../../../src/server/sync/event-refs';
import { isDomainError, type OcEvent } from '../../../src/shared/domain';
import { parseMutationArgs } from '../../../src/shared/mutators/run';
import { contactToken, eligibleManagers, extranetCall, openExtranetOc } from '../../support/extranet-client';
import { apiCall, loginToken, newClientSecret } from '../../support/raw-client';
import { startDesktop } from '../../support/sync-harness';
import type { HardeningFixture } from './fixture';

// Issue 15 item 7: event ids (`${ref}:${n}`) are unique per kind of request — desktop mutation, Extranet OC,
// Extranet reply, server job each have their own ref namespace (sync/event-refs.ts) — and an id that is already
// in the log is refused, never dropped. Before, Extranet OCs and replies shared `extranet:${id}`: a reply whose
// portal-chosen id equalled an earlier OC's id was saved but its interaction_added event silently dropped, and
// the SLA is computed from that log.

export const eventIdCases = (fx: HardeningFixture): void => {
  describe('event ids unique per kind of request', () => {
    let server: RunningServer;

    beforeAll(() => {
      server = fx.server;
    });

    const eventsOf = async (ocId: string) =>
      (await server.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event WHERE oc_id = $1 ORDER BY version', [ocId])).rows.map((r) => r.doc);

    it("logs the event of a reply whose portal-chosen id is an earlier OC's id", async () => {
      const [{ contact, customer }] = (await eligibleManagers(server, 1)) as [Awaited<ReturnType<typeof eligibleManagers>>[number]];
      const token = await contactToken(server, contact);
      expect((await openExtranetOc(server, token, customer, { id: 'portal-42' })).status).toBe(201);
      const reply = await extranetCall(server, 'POST', '/extranet/v1/ocs/portal-42/replies', { id: 'portal-42', body: 'Segue o print do erro.' }, token);
      expect(reply.status).toBe(201);
      const events = await eventsOf('portal-42');
      expect(events.map((e) => e.data.type)).toEqual(['created', 'interaction_added']);
      expect(events.find((e) => e.data.type === 'interaction_added')).toMatchObject({ data: { interactionId: 'portal-42', kind: 'customer_reply' } });
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
      // A desktop's pull gets both, and its SLA clocks see the reply.
      const lead = await startDesktop(server.url, 'beatriz');
      try {
        const local = lead.core.db.prepare("SELECT json_extract(doc, '$.data.type') AS type FROM oc_event WHERE oc_id = 'portal-42' ORDER BY seq").all();
        expect(local).toEqual([{ type: 'created' }, { type: 'interaction_added' }]);
      } finally {
        await lead.close();
      }
    });

    it('keeps the other namespaces out of reach of a desktop: a client id can never be one of their prefixes', async () => {
      const token = await loginToken(server.url, 'ana');
      for (const clientId of ['extranet.oc', 'extranet.reply', 'job.auto-close', 'extranet:x', 'extranet', 'auto-close']) {
        const answer = await apiCall(server.url, '/api/v1/clients', { clientId, clientSecret: newClientSecret() }, token);
        expect(answer.status, clientId).toBeGreaterThanOrEqual(400);
        expect(answer.status, clientId).toBeLessThan(500);
      }
    });

    it('refuses a request whose event ids are already in the log, and writes none of it', async () => {
      const [{ contact, customer }] = (await eligibleManagers(server, 1)) as [Awaited<ReturnType<typeof eligibleManagers>>[number]];
      const token = await contactToken(server, contact);
      expect((await openExtranetOc(server, token, customer, { id: 'portal-77' })).status).toBe(201);
      const before = await eventsOf('portal-77');
      const parsed = parseMutationArgs('oc.customerReply', { ocId: 'portal-77', interactionId: 'clash-reply-1', body: 'Olá' });
      if (isDomainError(parsed)) throw new Error(parsed.code);
      // A request that reuses the OC's ref (a bug, or a job keyed like a request): its event would take the OC's id.
      for (const mutationRef of [extranetOcRef('portal-77'), jobRef('test', 'x')]) {
        const outcome = await applyMutation(server.db, {
          name: 'oc.customerReply', args: parsed.args, actor: { kind: 'contact', id: contact.id }, clientTime: Date.now(), receivedAt: Date.now(),
          mutationRef, client: null, timeZone: 'America/Sao_Paulo', source: 'extranet:test',
        });
        if (mutationRef === extranetOcRef('portal-77')) {
          expect(outcome).toMatchObject({ kind: 'applied', applied: null, result: { ok: false, error: { code: 'EVENT_ID_IN_USE' } } });
          expect((await server.db.query("SELECT 1 FROM interaction WHERE id = 'clash-reply-1'")).rows).toHaveLength(0);
          expect(await eventsOf('portal-77')).toEqual(before);
        } else {
          expect(outcome).toMatchObject({ kind: 'applied', result: { ok: true } });
        }
      }
      const audit = await server.db.query<{ outcome: string; code: string | null }>("SELECT outcome, detail->>'code' AS code FROM audit_log WHERE action = 'oc.customerReply' AND detail->>'ref' = $1", [extranetOcRef('portal-77')]);
      expect(audit.rows).toEqual([{ outcome: 'rejected', code: 'EVENT_ID_IN_USE' }]);
    });
  });
};
