import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../src/server/app';
import { SessionStore } from '../../src/server/auth/sessions';
import { migrate, SERVER_MIGRATIONS, splitStatements } from '../../src/server/db/migrations';
import type { Analyst, Contact } from '../../src/shared/domain';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { countingDatabase } from '../support/counting-db';
import { loginToken, registerClient } from '../support/raw-client';
import { analystId } from '../support/fixtures';
import { DEMO_NOW, startDesktop, type TestDesktop } from '../support/sync-harness';
import { openCluster, STORAGE_KINDS, type Cluster } from './storages';

// Issue 15, item 4 (SPEC §7): deactivating an analyst, changing their role or resetting their password ends that
// analyst's sessions at once on every node — pulls and pushes get 401, live sockets close with a clear code,
// the desktop says "your access was ended" and keeps its unsynced changes. The same for Extranet contacts.
// Two stateless nodes share one database; the change is made through node 1, the sessions live on both.

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are asserted field by field

const call = async (server: RunningServer, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-soe-protocol': String(PROTOCOL_VERSION), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Body };
};

const waitFor = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> => {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A raw poke socket on a node, recording how it closed. */
const openSocket = async (server: RunningServer, token: string): Promise<{ closed: Promise<{ code: number; reason: string }> }> => {
  const url = `${server.url.replace('http', 'ws')}/api/v1/socket?protocol=${PROTOCOL_VERSION}&token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.on('message', () => resolve());
    socket.on('error', reject);
  });
  return { closed };
};

describe.each(STORAGE_KINDS)('sessions end at once on every node (%s)', (kind) => {
  let cluster: Cluster;
  let one: RunningServer;
  let two: RunningServer;
  const desktops: TestDesktop[] = [];
  let pullSecret = '';
  let pushSecret = '';

  beforeAll(async () => {
    cluster = await openCluster(kind);
    const started = await cluster.nodes(2, { demo: { ocs: 20, seed: 5, now: DEMO_NOW } });
    one = started[0] as RunningServer;
    two = started[1] as RunningServer;
    // The probes' client ids, bound once (the nodes share the database) by someone whose access never ends.
    const owner = await loginToken(one.url, 'beatriz');
    pullSecret = await registerClient(one.url, owner, `probe-${kind}-0001`);
    pushSecret = await registerClient(one.url, owner, `probe-${kind}-0002`);
  }, 180_000);

  afterAll(async () => {
    for (const d of desktops) await d.close();
    await cluster?.stop();
  });

  const desktop = async (server: RunningServer, login: string, live = false): Promise<TestDesktop> => {
    const d = await startDesktop(server.url, login, live ? { sync: { manual: false, periodicMs: 3_600_000 } } : {});
    desktops.push(d);
    return d;
  };
  const token = async (server: RunningServer, login: string, password = 'demo'): Promise<string> => {
    const answer = await call(server, 'POST', '/api/v1/login', { login, password });
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  };
  const pull = (server: RunningServer, bearer: string) => call(server, 'POST', '/api/v1/pull', { clientId: `probe-${kind}-0001`, clientSecret: pullSecret, cursor: 0, limit: 1 }, bearer);
  const analystDoc = async (login: string): Promise<Analyst> =>
    (await one.db.query<{ doc: Analyst }>('SELECT doc FROM analyst WHERE login = $1', [login])).rows[0]?.doc as Analyst;
  const upsertAnalyst = async (admin: TestDesktop, login: string, patch: Partial<Analyst>): Promise<void> => {
    const { createdAt: _c, updatedAt: _u, ...row } = await analystDoc(login);
    await admin.invoke('analyst.upsert', { ...row, ...patch });
    await admin.sync.syncNow();
    expect(await admin.invoke<unknown[]>('sync.notices')).toEqual([]);
  };

  it('deactivation: pulls and pushes get 401 on both nodes, sockets close 4403, the desktop says so and keeps its changes', async () => {
    const admin = await desktop(one, 'admin');
    const ana = await desktop(two, 'ana', true);
    const anaId = await analystId(one, 'ana');
    await waitFor(() => ana.sync.socketConnected, 'ana socket');
    const tokenOnTwo = await token(two, 'ana');
    const socketOnOne = await openSocket(one, tokenOnTwo);
    // Used all the time, as the attacker did: the sliding expiry must not keep it alive.
    for (let i = 0; i < 3; i += 1) expect((await pull(two, tokenOnTwo)).status).toBe(200);

    await upsertAnalyst(admin, 'ana', { active: false });

    // At once: no waiting for a cache or a notification — the very next request of that token is refused.
    for (const server of [one, two]) {
      const pulled = await pull(server, tokenOnTwo);
      expect(pulled.status).toBe(401);
      expect(pulled.body.error.code).toBe('ACCESS_ENDED');
      expect(pulled.body.error.details.reason).toBe('deactivated');
      expect(pulled.body.error.message['pt-BR']).toMatch(/Seu acesso foi encerrado/);
      const pushed = await call(server, 'POST', '/api/v1/push', { clientId: `probe-${kind}-0002`, clientSecret: pushSecret, mutations: [{ id: 1, name: 'analyst.setPresence', args: { analystId: anaId, presence: 'break' }, clientTime: DEMO_NOW }] }, tokenOnTwo);
      expect(pushed.status).toBe(401);
      expect(pushed.body.error.code).toBe('ACCESS_ENDED');
    }
    expect(await socketOnOne.closed).toEqual({ code: 4403, reason: 'access_ended:deactivated' });

    // The desktop on node 2 heard it on its socket, pulled, and shows why.
    await waitFor(() => ana.sync.state().accessEnded?.reason === 'deactivated', 'ana desktop access ended');
    expect(ana.sync.state().accessEnded?.message['pt-BR']).toMatch(/^Seu acesso foi encerrado/);
    expect(ana.sync.socketConnected).toBe(false);
    // A change made now is kept, counted and shown — never dropped.
    await ana.invoke('analyst.setPresence', { analystId: anaId, presence: 'break' });
    await ana.sync.syncNow();
    const state = ana.sync.state();
    expect(state.pending).toBe(1);
    expect(state.accessEnded?.reason).toBe('deactivated');
    expect((await one.db.query("SELECT 1 FROM client_mutation WHERE name = 'analyst.setPresence' AND actor_id = $1", [anaId])).rows).toEqual([]);
    // The remembered password does not bring the session back, nor does the offline verifier open the desktop.
    expect((await ana.refusal('session.login', { login: 'ana', password: 'demo' })).code).toBe('BAD_LOGIN');
    expect(ana.core.db.prepare('SELECT count(*) AS n FROM local_credential WHERE analyst_id = ?').get(anaId)).toEqual({ n: 0 });
  });

  it('a role change ends the sessions, and logging in again works with the new role', async () => {
    const admin = await desktop(one, 'admin');
    const before = await token(two, 'rafael');
    const socket = await openSocket(two, before);
    await upsertAnalyst(admin, 'rafael', { role: 'lead' });
    const refused = await pull(two, before);
    expect(refused.status).toBe(401);
    expect(refused.body.error.details.reason).toBe('role_changed');
    expect(await socket.closed).toEqual({ code: 4403, reason: 'access_ended:role_changed' });
    const again = await call(one, 'POST', '/api/v1/login', { login: 'rafael', password: 'demo' });
    expect(again.status).toBe(200);
    expect(again.body.analyst.role).toBe('lead');
    expect((await pull(two, again.body.token as string)).status).toBe(200);
  });

  it('a password reset ends the sessions everywhere but the one of the admin who reset their own', async () => {
    const admin = await desktop(one, 'admin');
    const bruno = await token(two, 'bruno');
    const adminElsewhere = await token(two, 'admin');
    await admin.invoke('people.setPassword', { kind: 'analyst', id: await analystId(one, 'bruno'), password: 'nova-senha-bruno' });
    const refused = await pull(one, bruno);
    expect(refused.status).toBe(401);
    expect(refused.body.error.details.reason).toBe('password_reset');
    // The admin resets their own password: their other session ends, the one that made the change stays.
    await admin.invoke('people.setPassword', { kind: 'analyst', id: await analystId(one, 'admin'), password: 'nova-senha-admin' });
    expect((await pull(two, adminElsewhere)).body.error?.details?.reason).toBe('password_reset');
    await admin.sync.syncNow();
    expect(admin.sync.state().accessEnded ?? null).toBeNull();
    expect(admin.sync.state().problem).toBeNull();
    expect((await call(two, 'POST', '/api/v1/login', { login: 'bruno', password: 'nova-senha-bruno' })).status).toBe(200);
  });

  it('an Extranet contact deactivated, without Extranet access or with a new password has every token ended', async () => {
    const lead = await desktop(one, 'beatriz');
    const { rows } = await one.db.query<{ doc: Contact }>(`SELECT k.doc FROM contact k JOIN credential c ON c.kind = 'contact' AND c.login = k.email
      WHERE (k.doc->>'active')::boolean AND (k.doc->>'extranetAccess')::boolean ORDER BY k.id LIMIT 3`);
    expect(rows).toHaveLength(3);
    // A lead resets the third one's Extranet password: that contact's tokens end too.
    const reset = rows.pop()?.doc as Contact;
    const resetToken = (await call(one, 'POST', '/extranet/v1/login', { email: reset.email, password: 'demo' })).body.token as string;
    await lead.invoke('people.setPassword', { kind: 'contact', id: reset.id, password: 'extranet-nova-1' });
    const afterReset = await call(two, 'GET', '/extranet/v1/ocs', undefined, resetToken);
    expect(afterReset.status).toBe(401);
    expect(afterReset.body.error.details.reason).toBe('password_reset');
    for (const [i, { doc }] of rows.entries()) {
      const login = await call(two, 'POST', '/extranet/v1/login', { email: doc.email, password: 'demo' });
      expect(login.status).toBe(200);
      const bearer = login.body.token as string;
      expect((await call(one, 'GET', '/extranet/v1/ocs', undefined, bearer)).status).toBe(200);
      const { createdAt: _c, updatedAt: _u, ...row } = doc;
      await lead.invoke('contact.upsert', i === 0 ? { ...row, active: false } : { ...row, extranetAccess: false });
      await lead.sync.syncNow();
      expect(await lead.invoke<unknown[]>('sync.notices')).toEqual([]);
      for (const server of [one, two]) {
        const refused = await call(server, 'GET', '/extranet/v1/ocs', undefined, bearer);
        expect(refused.status).toBe(401);
        expect(refused.body.error.code).toBe('ACCESS_ENDED');
      }
    }
  });

  it('a token cannot slide past its maximum lifetime, however much it is used', async () => {
    let now = DEMO_NOW;
    // A third node on the same database, with a clock of the test's own and short lifetimes.
    const server = await cluster.join({ clock: { now: () => now }, sessionTtlMs: 3_600_000, sessionMaxLifetimeMs: 4 * 3_600_000 });
    const bearer = await token(server, 'diego');
    // Used every 40 minutes: each use slides the one-hour expiry, until four hours after the login.
    for (let minutes = 40; minutes < 4 * 60; minutes += 40) {
      now = DEMO_NOW + minutes * 60_000;
      expect((await pull(server, bearer)).status).toBe(200);
    }
    now = DEMO_NOW + 4 * 60 * 60_000 + 1;
    const expired = await pull(server, bearer);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHORIZED');
  });

  it('reads the database for every check, the checks that arrive together in one statement', async () => {
    const counted = countingDatabase(one.db, ['FROM auth_session']);
    const sessions = new SessionStore({ db: counted, clock: { now: () => Date.now() }, ttlMs: 12 * 3_600_000 });
    const tokens = await Promise.all(['diego', 'eduarda', 'felipe'].map((login) => token(two, login)));
    const checks = await Promise.all(Array.from({ length: 60 }, (_, i) => sessions.check(tokens[i % 3] as string)));
    expect(checks.every((c) => c.status === 'valid')).toBe(true);
    expect(counted.count('FROM auth_session')).toBeLessThanOrEqual(2);
    // No copy is trusted: the next check after an end sees it.
    await one.db.query("SELECT soe_end_sessions('analyst', id, 'deactivated', NULL) FROM analyst WHERE login = 'felipe'");
    expect(await sessions.check(tokens[2] as string)).toEqual({ status: 'ended', kind: 'analyst', reason: 'deactivated' });
    expect((await sessions.check(tokens[0] as string)).status).toBe('valid');
  });

  it('the upgrade (migration 008) ends the sessions of people deactivated before it; existing sessions keep working', async () => {
    const db = await cluster.rawDatabase();
    // The schema as the last release left it (up to 006), by hand, then a live and a deactivated analyst with sessions.
    await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const migration of SERVER_MIGRATIONS.filter((m) => m.version <= 6)) {
      for (const statement of splitStatements(migration.sql)) await db.query(statement);
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    for (const [id, active] of [['a-live', true], ['a-gone', false]] as const) {
      await db.query('INSERT INTO analyst (id, login, doc, version) VALUES ($1, $1, $2::jsonb, 1)', [id, JSON.stringify({ id, login: id, active, role: 'analyst' })]);
      await db.query("INSERT INTO auth_session (token_hash, kind, subject_id, created_at, expires_at) VALUES ($1, 'analyst', $1, 0, $2)", [id, DEMO_NOW]);
    }
    await migrate(db);
    const { rows } = await db.query<{ subject_id: string; end_reason: string | null }>('SELECT subject_id, end_reason FROM auth_session ORDER BY subject_id');
    expect(rows).toEqual([{ subject_id: 'a-gone', end_reason: 'deactivated' }, { subject_id: 'a-live', end_reason: null }]);
    // And from now on a deactivation through any write of the row ends the sessions (the trigger).
    await db.query(`UPDATE analyst SET doc = jsonb_set(doc, '{active}', 'false') WHERE id = 'a-live'`);
    expect((await db.query<{ end_reason: string }>("SELECT end_reason FROM auth_session WHERE subject_id = 'a-live'")).rows).toEqual([{ end_reason: 'deactivated' }]);
  });
});
