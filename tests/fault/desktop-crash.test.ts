import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { eligibleCustomer, openOc } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';
import { runTs } from './support/processes';

// SPEC §6: "nothing acknowledged locally is ever lost — not on a crash, a kill -9".

let storage: TestStorage;
let server: RunningServer;

beforeAll(async () => {
  storage = await testStorage('fault:desktop-crash');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 10, seed: 13, now: DEMO_NOW } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  storage?.stop();
});

describe('desktop core killed with SIGKILL during a burst of local writes', () => {
  it('every change acknowledged to the UI reaches the server after the restart', async () => {
    const lead = await startDesktop(server.url, 'beatriz');
    const ocId = await openOc(lead, await eligibleCustomer(server), 'Rajada de anotações');
    await lead.close();

    const dir = mkdtempSync(join(tmpdir(), 'soe-burst-'));
    const child = runTs('./desktop-main.ts', { SOE_FAULT_DESKTOP: JSON.stringify({ serverUrl: server.url, dir, login: 'sergio', ocId, count: 3_000 }) });
    await child.waitFor(/^READY$/, 60_000);
    await child.waitFor(/^ACK /, 30_000);
    // Kill it while it writes: somewhere after a few hundred acknowledgements.
    const deadline = Date.now() + 30_000;
    while (child.lines.filter((l) => l.startsWith('ACK ')).length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await child.kill('SIGKILL');
    const acked = child.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4));
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(child.lines).not.toContain('DONE');

    const again = await startDesktop(server.url, 'sergio', { dir });
    try {
      expect(again.sync.state().pending).toBe(0);
      const { rows } = await server.db.query<{ id: string }>('SELECT id FROM interaction WHERE id = ANY($1)', [acked]);
      expect(rows.length).toBe(acked.length);
    } finally {
      await again.close();
    }
  }, 120_000);
});
