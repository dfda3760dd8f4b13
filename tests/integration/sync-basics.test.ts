import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueRow } from '../../src/shared/api/views';
import { DEMO_NOW, startDesktop, startTestServer, testStorage, type TestDesktop, type TestStorage } from '../support/sync-harness';
import type { RunningServer } from '../../src/server/app';

let storage: TestStorage;
let server: RunningServer;
const desktops: TestDesktop[] = [];

beforeAll(async () => {
  storage = await testStorage('sync-basics');
  server = await startTestServer(await storage.fresh(), { demo: { ocs: 60, seed: 3, now: DEMO_NOW } });
}, 120_000);

afterAll(async () => {
  for (const d of desktops) await d.close();
  await server?.stop();
  storage?.stop();
});

const count = async (sql: string, params: unknown[] = []): Promise<number> => {
  const { rows } = await server.db.query<{ n: number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
};

describe('initial sync and OC numbers', () => {
  it('pulls the whole server state into a fresh replica, page by page', async () => {
    const ana = await startDesktop(server.url, 'ana', { sync: { pageSize: 97 } });
    desktops.push(ana);
    const rows = await ana.invoke<QueueRow[]>('queue.list', { openOnly: false, limit: 100_000 });
    expect(rows.length).toBe(await count('SELECT count(*) AS n FROM ocorrencia'));
    expect(ana.sync.state().status).toBe('online');
    const events = (ana.core.db.prepare('SELECT count(*) AS n FROM oc_event').get() as { n: number }).n;
    expect(events).toBe(await count('SELECT count(*) AS n FROM oc_event'));
  });

  it('shows a provisional number offline and the server number after sync', async () => {
    const ana = desktops[0] as TestDesktop;
    const customers = await ana.invoke<Array<{ id: string }>>('customer.search', { text: 'a' });
    let created: { id: string } | null = null;
    for (const customer of customers) {
      const card = await ana.invoke<{ customer: { modules: string[] }; missingEligibility: string[] }>('customer.card', { id: customer.id });
      if (card.missingEligibility.length > 0) continue;
      created = await ana.invoke<{ id: string }>('oc.create', {
        customerId: customer.id, channel: 'phone', module: card.customer.modules[0], criticidade: 'alta', kind: 'erro',
        subject: 'Nota fiscal rejeitada', description: 'Rejeição 539 ao emitir NF-e.',
      });
      break;
    }
    expect(created).not.toBeNull();
    const before = await ana.invoke<{ displayNumber: string; pending: boolean }>('oc.get', { id: created?.id });
    expect(before.displayNumber).toMatch(/^PROV-/);
    expect(before.pending).toBe(true);
    await ana.sync.syncNow();
    const after = await ana.invoke<{ displayNumber: string; pending: boolean }>('oc.get', { id: created?.id });
    expect(after.displayNumber).toMatch(/^OC-\d{4}-\d{6}$/);
    expect(after.pending).toBe(false);
    expect(ana.sync.state().pending).toBe(0);
  });
});
