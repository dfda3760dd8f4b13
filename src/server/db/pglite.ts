import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { rm } from 'node:fs/promises';
import type { Database, Sql } from './database';
import { dropTemplate, isEmptyDir, pgliteTemplate } from './pglite-template';

const PARSERS: PGliteOptions['parsers'] = { 20: (v: string) => Number(v) };

/** A new cluster from the fresh-cluster template when there is one (pglite-template.ts), else by initdb. */
const create = async (dataDir: string | undefined): Promise<PGlite> => {
  const base: PGliteOptions = { parsers: PARSERS, ...(dataDir === undefined ? {} : { dataDir }) };
  const template = dataDir === undefined || (await isEmptyDir(dataDir)) ? await pgliteTemplate() : null;
  if (template !== null) {
    try {
      const db = new PGlite({ ...base, loadDataDir: template });
      await db.waitReady;
      return db;
    } catch {
      // A torn or foreign template: drop it, and the folder it half filled (it was empty), and run initdb.
      await dropTemplate();
      if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    }
  }
  const db = new PGlite(base);
  await db.waitReady;
  return db;
};

/**
 * PGlite (PostgreSQL compiled to WASM) in a data folder: the embedded default, so trying the product needs
 * nothing installed (SPEC §7). One connection: transactions are serial by construction.
 */
export const openPglite = async (dataDir: string | undefined): Promise<Database> => {
  const db = await create(dataDir);
  const sql = (client: Pick<PGlite, 'query'>): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => {
      const result = await client.query<T>(text, params);
      return { rows: result.rows };
    },
  });
  return {
    kind: 'pglite',
    concurrentWriters: false,
    query: sql(db).query,
    transaction: (work, options = {}) =>
      db.transaction(async (tx) => {
        if (options.isolation === 'repeatable read') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return work(sql(tx));
      }),
    // PGlite's queries and transactions already queue on the one connection; the writers' queue (sync/writers.ts)
    // keeps writers from interleaving between the statements of a session.
    session: (work) => work({
      query: sql(db).query,
      transaction: (inner) => db.transaction(async (tx) => inner(sql(tx))),
    }),
    async exec(text) {
      await db.exec(text);
    },
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => db.close(),
  };
};
