import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import type { Contact, Customer } from '../../src/shared/domain';
import type { RunningServer } from '../../src/server/app';
import { extranetCall, type Body } from '../support/extranet-client';
import { localOc, serverOc } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// The Extranet intake API (SPEC §7, docs/extranet-openapi.yaml) and the e-mail copy of public replies.

let storage: TestStorage;
let server: RunningServer & { mailDir: string };
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('extranet');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 30, seed: 11, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

// Through the Extranet client of the tests, which checks every answer against the generated OpenAPI document.
const http = (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> => extranetCall(server, method, path, body, token);

/** The project manager (Extranet contact) of a customer that is, or is not, eligible. */
const managerOf = async (eligible: boolean, offset = 0): Promise<{ contact: Contact; customer: Customer }> => {
  const { rows } = await server.db.query<{ contact: Contact; customer: Customer }>(`SELECT k.doc AS contact, c.doc AS customer FROM contact k JOIN customer c ON c.id = k.customer_id
    WHERE k.doc->>'role' = 'gerente_projeto' AND (c.doc->>'implantacaoTermSignedAt' IS NOT NULL AND c.doc->>'eadExtranetCompletedAt' IS NOT NULL
      AND c.doc->>'slaAcknowledgedAt' IS NOT NULL) = $1 AND k.email IN (SELECT login FROM credential WHERE kind = 'contact')
    ORDER BY c.id OFFSET $2 LIMIT 1`, [eligible, offset]);
  if (rows[0] === undefined) throw new Error(`no ${eligible ? 'eligible' : 'ineligible'} customer with an Extranet manager`);
  return rows[0];
};

const contactLogin = async (contact: Contact): Promise<string> => {
  const answer = await http('POST', '/extranet/v1/login', { email: contact.email, password: 'demo' });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};

const openOc = (token: string, customer: Customer, subject = 'Não consigo emitir boletos') =>
  http('POST', '/extranet/v1/ocs', { module: customer.modules[0], criticidade: 'alta', kind: 'erro', subject, description: 'Erro 42 ao gerar a remessa.' }, token);

describe('Extranet intake', () => {
  it('lets an authorised contact open an OC, numbered by the server and synced to the analysts', async () => {
    const { contact, customer } = await managerOf(true);
    const token = await contactLogin(contact);
    const opened = await openOc(token, customer);
    expect(opened.status).toBe(201);
    expect(opened.body.ocorrencia.number).toMatch(/^OC-\d{4}-\d{6}$/);
    expect(opened.body.ocorrencia.channel).toBe('extranet');
    const list = await http('GET', '/extranet/v1/ocs', undefined, token);
    expect(list.body.ocorrencias.map((o: { id: string }) => o.id)).toContain(opened.body.ocorrencia.id);
    const lead = await startDesktop(server.url, 'beatriz');
    desktops.push(lead);
    expect(localOc(lead, opened.body.ocorrencia.id)?.contactId).toBe(contact.id);
    // The same request again (a retry with the same id) opens nothing new.
    const retry = await http('POST', '/extranet/v1/ocs', { id: opened.body.ocorrencia.id, module: customer.modules[0], criticidade: 'alta', kind: 'erro', subject: 'Não consigo emitir boletos', description: 'Erro 42.' }, token);
    expect(retry.status).toBe(200);
    expect(retry.body.ocorrencia.number).toBe(opened.body.ocorrencia.number);
  });

  it('refuses an ineligible customer, naming each missing prerequisite', async () => {
    const { contact, customer } = await managerOf(false);
    const token = await contactLogin(contact);
    const refused = await openOc(token, customer);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CUSTOMER_NOT_ELIGIBLE');
    const expected = [
      customer.implantacaoTermSignedAt === null ? 'termo de aceite da implantação assinado' : null,
      customer.eadExtranetCompletedAt === null ? 'EAD de Extranet concluído pelo gerente de projeto' : null,
      customer.slaAcknowledgedAt === null ? 'ciência do plano de SLA' : null,
    ].filter((x): x is string => x !== null);
    expect(expected.length).toBeGreaterThan(0);
    for (const item of expected) expect(refused.body.error.message['pt-BR']).toContain(item);
    expect(refused.body.error.details.missing.length).toBe(expected.length);
  });

  it('never shows or accepts replies on another customer\'s OC', async () => {
    const a = await managerOf(true, 0);
    const b = await managerOf(true, 1);
    const tokenA = await contactLogin(a.contact);
    const tokenB = await contactLogin(b.contact);
    const opened = await openOc(tokenA, a.customer, 'Segredo do cliente A');
    const id = opened.body.ocorrencia.id as string;
    const read = await http('GET', `/extranet/v1/ocs/${id}`, undefined, tokenB);
    expect(read.status).toBe(404);
    const missing = await http('GET', '/extranet/v1/ocs/00000000-0000-0000-0000-000000000000', undefined, tokenB);
    expect(read.body).toEqual(missing.body);
    expect((await http('POST', `/extranet/v1/ocs/${id}/replies`, { body: 'intruso' }, tokenB)).status).toBe(404);
    const listB = await http('GET', '/extranet/v1/ocs', undefined, tokenB);
    expect(listB.body.ocorrencias.every((o: { id: string }) => o.id !== id)).toBe(true);
    expect((await http('GET', '/extranet/v1/ocs', undefined, undefined)).status).toBe(401);
    // An analyst's token is not a contact's.
    const analyst = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login: 'ana', password: 'demo' }) });
    const analystToken = ((await analyst.json()) as { token: string }).token;
    expect((await http('GET', '/extranet/v1/ocs', undefined, analystToken)).status).toBe(401);
  });

  it('only contacts with Extranet access log in; only leads and admins set their passwords', async () => {
    const { rows } = await server.db.query<{ doc: Contact }>("SELECT doc FROM contact WHERE doc->>'extranetAccess' = 'false' LIMIT 1");
    const user = rows[0]?.doc as Contact;
    const analystToken = async (login: string) => {
      const r = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login, password: 'demo' }) });
      return ((await r.json()) as { token: string }).token;
    };
    const set = (token: string) => fetch(`${server.url}/api/v1/contacts/${user.id}/password`, {
      method: 'PUT', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), authorization: `Bearer ${token}` }, body: JSON.stringify({ password: 'segredo-123' }),
    });
    expect((await set(await analystToken('ana'))).status).toBe(403);
    expect((await set(await analystToken('beatriz'))).status).toBe(200);
    const attempt = await http('POST', '/extranet/v1/login', { email: user.email, password: 'segredo-123' });
    expect(attempt.status).toBe(401);
  });

  it('takes a customer reply, and sends exactly one e-mail copy of each public reply to the OC contact', async () => {
    const { contact, customer } = await managerOf(true, 2);
    const token = await contactLogin(contact);
    const opened = await openOc(token, customer, 'Estoque negativo');
    const ocId = opened.body.ocorrencia.id as string;
    const lead = await startDesktop(server.url, 'sergio');
    desktops.push(lead);
    await lead.invoke('oc.take', { ocId });
    await lead.invoke('oc.reply', { ocId, body: 'Por favor, envie o print da tela de saldo.' });
    await lead.invoke('oc.pause', { ocId });
    await lead.sync.syncNow();
    await lead.sync.syncNow();
    await server.mail?.flush();
    const files = readdirSync(server.mailDir).filter((f) => f.endsWith('.eml'));
    const mine = files.map((f) => readFileSync(join(server.mailDir, f), 'utf8')).filter((text) => text.includes(contact.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`Subject: [${opened.body.ocorrencia.number}]`);

    const reply = await http('POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'Segue o print em anexo.' }, token);
    expect(reply.status).toBe(201);
    expect((await serverOc(server, ocId)).status).toBe('em_atendimento');
    const detail = await http('GET', `/extranet/v1/ocs/${ocId}`, undefined, token);
    expect(detail.body.interactions.map((i: { kind: string }) => i.kind)).toEqual(['public_reply', 'customer_reply']);
    await server.mail?.flush();
    expect(readdirSync(server.mailDir).filter((f) => f.endsWith('.eml')).length).toBe(files.length);
  });
});
