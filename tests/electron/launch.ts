import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/db/connection';
import { seedReplica } from '../../src/core/seed/seed-replica';
import { REPLICA_FILE } from '../../src/main/app-origin';
import { PROJECT_DIR, type ElectronAvailability } from './availability';

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  userData: string;
  close(): Promise<void>;
}

/** The desktop app on its own seeded data folder (one per test, like Actual Budget's e2e). */
export const launchApp = async (availability: Extract<ElectronAvailability, { ok: true }>, options: { args?: string[]; env?: Record<string, string> } = {}): Promise<LaunchedApp> => {
  const userData = mkdtempSync(join(tmpdir(), 'soe-electron-e2e-'));
  const db = openDatabase(join(userData, REPLICA_FILE));
  try {
    await seedReplica(db, { ocs: 300, seed: 7, now: Date.now() });
  } finally {
    db.close();
  }
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: availability.binary,
    args: ['.', ...rootArgs, ...(options.args ?? [])],
    cwd: PROJECT_DIR,
    env: { ...process.env, SOE_USER_DATA: userData, SOE_NATIVE_BINDING: availability.nativeBinding, ...options.env } as Record<string, string>,
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    userData,
    close: async () => {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
};
