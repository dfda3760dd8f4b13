import { afterAll, beforeAll, describe } from 'vitest';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import type { Database } from '../../src/server/db/database';
import { countingDatabase } from '../support/counting-db';
import { DEMO_NOW, startTestServer, storageKinds, testStorageOf } from '../support/sync-harness';
import { clientIdentityCases } from './hardening/client-identity';
import { clientUpgradeCases } from './hardening/client-upgrade';
import { eventIdCases } from './hardening/event-ids';
import type { HardeningFixture } from './hardening/fixture';
import { refusedWriteCases } from './hardening/refused-writes';
import { uniqueConflictCases } from './hardening/unique-conflicts';

// Issue 15 ("sync that nobody can poison or hijack"), the server's side, on PGlite and on PostgreSQL: one
// cluster and one seeded server per storage, shared by the cases (each uses ids and OCs of its own).
//   item 1  client ids bound to their desktop — hardening/client-identity.ts, hardening/client-upgrade.ts
//   item 2  a write the database refuses — hardening/refused-writes.ts
//   item 3  conflicts the database can raise — hardening/unique-conflicts.ts
//   item 7  event ids unique per kind of request — hardening/event-ids.ts

describe.each(storageKinds('sync-hardening'))('sync hardening on %s', (kind) => {
  const fx = { kind } as HardeningFixture;
  let raw: Database | null = null;

  beforeAll(async () => {
    fx.storage = await testStorageOf(kind, 'sync-hardening');
    const spec = await fx.storage.fresh();
    raw = spec.databaseUrl !== undefined ? await openPostgres({ connectionString: spec.databaseUrl }) : await openPglite(spec.dataDir);
    fx.db = countingDatabase(raw, ['soe_load(']);
    fx.server = await startTestServer({}, { database: fx.db, demo: { ocs: 40, seed: 21, now: DEMO_NOW } });
  }, 120_000);

  afterAll(async () => {
    await fx.server?.stop();
    await raw?.close();
    fx.storage?.stop();
  });

  clientIdentityCases(fx);
  clientUpgradeCases(fx);
  refusedWriteCases(fx);
  uniqueConflictCases(fx);
  eventIdCases(fx);
});
