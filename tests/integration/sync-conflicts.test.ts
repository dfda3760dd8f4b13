import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedNotice } from '../../src/shared/api/notices';
import type { OcEvent } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import { analystId, eligibleCustomer, localDocs, localOc, openOc, serverDocs, serverOc, type EligibleCustomer } from '../support/fixtures';
import { apiHeaders, loginToken } from '../support/raw-client';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// The conflict rules of SPEC §6, each with two (or more) desktops whose changes meet on the server.

let storage: TestStorage;
let server: RunningServer;
let customer: EligibleCustomer;
const open: TestDesktop[] = [];
const desktop = async (login: string): Promise<TestDesktop> => {
  const d = await startDesktop(server.url, login);
  open.push(d);
  return d;
};

beforeAll(async () => {
  storage = await testStorage('sync-conflicts');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 40, seed: 5, now: DEMO_NOW } });
  customer = await eligibleCustomer(server);
}, 120_000);

afterAll(async () => {
  for (const d of open) await d.close();
  await server?.stop();
  storage?.stop();
});

const notices = (d: TestDesktop) => d.invoke<RejectedNotice[]>('sync.notices');
const syncAll = async (...ds: TestDesktop[]) => {
  for (const d of ds) await d.sync.syncNow();
};
const serverEvents = async (ocId: string): Promise<OcEvent[]> =>
  (await server.db.query<{ doc: OcEvent }>('SELECT doc FROM oc_event WHERE oc_id = $1 ORDER BY version', [ocId])).rows.map((r) => r.doc);

describe('conflict rules (SPEC §6)', () => {
  it('concurrent take: the first push wins, the second author is told who has it, and its later changes still apply', async () => {
    const lead = await desktop('beatriz');
    const ana = await desktop('ana');
    const bruno = await desktop('bruno');
    const ocId = await openOc(lead, customer);
    await syncAll(ana, bruno);
    const rejected: RejectedNotice[] = [];
    bruno.core.events.on('mutation.rejected', (n) => rejected.push(n));

    await ana.invoke('oc.take', { ocId });
    await bruno.invoke('oc.take', { ocId });
    await bruno.invoke('oc.note', { ocId, body: 'Cliente ligou de novo.' });
    expect(localOc(bruno, ocId)?.assigneeId).toBe(await analystId(server, 'bruno'));

    await syncAll(ana, bruno);
    const anaId = await analystId(server, 'ana');
    expect((await serverOc(server, ocId)).assigneeId).toBe(anaId);
    expect(localOc(bruno, ocId)?.assigneeId).toBe(anaId);
    const [notice] = await notices(bruno);
    expect(notice?.error.code).toBe('ALREADY_TAKEN');
    expect(notice?.error.message['pt-BR']).toMatch(/^OC já assumida por Ana Souza às \d{2}:\d{2}\.$/);
    expect(notice?.ocId).toBe(ocId);
    expect(rejected.map((n) => n.mutationId)).toEqual([notice?.mutationId]);
    // The refused take advanced the client's last mutation id: the note after it was applied.
    const notes = await server.db.query("SELECT id FROM interaction WHERE oc_id = $1 AND kind = 'internal_note'", [ocId]);
    expect(notes.rows).toHaveLength(1);
    expect(bruno.sync.state().pending).toBe(0);
  });

  it('invalid transition after a concurrent change is refused and shown; the replica converges', async () => {
    const ana = await desktop('ana');
    const lead = await desktop('sergio');
    const ocId = await openOc(lead, customer, 'Relatório de estoque lento');
    await ana.sync.syncNow();
    await ana.invoke('oc.take', { ocId });
    await ana.sync.syncNow();
    await lead.sync.syncNow();

    await ana.invoke('oc.resolve', { ocId, note: 'Índice recriado.' });
    await lead.invoke('oc.pause', { ocId });
    await syncAll(ana, lead);

    expect((await serverOc(server, ocId)).status).toBe('solucionada');
    expect(localOc(lead, ocId)?.status).toBe('solucionada');
    const notice = (await notices(lead)).find((n) => n.ocId === ocId);
    expect(notice?.error.code).toBe('INVALID_TRANSITION');
    expect(notice?.error.message['pt-BR']).toContain('Solucionada');
  });

  it('lead reassignment vs analyst edit: last writer by server order, overwritten values kept in history', async () => {
    const ana = await desktop('ana');
    const beatriz = await desktop('beatriz');
    const sergio = await desktop('sergio');
    const ocId = await openOc(beatriz, customer, 'Erro no fechamento contábil');
    await ana.sync.syncNow();
    await ana.invoke('oc.take', { ocId });
    await syncAll(ana, beatriz, sergio);
    const [brunoId, carlaId, anaId] = [await analystId(server, 'bruno'), await analystId(server, 'carla'), await analystId(server, 'ana')];

    await beatriz.invoke('oc.reassign', { ocId, toAnalystId: brunoId });
    await sergio.invoke('oc.reassign', { ocId, toAnalystId: carlaId });
    await ana.invoke('oc.reply', { ocId, body: 'Estamos verificando o fechamento.' });
    await syncAll(beatriz, sergio, ana, beatriz, sergio);

    expect((await serverOc(server, ocId)).assigneeId).toBe(carlaId);
    const assignments = (await serverEvents(ocId)).flatMap((e) => (e.data.type === 'assigned' ? [[e.data.fromId, e.data.toId, e.data.how]] : []));
    expect(assignments).toEqual([[null, anaId, 'take'], [anaId, brunoId, 'reassign'], [brunoId, carlaId, 'reassign']]);
    const notice = (await notices(ana)).find((n) => n.ocId === ocId);
    expect(notice?.error.code).toBe('NOT_OWNER');
    expect(notice?.error.message['pt-BR']).toContain('Carla Dias');
    for (const d of [ana, beatriz, sergio]) expect(localOc(d, ocId)).toEqual(await serverOc(server, ocId));
  });

  it('escalation is never silently lowered by a stale replica', async () => {
    const ana = await desktop('ana');
    const bruno = await desktop('bruno');
    const lead = await desktop('beatriz');
    const ocId = await openOc(lead, customer, 'Cálculo de ICMS divergente');
    await syncAll(ana, bruno);
    await ana.invoke('oc.take', { ocId });
    await ana.invoke('oc.escalate', {
      ocId,
      simulation: { steps: 'Emitir NF-e com CST 10 para SP.', environment: 'Homologação 8.4', evidence: 'XML anexo', expected: 'ICMS-ST 18%', actual: 'ICMS-ST 12%' },
    });
    await ana.sync.syncNow();
    // Bruno's replica still shows the OC at N1 and unassigned: his take is refused by the server.
    expect(localOc(bruno, ocId)?.level).toBe('n1');
    await bruno.invoke('oc.take', { ocId });
    await bruno.sync.syncNow();
    expect((await serverOc(server, ocId)).level).toBe('n2');
    expect(localOc(bruno, ocId)?.level).toBe('n2');
    expect((await notices(bruno)).find((n) => n.ocId === ocId)?.error.code).toBe('WRONG_LEVEL');
    const levels = (await serverEvents(ocId)).flatMap((e) => (e.data.type === 'escalated' || e.data.type === 'returned' ? [e.data.to] : []));
    expect(levels).toEqual(['n2']);
  });

  it('interactions are append-only and deduplicated by their client id', async () => {
    const ana = await desktop('ana');
    const bruno = await desktop('bruno');
    const lead = await desktop('beatriz');
    const ocId = await openOc(lead, customer, 'Boleto sem código de barras');
    await syncAll(ana, bruno);
    await ana.invoke('oc.take', { ocId });
    await ana.invoke('oc.note', { ocId, body: 'Nota da Ana.' });
    await bruno.invoke('oc.note', { ocId, body: 'Nota do Bruno.' });
    const reply = await ana.invoke<{ mutationId: number }>('oc.reply', { ocId, body: 'Corrigimos o layout do boleto.' });
    const outboxEntry = ana.core.db.prepare('SELECT name, args, client_time FROM outbox WHERE mutation_id = ?').get(reply.mutationId) as { name: string; args: string; client_time: number };
    await syncAll(ana, bruno, ana);

    // The same mutation arrives again (a response lost on the way back): its stored outcome, nothing new.
    const token = await loginToken(server.url, 'ana');
    const meta = (key: string) => (ana.core.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
    const again = await fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: apiHeaders(token),
      body: JSON.stringify({ clientId: meta('clientId'), clientSecret: meta('sync.clientSecret'), mutations: [{ id: reply.mutationId, name: outboxEntry.name, args: JSON.parse(outboxEntry.args), clientTime: outboxEntry.client_time }] }),
    });
    expect(await again.json()).toMatchObject({ results: [{ id: reply.mutationId, ok: true }] });

    const kinds = (await server.db.query<{ kind: string }>('SELECT kind FROM interaction WHERE oc_id = $1 ORDER BY version', [ocId])).rows.map((r) => r.kind);
    expect(kinds.sort()).toEqual(['internal_note', 'internal_note', 'public_reply']);
    expect((await server.db.query('SELECT 1 FROM mail_outbox WHERE oc_id = $1', [ocId])).rows).toHaveLength(1);
    for (const d of [ana, bruno]) {
      await d.sync.syncNow();
      expect(localDocs(d, 'interaction')).toEqual(await serverDocs(server, 'interaction'));
    }
  });
});
