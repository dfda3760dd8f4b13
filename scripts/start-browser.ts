// npm run start:browser -- [--data DIR] [--port N] [--server URL | --local] [--ocs N] [--seed S] [--no-sim]
//                           [--sim-per-hour N] [--demo-login NAME] [--no-build] [--json]
//                           [--fixture worst-case] [--now ISO]
// Starts the browser shell: the desktop core in Node, the renderer and the API on 127.0.0.1, and prints the URL.
// Without --server it starts the embedded server (demo data, demo Extranet traffic); --local runs the replica alone.
// --fixture worst-case seeds the worst cases on top of the demo (src/shared/demo/worst-case.ts: longest names,
// 200-character subjects, a 99-day breach, every badge…) as of its night, 22:00 in São Paulo; --now ISO runs the
// app as of that instant (the demo is made for it and the clock starts there). Both apply to an empty data folder.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { IsoInstant } from '../src/shared/domain/dates';
import { startShell } from '../src/shell/index';
import { ensureRendererBuilt, RENDERER_DIR } from './renderer-build';

const Args = z.object({
  data: z.string().min(1).default('.data/browser'),
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  server: z.url().optional(),
  local: z.boolean().default(false),
  'sim-per-hour': z.coerce.number().positive().max(3_600).default(20),
  ocs: z.coerce.number().int().min(0).max(2_000_000).default(3_000),
  seed: z.coerce.number().int().min(0).default(1),
  'no-sim': z.boolean().default(false),
  'no-build': z.boolean().default(false),
  json: z.boolean().default(false),
  'demo-login': z.string().min(1).optional(),
  fixture: z.enum(['demo', 'worst-case']).default('demo'),
  /** Strict RFC 3339 with an offset (src/shared/domain/dates.ts): 2026-02-30 or a missing offset is refused. */
  now: IsoInstant.optional().transform((v) => v ?? null),
});

const { values } = parseArgs({
  options: {
    data: { type: 'string' }, port: { type: 'string' }, server: { type: 'string' }, local: { type: 'boolean' }, ocs: { type: 'string' },
    'sim-per-hour': { type: 'string' },
    seed: { type: 'string' }, 'demo-login': { type: 'string' }, fixture: { type: 'string' }, now: { type: 'string' }, 'no-sim': { type: 'boolean' }, 'no-build': { type: 'boolean' }, json: { type: 'boolean' },
  },
  strict: true,
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`start:browser: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const args = parsed.data;
if (args.local && args.server !== undefined) {
  console.error('start:browser: --local and --server exclude each other');
  process.exit(2);
}
if (args.server !== undefined && (args.now !== null || args.fixture !== 'demo')) {
  console.error('start:browser: --now and --fixture need the embedded server or --local (a remote server has its own data and time)');
  process.exit(2);
}
const rendererDir = RENDERER_DIR;
if (!args['no-build']) await ensureRendererBuilt();
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('start:browser: out/renderer/index.html is missing; run without --no-build');
  process.exit(1);
}

const shell = await startShell({
  dataDir: resolve(args.data),
  port: args.port,
  rendererDir,
  serverUrl: args.server ?? null,
  local: args.local,
  simPerHour: args['sim-per-hour'],
  demoOcs: args.ocs,
  demoSeed: args.seed,
  simulate: !args['no-sim'],
  demoLogin: args['demo-login'] ?? null,
  fixture: args.fixture,
  now: args.now,
});
if (args.json) console.log(JSON.stringify({ url: shell.url, port: shell.port }));
else {
  console.log(`[shell] ${shell.describe}`);
  console.log(`[shell] open ${shell.url}`);
  if (args['demo-login'] !== undefined) console.log(`[shell] logged in as ${args['demo-login']}`);
  console.log('[shell] demo logins (password "demo"): ana (N1), rafael (N2), beatriz (lead), admin (admin)');
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void shell.stop().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
