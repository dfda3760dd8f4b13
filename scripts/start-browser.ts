// npm run start:browser -- [--data DIR] [--port N] [--server URL] [--ocs N] [--seed S] [--no-sim] [--no-build]
// Starts the browser shell: the desktop core in Node, the renderer and the API on 127.0.0.1, and prints the URL.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startShell } from '../src/shell/index';

const Args = z.object({
  data: z.string().min(1).default('.data/browser'),
  port: z.coerce.number().int().min(0).max(65_535).default(0),
  server: z.url().optional(),
  ocs: z.coerce.number().int().min(0).max(2_000_000).default(3_000),
  seed: z.coerce.number().int().min(0).default(1),
  'no-sim': z.boolean().default(false),
  'no-build': z.boolean().default(false),
  json: z.boolean().default(false),
});

const { values } = parseArgs({
  options: {
    data: { type: 'string' }, port: { type: 'string' }, server: { type: 'string' }, ocs: { type: 'string' },
    seed: { type: 'string' }, 'no-sim': { type: 'boolean' }, 'no-build': { type: 'boolean' }, json: { type: 'boolean' },
  },
  strict: true,
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`start:browser: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const args = parsed.data;
const rendererDir = resolve('out/renderer');

const newestMtime = (path: string): number => {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
};

/** The renderer is rebuilt when it is missing or older than its sources (renderer, shared, the build config). */
const rendererIsStale = (): boolean => {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['src/renderer', 'src/shared', 'electron.vite.config.ts'].some((p) => existsSync(p) && newestMtime(p) > built);
};

const buildRenderer = async (): Promise<void> => {
  // Only the renderer target of electron.vite.config.ts: the same bundle the Electron app loads.
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer target');
  await build(renderer);
};

if (!args['no-build'] && rendererIsStale()) {
  console.log('[shell] building the renderer…');
  await buildRenderer();
}
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('start:browser: out/renderer/index.html is missing; run without --no-build');
  process.exit(1);
}

const shell = await startShell({
  dataDir: resolve(args.data),
  port: args.port,
  rendererDir,
  serverUrl: args.server ?? null,
  demoOcs: args.ocs,
  demoSeed: args.seed,
  simulate: !args['no-sim'],
});
if (args.json) console.log(JSON.stringify({ url: shell.url, port: shell.port }));
else {
  console.log(`[shell] ${shell.describe}`);
  console.log(`[shell] open ${shell.url}`);
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
