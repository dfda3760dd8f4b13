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

const publicReplies = async (ocId: string) =>
  (await server.db.query<{ author: string; body: string }>("SELECT doc->>'authorId' AS author, doc->>'body' AS body FROM interaction WHERE oc_id = $1 AND kind = 'public_reply'", [ocId])).rows;

// Issue 13 item 5: the changes written on top of a refused take. A reply, a note or a pause on an OC whose take
// the server refused is refused too when its author may not act on that OC — the customer never gets two replies
// from two analysts — and the author is told of every refused change with what they wrote, to copy it.
describe('changes that depended on a refused take', () => {
  it("an analyst's reply and pause after a lost take are refused with the take, each told with its text; the customer gets one reply", async () => {
    const lead = await desktop('beatriz');
    const ana = await desktop('ana');
    const bruno = await desktop('bruno');
    const ocId = await openOc(lead, customer, 'Rejeição 539 ao transmitir a NF-e');
    for (const d of [ana, bruno]) await d.sync.syncNow();

    await ana.invoke('oc.take', { ocId });
    await ana.invoke('oc.reply', { ocId, body: 'Bom dia! Estou verificando a rejeição.' });
    await ana.sync.syncNow();
    // Bruno, offline, takes it too and writes on top of his take.
    await bruno.invoke('oc.take', { ocId });
    await bruno.invoke('oc.reply', { ocId, body: 'Olá, aqui é o Bruno.\nJá corrigi o cadastro do CFOP.' });
    await bruno.invoke('oc.pause', { ocId });
    await bruno.invoke('oc.note', { ocId, body: 'Nota do Bruno: cliente usa CFOP 5102.' });
    await bruno.sync.syncNow();

    const anaId = await analystId(server, 'ana');
    expect(await publicReplies(ocId)).toEqual([{ author: anaId, body: 'Bom dia! Estou verificando a rejeição.' }]);
    expect((await server.db.query('SELECT 1 FROM mail_outbox WHERE oc_id = $1', [ocId])).rows).toHaveLength(1);
    expect((await serverOc(server, ocId)).status).toBe('em_atendimento');

    const told = (await notices(bruno)).filter((n) => n.ocId === ocId).sort((a, b) => a.mutationId - b.mutationId);
    expect(told.map((n) => [n.name, n.error.code])).toEqual([
      ['oc.take', 'ALREADY_TAKEN'],
      ['oc.reply', 'NOT_OWNER'],
      ['oc.pause', 'NOT_OWNER'],
    ]);
    expect(told[1]?.error.message['pt-BR']).toBe('Esta OC está com Ana Souza; só quem a assumiu ou um líder pode respondê-la.');
    expect(told.map((n) => n.text)).toEqual([null, 'Olá, aqui é o Bruno.\nJá corrigi o cadastro do CFOP.', null]);
    // A note is collaboration, not acting on the OC: it stays (SPEC §8 — any analyst may note an OC).
    const notes = await server.db.query("SELECT 1 FROM interaction WHERE oc_id = $1 AND kind = 'internal_note'", [ocId]);
    expect(notes.rows).toHaveLength(1);
    // Bruno's replica converged: Ana holds it, and his reply is gone from it (its text lives in the notice).
    expect(localOc(bruno, ocId)?.assigneeId).toBe(anaId);
    const localReplies = bruno.core.db.prepare("SELECT doc ->> '$.authorId' AS author FROM interaction WHERE oc_id = ? AND kind = 'public_reply'").all(ocId) as { author: string }[];
    expect(localReplies.map((r) => r.author)).toEqual([anaId]);
    expect(bruno.sync.state().pending).toBe(0);
  });

  it("a lead's reply after a lost take still goes: leads may act on anyone's OC", async () => {
    const ana = await desktop('ana');
    const lead = await desktop('beatriz');
    const ocId = await openOc(lead, customer, 'Boleto com juros errados');
    await ana.sync.syncNow();
    await ana.invoke('oc.take', { ocId });
    await ana.sync.syncNow();
    await lead.invoke('oc.take', { ocId });
    await lead.invoke('oc.reply', { ocId, body: 'Aqui é a Beatriz, líder da equipe.' });
    await lead.sync.syncNow();

    const told = (await notices(lead)).filter((n) => n.ocId === ocId);
    expect(told.map((n) => n.name)).toEqual(['oc.take']);
    expect((await publicReplies(ocId)).map((r) => r.body)).toEqual(['Aqui é a Beatriz, líder da equipe.']);
    expect((await serverOc(server, ocId)).assigneeId).toBe(await analystId(server, 'ana'));
  });
});
