import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { PROTOCOL_VERSION, type MutationResult, type PushResponse } from '../../src/shared/sync/protocol';
import { countingDatabase, type CountingDatabase } from '../support/counting-db';
import { ClientKeys } from '../support/raw-client';
import { analystId, eligibleCustomer, serverDocs } from '../support/fixtures';
import { DEMO_NOW, startTestServer, testStorage, type TestStorage } from '../support/sync-harness';

// A push applies its mutations under one hold of the writers' lock and reuses what it read for the next ones
// (sync/loaded-context.ts). Each mutation must still see exactly the state a fresh load would give it: the same
// scripted pushes, sent as whole batches to one server and one mutation per request to an identical one, must
// give the same answers and leave the same rows.

let storage: TestStorage;
const servers: RunningServer[] = [];
const databases: CountingDatabase[] = [];
const NOW = DEMO_NOW + 3_600_000;

beforeAll(async () => {
  storage = await testStorage('push-batch');
  for (const name of ['batched', 'one-by-one']) {
    const spec = await storage.fresh();
    const db = countingDatabase(spec.databaseUrl !== undefined ? await openPostgres({ connectionString: spec.databaseUrl }) : await openPglite(spec.dataDir), ['soe_load(']);
    databases.push(db);
    servers.push(await startTestServer({}, { database: db, nodeName: name, clock: { now: () => NOW }, demo: { ocs: 300, seed: 9, now: DEMO_NOW } }));
  }
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const db of databases) await db.close();
  storage?.stop();
});

interface Scripted {
  who: string;
  clientId: string;
  mutations: Array<{ name: string; args: unknown }>;
}

const login = async (server: RunningServer, who: string): Promise<string> => {
  const r = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION) }, body: JSON.stringify({ login: who, password: 'demo' }) });
  return ((await r.json()) as { token: string }).token;
};

const keys = new Map<RunningServer, ClientKeys>();

const push = async (server: RunningServer, token: string, clientId: string, mutations: Array<{ id: number; name: string; args: unknown }>): Promise<PushResponse> => {
  if (!keys.has(server)) keys.set(server, new ClientKeys(server.url));
  const clientSecret = await (keys.get(server) as ClientKeys).secretOf(token, clientId);
  const r = await fetch(`${server.url}/api/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-soe-protocol': String(PROTOCOL_VERSION), authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId, clientSecret, mutations: mutations.map((m) => ({ ...m, clientTime: NOW - 1_000 })) }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as PushResponse;
};

/** Runs the script: each step's mutations as one push, or one push per mutation. */
const play = async (server: RunningServer, script: Scripted[], batched: boolean): Promise<MutationResult[][]> => {
  const nextId = new Map<string, number>();
  const answers: MutationResult[][] = [];
  for (const step of script) {
    const token = await login(server, step.who);
    const first = nextId.get(step.clientId) ?? 1;
    const mutations = step.mutations.map((m, i) => ({ id: first + i, ...m }));
    nextId.set(step.clientId, first + mutations.length);
    if (batched) {
      answers.push((await push(server, token, step.clientId, mutations)).results);
    } else {
      const results: MutationResult[] = [];
      for (const m of mutations) results.push(...(await push(server, token, step.clientId, [m])).results);
      answers.push(results);
    }
  }
  return answers;
};

const SYNCED = ['ocorrencia', 'interaction', 'customer', 'contact', 'analyst', 'recado', 'release', 'catalog', 'sla_config', 'oc_event'];

describe('a batch of mutations under one hold of the writers\' lock', () => {
  it('answers and writes exactly what one mutation per push does', async () => {
    const [batchedServer, singleServer] = servers as [RunningServer, RunningServer];
    const free = (await batchedServer.db.query<{ id: string }>(
      "SELECT id FROM ocorrencia WHERE status = 'nova' AND assignee_id IS NULL AND doc->>'level' = 'n1' ORDER BY id LIMIT 20")).rows.map((r) => r.id);
    expect(free.length).toBeGreaterThan(12);
    const customer = await eligibleCustomer(batchedServer);
    const ana = await analystId(batchedServer, 'ana');
    const bruno = await analystId(batchedServer, 'bruno');
    const note = (ocId: string, id: string) => ({ name: 'oc.note', args: { ocId, interactionId: id, body: `Nota ${id}` } });
    const script: Scripted[] = [
      // Ana takes OC after OC until her capacity is full (the in-hand count the batch keeps must stay exact).
      { who: 'ana', clientId: 'batch-client-ana', mutations: [
        ...free.map((ocId) => ({ name: 'oc.take', args: { ocId } })),
        note(free[0] as string, 'n-1'), { name: 'oc.take', args: { ocId: free[0] } }, note(free[0] as string, 'n-1'),
        { name: 'oc.reply', args: { ocId: free[1], interactionId: 'r-1', body: 'Bom dia, estamos verificando.' } },
        { name: 'oc.pause', args: { ocId: free[1] } }, { name: 'oc.resume', args: { ocId: free[1] } },
      ] },
      // The lead opens an OC (numbered by the server), takes and moves things around, and sends nonsense.
      { who: 'beatriz', clientId: 'batch-client-lead', mutations: [
        { name: 'oc.create', args: { id: 'batch-oc-1', customerId: customer.id, channel: 'phone', module: customer.module, criticidade: 'alta', kind: 'erro', subject: 'Erro na NF-e', description: 'Rejeição 539.' } },
        { name: 'oc.take', args: { ocId: 'batch-oc-1' } }, note('batch-oc-1', 'n-2'),
        { name: 'oc.reassign', args: { ocId: free[0], toAnalystId: bruno } },
        { name: 'oc.reassign', args: { ocId: free[2], toAnalystId: null } },
        { name: 'oc.reassign', args: { ocId: 'batch-oc-1', toAnalystId: ana } },
        { name: 'oc.changeCriticidade', args: { ocId: free[3], criticidade: 'media' } },
        { name: 'recado.create', args: { id: 'rec-1', forAnalystId: ana, customerId: customer.id, callerName: 'Marcos', message: 'Ligar de volta' } },
        { name: 'oc.resolve', args: { ocId: free[4], note: 'Resolvido por telefone' } },
        { name: 'no.such.thing', args: {} }, { name: 'oc.take', args: { nope: 1 } },
        { name: 'oc.create', args: { id: 'batch-oc-2', customerId: customer.id, channel: 'phone', module: customer.module, criticidade: 'baixa', kind: 'duvida', subject: 'Dúvida', description: 'Como emitir?' } },
      ] },
      // Ana again: room freed by the lead's moves, an OC someone else has, a recado done.
      { who: 'ana', clientId: 'batch-client-ana', mutations: [
        { name: 'oc.take', args: { ocId: free[2] } }, { name: 'oc.take', args: { ocId: free[0] } }, { name: 'oc.take', args: { ocId: 'batch-oc-2' } },
        { name: 'recado.done', args: { recadoId: 'rec-1' } }, note('batch-oc-1', 'n-3'),
      ] },
    ];
    const before = (databases[0] as CountingDatabase).count('soe_load(');
    const batched = await play(batchedServer, script, true);
    const batchedLoads = (databases[0] as CountingDatabase).count('soe_load(') - before;
    const single = await play(singleServer, script, false);

    expect(batched).toEqual(single);
    const all = batched.flat();
    expect(all.some((r) => r.ok)).toBe(true);
    expect(all.some((r) => !r.ok && r.error.code === 'CAPACITY_FULL')).toBe(true);
    expect(all.filter((r) => !r.ok).length).toBeGreaterThan(2);
    for (const table of SYNCED) expect(await serverDocs(batchedServer, table), table).toEqual(await serverDocs(singleServer, table));
    const versions = async (server: RunningServer) => (await server.db.query<{ id: string; version: number }>('SELECT id, version FROM ocorrencia ORDER BY id')).rows;
    expect(await versions(batchedServer)).toEqual(await versions(singleServer));
    // The batches read far less than once per mutation.
    expect(batchedLoads).toBeLessThan(all.length / 2);
  });

  it('applies the pushes of several desktops that queued up together, each as if alone', async () => {
    const [batchedServer, singleServer] = servers as [RunningServer, RunningServer];
    const logins = ['bruno', 'carla', 'diego', 'eduarda', 'felipe', 'gabriela', 'henrique', 'isabela'];
    const free = (await batchedServer.db.query<{ id: string }>(
      "SELECT id FROM ocorrencia WHERE status = 'nova' AND assignee_id IS NULL AND doc->>'level' = 'n1' ORDER BY id DESC LIMIT 17")).rows.map((r) => r.id);
    expect(free).toHaveLength(17);
    const shared = free.pop() as string;
    // Disjoint takes and notes on one shared OC: the outcome does not depend on which desktop goes first.
    const scriptOf = (who: string, i: number): Scripted => ({ who, clientId: `group-client-${who}`, mutations: [
      { name: 'oc.take', args: { ocId: free[i] } }, { name: 'oc.note', args: { ocId: shared, interactionId: `group-${who}-1`, body: `Nota de ${who}` } },
      { name: 'oc.reply', args: { ocId: free[i], interactionId: `group-${who}-2`, body: 'Estamos verificando.' } },
      { name: 'oc.take', args: { ocId: free[i + 8] } }, { name: 'oc.note', args: { ocId: shared, interactionId: `group-${who}-3`, body: 'Mais uma' } },
    ] });
    const scripts = logins.map(scriptOf);
    const loads = (databases[0] as CountingDatabase).count('soe_load(');
    const together = await Promise.all(scripts.map((script) => play(batchedServer, [script], true)));
    const groupedLoads = (databases[0] as CountingDatabase).count('soe_load(') - loads;
    const alone: MutationResult[][][] = [];
    for (const script of scripts) alone.push(await play(singleServer, [script], false));
    expect(together).toEqual(alone);
    expect(together.flat(2).filter((r) => !r.ok)).toEqual([]);
    const withoutVersions = async (server: RunningServer, table: string) => serverDocs(server, table);
    for (const table of SYNCED) expect(await withoutVersions(batchedServer, table), table).toEqual(await withoutVersions(singleServer, table));
    expect(groupedLoads).toBeLessThanOrEqual(scripts.length);
  });
});
