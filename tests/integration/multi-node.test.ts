import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { openPglite } from '../../src/server/db/pglite';
import type { Database } from '../../src/server/db/database';
import { analystId, eligibleCustomer, localOc, openOc } from '../support/fixtures';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';

// SPEC §7: several stateless nodes on one PostgreSQL, pokes fanned out through LISTEN/NOTIFY. Each desktop
// talks to its own node; a change made through node 1 reaches the desktop of node 2 by a poke, without polling.

let storage: TestStorage;
let nodes: RunningServer[] = [];
let shared: Database | null = null;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('multi-node');
  const spec = await storage.fresh();
  if (storage.kind === 'pglite') {
    // PGlite lives in one process: both nodes share the one instance (NOTIFY reaches both listeners).
    shared = await openPglite(spec.dataDir);
    nodes.push(await startTestServer({}, { database: shared, nodeName: 'node-1', demo: { ocs: 20, seed: 2, now: DEMO_NOW } }));
    nodes.push(await startTestServer({}, { database: shared, nodeName: 'node-2' }));
  } else {
    nodes.push(await startTestServer(spec, { nodeName: 'node-1', demo: { ocs: 20, seed: 2, now: DEMO_NOW } }));
    nodes.push(await startTestServer(spec, { nodeName: 'node-2' }));
  }
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  for (const n of nodes) await n.stop();
  await shared?.close();
  nodes = [];
  storage?.stop();
});

const waitFor = async (check: () => boolean, timeoutMs: number): Promise<number> => {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - started;
};

describe('two server nodes on one database', () => {
  it('pokes a desktop on node 2 when a desktop on node 1 commits', async () => {
    const [one, two] = nodes as [RunningServer, RunningServer];
    const lead = await startDesktop(one.url, 'beatriz', { sync: { manual: false, periodicMs: 3_600_000 } });
    const ana = await startDesktop(two.url, 'ana', { sync: { manual: false, periodicMs: 3_600_000 } });
    desktops.push(lead, ana);
    await waitFor(() => ana.sync.socketConnected && lead.sync.socketConnected, 10_000);
    const customer = await eligibleCustomer(one);
    const ocId = await openOc(lead, customer, 'Criada pelo nó 1');
    await waitFor(() => localOc(ana, ocId) !== undefined, 10_000);

    await ana.invoke('oc.take', { ocId });
    const anaId = await analystId(one, 'ana');
    const ms = await waitFor(() => localOc(lead, ocId)?.assigneeId === anaId, 10_000);
    expect(ms).toBeLessThan(10_000);
    expect(localOc(lead, ocId)).toEqual(localOc(ana, ocId));
  });
});
