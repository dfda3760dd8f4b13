import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcEvent } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import { eligibleCustomer, localOc, openOc, serverOc } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Server jobs run the same mutators as everyone else: auto-close is 'oc.close' with a system actor.

let storage: TestStorage;
let server: RunningServer;
let now = Date.now();
const clock = { now: () => now };
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('server-jobs');
  server = await startTestServer(await storage.fresh(), { clock, demo: { ocs: 20, seed: 4, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

describe('auto-close job', () => {
  it('closes a solved OC after autoCloseDays without a reopen, and the desktops see it', async () => {
    const lead = await startDesktop(server.url, 'beatriz', { clock });
    desktops.push(lead);
    const ocId = await openOc(lead, await eligibleCustomer(server), 'Resolvida e esquecida');
    await lead.invoke('oc.take', { ocId });
    await lead.invoke('oc.resolve', { ocId, note: 'Parâmetro corrigido.' });
    await lead.sync.syncNow();
    await server.autoClose.runOnce();
    expect((await serverOc(server, ocId)).status).toBe('solucionada');

    const { rows } = await server.db.query<{ doc: { autoCloseDays: number } }>('SELECT doc FROM sla_config ORDER BY config_version DESC LIMIT 1');
    now += ((rows[0]?.doc.autoCloseDays ?? 7) + 1) * 86_400_000;
    expect(await server.autoClose.runOnce()).toBeGreaterThanOrEqual(1);
    expect((await serverOc(server, ocId)).status).toBe('encerrada');
    const events = (await server.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event WHERE oc_id = $1 ORDER BY version', [ocId])).rows.map((r) => r.doc);
    expect(events.at(-1)).toMatchObject({ actorId: 'system', actorName: 'Encerramento automático', data: { type: 'status_changed', from: 'solucionada', to: 'encerrada' } });
    // Running again closes nothing twice.
    const before = events.length;
    await server.autoClose.runOnce();
    expect((await server.db.query('SELECT 1 FROM oc_event WHERE oc_id = $1', [ocId])).rows).toHaveLength(before);
    await lead.sync.syncNow();
    expect(localOc(lead, ocId)?.status).toBe('encerrada');
  });
});
