import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedNotice } from '../../src/shared/api/notices';
import type { OcDetail } from '../../src/shared/api/views';
import type { OcEvent, SlaConfig } from '../../src/shared/domain';
import { evaluateSla } from '../../src/shared/sla/clocks';
import type { RunningServer } from '../../src/server/app';
import { eligibleCustomer, localDocs, localOc, openOc, serverDocs, serverOc } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

let storage: TestStorage;
const open: TestDesktop[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  storage = await testStorage('fault:partition');
}, 60_000);

afterAll(async () => {
  for (const d of open) await d.close();
  for (const s of servers) await s.stop();
  storage?.stop();
});

const server = async (options: Parameters<typeof startTestServer>[1] = {}): Promise<RunningServer> => {
  const s = await startTestServer(await storage.fresh(), { demo: { ocs: 15, seed: 21, now: DEMO_NOW }, ...options });
  servers.push(s);
  return s;
};
const desktop = async (s: RunningServer, login: string, options: Parameters<typeof startDesktop>[2] = {}): Promise<TestDesktop> => {
  const d = await startDesktop(s.url, login, options);
  open.push(d);
  return d;
};

/** A small deterministic PRNG, so a failing run can be replayed exactly. */
const prng = (seed: number) => () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);

describe('partitions and wrong clocks', () => {
  it('a desktop offline for two hours while two others edit the same OCs converges to the server state', async () => {
    let now = Date.now();
    const clock = { now: () => now };
    const s = await server({ clock });
    const [a, b, c] = [await desktop(s, 'beatriz', { clock }), await desktop(s, 'sergio', { clock }), await desktop(s, 'admin', { clock })];
    const customer = await eligibleCustomer(s);
    const ocs: string[] = [];
    for (let i = 0; i < 5; i += 1) ocs.push(await openOc(a, customer, `Ocorrência disputada ${i + 1}`));
    await a.invoke('oc.take', { ocId: ocs[0] });
    for (const d of [a, b, c]) await d.sync.syncNow();

    // A scripted conflict: A solves OC 1 while C, offline, pauses it.
    await a.invoke('oc.resolve', { ocId: ocs[0], note: 'Resolvido.' });
    await a.sync.syncNow();
    await c.invoke('oc.pause', { ocId: ocs[0] });

    const random = prng(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const actions: Array<(ocId: string) => [string, Record<string, unknown>]> = [
      (ocId: string) => ['oc.take', { ocId }],
      (ocId: string) => ['oc.note', { ocId, body: 'Acompanhando.' }],
      (ocId: string) => ['oc.reply', { ocId, body: 'Estamos analisando.' }],
      (ocId: string) => ['oc.pause', { ocId }],
      (ocId: string) => ['oc.resume', { ocId }],
      (ocId: string) => ['oc.resolve', { ocId, note: 'Ajustado.' }],
      (ocId: string) => ['oc.reopen', { ocId, reason: 'Voltou a ocorrer.' }],
      (ocId: string) => ['oc.changeCriticidade', { ocId, criticidade: pick(['critica', 'alta', 'media', 'baixa']) }],
    ];
    let offlineChanges = 0;
    // Two hours in 2-minute steps: A and B work and sync; C works on its replica without a connection.
    for (let step = 0; step < 60; step += 1) {
      now += 2 * 60_000;
      for (const d of [a, b, c]) {
        // OC 1 keeps the scripted conflict; the others take random edits from everyone.
        const [method, args] = pick(actions)(pick(ocs.slice(1)));
        const result = await d.core.api.invoke(method, args);
        if (d === c && result.ok) offlineChanges += 1;
      }
      if (step % 3 === 0) await a.sync.syncNow();
      if (step % 4 === 0) await b.sync.syncNow();
    }
    expect(offlineChanges).toBeGreaterThan(10);
    expect(c.sync.state().pending).toBeGreaterThan(10);

    // C comes back; A and B push what they still hold; then everyone pulls once more.
    for (const d of [c, a, b, a, b, c]) await d.sync.syncNow();
    for (const d of [a, b, c]) expect(d.sync.state()).toMatchObject({ status: 'online', pending: 0 });
    for (const table of ['ocorrencia', 'interaction', 'oc_event']) {
      const truth = await serverDocs(s, table);
      for (const [name, d] of [['A', a], ['B', b], ['C', c]] as const) expect(localDocs(d, table), `${name} ${table}`).toEqual(truth);
    }
    const notices = await c.invoke<RejectedNotice[]>('sync.notices');
    const paused = notices.find((n) => n.ocId === ocs[0] && n.name === 'oc.pause');
    expect(paused?.error.code).toBe('INVALID_TRANSITION');
    expect(localOc(c, ocs[0] as string)?.status).toBe((await serverOc(s, ocs[0] as string)).status);
  }, 120_000);

  it('a desktop clock 10 minutes fast shows SLA countdowns within 1 s of the server after one round trip', async () => {
    const s = await server();
    const skew = 10 * 60_000;
    const lead = await desktop(s, 'beatriz', { clock: { now: () => Date.now() + skew } });
    expect(Math.abs(lead.sync.clockOffsetMs() + skew)).toBeLessThan(250);
    expect(Math.abs(lead.core.deps.clock.now() - Date.now())).toBeLessThan(1_000);

    // A VIP crítica OC runs on the 24×7 calendar, so its countdown moves every second of the day.
    const { rows } = await s.db.query<{ id: string; module: string }>(`SELECT id, doc->'modules'->>0 AS module FROM customer WHERE doc->>'plan' = 'vip'
      AND doc->>'implantacaoTermSignedAt' IS NOT NULL AND doc->>'eadExtranetCompletedAt' IS NOT NULL AND doc->>'slaAcknowledgedAt' IS NOT NULL LIMIT 1`);
    const vip = rows[0] as { id: string; module: string };
    const ack = await lead.invoke<{ id: string }>('oc.create', { customerId: vip.id, channel: 'phone', module: vip.module, criticidade: 'critica', kind: 'erro', subject: 'Faturamento parado', description: 'Nenhuma nota sai.' });
    await lead.sync.syncNow();
    const detail = await lead.invoke<OcDetail>('oc.get', { id: ack.id });
    const serverNow = Date.now();
    const events = (await s.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event WHERE oc_id = $1', [ack.id])).rows.map((r) => r.doc).sort((x, y) => x.at - y.at);
    const configs = new Map((await s.db.query<{ doc: SlaConfig }>('SELECT doc FROM sla_config')).rows.map((r) => [r.doc.version, r.doc]));
    const truth = evaluateSla(events, (v) => configs.get(v) as SlaConfig, serverNow);
    const response = truth.clocks.find((x) => x.clock === 'first_response');
    const mine = detail.sla.find((x) => x.clock === 'first_response');
    expect(response?.state).toBe('running');
    expect(Math.abs((mine?.remainingMs ?? 0) - (response?.remainingMs ?? Number.NaN))).toBeLessThan(1_000);
  }, 60_000);

  it('a dropped WebSocket costs only latency: the next pull catches up', async () => {
    const s = await server();
    const auto = { sync: { manual: false, periodicMs: 3_600_000 } };
    const a = await desktop(s, 'beatriz', auto);
    const b = await desktop(s, 'sergio', auto);
    const waitFor = async (check: () => boolean, ms: number) => {
      const started = Date.now();
      while (!check()) {
        if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor(() => a.sync.socketConnected && b.sync.socketConnected, 10_000);
    b.sync.dropSocket();
    const ocId = await openOc(a, await eligibleCustomer(s), 'Criada com o socket de B caído');
    await waitFor(() => localOc(b, ocId) !== undefined, 15_000);
    await waitFor(() => b.sync.socketConnected, 15_000);
    expect(localOc(b, ocId)).toEqual(await serverOc(s, ocId));
  }, 60_000);
});
