import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Customer } from '../../src/shared/domain';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import type { RunningServer } from '../../src/server/app';
import { DEMO_NOW, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';

// Issue 15, item 2: text PostgreSQL cannot store (NUL, lone surrogates) and other hostile strings sent to the server's
// HTTP boundaries are a 400 that names the field — never a 500 — and nothing is written; clean requests after
// them go through as usual. On PostgreSQL when the binaries exist, else PGlite (the suite says which).

let storage: TestStorage;
let server: RunningServer;

beforeAll(async () => {
  storage = await testStorage('text-boundaries');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 30, seed: 11, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  storage?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Body = Record<string, any>;
const http = async (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'x-soe-protocol': String(PROTOCOL_VERSION),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Body };
};

const count = async (table: 'ocorrencia' | 'interaction'): Promise<number> =>
  (await server.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1;

describe('hostile text at the server boundaries', () => {
  let token: string;
  let customer: Customer;
  let ocId: string;

  beforeAll(async () => {
    const { rows } = await server.db.query<{ contact: Contact; customer: Customer }>(`SELECT k.doc AS contact, c.doc AS customer FROM contact k JOIN customer c ON c.id = k.customer_id
      WHERE k.doc->>'role' = 'gerente_projeto' AND c.doc->>'implantacaoTermSignedAt' IS NOT NULL AND c.doc->>'eadExtranetCompletedAt' IS NOT NULL
        AND c.doc->>'slaAcknowledgedAt' IS NOT NULL AND k.email IN (SELECT login FROM credential WHERE kind = 'contact') ORDER BY c.id LIMIT 1`);
    const manager = rows[0];
    if (manager === undefined) throw new Error('no eligible customer with an Extranet manager');
    customer = manager.customer;
    const login = await http('POST', '/extranet/v1/login', { email: manager.contact.email, password: 'demo' });
    expect(login.status).toBe(200);
    token = login.body.token as string;
    const opened = await http('POST', '/extranet/v1/ocs', { module: customer.modules[0], criticidade: 'media', kind: 'duvida', subject: 'Dúvida sobre boletos', description: 'Como reemitir?' }, token);
    expect(opened.status).toBe(201);
    ocId = opened.body.ocorrencia.id as string;
  });

  const openOc = (patch: Record<string, unknown>) => ({ module: customer.modules[0], criticidade: 'alta', kind: 'erro', subject: 'Não consigo emitir boletos', description: 'Erro 42 ao gerar a remessa.', ...patch });
  const cases: Array<[string, () => [string, string, unknown, boolean], string]> = [
    ['an OC whose subject holds NUL', () => ['POST', '/extranet/v1/ocs', openOc({ subject: 'Boleto\u0000 rejeitado' }), true], 'subject: holds the null character (U+0000, position 7)'],
    ['an OC whose description holds a lone surrogate', () => ['POST', '/extranet/v1/ocs', openOc({ description: 'Erro \ud83d' }), true], 'description: holds an incomplete Unicode character (U+D83D, position 6)'],
    ['an OC whose subject injects an e-mail header', () => ['POST', '/extranet/v1/ocs', openOc({ subject: 'Boleto\r\nBcc: todos@exemplo.com' }), true], 'subject: holds a line break (U+000D, position 7)'],
    ['an OC whose client-chosen id holds NUL', () => ['POST', '/extranet/v1/ocs', openOc({ id: 'abc\u0000' }), true], 'id: holds the null character'],
    ['an OC whose description is 1 MB', () => ['POST', '/extranet/v1/ocs', openOc({ description: 'x'.repeat(1_048_576) }), true], 'description: Too big'],
    ['a reply whose body holds NUL', () => ['POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'Segue\u0000 o XML' }, true], 'body: holds the null character (U+0000, position 6)'],
    ['a reply whose body holds a reversed surrogate pair', () => ['POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'ok \ude00\ud83d' }, true], 'body: holds an incomplete Unicode character (U+DE00, position 4)'],
    ['a reply to an OC path of NUL', () => ['POST', '/extranet/v1/ocs/%00/replies', { body: 'Segue o XML' }, true], 'id: holds the null character'],
    ['a read of an OC path of NUL', () => ['GET', '/extranet/v1/ocs/%00', undefined, true], 'id: holds the null character'],
    ['a read of an OC path of a lone surrogate', () => ['GET', '/extranet/v1/ocs/%ED%A0%80', undefined, true], 'id: '],
    ['an Extranet login whose e-mail holds NUL', () => ['POST', '/extranet/v1/login', { email: 'gp\u0000@aurora.com.br', password: 'demo' }, false], 'email: holds the null character'],
    ['an Extranet login whose password holds a lone surrogate', () => ['POST', '/extranet/v1/login', { email: 'gp@aurora.com.br', password: 'demo\udc00' }, false], 'password: holds an incomplete Unicode character'],
    ['a desktop login whose login holds NUL', () => ['POST', '/api/v1/login', { login: 'ana\u0000', password: 'demo' }, false], 'login: holds the null character (U+0000, position 4)'],
  ];

  it.each(cases)('%s is a 400 naming the field, and nothing is written', async (_name, request, reason) => {
    const [method, path, body, authorised] = request();
    const before = [await count('ocorrencia'), await count('interaction')];
    const answer = await http(method, path, body, authorised ? token : undefined);
    // A lone surrogate sent as raw bytes in a path is not UTF-8 at all: the router refuses it first (also a 400).
    if (path.includes('%ED%A0%80')) expect(answer.status).toBe(400);
    else {
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_ARGS');
      expect(answer.body.error.message.en).toContain(reason);
      expect(answer.body.error.message['pt-BR']).toContain(reason.slice(0, reason.indexOf(':') + 1));
    }
    expect([await count('ocorrencia'), await count('interaction')]).toEqual(before);
  });

  it('clean requests after all of them go through: the server was never stuck', async () => {
    const opened = await http('POST', '/extranet/v1/ocs', openOc({ subject: 'Boleto rejeitado — código 42 😀' }), token);
    expect(opened.status).toBe(201);
    expect(opened.body.ocorrencia.subject).toBe('Boleto rejeitado — código 42 😀');
    const replied = await http('POST', `/extranet/v1/ocs/${ocId}/replies`, { body: 'Segue o XML\r\nlinha 2\tcom tab' }, token);
    expect(replied.status).toBe(201);
    expect(replied.body.interaction.body).toBe('Segue o XML\r\nlinha 2\tcom tab');
  });
});
