// A server node in its own process, so a fault test can kill it with SIGKILL at a chosen instant:
// SOE_FAULT_SERVER='{"databaseUrl"|"dataDir", "port", "mailDir", "demo"?, "fault"?, "match"?}'.
// fault 'after-commit': die right after the transaction whose soe_write mentions `match` committed, before the
// HTTP reply; 'mid-transaction': die inside that transaction, after its writes, before COMMIT; 'mid-upload': die
// right after the `chunks`-th attachment chunk committed (an upload half stored).
import { z } from 'zod';
import { startServer } from '../../../src/server/app';
import type { Database, Session } from '../../../src/server/db/database';
import { openPglite } from '../../../src/server/db/pglite';
import { openPostgres } from '../../../src/server/db/postgres';

const Options = z.object({
  databaseUrl: z.string().optional(),
  dataDir: z.string().optional(),
  port: z.number().int(),
  mailDir: z.string(),
  demo: z.object({ ocs: z.number(), seed: z.number(), now: z.number() }).optional(),
  fault: z.enum(['after-commit', 'mid-transaction', 'mid-upload']).optional(),
  chunks: z.number().int().min(1).default(2),
  match: z.string().default('"public_reply"'),
});
const options = Options.parse(JSON.parse(process.env.SOE_FAULT_SERVER ?? '{}'));

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const marks = (text: string, params: unknown[] | undefined): boolean =>
  options.fault !== 'mid-upload' && text.includes('soe_write') && (params ?? []).some((p) => typeof p === 'string' && p.includes(options.match));

/**
 * Wraps the storage so the chosen write is the last thing this process does. A mutation commits either as one
 * statement on a writer's session or inside a transaction; 'mid-transaction' runs the chosen write inside a
 * transaction and dies after it, before COMMIT.
 */
let chunksStored = 0;

const withFault = (db: Database): Database => {
  if (options.fault === undefined) return db;
  const spyTransaction = (transaction: Session['transaction']): Session['transaction'] => async (work) => {
    let marked = false;
    let chunk = false;
    const result = await transaction(async (tx) => work({
      query: async (text, params) => {
        const answer = await tx.query(text, params);
        if (text.includes('INSERT INTO attachment_chunk')) chunk = true;
        if (marks(text, params)) {
          marked = true;
          if (options.fault === 'mid-transaction') die();
        }
        return answer as never;
      },
    }));
    if (marked && options.fault === 'after-commit') die();
    if (chunk && options.fault === 'mid-upload') {
      chunksStored += 1;
      if (chunksStored >= options.chunks) die();
    }
    return result;
  };
  return {
    ...db,
    query: db.query.bind(db),
    transaction: async (work, txOptions) => spyTransaction((inner) => db.transaction(inner, txOptions))(work),
    session: (work) => db.session((session) => {
      const transaction = spyTransaction(session.transaction);
      const spy: Session = {
        transaction,
        // Writes sent together (PostgreSQL): 'mid-transaction' sends the script only up to the chosen write,
        // without its COMMIT, then dies; 'after-commit' sends it whole, then dies.
        ...(session.script === undefined ? {} : {
          script: async (text: string) => {
            const at = text.indexOf(options.match);
            if (options.fault === 'mid-upload' || !text.includes('soe_write') || at < 0) return (session.script as NonNullable<Session['script']>)(text);
            const cut = options.fault === 'mid-transaction' ? text.slice(0, text.indexOf(' AS step;', at) + ' AS step;'.length) : text;
            const answer = await (session.script as NonNullable<Session['script']>)(cut);
            die();
            return answer;
          },
        }),
        query: async (text, params) => {
          if (!marks(text, params)) return session.query(text, params);
          if (options.fault === 'mid-transaction') return transaction((tx) => tx.query(text, params)) as never;
          const answer = await session.query(text, params);
          die();
          return answer as never;
        },
      };
      return work(spy);
    }),
  };
};

const raw = options.databaseUrl !== undefined ? await openPostgres({ connectionString: options.databaseUrl }) : await openPglite(options.dataDir);
const server = await startServer({
  database: withFault(raw),
  port: options.port,
  logLevel: false,
  mailDir: options.mailDir,
  jobs: { autoClose: false, mailPollMs: 100 },
  pokeThrottleMs: 10,
  rateLimits: { loginPerMinute: 1_000, intakePerMinute: 1_000 },
  ...(options.demo === undefined ? {} : { demo: options.demo }),
});
process.stdout.write(`READY ${server.url}\n`);
const stop = (): void => {
  void server.stop().then(() => raw.close()).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
