import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import type { Db } from '../core/db/connection';
import { seedReplica } from '../core/seed/seed-replica';
import { pendingCount } from '../core/db/outbox';
import { syncClient } from '../core/sync/client';
import { localOnlySync, type SyncPort } from '../core/sync/port';
import { relayPresence } from '../core/sync/presence-relay';
import { startServer, type RunningServer } from '../server/app';
import type { DemoOptions } from '../shared/demo/generate';
import { WORST_CASE_NOW } from '../shared/demo/worst-case';
import { offsetClock, systemClock } from '../shared/time';
import { extranetCallers } from '../server/seed';
import type { ShellOptions } from './options';
import { startTrafficSimulator, type TrafficSimulator } from './traffic-simulator';

export interface Backend {
  core: Core;
  /** One line for the console: where the data lives and what it syncs with. */
  describe: string;
  stop(): Promise<void>;
}

const isEmpty = (core: Core): boolean => (core.db.prepare('SELECT COUNT(*) AS n FROM ocorrencia').get() as { n: number }).n === 0;
const logInternal = (method: string, error: unknown): void => console.error(`[core] ${method}:`, error);

/** What to seed an empty data folder with: the demo (or the worst-case fixture) as of the app's "now". */
const demoOptions = (options: ShellOptions, now: number): DemoOptions => ({
  ocs: options.demoOcs,
  seed: options.demoSeed,
  now,
  ...(options.fixture === 'worst-case' ? { fixture: 'worst-case' as const } : {}),
});

/**
 * A replica alone whose clock runs `shiftMs` ahead of this machine's (`--now`): the shift reaches the windows the
 * way a measured server offset does, so every screen counts down from the same "now" as the core.
 */
const shiftedLocalSync = (pending: () => number, shiftMs: number): SyncPort => {
  const local = localOnlySync(pending);
  return { ...local, clockOffsetMs: () => shiftMs, state: () => ({ ...local.state(), clockOffsetMs: shiftMs }) };
};

/** The replica alone (no server): seeded with the demo on first start. */
const localBackend = async (options: ShellOptions, replica: string, shiftMs: number): Promise<Backend> => {
  const core = createCore({
    dbPath: replica,
    onInternalError: logInternal,
    ...(shiftMs === 0 ? {} : { sync: (db: Db) => shiftedLocalSync(() => pendingCount(db), shiftMs) }),
  });
  try {
    if (options.demoOcs > 0 && isEmpty(core)) {
      const summary = await seedReplica(core.db, demoOptions(options, Date.now() + shiftMs));
      console.log(`[shell] demo data: ${summary.ocs} OCs (${summary.open} open), ${summary.customers} customers, ${summary.analysts} analysts`);
    }
    core.start();
  } catch (error) {
    await core.stop();
    throw error;
  }
  return { core, describe: `local replica ${replica} (no server: the data stays on this computer)`, stop: () => core.stop() };
};

/**
 * The shell's wiring, in one place: which core, on which replica, synced with what. With a server URL the
 * desktop syncs with it; without one the embedded server starts (PGlite in the data folder, demo data on first
 * start) with the demo traffic simulator; `local` runs the replica alone.
 */
export const startBackend = async (options: ShellOptions): Promise<Backend> => {
  mkdirSync(options.dataDir, { recursive: true });
  const replica = join(options.dataDir, 'replica.db');
  // The worst-case fixture is made for its night (WORST_CASE_NOW) unless told otherwise.
  const now = options.now ?? (options.fixture === 'worst-case' ? WORST_CASE_NOW : null);
  if (now !== null && options.serverUrl !== null) throw new Error('--now and --fixture need the embedded server or none: a remote server has its own data and time');
  const shiftMs = now === null ? 0 : now - Date.now();
  if (options.local) return localBackend(options, replica, shiftMs);

  let server: RunningServer | null = null;
  if (options.serverUrl === null) {
    server = await startServer({
      dataDir: join(options.dataDir, 'server'),
      mailDir: join(options.dataDir, 'mail'),
      logLevel: 'warn',
      ...(shiftMs === 0 ? {} : { clock: offsetClock(systemClock, () => shiftMs) }),
      ...(options.demoOcs > 0 ? { demo: demoOptions(options, Date.now() + shiftMs) } : {}),
    });
    if (server.seeded !== null) console.log(`[shell] demo data on the embedded server: ${server.seeded.ocs} OCs, ${server.seeded.analysts} analysts, ${server.seeded.contacts} Extranet contacts`);
  }
  const serverUrl = server?.url ?? (options.serverUrl as string);
  const core = createCore({
    dbPath: replica,
    onInternalError: logInternal,
    sync: syncClient({ serverUrl, onError: (error) => console.error(`[sync] ${error instanceof Error ? error.message : String(error)}`) }),
  });
  core.start();
  const stopPresence = relayPresence(core);
  const demoDb = server?.db ?? null;
  const simulator: TrafficSimulator | null = demoDb !== null && options.simulate
    ? startTrafficSimulator({ serverUrl, callers: () => extranetCallers(demoDb), perHour: options.simPerHour, log: (line) => console.log(line) })
    : null;
  return {
    core,
    describe: server === null ? `replica ${replica}, synced with ${serverUrl}` : `replica ${replica}, synced with the embedded server ${serverUrl}${simulator === null ? '' : ' (demo traffic on)'}`,
    stop: async () => {
      simulator?.stop();
      stopPresence();
      await core.stop();
      await server?.stop();
    },
  };
};
