import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedNotice } from '../../src/shared/api/notices';
import type { RunningServer } from '../../src/server/app';
import { analystId, eligibleCustomer, localOc, openOc, serverOc, type EligibleCustomer } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Issue 13 item 5: the changes written on top of a refused take. A reply, a note or a pause on an OC whose take
// the server refused is refused too when its author may not act on that OC — the customer never gets two replies
// from two analysts — and the author is told of every refused change with what they wrote, to copy it.

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
  storage = await testStorage('refused-dependents');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 40, seed: 7, now: DEMO_NOW } });
  customer = await eligibleCustomer(server);
}, 120_000);

afterAll(async () => {
  for (const d of open) await d.close();
  await server?.stop();
  storage?.stop();
});

const notices = (d: TestDesktop) => d.invoke<RejectedNotice[]>('sync.notices');
const publicReplies = async (ocId: string) =>
  (await server.db.query<{ author: string; body: string }>("SELECT doc->>'authorId' AS author, doc->>'body' AS body FROM interaction WHERE oc_id = $1 AND kind = 'public_reply'", [ocId])).rows;

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
