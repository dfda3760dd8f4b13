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
  const listeners = new Set<() => Promise<void>>();
  // A checked-out client has no listener of the pool's: an error it emits between two statements (PostgreSQL
  // restarted, the connection cut) would be an uncaught exception that ends the process. It is reported and the
  // client released as broken, so the pool never hands it out again.
  const checkOut = async (): Promise<{ client: pg.PoolClient; release(error?: Error): void }> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
      options.onError?.(error);
    };
    client.on('error', onError);
    return {
      client,
      release: (error) => {
        client.off('error', onError);
        client.release(error ?? broken);
      },
    };
  };
  return {
    kind: 'postgres',
    concurrentWriters: true,
    query: wrap(pool).query,
    async transaction(work, txOptions = {}) {
      const { client, release } = await checkOut();
      try {
        // A failed transaction was rolled back: the connection is reusable unless it broke.
        return await inTransaction(client, work, txOptions);
      } finally {
        release();
      }
    },
    async session(work) {
      const { client, release } = await checkOut();
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
        release(failed);
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    async listen(channel, onPayload, onResume) {
      // LISTEN needs a connection of its own that stays open; pool connections come and go. When it is lost (a
      // PostgreSQL restart, a network cut) it is opened again, or this node would never poke its desktops again.
      let client: pg.Client | null = null;
      let closed = false;
      let retry: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: options.connectionString });
        next.on('error', (error) => {
          options.onError?.(error);
          lost(next);
        });
        next.on('end', () => lost(next));
        next.on('notification', (message) => {
          if (message.channel === channel) onPayload(message.payload ?? '');
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
        } catch (error) {
          await next.end().catch(() => undefined);
          throw error;
        }
        if (closed) await next.end().catch(() => undefined);
        else client = next;
      };
      const reconnect = (): void => {
        retry = null;
        connect().then(() => {
          if (!closed) onResume?.();
        }, (error: unknown) => {
          options.onError?.(error instanceof Error ? error : new Error(String(error)));
          if (!closed) retry = setTimeout(reconnect, 1_000);
        });
      };
      const lost = (which: pg.Client): void => {
        if (client !== which) return;
        client = null;
        if (!closed && retry === null) retry = setTimeout(reconnect, 250);
      };
      await connect();
      const unlisten = async (): Promise<void> => {
        closed = true;
        if (retry !== null) clearTimeout(retry);
        listeners.delete(unlisten);
        await client?.end().catch(() => undefined);
        client = null;
      };
      listeners.add(unlisten);
      return unlisten;
    },
    async close() {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await pool.end();
    },
  };
};
