import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/core';
import { syncClient, type SyncClient, type SyncClientOptions } from '../../src/core/sync/client';
import { relayPresence } from '../../src/core/sync/presence-relay';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import type { Clock } from '../../src/shared/time';
import { createDatabase, postgresAvailable, startPgCluster, type PgCluster } from './pg-cluster';

/** Where the server under test keeps its data: a real PostgreSQL cluster when the binaries exist, else PGlite. */
export interface TestStorage {
  kind: 'postgres' | 'pglite';
  /** Options for one fresh, empty server database. */
  fresh(): Promise<Pick<ServerOptions, 'databaseUrl' | 'dataDir'>>;
  stop(): void;
}

let counter = 0;

export const testStorage = async (suite: string): Promise<TestStorage> => {
  if (postgresAvailable()) return testStorageOf('postgres', suite);
  console.log(`[${suite}] storage: PGlite (${process.env.SOE_TEST_STORAGE === 'pglite' ? 'SOE_TEST_STORAGE=pglite' : 'no PostgreSQL binaries found'})`);
  return testStorageOf('pglite', suite);
};

/**
 * The storages a test of a server guarantee runs on: PGlite and PostgreSQL (a throwaway cluster), or PGlite
 * alone where the PostgreSQL binaries are missing (said once per suite).
 */
export const storageKinds = (suite: string): Array<TestStorage['kind']> => {
  if (postgresAvailable()) return ['pglite', 'postgres'];
  console.log(`[${suite}] PostgreSQL not available: PGlite only`);
  return ['pglite'];
};

export const testStorageOf = async (kind: TestStorage['kind'], suite: string): Promise<TestStorage> => {
  const dirs: string[] = [];
  if (kind === 'postgres') {
    const cluster: PgCluster = await startPgCluster();
    console.log(`[${suite}] storage: PostgreSQL (throwaway cluster on 127.0.0.1:${cluster.port})`);
    return {
      kind: 'postgres',
      fresh: async () => ({ databaseUrl: await createDatabase(cluster, `soe_${process.pid}_${(counter += 1)}`) }),
      stop: () => cluster.stop(),
    };
  }
  return {
    kind: 'pglite',
    fresh: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'soe-pglite-'));
      dirs.push(dir);
      return { dataDir: dir };
    },
    stop: () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
};

/** A Monday, 10:00 in São Paulo: the demo data is "as of" this instant. */
export const DEMO_NOW = Date.parse('2026-03-02T13:00:00Z');

export const startTestServer = async (storage: Pick<ServerOptions, 'databaseUrl' | 'dataDir'>, options: Partial<ServerOptions> = {}): Promise<RunningServer & { mailDir: string }> => {
  const mailDir = options.mailDir ?? mkdtempSync(join(tmpdir(), 'soe-mail-'));
  const server = await startServer({
    ...storage,
    logLevel: false,
    mailDir,
    jobs: { autoClose: false, mailPollMs: 200 },
    pokeThrottleMs: 10,
    rateLimits: { loginPerMinute: 1_000, intakePerMinute: 1_000 },
    ...options,
  });
  return Object.assign(server, { mailDir });
};

export interface TestDesktop {
  core: Core;
  sync: SyncClient;
  dir: string;
  invoke<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** The error a call answers with (the call must fail). */
  refusal(method: string, args?: unknown): Promise<{ code: string; message: { 'pt-BR': string; en: string } }>;
  close(): Promise<void>;
}

/** A desktop core with its own replica, logged in to the server and synced once. */
export const startDesktop = async (serverUrl: string, login: string, options: { clock?: Clock; sync?: Partial<SyncClientOptions>; dir?: string; password?: string; initialSync?: boolean } = {}): Promise<TestDesktop> => {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'soe-desktop-'));
  let seed = 7;
  const core = createCore({
    dbPath: join(dir, 'replica.db'),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    sync: syncClient({ serverUrl, manual: true, onError: (error) => console.error('[desktop sync error]', error), random: () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647), ...(options.clock === undefined ? {} : { clock: options.clock }), ...options.sync }),
  });
  core.start();
  const stopPresence = relayPresence(core);
  const invoke = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.api.invoke(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
    return result.value as T;
  };
  const refusal = async (method: string, args: unknown = {}) => {
    const result = await core.api.invoke(method, args);
    if (result.ok) throw new Error(`${method} was expected to fail`);
    return result.error;
  };
  const sync = core.deps.sync as SyncClient;
  await invoke('session.login', { login, password: options.password ?? 'demo' });
  if (options.initialSync !== false) await sync.syncNow();
  return {
    core, sync, dir, invoke, refusal, close: async () => {
      stopPresence();
      await core.stop();
    },
  };
};
