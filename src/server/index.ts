// npm run server [-- --demo [--ocs N --seed S] --port P --data DIR]
// The server's composition root: reads options (flags, then environment), starts one node, stops gracefully
// on SIGINT/SIGTERM. DATABASE_URL selects PostgreSQL; without it, PGlite in the data folder.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from './app';
import { ExtranetOcUrl } from './mail/compose';
import { IsoInstant } from '../shared/domain/dates';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean' }, ocs: { type: 'string' }, seed: { type: 'string' }, port: { type: 'string' },
    host: { type: 'string' }, data: { type: 'string' }, now: { type: 'string' },
  },
  strict: true,
});

const Env = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HOST: z.string().min(1).optional(),
  SOE_DATA_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_DIR: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  // The customer portal's address of an OC, for the e-mail copies: "{numero}" is replaced by the OC's number.
  SOE_EXTRANET_OC_URL: ExtranetOcUrl.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).optional(),
  // Behind a reverse proxy: "true" (believe any X-Forwarded-For) or the proxies' addresses/CIDRs, comma-separated.
  TRUST_PROXY: z.string().trim().min(1).transform((v) => (v === 'true' ? true : v === 'false' ? false : v.split(',').map((a) => a.trim()).filter((a) => a.length > 0))).optional(),
});

const Flags = z.object({
  demo: z.boolean().default(false),
  ocs: z.coerce.number().int().min(1).max(2_000_000).default(2_000),
  seed: z.coerce.number().int().min(0).default(1),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).optional(),
  data: z.string().min(1).optional(),
  now: IsoInstant.optional(),
});

const env = Env.safeParse(process.env);
const flags = Flags.safeParse(values);
if (!env.success || !flags.success) {
  const issues = [...(env.error?.issues ?? []), ...(flags.error?.issues ?? [])];
  console.error(`server: ${issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const e = env.data;
const f = flags.data;
const dataDir = f.data ?? e.SOE_DATA_DIR ?? '.data/server';

const server = await startServer({
  ...(e.DATABASE_URL === undefined ? { dataDir } : { databaseUrl: e.DATABASE_URL }),
  host: f.host ?? e.HOST ?? '127.0.0.1',
  port: f.port ?? e.PORT ?? 4870,
  logLevel: e.LOG_LEVEL,
  mailDir: e.MAIL_DIR ?? `${dataDir}/mail`,
  ...(e.SMTP_URL === undefined ? {} : { smtpUrl: e.SMTP_URL }),
  ...(e.MAIL_FROM === undefined ? {} : { mailFrom: e.MAIL_FROM }),
  ...(e.SOE_EXTRANET_OC_URL === undefined ? {} : { extranetOcUrl: e.SOE_EXTRANET_OC_URL }),
  ...(e.SESSION_TTL_HOURS === undefined ? {} : { sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000 }),
  ...(e.TRUST_PROXY === undefined ? {} : { trustProxy: e.TRUST_PROXY }),
  ...(f.demo ? { demo: { ocs: f.ocs, seed: f.seed, now: f.now ?? Date.now() } } : {}),
});
if (server.seeded !== null) {
  console.log(`seeded ${server.seeded.ocs} OCs, ${server.seeded.events} events in ${server.seeded.ms} ms; logins (password "demo"): ana, rafael, beatriz, admin`);
}
console.log(`S.O.E. server at ${server.url} (${server.db.kind})`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`server: ${signal}, stopping`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.stop().then(() => process.exit(0), (error: unknown) => {
    console.error('server: stop failed', error);
    process.exit(1);
  });
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
