import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { ErrorResponse, PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { DEMO_NOW } from '../support/sync-harness';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// Issue 15, item 6 (SPEC §7): no input ever produces a 5xx. Every registered route is walked with hostile
// paths, headers and bodies (table-driven; the randomised fuzz suite is separate), as anonymous, analyst, lead,
// contact and with an ended session; every answer must be below 500, and every 4xx must carry the one error
// body `{ error: { code, message: { pt-BR, en } } }`. What the HTTP parser refuses is tried over a raw socket.

const PARAMS = ['%00', '%ZZ', '%ED%A0%80', '%C0%AF', 'x'.repeat(5_000), '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98%80', '%20', "'%3B%20DROP%20TABLE%20ocorrencia%3B--"];

const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const JSON_TYPE = 'application/json';
const BODIES: Array<[string, string, string]> = [
  ['malformed JSON', JSON_TYPE, '{bad'],
  ['empty JSON', JSON_TYPE, ''],
  ['null', JSON_TYPE, 'null'],
  ['an array', JSON_TYPE, '[]'],
  ['a NUL string', JSON_TYPE, '"\\u0000"'],
  ['JSON 100 000 levels deep', JSON_TYPE, deep(100_000)],
  ['9 MB', JSON_TYPE, JSON.stringify({ body: 'x'.repeat(9 * 1024 * 1024) })],
  ['NUL and lone surrogates in every field', JSON_TYPE, JSON.stringify({
    login: 'ana\u0000', password: 'x\u0000', email: '\ud800@x.com', id: '\u0000', body: 'a\u0000b', subject: '\udfff', description: '\u0000',
    module: '\u0000', criticidade: 'alta', kind: 'erro', clientId: 'hostile\u0000', cursor: 0,
  })],
  ['1 MB strings', JSON_TYPE, JSON.stringify({ login: 'a'.repeat(1 << 20), password: 'b'.repeat(1 << 20), email: 'c'.repeat(1 << 20), body: 'd'.repeat(1 << 20), subject: 'e'.repeat(1 << 20), description: 'f', module: 'financeiro', criticidade: 'alta', kind: 'erro' })],
  ['wrong types', JSON_TYPE, JSON.stringify({ login: 1, password: [], email: {}, id: 5, body: null, clientId: 12, cursor: 'zero', mutations: 'all', module: true })],
  ['a push whose arguments hold NUL', JSON_TYPE, JSON.stringify({ clientId: 'hostile-client-0001', mutations: [{ id: 1, name: 'oc.note', args: { ocId: '\u0000', interactionId: 'i\u0000', body: '\u0000' }, clientTime: DEMO_NOW }] })],
  ['a push of an unknown operation', JSON_TYPE, JSON.stringify({ clientId: 'hostile-client-0002', mutations: [{ id: 1, name: '__proto__', args: { a: 1 }, clientTime: -1 }] })],
  ['prototype poisoning', JSON_TYPE, '{"__proto__":{"admin":true},"login":"ana","password":"x"}'],
  ['constructor poisoning', JSON_TYPE, '{"constructor":{"prototype":{"admin":true}}}'],
  ['plain text', 'text/plain', 'login=ana'],
  ['XML', 'application/xml', '<login>ana</login>'],
  ['form data', 'application/x-www-form-urlencoded', 'login=ana&password=demo'],
  ['JSON in UTF-16', 'application/json; charset=utf-16', '{}'],
];

/** The protocol this build speaks: requests must reach the routes, not stop at the version check. */
const PROTOCOL = String(PROTOCOL_VERSION);

type Who = 'anonymous' | 'analyst' | 'lead' | 'contact' | 'ended';

describe.each(STORAGE_KINDS)('no input gives a 5xx (%s)', (kind) => {
  let cluster: Cluster;
  let server: RunningServer;
  const tokens = new Map<Who, string>();
  const failures: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    cluster = await openCluster(kind);
    server = (await cluster.nodes(1, { sleep: async () => undefined, demo: { ocs: 10, seed: 12, now: DEMO_NOW } }))[0] as RunningServer;
    const login = async (path: string, body: unknown): Promise<string> => {
      const answer = await server.app.inject({ method: 'POST', url: path, headers: { 'x-soe-protocol': PROTOCOL }, payload: body as Record<string, unknown> });
      const token = (answer.json() as { token?: string }).token;
      if (answer.statusCode !== 200 || token === undefined) throw new Error(`login ${path}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
      return token;
    };
    tokens.set('analyst', await login('/api/v1/login', { login: 'ana', password: 'demo' }));
    tokens.set('lead', await login('/api/v1/login', { login: 'beatriz', password: 'demo' }));
    const { rows } = await server.db.query<{ email: string }>(`SELECT k.email FROM contact k JOIN credential c ON c.kind = 'contact' AND c.login = k.email
      WHERE (k.doc->>'active')::boolean AND (k.doc->>'extranetAccess')::boolean ORDER BY k.id LIMIT 1`);
    tokens.set('contact', await login('/extranet/v1/login', { email: rows[0]?.email, password: 'demo' }));
    tokens.set('ended', await login('/api/v1/login', { login: 'carla', password: 'demo' }));
    await server.db.query("SELECT soe_end_sessions('analyst', id, 'deactivated', NULL) FROM analyst WHERE login = 'carla'");
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  const ownerOf = (url: string): Who => (url.startsWith('/extranet/') ? 'contact' : url.includes('/password') ? 'lead' : 'analyst');
  const fill = (url: string, param: string): string => url.replace(/:[A-Za-z]+/g, param);

  /** One request; anything at or above 500, or a 4xx without the error body, is recorded as a failure. */
  const probe = async (what: string, options: { method: string; url: string; headers?: Record<string, string>; payload?: string }): Promise<void> => {
    requests += 1;
    let status: number;
    let text: string;
    try {
      const answer = await server.app.inject({ method: options.method as 'GET', url: options.url, headers: options.headers ?? {}, ...(options.payload === undefined ? {} : { payload: options.payload }) });
      status = answer.statusCode;
      text = answer.body;
    } catch (error) {
      failures.push(`${what}: inject threw ${String(error)}`);
      return;
    }
    if (status >= 500) failures.push(`${what}: ${status} ${text.slice(0, 200)}`);
    else if (status >= 400) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      if (!ErrorResponse.safeParse(body).success) failures.push(`${what}: ${status} without the error body: ${text.slice(0, 200)}`);
    }
  };

  const headersFor = (who: Who, extra: Record<string, string> = {}): Record<string, string> => ({
    'x-soe-protocol': PROTOCOL,
    ...(who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)}` }),
    ...extra,
  });

  it('walks every route with hostile bodies, credentials, protocol headers and path parameters', async () => {
    const routes = server.routes;
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'POST /api/v1/login', 'POST /api/v1/push', 'POST /api/v1/pull', 'GET /api/v1/socket', 'POST /extranet/v1/login',
      'GET /extranet/v1/ocs/:id', 'POST /extranet/v1/ocs/:id/replies', 'PUT /api/v1/analysts/:id/password', 'PUT /api/v1/contacts/:id/password',
    ]));
    const ids = ['OC-INEXISTENTE', ...PARAMS];
    for (const route of routes) {
      const owner = ownerOf(route.url);
      const url = fill(route.url, 'sem-id');
      for (const [name, type, payload] of BODIES) {
        await probe(`${route.method} ${route.url} with ${name}`, { method: route.method, url, headers: headersFor(owner, { 'content-type': type }), payload });
      }
      for (const who of ['anonymous', 'analyst', 'lead', 'contact', 'ended'] as const) {
        await probe(`${route.method} ${route.url} as ${who}`, { method: route.method, url, headers: headersFor(who, { 'content-type': JSON_TYPE }), payload: '{"login":"ana","password":"errada","clientId":"hostile-client-0003","cursor":0}' });
      }
      for (const authorization of ['Bearer', 'Bearer ', 'Basic YW5hOmRlbW8=', `Bearer ${'A'.repeat(10_000)}`, 'Bearer %00%ZZ', `Bearer ${tokens.get('analyst')}x`]) {
        await probe(`${route.method} ${route.url} with Authorization "${authorization.slice(0, 20)}"`, { method: route.method, url, headers: { 'x-soe-protocol': PROTOCOL, authorization } });
      }
      for (const protocol of ['', 'abc', '0', '99999', '1'.repeat(400), '-1']) {
        await probe(`${route.method} ${route.url} with protocol "${protocol.slice(0, 10)}"`, { method: route.method, url, headers: headersFor(owner, { 'x-soe-protocol': protocol }) });
      }
      for (const query of ['?token=%00', `?token=%ZZ&protocol=${PROTOCOL}`, `?protocol=${PROTOCOL}&token[]=a&token[]=b`, `?${'a='.repeat(5_000)}`]) {
        await probe(`${route.method} ${route.url}${query.slice(0, 30)}`, { method: route.method, url: `${url}${query}`, headers: { 'x-soe-protocol': PROTOCOL } });
      }
      if (!route.url.includes(':')) continue;
      for (const id of ids) {
        await probe(`${route.method} ${route.url} with id ${id.slice(0, 30)}`, {
          method: route.method, url: fill(route.url, id), headers: headersFor(owner, { 'content-type': JSON_TYPE }), payload: '{"body":"Olá","password":"senha-nova-123"}',
        });
      }
    }
    for (const path of ['/extranet/v1/ocs/%00', '/%ZZ', `/${'a'.repeat(60_000)}`, '/api/v1/%ED%A0%80', '/api//v1/pull', '/extranet/v1/ocs/%00/replies']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        await probe(`${method} ${path.slice(0, 40)}`, { method, url: path, headers: headersFor('contact', { 'content-type': JSON_TYPE }), payload: '{}' });
      }
    }
    console.log(`[hostile-http ${kind}] ${requests} requests over ${routes.length} routes, ${failures.length} answers at or above 500 or without the error body`);
    expect(failures).toEqual([]);
    // And the server is still up and answering.
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  }, 300_000);

  it('answers what the HTTP parser refuses (NUL in a header, a header too large, a garbage request line) with the error body', async () => {
    const { port } = new URL(server.url);
    const raw = (request: string): Promise<string> => new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.write(request);
    });
    const cases: Array<[string, number]> = [
      ['GET /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u0000abc\r\n\r\n', 400],
      [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`, 431],
      ['\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n', 400],
      ['GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ];
    for (const [request, status] of cases) {
      const answer = await raw(request);
      expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown;
      expect(ErrorResponse.safeParse(body).success).toBe(true);
    }
  });
});
