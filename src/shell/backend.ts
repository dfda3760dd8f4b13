import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import { seedReplica } from '../core/seed/seed-replica';
import type { ShellOptions } from './options';

export interface Backend {
  core: Core;
  /** One line for the console: where the data lives and what it syncs with. */
  describe: string;
  stop(): Promise<void>;
}

const isEmpty = (core: Core): boolean => (core.db.prepare('SELECT COUNT(*) AS n FROM ocorrencia').get() as { n: number }).n === 0;

/**
 * The shell's wiring, in one place: which core, on which replica, synced with what. Today the core runs
 * local-only on a seeded replica; the embedded server, its sync port and the demo traffic plug in here.
 */
export const startBackend = async (options: ShellOptions): Promise<Backend> => {
  mkdirSync(options.dataDir, { recursive: true });
  const replica = join(options.dataDir, 'replica.db');
  const core = createCore({
    dbPath: replica,
    onInternalError: (method, error) => console.error(`[core] ${method}:`, error),
  });
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
  return {
    core,
    describe: `local replica ${replica} (local only: no server configured)`,
    stop: () => core.stop(),
  };
};
