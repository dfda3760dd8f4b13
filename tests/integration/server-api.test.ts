import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { analystId, eligibleCustomer, openOc, serverOc } from '../support/fixtures';
import { registerClient } from '../support/raw-client';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// Server-side guarantees that do not depend on a well-behaved client: protocol negotiation, login, sessions,
// the SPEC §8 role table on every mutation, idempotency, gaps, rate limits and the audit log.

let storage: TestStorage;
let server: RunningServer;
let now = Date.now();
const clock = { now: () => now };
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('server-api');
  server = await startTestServer(await storage.fresh(), {
    demo: { ocs: 30, seed: 9, now: DEMO_NOW },
    clock,
    sessionTtlMs: 60 * 60_000,
    rateLimits: { loginPerMinute: 5, intakePerMinute: 100 },
  });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

const call = async (path: string, body: unknown, options: { token?: string; protocol?: string | null; method?: string } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.protocol !== null) headers['x-soe-protocol'] = options.protocol ?? String(PROTOCOL_VERSION);
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${server.url}${path}`, { method: options.method ?? 'POST', headers, body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const login = async (name: string): Promise<string> => {
  const answer = await call('/api/v1/login', { login: name, password: 'demo' });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};

describe('protocol and sessions', () => {
  it('refuses a client without a supported protocol version with a clear "update the app"', async () => {
    const missing = await call('/api/v1/pull', { clientId: 'client-0001', cursor: 0 }, { protocol: null });
    expect(missing.status).toBe(426);
    expect(missing.body.error.code).toBe('UPDATE_REQUIRED');
    expect(missing.body.error.message['pt-BR']).toMatch(/^Atualize o aplicativo/);
    const newer = await call('/api/v1/pull', { clientId: 'client-0001', cursor: 0 }, { protocol: String(PROTOCOL_VERSION + 1) });
    expect(newer.body.error.code).toBe('SERVER_OUTDATED');
  });

  it('checks passwords with scrypt, rate-limits guessing and audits every attempt', async () => {
    const wrong = await call('/api/v1/login', { login: 'rafael', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('BAD_LOGIN');
    const { rows } = await server.db.query<{ hash: string }>("SELECT hash FROM credential WHERE kind = 'analyst' AND login = 'rafael'");
    expect(rows[0]?.hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    let limited = 0;
    for (let i = 0; i < 8; i += 1) if ((await call('/api/v1/login', { login: 'rafael', password: `guess${i}` })).status === 429) limited += 1;
    expect(limited).toBeGreaterThan(0);
    const audit = await server.db.query<{ outcome: string; n: number }>("SELECT outcome, count(*) AS n FROM audit_log WHERE action = 'analyst.login' AND target = 'rafael' GROUP BY outcome");
    expect(audit.rows.find((r) => r.outcome === 'denied')?.n).toBeGreaterThanOrEqual(9);
  });

  it('expires session tokens; the desktop logs in again by itself with the password it remembers', async () => {
    const ana = await startDesktop(server.url, 'ana', { clock });
    desktops.push(ana);
    const token = ana.sync.tokens.get(await analystId(server, 'ana')) as string;
    now += 2 * 60 * 60_000;
    expect((await call('/api/v1/pull', { clientId: 'client-0001', cursor: 0 }, { token })).status).toBe(401);
    const customer = await eligibleCustomer(server);
    const ocId = await openOc(ana, customer, 'Depois da sessão expirar');
    expect(ana.sync.state().problem).toBeNull();
    expect((await serverOc(server, ocId)).createdById).toBe(await analystId(server, 'ana'));
    expect(ana.sync.tokens.get(await analystId(server, 'ana'))).not.toBe(token);
  });
});

describe('mutations on the server', () => {
  it('applies the role table of SPEC §8 to every pushed mutation, whatever the client claims', async () => {
    const token = await login('ana');
    const { rows } = await server.db.query<{ id: string }>("SELECT id FROM ocorrencia WHERE status = 'nova' LIMIT 1");
    const ocId = rows[0]?.id as string;
    const clientSecret = await registerClient(server.url, token, 'rogue-client-1');
    const push = await call('/api/v1/push', {
      clientId: 'rogue-client-1',
      clientSecret,
      mutations: [
        { id: 1, name: 'oc.changeCriticidade', args: { ocId, criticidade: 'critica' }, clientTime: now },
        { id: 2, name: 'oc.customerReply', args: { ocId, interactionId: 'x-1', body: 'oi' }, clientTime: now },
        { id: 3, name: 'analyst.upsert', args: { id: 'new-admin' }, clientTime: now },
      ],
    }, { token });
    expect(push.status).toBe(200);
    expect(push.body.results.map((r: { error?: { code: string } }) => r.error?.code)).toEqual(['FORBIDDEN_ROLE', 'UNKNOWN_METHOD', 'INVALID_ARGS']);
    expect(push.body.lastMutationId).toBe(3);
    const audit = await server.db.query<{ action: string; outcome: string }>("SELECT action, outcome FROM audit_log WHERE detail->>'ref' LIKE 'rogue-client-1:%' ORDER BY id");
    expect(audit.rows).toEqual([
      { action: 'oc.changeCriticidade', outcome: 'rejected' },
      { action: 'oc.customerReply', outcome: 'rejected' },
      { action: 'analyst.upsert', outcome: 'rejected' },
    ]);
  });

  it('returns the stored outcome for a repeated id and refuses a gap', async () => {
    const token = await login('beatriz');
    const { rows } = await server.db.query<{ id: string }>("SELECT id FROM ocorrencia WHERE status = 'nova' LIMIT 1");
    const ocId = rows[0]?.id as string;
    const mutation = { id: 1, name: 'oc.changeCriticidade', args: { ocId, criticidade: 'baixa' }, clientTime: now };
    const clientSecret = await registerClient(server.url, token, 'lead-client-1');
    const first = await call('/api/v1/push', { clientId: 'lead-client-1', clientSecret, mutations: [mutation] }, { token });
    expect(first.body.results).toEqual([{ id: 1, ok: true }]);
    const versionAfterFirst = (await server.db.query<{ version: number }>('SELECT version FROM ocorrencia WHERE id = $1', [ocId])).rows[0]?.version;
    const again = await call('/api/v1/push', { clientId: 'lead-client-1', clientSecret, mutations: [{ ...mutation, args: { ocId, criticidade: 'critica' } }] }, { token });
    expect(again.body.results).toEqual([{ id: 1, ok: true }]);
    expect((await serverOc(server, ocId)).criticidade).toBe('baixa');
    expect((await server.db.query<{ version: number }>('SELECT version FROM ocorrencia WHERE id = $1', [ocId])).rows[0]?.version).toBe(versionAfterFirst);
    const gap = await call('/api/v1/push', { clientId: 'lead-client-1', clientSecret, mutations: [{ ...mutation, id: 3 }] }, { token });
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'MUTATION_GAP', details: { lastMutationId: 1 } });
  });

  it('pages a pull and resumes from its cursor without repeating or skipping a version', async () => {
    const token = await login('beatriz');
    const seen: number[] = [];
    let cursor = 0;
    const clientSecret = await registerClient(server.url, token, 'pager-0001');
    for (;;) {
      const page = await call('/api/v1/pull', { clientId: 'pager-0001', clientSecret, cursor, limit: 250 }, { token });
      seen.push(...page.body.changes.map((c: { version: number }) => c.version));
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const total = await server.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM ocorrencia) + (SELECT count(*) FROM oc_event) + (SELECT count(*) FROM interaction)
      + (SELECT count(*) FROM customer) + (SELECT count(*) FROM contact) + (SELECT count(*) FROM analyst) + (SELECT count(*) FROM recado)
      + (SELECT count(*) FROM release) + (SELECT count(*) FROM planned_version) + (SELECT count(*) FROM catalog) + (SELECT count(*) FROM sla_config) AS n`);
    expect(seen.length).toBe(Number(total.rows[0]?.n));
  });
});
