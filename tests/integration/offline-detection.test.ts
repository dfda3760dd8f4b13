import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';
import type { RunningServer } from '../../src/server/app';

// SPEC §6: the UI always shows the sync state. A live poke socket that closes is the first sign the server went
// away: the desktop says "offline" then, not at its next periodic sync (here an hour away, so only the socket can
// tell it), and is back online when the server returns on the same address.

let storage: TestStorage;
let spec: Awaited<ReturnType<TestStorage['fresh']>>;
let server: RunningServer | null = null;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('offline-detection');
  spec = await storage.fresh();
  server = await startTestServer(spec, { demo: { ocs: 10, seed: 4, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

const waitFor = async (check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('offline detection', () => {
  it('says offline when its live socket closes, and online again when the server is back', async () => {
    const first = server as RunningServer;
    const port = first.port;
    const ana = await startDesktop(first.url, 'ana', { sync: { manual: false, periodicMs: 3_600_000 } });
    desktops.push(ana);
    await waitFor(() => ana.sync.socketConnected, 'socket up');
    expect(ana.sync.state().status).toBe('online');

    await first.stop();
    server = null;
    await waitFor(() => ana.sync.state().status === 'offline', 'offline shown');
    expect(ana.sync.state().offlineSince).not.toBeNull();

    server = await startTestServer(spec, { port });
    await waitFor(() => ana.sync.socketConnected && ana.sync.state().status === 'online', 'back online', 30_000);
    expect(ana.sync.state().offlineSince).toBeNull();
  });
});
