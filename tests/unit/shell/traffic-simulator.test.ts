import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/app';
import { missingEligibility, type Contact, type Customer } from '../../../src/shared/domain';
import { startTrafficSimulator } from '../../../src/shell/traffic-simulator';

// The demo traffic goes through the real Extranet intake API of a real server (PGlite in memory).
describe('demo traffic simulator', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ logLevel: false, demo: { ocs: 120, seed: 5, now: Date.now() }, jobs: { mail: false, autoClose: false } });
  }, 120_000);
  afterAll(async () => server?.stop());

  const count = async (): Promise<number> => {
    const { rows } = await server.db.query<{ n: string }>("SELECT count(*) AS n FROM ocorrencia WHERE doc->>'channel' = 'extranet'");
    return Number(rows[0]?.n ?? 0);
  };

  it('opens OCs as authorised contacts of eligible customers, in their licensed modules', async () => {
    const { rows } = await server.db.query<{ contact: Contact; customer: Customer }>('SELECT ct.doc AS contact, cu.doc AS customer FROM contact ct JOIN customer cu ON cu.id = ct.customer_id');
    const callers = rows
      .filter((r) => r.contact.extranetAccess && r.contact.active && missingEligibility(r.customer).length === 0)
      .map((r) => ({ email: r.contact.email, modules: r.customer.modules }));
    expect(callers.length).toBeGreaterThan(0);
    const before = await count();
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const log: string[] = [];
    const simulator = startTrafficSimulator({ serverUrl: server.url, callers: async () => callers, perHour: 36_000, firstAfterMs: 10, random, log: (l) => log.push(l) });
    const deadline = Date.now() + 60_000;
    while (simulator.opened() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    simulator.stop();
    expect(simulator.opened()).toBeGreaterThanOrEqual(3);
    expect(await count()).toBeGreaterThanOrEqual(before + 3);
    const { rows: fresh } = await server.db.query<{ doc: { module: string; customerId: string; createdById: string } }>(
      "SELECT doc FROM ocorrencia WHERE doc->>'channel' = 'extranet' ORDER BY created_at DESC LIMIT 3",
    );
    for (const { doc } of fresh) {
      const { rows: owner } = await server.db.query<{ doc: Customer }>('SELECT doc FROM customer WHERE id = $1', [doc.customerId]);
      expect(owner[0]?.doc.modules).toContain(doc.module);
    }
    expect(log.filter((l) => l.includes('refused'))).toEqual([]);
  }, 120_000);
});
