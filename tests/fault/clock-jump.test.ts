import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcDetail } from '../../src/shared/api/views';
import type { OcEvent, SlaConfig } from '../../src/shared/domain';
import { evaluateSla } from '../../src/shared/sla/clocks';
import type { RunningServer } from '../../src/server/app';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';

// SPEC §6: nothing acknowledged is lost with "a desktop clock that is 10 minutes wrong" — here the clock is right
// until a laptop sleeps offline and wakes with its clock off by most of an hour (a drifting RTC, a time zone
// change, a manual fix): the changes made offline on both sides of the jump reach the server, none is dated
// after the server received it nor before the OC's earlier history, and after one sync the desktop's clock and
// countdowns are the server's again.

let storage: TestStorage;
let server: RunningServer;

beforeAll(async () => {
  storage = await testStorage('fault:clock-jump');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 15, seed: 31, now: DEMO_NOW } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  storage?.stop();
});

const serverTruth = async (ocId: string, at: number) => {
  // In the order the server logged them.
  const events = (await server.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event WHERE oc_id = $1 ORDER BY version', [ocId])).rows.map((r) => r.doc);
  const configs = new Map((await server.db.query<{ doc: SlaConfig }>('SELECT doc FROM sla_config')).rows.map((r) => [r.doc.version, r.doc]));
  return { events, sla: evaluateSla([...events].sort((x, y) => x.at - y.at), (v) => configs.get(v) as SlaConfig, at) };
};

describe('a desktop clock that jumps while offline (sleep and resume)', () => {
  it.each([['forward', 47 * 60_000], ['back', -47 * 60_000]])('%s: every change arrives, dated sanely, and the countdowns are right after one sync', async (_direction, jumpMs) => {
    let jump = 0;
    const lead = await startDesktop(server.url, 'beatriz', { clock: { now: () => Date.now() + jump } });
    try {
      // A few round trips: the offset estimate has a history from before the sleep.
      for (let i = 0; i < 4; i += 1) await lead.sync.syncNow();
      const { rows } = await server.db.query<{ id: string; module: string }>(`SELECT id, doc->'modules'->>0 AS module FROM customer WHERE doc->>'plan' = 'vip'
        AND doc->>'implantacaoTermSignedAt' IS NOT NULL AND doc->>'eadExtranetCompletedAt' IS NOT NULL AND doc->>'slaAcknowledgedAt' IS NOT NULL LIMIT 1`);
      const vip = rows[0] as { id: string; module: string };
      // VIP crítica runs on the 24×7 calendar: its countdown moves every second.
      const { id: ocId } = await lead.invoke<{ id: string }>('oc.create', { customerId: vip.id, channel: 'phone', module: vip.module, criticidade: 'critica', kind: 'erro', subject: 'Faturamento parado', description: 'Nenhuma nota sai.' });
      await lead.sync.syncNow();
      const createdAt = (await serverTruth(ocId, Date.now())).events[0]?.at as number;

      // Offline from here: a note, then the sleep, then more work on the same OC.
      await lead.invoke('oc.note', { ocId, body: 'Antes de fechar a tampa.' });
      jump = jumpMs;
      await lead.invoke('oc.take', { ocId });
      await lead.invoke('oc.note', { ocId, body: 'Depois de acordar.' });
      await lead.invoke('oc.reply', { ocId, body: 'Estamos analisando o faturamento.' });
      expect(lead.sync.state().pending).toBe(4);

      const sentAt = Date.now();
      await lead.sync.syncNow();
      const receivedBy = Date.now();
      expect(lead.sync.state()).toMatchObject({ status: 'online', pending: 0, problem: null });
      const { events, sla } = await serverTruth(ocId, Date.now());
      expect(events.map((e) => e.data.type)).toEqual(['created', 'interaction_added', 'assigned', 'status_changed', 'interaction_added', 'interaction_added']);
      for (const [i, event] of events.entries()) {
        expect(event.at).toBeLessThanOrEqual(receivedBy);
        expect(event.at).toBeGreaterThanOrEqual(createdAt);
        // An internal action is never dated before the one the desktop made before it.
        if (event.data.type === 'interaction_added' && event.data.kind === 'internal_note') {
          for (const earlier of events.slice(0, i)) if (earlier.data.type !== 'status_changed') expect(event.at).toBeGreaterThanOrEqual(earlier.at);
        }
      }
      // The reply is customer-visible: it counts when the server received it (SPEC §3 rule 10).
      const reply = events[events.length - 1] as OcEvent;
      expect(reply.at).toBeGreaterThanOrEqual(sentAt);

      // One sync later the desktop's clock is the server's, and so are its countdowns.
      expect(Math.abs(lead.core.deps.clock.now() - Date.now())).toBeLessThan(1_000);
      const detail = await lead.invoke<OcDetail>('oc.get', { id: ocId });
      const truth = sla.clocks.find((c) => c.clock === 'resolution');
      const mine = detail.sla.find((c) => c.clock === 'resolution');
      expect(truth?.state).toBe('running');
      expect(Math.abs((mine?.remainingMs ?? 0) - (truth?.remainingMs ?? Number.NaN))).toBeLessThan(1_000);
    } finally {
      await lead.close();
    }
  }, 90_000);
});
