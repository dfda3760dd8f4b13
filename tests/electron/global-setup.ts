import { electronAvailability, PROJECT_DIR } from './availability';

/** Builds main, preload and renderer once for the run — only when the tests can run at all. */
export default async function globalSetup(): Promise<void> {
  if (!electronAvailability().ok) return;
  const { build } = await import('electron-vite');
  await build({ root: PROJECT_DIR, logLevel: 'warn' });
}
