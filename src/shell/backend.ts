import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import { seedReplica } from '../core/seed/seed-replica';
import { syncClient } from '../core/sync/client';
import { relayPresence } from '../core/sync/presence-relay';
import { startServer, type RunningServer } from '../server/app';
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

/** The replica alone (no server): seeded with the demo on first start. */
const localBackend = async (options: ShellOptions, replica: string): Promise<Backend> => {
  const core = createCore({ dbPath: replica, onInternalError: logInternal });
  try {
    if (options.demoOcs > 0 && isEmpty(core)) {
      const summary = await seedReplica(core.db, { ocs: options.demoOcs, seed: options.demoSeed, now: Date.now() });
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
  if (options.local) return localBackend(options, replica);

  let server: RunningServer | null = null;
  if (options.serverUrl === null) {
    server = await startServer({
      dataDir: join(options.dataDir, 'server'),
      mailDir: join(options.dataDir, 'mail'),
      logLevel: 'warn',
      ...(options.demoOcs > 0 ? { demo: { ocs: options.demoOcs, seed: options.demoSeed, now: Date.now() } } : {}),
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
