import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AttachmentConfig, type AttachmentOptions } from '../../../../src/server/attachments/config';
import { postgresAttachments, type Actor, type AttachmentDeps } from '../../../../src/server/attachments/context';
import type { Database } from '../../../../src/server/db/database';
import { migrate } from '../../../../src/server/db/migrations';
import { openPglite } from '../../../../src/server/db/pglite';
import { openPostgres } from '../../../../src/server/db/postgres';
import { seedDemo } from '../../../../src/server/seed';
import { createDatabase, postgresAvailable, startPgCluster, type PgCluster } from '../../../support/pg-cluster';

// The attachment store on both of the server's storages, side by side in one run: PGlite (the embedded default)
// and, when the binaries exist, a throwaway PostgreSQL cluster.

export type StorageKind = 'pglite' | 'postgres';

/** The storages this machine can run: PGlite always, PostgreSQL when initdb exists (SOE_TEST_STORAGE=pglite skips it). */
export const STORAGES: StorageKind[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];

let cluster: PgCluster | null = null;
let counter = 0;

/** A migrated database of `kind` with a small demo data set (customers, contacts, OCs). */
export const openStoreDatabase = async (kind: StorageKind, suite: string): Promise<Database> => {
  let db: Database;
  if (kind === 'pglite') {
    db = await openPglite(undefined);
  } else {
    cluster ??= await startPgCluster();
    db = await openPostgres({ connectionString: await createDatabase(cluster, `att_${process.pid}_${(counter += 1)}`) });
  }
  console.log(`[${suite}] storage: ${kind === 'pglite' ? 'PGlite (in memory)' : `PostgreSQL (throwaway cluster on 127.0.0.1:${cluster?.port})`}`);
  await migrate(db);
  await seedDemo(db, { ocs: 40, seed: 3, now: Date.parse('2026-03-02T13:00:00Z') });
  return db;
};

export const stopClusters = (): void => {
  cluster?.stop();
  cluster = null;
};

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export const testClock = (start = Date.parse('2026-03-02T13:00:00Z')): TestClock => {
  let now = start;
  return { now: () => now, advance: (ms) => { now += ms; } };
};

export const depsFor = (db: Database, clock: TestClock, options: AttachmentOptions = {}): AttachmentDeps =>
  postgresAttachments(db, AttachmentConfig.parse({ chunkBytes: 256 * 1024, ...options }), clock);

export const analystActor = (id: string): Actor => ({ who: { kind: 'analyst', id }, source: 'desktop' });
export const contactActor = (id: string, customerId: string): Actor => ({ who: { kind: 'contact', id, customerId }, source: 'extranet' });

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const readAll = async (stream: Readable): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

export const count = async (db: Database, sql: string, params: unknown[] = []): Promise<number> => {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return Number(rows[0]?.n ?? 0);
};
