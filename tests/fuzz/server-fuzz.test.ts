import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ROW_SCHEMAS } from '../../src/core/sync/rebase';
import type { RunningServer } from '../../src/server/app';
import type { Contact } from '../../src/shared/domain';
import { ExtranetOpenOcBody, ExtranetReplyBody } from '../../src/shared/api/extranet';
import { mutators } from '../../src/shared/mutators/registry';
import {
  ErrorResponse, LoginRequest, PresenceBeatMessage, PROTOCOL_VERSION, PullResponse, RegisterClientRequest, SetPasswordRequest, SYNC_TABLES,
} from '../../src/shared/sync/protocol';
import { openCluster, STORAGE_KINDS, type Cluster } from '../integration/storages';
import { contactToken, eligibleManagers } from '../support/extranet-client';
import { apiHeaders, loginToken, newClientSecret, registerClient } from '../support/raw-client';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../support/sync-harness';
import { encodeSegment as encode, FUZZ_SEED, hostileField, hostileString, hostileValue, shapedBy, toJson, type IdPools } from './hostile-values';

// Issue 15, item 10(a): random and hostile values (seeded fast-check, bounded by counts) thrown at push, pull,
// the WebSocket, every HTTP route and the Extranet API, as N1 (ana), lead (beatriz), an Extranet contact and
// anonymous, on both storages. Asserted: never a 5xx (and every 4xx carries the error body), the server answers
// after each surface, every stored row of every synced table passes its shared schema, and a bystander desktop
// (rafael) pushing notes while the fuzzing runs has every note applied and visible in a pull.

const PROTOCOL = String(PROTOCOL_VERSION);
/** Inputs per surface and storage (sized so the suite takes about a minute on two cores for both storages). */
const RUNS = { push: 250, pull: 100, websocket: 60, http: 400, extranet: 250 } as const;
type Surface = keyof typeof RUNS;
type Role = 'analyst' | 'lead' | 'contact' | 'anonymous';
const ROLES: Role[] = ['analyst', 'lead', 'contact', 'anonymous'];

interface Tally { inputs: number; ok: number; client: number; server: number }
const totals = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let t = totals.get(key);
  if (t === undefined) totals.set(key, (t = { inputs: 0, ok: 0, client: 0, server: 0 }));
  return t;
};

afterAll(() => {
  const bySurface = new Map<string, Tally>();
  for (const [key, t] of totals) {
    const surface = key.split(' ')[1] as string;
    const sum = bySurface.get(surface) ?? { inputs: 0, ok: 0, client: 0, server: 0 };
    bySurface.set(surface, { inputs: sum.inputs + t.inputs, ok: sum.ok + t.ok, client: sum.client + t.client, server: sum.server + t.server });
  }
  const row = (name: string, t: Tally): string => `${name.padEnd(22)}${String(t.inputs).padStart(8)}${String(t.ok).padStart(8)}${String(t.client).padStart(8)}${String(t.server).padStart(8)}`;
  const all = [...bySurface.values()].reduce((a, t) => ({ inputs: a.inputs + t.inputs, ok: a.ok + t.ok, client: a.client + t.client, server: a.server + t.server }), { inputs: 0, ok: 0, client: 0, server: 0 });
  console.log([
    `[fuzz] seed ${FUZZ_SEED} (FUZZ_SEED overrides); storages: ${STORAGE_KINDS.join(', ')}`,
    `${'surface'.padEnd(22)}${'inputs'.padStart(8)}${'2xx'.padStart(8)}${'4xx'.padStart(8)}${'5xx'.padStart(8)}`,
    ...[...totals].map(([key, t]) => row(key, t)),
    ...[...bySurface].map(([surface, t]) => row(`all ${surface}`, t)),
    row('total', all),
  ].join('\n'));
});

const seedOf = (surface: Surface): number => FUZZ_SEED + Object.keys(RUNS).indexOf(surface);

describe.each(STORAGE_KINDS)('fuzz (%s)', (kind) => {
  let cluster: Cluster;
  let server: RunningServer;
  let bystander: TestDesktop;
  const tokens = new Map<Role, string | undefined>([['anonymous', undefined]]);
  let contactB = '';
  let managerA: Contact;
  /** A logout in the fuzz ends that role's session: log in again so the rest still reaches the routes. */
  const relogin = async (role: Role): Promise<void> => {
    if (role === 'analyst') tokens.set(role, await loginToken(server.url, 'ana'));
    if (role === 'lead') tokens.set(role, await loginToken(server.url, 'beatriz'));
    if (role === 'contact') tokens.set(role, await contactToken(server, managerA));
  };
  const clients = new Map<Role, { id: string; secret: string }>();
  const lastIds = new Map<string, number>();
  const failures: string[] = [];
  let pool: string[] = [];
  const ids: IdPools = { oc: [], analyst: [], customer: [], contact: [], interaction: [], any: [] };
  const foreign = { ocs: [] as string[], interactions: [] as string[] };
  let ownOcs: string[] = [];
  let bystanderOc = '';
  const notes: string[] = [];
  let fuzzing = true;
  let bystanderLoop: Promise<void> = Promise.resolve();

  const isErrorBody = (text: string): boolean => {
    try {
      return ErrorResponse.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  };

  /** One request through fastify's inject; a 5xx, a throw or a 4xx without the error body is a failure. */
  const send = async (surface: Surface, what: string, options: { method: string; url: string; headers: Record<string, string>; payload?: string }): Promise<{ status: number; body: string }> => {
    const t = tally(`${kind} ${surface}`);
    t.inputs += 1;
    let status: number;
    let body: string;
    try {
      const answer = await server.app.inject({ method: options.method as 'GET', url: options.url, headers: options.headers, ...(options.payload === undefined ? {} : { payload: options.payload }) });
      status = answer.statusCode;
      body = answer.body;
    } catch (error) {
      t.server += 1;
      failures.push(`${surface} ${what}: inject threw ${String(error).slice(0, 200)}`);
      return { status: 599, body: '' };
    }
    if (status >= 500) {
      t.server += 1;
      failures.push(`${surface} ${what}: ${status} ${body.slice(0, 300)}`);
    } else if (status >= 400) {
      t.client += 1;
      if (!isErrorBody(body)) failures.push(`${surface} ${what}: ${status} without the error body: ${body.slice(0, 200)}`);
    } else t.ok += 1;
    return { status, body };
  };

  const headersAs = (role: Role): Record<string, string> => apiHeaders(tokens.get(role));

  /** The server still answers: health, and a valid pull of ana's desktop. */
  const stillUp = async (): Promise<void> => {
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const own = clients.get('analyst') as { id: string; secret: string };
    const pull = await server.app.inject({ method: 'POST', url: '/api/v1/pull', headers: headersAs('analyst'), payload: { clientId: own.id, clientSecret: own.secret, cursor: 0, limit: 10 } });
    expect(pull.statusCode).toBe(200);
    expect(PullResponse.safeParse(pull.json()).success).toBe(true);
  };

  const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => (values.length === 0 ? fc.constant('sem-id' as T) : fc.constantFrom(...values));

  beforeAll(async () => {
    console.log(`[fuzz ${kind}] seed ${FUZZ_SEED}`);
    cluster = await openCluster(kind);
    server = (await cluster.nodes(1, { sleep: async () => undefined, demo: { ocs: 30, seed: 11, now: DEMO_NOW } }))[0] as RunningServer;
    tokens.set('analyst', await loginToken(server.url, 'ana'));
    tokens.set('lead', await loginToken(server.url, 'beatriz'));
    const [a, b] = await eligibleManagers(server, 2);
    if (a === undefined || b === undefined) throw new Error('two eligible customers expected');
    managerA = a.contact;
    tokens.set('contact', await contactToken(server, a.contact));
    contactB = await contactToken(server, b.contact);
    for (const [role, id] of [['analyst', 'fuzz-ana-desktop'], ['lead', 'fuzz-beatriz-desktop']] as const) {
      clients.set(role, { id, secret: await registerClient(server.url, tokens.get(role) as string, id) });
    }
    // The bystander: rafael's desktop notes an open OC of neither Extranet customer, again and again, while fuzzed.
    bystander = await startDesktop(server.url, 'rafael');
    const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await server.db.query<T & Record<string, unknown>>(sql, params)).rows;
    const protectedAnalysts = (await q<{ id: string }>("SELECT id FROM analyst WHERE login IN ('ana', 'beatriz', 'rafael')")).map((r) => r.id);
    const open = await q<{ id: string; customer_id: string }>(`SELECT id, customer_id FROM ocorrencia WHERE doc->>'status' IN ('nova', 'em_atendimento', 'aguardando_cliente')
      AND customer_id NOT IN ($1, $2) ORDER BY id`, [a.customer.id, b.customer.id]);
    for (const oc of open) {
      const result = await bystander.core.api.invoke('oc.note', { ocId: oc.id, body: 'Observador: primeira nota' });
      if (result.ok) {
        bystanderOc = oc.id;
        notes.push('Observador: primeira nota');
        break;
      }
    }
    if (bystanderOc === '') throw new Error('no OC rafael can note');
    const bystanderCustomer = open.find((oc) => oc.id === bystanderOc)?.customer_id as string;
    foreign.ocs = (await q<{ id: string }>('SELECT id FROM ocorrencia WHERE customer_id = $1', [b.customer.id])).map((r) => r.id);
    foreign.interactions = (await q<{ id: string }>('SELECT id FROM interaction WHERE customer_id = $1', [b.customer.id])).map((r) => r.id);
    ownOcs = (await q<{ id: string }>('SELECT id FROM ocorrencia WHERE customer_id = $1', [a.customer.id])).map((r) => r.id);
    // Other users' ids everywhere, except those whose change would end the fuzzers' or the bystander's sessions.
    const keep = new Set([...protectedAnalysts, bystanderOc, bystanderCustomer, a.customer.id, a.contact.id]);
    const everyId = await q<{ id: string }>(`SELECT id FROM ocorrencia UNION ALL SELECT id FROM analyst UNION ALL SELECT id FROM customer
      UNION ALL SELECT id FROM contact UNION ALL (SELECT id FROM interaction ORDER BY id LIMIT 40) UNION ALL SELECT id FROM recado UNION ALL SELECT id FROM release`);
    pool = [...everyId.map((r) => r.id).filter((id) => !keep.has(id)), 'fuzz-ana-desktop', 'fuzz-beatriz-desktop'];
    pool.push(...(await q<{ client_id: string }>('SELECT client_id FROM client_state')).map((r) => r.client_id));
    const allowed = async (table: string, limit = 200): Promise<string[]> => (await q<{ id: string }>(`SELECT id FROM ${table} ORDER BY id LIMIT ${limit}`)).map((r) => r.id).filter((id) => !keep.has(id));
    Object.assign(ids, { oc: await allowed('ocorrencia'), analyst: await allowed('analyst'), customer: await allowed('customer'), contact: await allowed('contact'), interaction: await allowed('interaction', 40), any: pool });
    await bystander.sync.syncNow();
    bystanderLoop = (async () => {
      for (let n = 1; fuzzing; n += 1) {
        const body = `Observador: nota ${n} durante o fuzz`;
        const result = await bystander.core.api.invoke('oc.note', { ocId: bystanderOc, body });
        if (!result.ok) failures.push(`bystander note ${n}: ${result.error.code} ${result.error.message.en}`);
        else notes.push(body);
        await bystander.sync.syncNow();
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    })();
  }, 240_000);

  afterAll(async () => {
    fuzzing = false;
    await bystanderLoop.catch(() => undefined);
    await bystander?.close();
    await cluster?.stop();
  });

  it('push: random and schema-shaped mutations, other users\' ids and clients, replays, as every role', async () => {
    const names = Object.keys(mutators) as Array<keyof typeof mutators>;
    const byName = Object.fromEntries(names.map((name) => [name, shapedBy(mutators[name].args, ids)]));
    const mutation = fc.record({
      id: fc.oneof({ weight: 16, arbitrary: fc.constant('next' as const) }, { weight: 2, arbitrary: fc.constant('replay' as const) }, { weight: 1, arbitrary: hostileField }),
      named: fc.oneof(
        { weight: 14, arbitrary: pick(names).chain((name) => (byName[name] as fc.Arbitrary<unknown>).map((args) => ({ name: name as unknown, args }))) },
        { weight: 1, arbitrary: fc.record({ name: fc.oneof(hostileString, hostileField), args: hostileField }) },
      ),
      clientTime: fc.oneof({ weight: 19, arbitrary: fc.integer({ min: DEMO_NOW - 86_400_000, max: DEMO_NOW + 86_400_000 }) }, { weight: 1, arbitrary: hostileField }),
    });
    const input = fc.record({
      role: fc.oneof({ weight: 3, arbitrary: fc.constant('analyst' as const) }, { weight: 2, arbitrary: fc.constant('lead' as const) }, { weight: 1, arbitrary: pick(['contact', 'anonymous'] as const) }),
      client: fc.oneof(
        { weight: 6, arbitrary: fc.constant('own' as const) },
        { weight: 1, arbitrary: fc.constantFrom('other' as const, 'bystander' as const, 'unregistered' as const) },
        { weight: 1, arbitrary: hostileField },
      ),
      secret: fc.oneof({ weight: 8, arbitrary: fc.constant('right' as const) }, { weight: 1, arbitrary: fc.constantFrom('fresh' as const, 'other' as const) }, { weight: 1, arbitrary: hostileField }),
      mutations: fc.oneof({ weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((list) => ({ list })) }, { weight: 1, arbitrary: hostileValue.map((raw) => ({ raw })) }),
      whole: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileValue }),
    });
    const bystanderClient = (await server.db.query<{ client_id: string }>("SELECT client_id FROM client_state WHERE registered_by = (SELECT id FROM analyst WHERE login = 'rafael')")).rows[0]?.client_id ?? 'sem-cliente';
    await fc.assert(fc.asyncProperty(input, async (draw) => {
      const own = clients.get(draw.role === 'lead' ? 'lead' : 'analyst') as { id: string; secret: string };
      const other = clients.get(draw.role === 'lead' ? 'analyst' : 'lead') as { id: string; secret: string };
      const clientId = draw.client === 'own' ? own.id : draw.client === 'other' ? other.id : draw.client === 'bystander' ? bystanderClient : draw.client === 'unregistered' ? `fuzz-${newClientSecret().slice(0, 12)}` : draw.client;
      const secret = draw.secret === 'right' ? (clientId === other.id ? other.secret : own.secret) : draw.secret === 'fresh' ? newClientSecret() : draw.secret === 'other' ? other.secret : draw.secret;
      const last = typeof clientId === 'string' ? lastIds.get(clientId) ?? 0 : 0;
      const mutations = 'list' in draw.mutations
        ? draw.mutations.list.map((m, i) => ({ id: m.id === 'next' ? last + 1 + i : m.id === 'replay' ? Math.max(1, last) : m.id, name: m.named.name, args: m.named.args, clientTime: m.clientTime }))
        : draw.mutations.raw;
      const body = draw.whole ?? { clientId, clientSecret: secret, mutations };
      const answer = await send('push', `as ${draw.role}`, { method: 'POST', url: '/api/v1/push', headers: headersAs(draw.role), payload: toJson(body) });
      if (process.env.FUZZ_DEBUG !== undefined) console.log('push', answer.status, answer.body.slice(0, 160), toJson(body).slice(0, 400));
      if (answer.status === 200 && typeof clientId === 'string') lastIds.set(clientId, (JSON.parse(answer.body) as { lastMutationId: number }).lastMutationId);
      return true;
    }), { seed: seedOf('push'), numRuns: RUNS.push });
    expect(failures).toEqual([]);
    expect(tally(`${kind} push`).ok).toBeGreaterThan(0);
    await stillUp();
  }, 300_000);

  it('pull: cursors, limits, other clients\' ids and secrets, as every role', async () => {
    const input = fc.record({
      role: pick(ROLES),
      client: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('own' as const, 'other' as const) }, { weight: 1, arbitrary: hostileField }, { weight: 1, arbitrary: pick(pool) }),
      secret: fc.oneof({ weight: 4, arbitrary: fc.constant('right' as const) }, { weight: 2, arbitrary: fc.constantFrom('other' as const, 'fresh' as const) }, { weight: 1, arbitrary: hostileField }),
      cursor: fc.oneof({ weight: 3, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 53, 1e308, 0.5) }, { weight: 1, arbitrary: hostileValue }),
      limit: fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 25_000 }), hostileField),
    });
    await fc.assert(fc.asyncProperty(input, async (draw) => {
      const own = clients.get(draw.role === 'lead' ? 'lead' : 'analyst') as { id: string; secret: string };
      const other = clients.get(draw.role === 'lead' ? 'analyst' : 'lead') as { id: string; secret: string };
      const clientId = draw.client === 'own' ? own.id : draw.client === 'other' ? other.id : draw.client;
      const secret = draw.secret === 'right' ? (clientId === other.id ? other.secret : own.secret) : draw.secret === 'other' ? other.secret : draw.secret === 'fresh' ? newClientSecret() : draw.secret;
      const answer = await send('pull', `as ${draw.role}`, { method: 'POST', url: '/api/v1/pull', headers: headersAs(draw.role), payload: toJson({ clientId, clientSecret: secret, cursor: draw.cursor, limit: draw.limit }) });
      if (answer.status === 200 && !PullResponse.safeParse(JSON.parse(answer.body)).success) failures.push(`pull as ${draw.role}: a 200 that is not a PullResponse`);
      return true;
    }), { seed: seedOf('pull'), numRuns: RUNS.pull });
    expect(failures).toEqual([]);
    await stillUp();
  }, 300_000);

  it('WebSocket: bad and absent tokens, random text, binary, huge and malformed frames', async () => {
    const frame = fc.oneof(
      hostileValue.map((v) => toJson(v)),
      shapedBy(PresenceBeatMessage, ids).map((v) => toJson(v)),
      fc.integer().map((id) => JSON.stringify({ type: 'ping', id })),
      fc.constantFrom('{bad', '', '\u0000', '{"type":"presence"', 'x'.repeat(70_000)),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    const input = fc.record({
      token: fc.oneof(fc.constantFrom('analyst' as const, 'lead' as const, 'contact' as const, 'none' as const), hostileString.filter((s) => s.length < 5_000)),
      via: fc.constantFrom('query' as const, 'header' as const),
      protocol: fc.oneof({ weight: 4, arbitrary: fc.constant(PROTOCOL) }, { weight: 1, arbitrary: fc.constantFrom('', '0', '1', '99', 'abc', '-1') }),
      frames: fc.array(frame, { maxLength: 4 }),
    });
    const socketUrl = new URL('/api/v1/socket', server.url);
    socketUrl.protocol = 'ws:';
    await fc.assert(fc.asyncProperty(input, async (draw) => {
      const t = tally(`${kind} websocket`);
      t.inputs += 1;
      const token = draw.token === 'none' ? undefined : ROLES.includes(draw.token as Role) ? tokens.get(draw.token as Role) : draw.token;
      const url = new URL(socketUrl);
      if (draw.protocol !== '') url.searchParams.set('protocol', draw.protocol);
      if (token !== undefined && draw.via === 'query') url.searchParams.set('token', token);
      const printable = token !== undefined && /^[\x20-\x7e]*$/.test(token);
      const headers = token !== undefined && draw.via === 'header' && printable ? { authorization: `Bearer ${token}` } : {};
      const outcome = await new Promise<{ kind: 'status'; status: number } | { kind: 'closed'; code: number } | { kind: 'error'; error: string }>((resolve) => {
        const socket = new WebSocket(url, { headers });
        const guard = setTimeout(() => {
          socket.terminate();
          resolve({ kind: 'error', error: 'no answer' });
        }, 15_000);
        const done = (value: Parameters<typeof resolve>[0]): void => {
          clearTimeout(guard);
          resolve(value);
        };
        socket.on('unexpected-response', (_request, response) => {
          done({ kind: 'status', status: response.statusCode ?? 0 });
          socket.terminate();
        });
        socket.on('open', () => {
          for (const f of draw.frames) socket.send(f);
          socket.send(JSON.stringify({ type: 'ping', id: 424_242 }));
        });
        socket.on('message', (data) => {
          let message: { type?: string; id?: number } = {};
          try {
            message = JSON.parse(String(data)) as typeof message;
          } catch {
            failures.push(`websocket: the server sent a frame that is not JSON: ${String(data).slice(0, 100)}`);
          }
          if (message.type === 'pong' && message.id === 424_242) {
            socket.close(1000);
          }
        });
        socket.on('close', (code) => done({ kind: 'closed', code }));
        socket.on('error', (error) => done({ kind: 'error', error: String(error) }));
      });
      const what = `websocket token ${String(draw.token).slice(0, 20)} via ${draw.via}, protocol "${draw.protocol}", ${draw.frames.length} frames`;
      if (outcome.kind === 'status') {
        if (outcome.status >= 500) {
          t.server += 1;
          failures.push(`${what}: upgrade answered ${outcome.status}`);
        } else if (outcome.status >= 400) t.client += 1;
        else t.ok += 1;
      } else if (outcome.kind === 'closed') {
        if (outcome.code === 1011) {
          t.server += 1;
          failures.push(`${what}: closed 1011 (server error)`);
        } else if (outcome.code === 1000 || outcome.code === 1005) t.ok += 1;
        else t.client += 1;
      } else {
        t.server += 1;
        failures.push(`${what}: ${outcome.error}`);
      }
      return true;
    }), { seed: seedOf('websocket'), numRuns: RUNS.websocket });
    expect(failures).toEqual([]);
    await stillUp();
  }, 300_000);

  it('every HTTP route: random path parameters, queries, headers and bodies, as every role', async () => {
    const routes = server.routes.filter((r) => r.url !== '*');
    expect(routes.length).toBeGreaterThan(10);
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    const bodies = fc.oneof(
      hostileValue.map(toJson),
      ...[LoginRequest, RegisterClientRequest, SetPasswordRequest, ExtranetOpenOcBody, ExtranetReplyBody].map((schema) => shapedBy(schema, ids).map(toJson)),
      fc.constantFrom('{bad', '', 'null', '[]', '"\\u0000"', '{"__proto__":{"admin":true}}'),
    );
    const input = fc.record({
      route: pick(routes),
      role: pick(ROLES),
      param: fc.oneof(pick(pool), hostileString.map(encode), fc.constantFrom('%00', '%ZZ', '%ED%A0%80', '..%2F..', '')),
      query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.dictionary(ascii, hostileString.filter((s) => s.length < 2_000), { maxKeys: 3 }).map((q) => `?${Object.entries(q).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`) }),
      protocol: fc.oneof({ weight: 5, arbitrary: fc.constant(PROTOCOL) }, { weight: 1, arbitrary: ascii }),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'),
      authorization: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: ascii }),
      body: bodies,
    });
    await fc.assert(fc.asyncProperty(input, async (draw) => {
      const token = tokens.get(draw.role);
      const headers: Record<string, string> = {
        'x-soe-protocol': draw.protocol, 'content-type': draw.contentType,
        ...(draw.authorization !== null ? { authorization: draw.authorization } : token === undefined ? {} : { authorization: `Bearer ${token}` }),
      };
      const url = `${draw.route.url.replace(/:[A-Za-z]+/g, draw.param)}${draw.query}`;
      const withBody = draw.route.method !== 'GET' && draw.route.method !== 'DELETE' && draw.route.method !== 'OPTIONS';
      const answer = await send('http', `${draw.route.method} ${draw.route.url} as ${draw.role}`, { method: draw.route.method, url, headers, ...(withBody ? { payload: draw.body } : {}) });
      if (draw.route.url.endsWith('/logout') && answer.status < 300) await relogin(draw.role);
      return true;
    }), { seed: seedOf('http'), numRuns: RUNS.http });
    expect(failures).toEqual([]);
    await stillUp();
  }, 300_000);

  it('Extranet: a contact of customer A with customer B\'s ids, anonymous and analysts, never a 5xx and never B\'s data', async () => {
    const ocId = fc.oneof(pick(foreign.ocs), pick(ownOcs), pick(pool), hostileString);
    const openBody = shapedBy(ExtranetOpenOcBody, ids).chain((body) => fc.oneof(fc.constant(body), pick(foreign.ocs).map((id) => ({ ...(body as object), id }))));
    const replyBody = shapedBy(ExtranetReplyBody, ids).chain((body) => fc.oneof(fc.constant(body), pick([...foreign.interactions, ...foreign.ocs]).map((id) => ({ ...(body as object), id }))));
    const input = fc.record({
      role: fc.constantFrom('contact' as const, 'contactB' as const, 'anonymous' as const, 'analyst' as const),
      op: fc.oneof(
        fc.constant({ method: 'GET', path: () => '/extranet/v1/ocs', body: undefined as unknown }),
        ocId.map((id) => ({ method: 'GET', path: (e: (s: string) => string) => `/extranet/v1/ocs/${e(id)}`, body: undefined as unknown, id })),
        openBody.map((body) => ({ method: 'POST', path: () => '/extranet/v1/ocs', body })),
        fc.tuple(ocId, replyBody).map(([id, body]) => ({ method: 'POST', path: (e: (s: string) => string) => `/extranet/v1/ocs/${e(id)}/replies`, body, id })),
        hostileValue.map((body) => ({ method: 'POST', path: () => '/extranet/v1/login', body })),
      ),
    });
    const foreignIds = new Set([...foreign.ocs, ...foreign.interactions]);
    await fc.assert(fc.asyncProperty(input, async (draw) => {
      const token = draw.role === 'contactB' ? contactB : tokens.get(draw.role);
      const op = draw.op as { method: string; path: (e: (s: string) => string) => string; body: unknown; id?: string };
      const answer = await send('extranet', `${op.method} ${op.path(() => ':id')} as ${draw.role}`, {
        method: op.method, url: op.path(encode), headers: apiHeaders(token), ...(op.body === undefined ? {} : { payload: toJson(op.body) }),
      });
      const bodyId = typeof op.body === 'object' && op.body !== null ? (op.body as { id?: unknown }).id : undefined;
      const usesForeign = (op.id !== undefined && foreignIds.has(op.id)) || (typeof bodyId === 'string' && foreignIds.has(bodyId));
      if (draw.role === 'contact' && usesForeign && answer.status < 300) failures.push(`extranet ${op.method} as A with B's id: ${answer.status} ${answer.body.slice(0, 200)}`);
      return true;
    }), { seed: seedOf('extranet'), numRuns: RUNS.extranet });
    expect(failures).toEqual([]);
    await stillUp();
  }, 300_000);

  it('afterwards every stored row passes its schema and every bystander note was applied and pulled', async () => {
    fuzzing = false;
    await bystanderLoop;
    await bystander.sync.syncNow();
    expect(failures).toEqual([]);
    let rows = 0;
    const bad: string[] = [];
    for (const table of SYNC_TABLES) {
      const { rows: docs } = await server.db.query<{ doc: unknown }>(`SELECT doc FROM ${table}`);
      rows += docs.length;
      for (const { doc } of docs) {
        const parsed = ROW_SCHEMAS[table].safeParse(doc);
        if (!parsed.success) bad.push(`${table}: ${JSON.stringify(doc).slice(0, 200)}: ${parsed.error.message.slice(0, 300)}`);
      }
    }
    console.log(`[fuzz ${kind}] ${rows} stored rows of ${SYNC_TABLES.length} synced tables checked against their schemas; bystander pushed ${notes.length} notes`);
    expect(bad).toEqual([]);
    expect(notes.length).toBeGreaterThan(1);
    // Every bystander note is in a pull (ana's desktop, from the start).
    const own = clients.get('analyst') as { id: string; secret: string };
    const pulled = new Set<string>();
    for (let cursor = 0, more = true; more;) {
      const answer = await server.app.inject({ method: 'POST', url: '/api/v1/pull', headers: headersAs('analyst'), payload: { clientId: own.id, clientSecret: own.secret, cursor, limit: 5_000 } });
      expect(answer.statusCode).toBe(200);
      const page = PullResponse.parse(answer.json());
      for (const change of page.changes) if (change.table === 'interaction' && change.row.ocId === bystanderOc) pulled.add(String(change.row.body));
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect(notes.filter((note) => !pulled.has(note))).toEqual([]);
  }, 120_000);
});
