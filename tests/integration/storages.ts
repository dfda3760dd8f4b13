import type { RunningServer, ServerOptions } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { openPglite } from '../../src/server/db/pglite';
import { createDatabase, postgresAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { startTestServer } from '../support/sync-harness';

// The auth-hardening suites run on both storages of SPEC §7 (PGlite, the embedded default, and PostgreSQL, the
// multi-node one) wherever the database is part of the behaviour: `describe.each(STORAGE_KINDS)`. PostgreSQL
// is skipped, and says so, on a machine without its binaries.

export type StorageKind = 'pglite' | 'postgres';

export const STORAGE_KINDS: StorageKind[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];
if (!postgresAvailable()) console.log('[auth-hardening] PostgreSQL binaries not found (or SOE_TEST_STORAGE=pglite): PGlite only');

export interface Cluster {
  /**
   * Starts `count` server nodes on one fresh database (PGlite: one in-process instance the nodes share); the
   * first seeds it with `options.demo`; `perNode(i)` adds options of node i.
   */
  nodes(count: number, options?: Partial<ServerOptions>, perNode?: (i: number) => Partial<ServerOptions>): Promise<Array<RunningServer & { mailDir: string }>>;
  /** One more node on the database of the last `nodes` call (its own clock, options …), no seeding. */
  join(options?: Partial<ServerOptions>): Promise<RunningServer & { mailDir: string }>;
  /** A fresh, empty database of this kind (not migrated), for migration tests. */
  rawDatabase(): Promise<Database>;
  stop(): Promise<void>;
}

let counter = 0;

export const openCluster = async (kind: StorageKind): Promise<Cluster> => {
  const running: RunningServer[] = [];
  const databases: Database[] = [];
  const pg: PgCluster | null = kind === 'postgres' ? await startPgCluster() : null;
  const freshUrl = async (): Promise<string> => createDatabase(pg as PgCluster, `soe_auth_${process.pid}_${(counter += 1)}`);
  let last: { shared: Database | null; url: string | null } | null = null;
  const start = async (options: Partial<ServerOptions>): Promise<RunningServer & { mailDir: string }> => {
    const { shared, url } = last as { shared: Database | null; url: string | null };
    const node = await startTestServer(url === null ? {} : { databaseUrl: url }, { ...(shared === null ? {} : { database: shared }), ...options } as Partial<ServerOptions>);
    running.push(node);
    return node;
  };
  return {
    async nodes(count, options = {}, perNode = () => ({})) {
      const shared = kind === 'pglite' ? await openPglite(undefined) : null;
      if (shared !== null) databases.push(shared);
      last = { shared, url: kind === 'postgres' ? await freshUrl() : null };
      const started: Array<RunningServer & { mailDir: string }> = [];
      for (let i = 0; i < count; i += 1) {
        started.push(await start({ nodeName: `node-${i + 1}`, ...options, ...(i === 0 ? {} : { demo: undefined }), ...perNode(i) } as Partial<ServerOptions>));
      }
      return started;
    },
    join: (options = {}) => start({ nodeName: `node-${running.length + 1}`, ...options }),
    async rawDatabase() {
      if (kind === 'pglite') {
        const db = await openPglite(undefined);
        databases.push(db);
        return db;
      }
      const { openPostgres } = await import('../../src/server/db/postgres');
      const db = await openPostgres({ connectionString: await freshUrl() });
      databases.push(db);
      return db;
    },
    async stop() {
      for (const node of running.splice(0)) await node.stop();
      for (const db of databases.splice(0)) await db.close().catch(() => undefined);
      pg?.stop();
    },
  };
};
