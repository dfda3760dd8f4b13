import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database';

/**
 * PGlite (PostgreSQL compiled to WASM) in a data folder: the embedded default, so trying the product needs
 * nothing installed (SPEC §7). One connection: transactions are serial by construction.
 */
export const openPglite = async (dataDir: string | undefined): Promise<Database> => {
  const db = dataDir === undefined ? new PGlite({ parsers: { 20: (v: string) => Number(v) } }) : new PGlite(dataDir, { parsers: { 20: (v: string) => Number(v) } });
  await db.waitReady;
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
