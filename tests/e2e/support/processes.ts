import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// Real processes for the e2e suite: browser shells (one per desktop) and, when a test needs one, the central
// server — so "the server is stopped" is a process that stops, not a mock.

const PROJECT = resolve(import.meta.dirname, '../../..');

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port'))));
    });
  });

interface Running {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const launch = (script: string, args: string[]): Running => {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

const waitFor = async <T>(what: string, probe: () => T | null | Promise<T | null>, running: Running, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (running.child.exitCode !== null) throw new Error(`${what} exited early:\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`${what} did not start in ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

export interface ShellProcess extends Running {
  url: string;
}

export interface ShellStart {
  dataDir: string;
  server?: string;
  local?: boolean;
  ocs?: number;
  seed?: number;
  sim?: boolean;
  /** The worst-case data (src/shared/demo/worst-case.ts), as of its night unless `now` says otherwise. */
  fixture?: 'worst-case';
  /** Run the app as of this ISO instant (e.g. '2026-11-25T23:00:00-03:00'): demo made for it, clock from there. */
  now?: string;
}

/** One desktop: `npm run start:browser` with its own data folder; resolves with the URL it prints. */
export const startShell = async (options: ShellStart): Promise<ShellProcess> => {
  const args = ['--data', options.dataDir, '--port', '0', '--json', '--no-build', '--ocs', String(options.ocs ?? 1_500), '--seed', String(options.seed ?? 1)];
  if (options.server !== undefined) args.push('--server', options.server);
  if (options.local === true) args.push('--local');
  if (options.sim !== true) args.push('--no-sim');
  if (options.fixture !== undefined) args.push('--fixture', options.fixture);
  if (options.now !== undefined) args.push('--now', options.now);
  const running = launch('scripts/start-browser.ts', args);
  const url = await waitFor('browser shell', () => {
    const line = running.output().split('\n').find((l) => l.startsWith('{"url"'));
    return line === undefined ? null : (JSON.parse(line) as { url: string }).url;
  }, running, 150_000);
  return { ...running, url };
};

export interface ServerProcess extends Running {
  url: string;
  port: number;
}

/** The central server (src/server/index.ts) with demo data, PGlite in `dataDir`, on `port`. */
export const startServerProcess = async (options: { dataDir: string; port: number; ocs?: number; seed?: number }): Promise<ServerProcess> => {
  const running = launch('src/server/index.ts', ['--demo', '--ocs', String(options.ocs ?? 1_500), '--seed', String(options.seed ?? 1), '--port', String(options.port), '--data', options.dataDir]);
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor('server', async () => {
    try {
      const response = await fetch(`${url}/healthz`);
      return response.ok ? true : null;
    } catch {
      return null;
    }
  }, running, 150_000);
  return { ...running, url, port: options.port };
};
