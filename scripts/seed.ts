// npm run seed -- --ocs N --seed S [--db PATH] [--now ISO] [--backlog N] [--fixture worst-case] [--reset]
// Deterministic: the same --ocs, --seed, --now and --backlog always produce the same data. --backlog adds that many
// OCs opened in the eight hours before --now and still waiting (a surge: the SLA board and queues under pressure).
// --fixture worst-case adds the worst cases of src/shared/demo/worst-case.ts (without --now: as of its night).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../src/core/db/connection';
import { seedReplica } from '../src/core/seed/seed-replica';
import { IsoInstant } from '../src/shared/domain/dates';
import { WORST_CASE_NOW } from '../src/shared/demo/worst-case';

const Options = z.object({
  ocs: z.coerce.number().int().min(1).max(2_000_000).default(2_000),
  seed: z.coerce.number().int().min(0).default(1),
  db: z.string().min(1).default('.data/seed.db'),
  /** Strict RFC 3339 with an offset (src/shared/domain/dates.ts): 2026-02-30 or a missing offset is refused. */
  now: IsoInstant.optional().transform((v) => v ?? null),
  backlog: z.coerce.number().int().min(0).max(200_000).default(0),
  fixture: z.enum(['demo', 'worst-case']).default('demo'),
  reset: z.boolean().default(false),
});

const { values } = parseArgs({
  options: { ocs: { type: 'string' }, seed: { type: 'string' }, db: { type: 'string' }, now: { type: 'string' }, backlog: { type: 'string' }, fixture: { type: 'string' }, reset: { type: 'boolean' } },
  strict: true,
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
  console.error(`seed: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const options = parsed.data;
if (options.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.db}${suffix}`, { force: true });
if (!existsSync(dirname(options.db))) mkdirSync(dirname(options.db), { recursive: true });
const db = openDatabase(options.db);
try {
  const worstCase = options.fixture === 'worst-case';
  const now = options.now ?? (worstCase ? WORST_CASE_NOW : Date.now());
  const summary = await seedReplica(db, { ocs: options.ocs, seed: options.seed, now, backlog: options.backlog, ...(worstCase ? { fixture: 'worst-case' as const } : {}) });
  console.log(`seeded ${options.db}: ${summary.ocs} OCs (${summary.open} open), ${summary.interactions} interactions, ${summary.events} events, ` +
    `${summary.customers} customers, ${summary.analysts} analysts — generated in ${summary.generateMs} ms, loaded in ${summary.loadMs} ms`);
  console.log('demo logins (password "demo"): ana (N1), rafael (N2), beatriz (lead), admin (admin)');
} catch (error) {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.close();
}
