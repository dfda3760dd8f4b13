import type { RunningServer } from '../../../src/server/app';
import type { CountingDatabase } from '../../support/counting-db';
import type { TestStorage } from '../../support/sync-harness';

/**
 * What the hardening cases share, per storage (sync-hardening.test.ts): one cluster or data folder, one seeded
 * server whose database counts soe_load calls. Filled in the entry's beforeAll: read it inside tests only.
 */
export interface HardeningFixture {
  kind: TestStorage['kind'];
  storage: TestStorage;
  server: RunningServer;
  db: CountingDatabase;
}
