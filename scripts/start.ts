// npm start [-- --board] [--ocs N] [--seed S] [--data DIR] [--reset] [--browser]
// The embedded server with demo data, and the desktop app synced with it, logged in as the demo lead
// (beatriz). Where Electron cannot run — no binary and none downloadable, no Electron build of SQLite, no
// display — it says so in one line and starts the browser shell instead: the same core and the same screens.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { electronBinary, installElectronBinary } from '../build/electron-binary';
import { ensureElectronSqlite, NativeTarget } from '../build/electron-native';
import type { RunningServer } from '../src/server/app';

const Args = z.object({
  board: z.boolean().default(false),
  browser: z.boolean().default(false),
  reset: z.boolean().default(false),
  ocs: z.coerce.number().int().min(0).max(2_000_000).default(3_000),
  seed: z.coerce.number().int().min(0).default(1),
  data: z.string().min(1).default('.data/electron'),
});

const { values } = parseArgs({
  options: { board: { type: 'boolean' }, browser: { type: 'boolean' }, reset: { type: 'boolean' }, ocs: { type: 'string' }, seed: { type: 'string' }, data: { type: 'string' } },
  strict: true,
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`start: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}
const args = parsed.data;
const projectDir = resolve(import.meta.dirname, '..');
const DEMO_LEAD = 'beatriz';

/** Hands over to the browser shell (scripts/start-browser.ts) and mirrors its exit. */
const startBrowserShell = (why: string): void => {
  console.log(`[start] ${why}; starting the browser shell instead (same core, same screens${args.board ? '; the SLA board is its route #/board' : ''}).`);
  // --data and --reset apply to the browser shell's folder too (its own default when --data is not given).
  const dataDir = resolve(projectDir, values.data ?? join('.data', 'browser'));
  if (args.reset) rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectDir, 'scripts', 'start-browser.ts'), '--data', dataDir, '--ocs', String(args.ocs), '--seed', String(args.seed), '--demo-login', DEMO_LEAD], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
};

/** Why Electron cannot run here, or null when it can (the binary path is then in `binary`). */
const electronBlocker = (): { reason: string } | { binary: string; nativeBinding: string } => {
  if (args.browser) return { reason: '--browser given' };
  let binary = electronBinary(projectDir);
  if (binary === null) {
    console.log('[start] the Electron binary is missing; downloading it (node node_modules/electron/install.js)…');
    const installed = installElectronBinary(projectDir);
    if (!installed.ok) return { reason: `Electron is unavailable on this machine (download failed: ${installed.reason})` };
    binary = installed.binary;
  }
  const target = NativeTarget.safeParse({ platform: process.platform, arch: process.arch });
  if (!target.success) return { reason: `Electron builds are not made for ${process.platform}-${process.arch}` };
  const native = ensureElectronSqlite(projectDir, target.data);
  if (!native.ok) return { reason: `better-sqlite3 could not be built for Electron (${native.attempts.join('; ')})` };
  if (process.platform === 'linux' && process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    return { reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no Electron window can open' };
  }
  return { binary, nativeBinding: native.file };
};

/**
 * The central server, embedded (PGlite in `<data>/server`), seeded with the demo once. The replica starts empty
 * and fills from the server's first pull, as a real desktop would.
 */
const startEmbeddedServer = async (dataDir: string): Promise<RunningServer> => {
  const { startServer } = await import('../src/server/app');
  const server = await startServer({
    dataDir: join(dataDir, 'server'),
    mailDir: join(dataDir, 'mail'),
    logLevel: 'warn',
    ...(args.ocs === 0 ? {} : { demo: { ocs: args.ocs, seed: args.seed, now: Date.now() } }),
  });
  if (server.seeded !== null) console.log(`[start] demo data on the embedded server: ${args.ocs} OCs (seed ${args.seed})`);
  console.log(`[start] embedded server on ${server.url} (data in ${join(dataDir, 'server')})`);
  return server;
};

const launchElectron = async (binary: string, nativeBinding: string): Promise<void> => {
  console.log('[start] building main, preload and renderer…');
  const { build } = await import('electron-vite');
  await build({ root: projectDir, logLevel: 'warn' });
  if (!existsSync(join(projectDir, 'out', 'renderer', 'index.html'))) throw new Error('the renderer build is missing (out/renderer/index.html)');
  const dataDir = resolve(projectDir, args.data);
  if (args.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = await startEmbeddedServer(dataDir);
  const userData = join(dataDir, 'user-data');
  const electronArgs = ['.', ...(args.board ? ['--board'] : [])];
  // Chromium refuses to start as root with its sandbox on (containers, CI); the renderer stays sandboxed
  // in Electron's sense (no Node), only the OS-level layer is off. Development only: packaged apps never see this.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.log('[start] running as root: starting Electron with --no-sandbox (development only)');
    electronArgs.push('--no-sandbox');
  }
  console.log(`[start] S.O.E. War Room (Electron), replica in ${userData}, logged in as ${DEMO_LEAD} (password "demo")`);
  const child = spawn(binary, electronArgs, {
    cwd: projectDir,
    stdio: 'inherit',
    env: { ...process.env, SOE_USER_DATA: userData, SOE_SERVER_URL: server.url, SOE_DEMO_LOGIN: DEMO_LEAD, SOE_NATIVE_BINDING: nativeBinding },
  });
  // Ctrl+C reaches Electron, which flushes its outbox to the server before the server stops.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    void server.stop().finally(() => process.exit(code ?? (signal === null ? 0 : 1)));
  });
};

const verdict = electronBlocker();
if ('reason' in verdict) startBrowserShell(verdict.reason);
else await launchElectron(verdict.binary, verdict.nativeBinding);
