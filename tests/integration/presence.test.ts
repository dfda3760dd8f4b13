import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { OcPresence } from '../../src/shared/api/workspace';
import type { RunningServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { openPglite } from '../../src/server/db/pglite';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol';
import { analystId } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// SPEC §4 collision notice across desktops: a beat goes desktop → server → the other desktops (of this node, and
// of the other nodes through NOTIFY), carries the analyst named by the sender's session, and is stored nowhere.

let storage: TestStorage;
let single: RunningServer;
const nodes: RunningServer[] = [];
let shared: Database | null = null;
const desktops: TestDesktop[] = [];
/** Rafael's desktop on the single node, watching what the others do. */
let watcher: TestDesktop;

beforeAll(async () => {
  storage = await testStorage('presence');
  single = await startTestServer(await storage.fresh(), { demo: { ocs: 10, seed: 4, now: DEMO_NOW } });
  const spec = await storage.fresh();
  if (storage.kind === 'pglite') {
    // PGlite lives in one process: both nodes share the one instance (NOTIFY reaches both listeners).
    shared = await openPglite(spec.dataDir);
    nodes.push(await startTestServer({}, { database: shared, nodeName: 'node-1', demo: { ocs: 10, seed: 5, now: DEMO_NOW } }));
    nodes.push(await startTestServer({}, { database: shared, nodeName: 'node-2' }));
  } else {
    nodes.push(await startTestServer(spec, { nodeName: 'node-1', demo: { ocs: 10, seed: 5, now: DEMO_NOW } }));
    nodes.push(await startTestServer(spec, { nodeName: 'node-2' }));
  }
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await single?.stop();
  for (const n of nodes) await n.stop();
  await shared?.close();
  storage?.stop();
});

const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> => {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - started;
};

const live = async (url: string, login: string): Promise<TestDesktop> => {
  const desktop = await startDesktop(url, login, { sync: { manual: false, periodicMs: 3_600_000 } });
  desktops.push(desktop);
  await waitFor(() => desktop.sync.socketConnected, 10_000);
  return desktop;
};

const anyOc = async (server: RunningServer): Promise<string> => {
  const { rows } = await server.db.query<{ id: string }>('SELECT id FROM ocorrencia ORDER BY id LIMIT 1');
  return (rows[0] as { id: string }).id;
};

const nameOf = async (server: RunningServer, login: string): Promise<string> => {
  const { rows } = await server.db.query<{ name: string }>("SELECT doc->>'name' AS name FROM analyst WHERE login = $1", [login]);
  return (rows[0] as { name: string }).name;
};

const viewersOf = async (desktop: TestDesktop, ocId: string) => (await desktop.invoke<OcPresence>('presence.get', { ocId })).viewers;

/** A raw socket with a login's session, as a modified client could open it. */
const rawSocket = async (url: string, login: string): Promise<WebSocket> => {
  const answer = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login, password: 'demo' }) });
  const { token } = (await answer.json()) as { token: string };
  const socketUrl = new URL('/api/v1/socket', url);
  socketUrl.protocol = 'ws:';
  socketUrl.searchParams.set('token', token);
  socketUrl.searchParams.set('protocol', String(PROTOCOL_VERSION));
  const socket = new WebSocket(socketUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve()); // hello: authenticated
    socket.once('error', reject);
  });
  return socket;
};

describe('collision presence through the server', () => {
  it('shows A on B within a second while A views an OC, clears it when A leaves, and names A from the session', async () => {
    const a = await live(single.url, 'ana');
    const b = await live(single.url, 'rafael');
    watcher = b;
    const ocId = await anyOc(single);
    const anaId = await analystId(single, 'ana');

    await a.invoke('presence.set', { ocId, activity: 'viewing' });
    const ms = await waitFor(async () => (await viewersOf(b, ocId)).length === 1, 1_000);
    expect(ms).toBeLessThan(1_000);
    expect(await viewersOf(b, ocId)).toEqual([expect.objectContaining({ analystId: anaId, name: await nameOf(single, 'ana'), activity: 'viewing' })]);
    // Never me: A does not list itself.
    expect(await viewersOf(a, ocId)).toEqual([]);

    await a.invoke('presence.set', { ocId, activity: 'replying' });
    await waitFor(async () => (await viewersOf(b, ocId))[0]?.activity === 'replying', 1_000);

    await a.invoke('presence.set', { ocId: null });
    await waitFor(async () => (await viewersOf(b, ocId)).length === 0, 1_000);
  });

  it('takes who is looking from the session, never from the message', async () => {
    const b = watcher;
    const ocId = await anyOc(single);
    const socket = await rawSocket(single.url, 'beatriz');
    try {
      socket.send(JSON.stringify({ type: 'presence', ocId, activity: 'replying', at: Date.now(), analystId: 'someone-else', name: 'Impostor' }));
      await waitFor(async () => (await viewersOf(b, ocId)).some((v) => v.activity === 'replying'), 1_000);
      const viewers = await viewersOf(b, ocId);
      expect(viewers.map((v) => v.name)).toEqual([await nameOf(single, 'beatriz')]);
      expect(viewers[0]?.analystId).toBe(await analystId(single, 'beatriz'));
    } finally {
      socket.terminate();
    }
    // The socket closed while on the OC: the others are told at once, not after the 45 s TTL.
    await waitFor(async () => (await viewersOf(b, ocId)).length === 0, 2_000);
  });

  it('tells a desktop that connects later who is already on an OC', async () => {
    const ocId = await anyOc(single);
    const socket = await rawSocket(single.url, 'beatriz');
    try {
      socket.send(JSON.stringify({ type: 'presence', ocId, activity: 'viewing', at: Date.now() }));
      await new Promise((r) => setTimeout(r, 200));
      const late = await live(single.url, 'sergio');
      await waitFor(async () => (await viewersOf(late, ocId)).length === 1, 1_000);
    } finally {
      socket.terminate();
    }
  });

  it('reaches a desktop on another server node through NOTIFY', async () => {
    const [one, two] = nodes as [RunningServer, RunningServer];
    const a = await live(one.url, 'ana');
    const b = await live(two.url, 'rafael');
    const ocId = await anyOc(one);
    await a.invoke('presence.set', { ocId, activity: 'viewing' });
    const ms = await waitFor(async () => (await viewersOf(b, ocId)).length === 1, 1_000);
    expect(ms).toBeLessThan(1_000);
    expect((await viewersOf(b, ocId))[0]).toEqual(expect.objectContaining({ analystId: await analystId(one, 'ana'), name: await nameOf(one, 'ana') }));
    await a.invoke('presence.set', { ocId: null });
    await waitFor(async () => (await viewersOf(b, ocId)).length === 0, 1_000);
  });
});
