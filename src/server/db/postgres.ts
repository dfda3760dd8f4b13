import pg from 'pg';
import type { Database, Sql } from './database';

// int8 (versions, epoch milliseconds, counts) as JS numbers: every value here stays below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export interface PostgresOptions {
  connectionString: string;
  /** Connections per node; writers serialise on one lock, readers (pulls) use the rest. */
  poolSize?: number;
  onError?: (error: Error) => void;
}

const wrap = (client: pg.PoolClient | pg.Pool): Sql => ({
  query: async <T>(text: string, params?: unknown[]) => {
    const result = await client.query(text, params as unknown[]);
    return { rows: result.rows as T[] };
  },
});

const inTransaction = async <T>(client: pg.PoolClient, work: (tx: Sql) => Promise<T>, options: { isolation?: 'read committed' | 'repeatable read'; readOnly?: boolean } = {}): Promise<T> => {
  const mode = `${options.isolation === 'repeatable read' ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${options.readOnly === true ? ' READ ONLY' : ''}`;
  await client.query(`BEGIN${mode}`);
  try {
    const result = await work(wrap(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};

/** PostgreSQL through a `pg` pool: the multi-node storage of SPEC §7. */
export const openPostgres = async (options: PostgresOptions): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onError?.(error));
  await pool.query('SELECT 1');
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    concurrentWriters: true,
    query: wrap(pool).query,
    async transaction(work, txOptions = {}) {
      const client = await pool.connect();
      try {
        return await inTransaction(client, work, txOptions);
      } finally {
        client.release();
      }
    },
    async session(work) {
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        return await work({
          ...wrap(client),
          transaction: (inner) => inTransaction(client, inner),
          script: async (text) => {
            const answer = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
            return (Array.isArray(answer) ? answer : [answer]).map((r) => ({ rows: r.rows as Array<Record<string, unknown>> }));
          },
        });
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(failed);
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    async listen(channel, onPayload) {
      // LISTEN needs a connection of its own that stays open; pool connections come and go.
      const client = new pg.Client({ connectionString: options.connectionString });
      client.on('error', (error) => options.onError?.(error));
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`LISTEN ${channel}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
};
