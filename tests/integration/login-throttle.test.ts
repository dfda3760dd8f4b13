import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { DEMO_NOW } from '../support/sync-harness';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// Issue 15, item 5 (SPEC §7): login throttling slows guessing without locking the owner out — per (login,
// source address) with growing delays (429 + Retry-After for that pair only), plus a per-login ceiling that holds
// attempts a bounded time instead of refusing them. Through HTTP (fastify's inject with remote addresses, and
// X-Forwarded-For on a node that trusts its proxy), for analysts and Extranet contacts, on two nodes sharing
// the counters in the database.

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are asserted field by field

describe.each(STORAGE_KINDS)('login throttling (%s)', (kind) => {
  let cluster: Cluster;
  let one: RunningServer;
  let two: RunningServer;
  let proxied: RunningServer;
  let now = DEMO_NOW;
  const holds: number[] = [];
  const clock = { now: () => now };
  const sleep = async (ms: number): Promise<void> => {
    holds.push(ms);
  };

  beforeAll(async () => {
    cluster = await openCluster(kind);
    // The third node sits behind a reverse proxy on loopback: the client's address is X-Forwarded-For's.
    const started = await cluster.nodes(3, { clock, sleep, demo: { ocs: 10, seed: 9, now: DEMO_NOW } }, (i) => (i === 2 ? { trustProxy: ['127.0.0.1'] } : {}));
    one = started[0] as RunningServer;
    two = started[1] as RunningServer;
    proxied = started[2] as RunningServer;
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  const attempt = async (server: RunningServer, who: 'analyst' | 'contact', login: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) => {
    const response = await server.app.inject({
      method: 'POST',
      url: who === 'analyst' ? '/api/v1/login' : '/extranet/v1/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), ...headers },
      payload: JSON.stringify(who === 'analyst' ? { login, password } : { email: login, password }),
    });
    return { status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json() as Body };
  };

  /** Wrong passwords from one address until `count` of them were checked, waiting out every delay (the clock). */
  const guess = async (who: 'analyst' | 'contact', login: string, address: string, count: number): Promise<{ checked: number; delayed: number }> => {
    let checked = 0;
    let delayed = 0;
    while (checked < count) {
      const answer = await attempt(one, who, login, `palpite-${checked}`, address);
      if (answer.status === 429) {
        delayed += 1;
        expect(answer.body.error.code).toBe('RATE_LIMITED');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        expect(answer.body.error.details.retryAfterSeconds).toBe(Number(answer.retryAfter));
        now += Number(answer.retryAfter) * 1_000;
        continue;
      }
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('BAD_LOGIN');
      checked += 1;
    }
    return { checked, delayed };
  };

  const contactEmail = async (offset: number): Promise<string> => {
    const { rows } = await one.db.query<{ email: string }>(`SELECT k.email FROM contact k JOIN credential c ON c.kind = 'contact' AND c.login = k.email
      WHERE (k.doc->>'active')::boolean AND (k.doc->>'extranetAccess')::boolean ORDER BY k.id OFFSET $1 LIMIT 1`, [offset]);
    return rows[0]?.email as string;
  };

  it.each([
    ['analyst', async (): Promise<string> => 'ana'],
    ['contact', (): Promise<string> => contactEmail(0)],
  ] as const)('50 wrong passwords for one %s from one address do not stop the right one from another address', async (who, loginOf) => {
    const login = await loginOf();
    const { delayed } = await guess(who, login, '203.0.113.10', 50);
    expect(delayed).toBeGreaterThanOrEqual(45);
    // That address is delayed even with the right password (the delay is the guesser's) …
    expect((await attempt(one, who, login, 'demo', '203.0.113.10')).status).toBe(429);
    // … the owner elsewhere gets in at once, on either node, only held a few seconds (the per-login ceiling).
    holds.length = 0;
    const owner = await attempt(one, who, login, 'demo', '198.51.100.20');
    expect(owner.status).toBe(200);
    expect(holds).toHaveLength(1);
    expect(holds[0]).toBeGreaterThan(0);
    expect(holds[0]).toBeLessThanOrEqual(3_000);
    expect((await attempt(two, who, login, 'demo', '2001:db8:aa:bb::20')).status).toBe(200);
  });

  it('a burst of parallel guesses from one address is checked no more than the free attempts allow', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(one, 'analyst', 'rafael', `rajada-${i}`, '203.0.113.30')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('the counters are in the database: a delay earned on node 1 holds on node 2', async () => {
    await guess('analyst', 'bruno', '203.0.113.40', 5);
    const elsewhere = await attempt(two, 'analyst', 'bruno', 'demo', '203.0.113.40');
    expect(elsewhere.status).toBe(429);
    const { rows } = await one.db.query<{ failures: number }>("SELECT failures FROM login_throttle WHERE kind = 'analyst' AND login = 'bruno' AND address = '203.0.113.40'");
    expect(rows[0]?.failures).toBe(5);
  });

  it('behind a trusted proxy the client address is the forwarded one (and an IPv6 /64 is one address)', async () => {
    const viaProxy = (address: string, password: string) => attempt(proxied, 'analyst', 'carla', password, '127.0.0.1', { 'x-forwarded-for': address });
    for (let i = 0; i < 5; i += 1) expect((await viaProxy('2001:db8:cc:dd::1', `x${i}`)).status).toBe(401);
    expect((await viaProxy('2001:db8:cc:dd::99', 'demo')).status).toBe(429);
    expect((await viaProxy('192.0.2.50', 'demo')).status).toBe(200);
  });
});
