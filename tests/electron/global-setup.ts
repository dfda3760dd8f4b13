import { PROJECT_DIR } from './availability';

/** Builds main, preload and renderer once for the run: both projects load the built bundles. */
export default async function globalSetup(): Promise<void> {
  const { build } = await import('electron-vite');
  await build({ root: PROJECT_DIR, logLevel: 'warn' });
}
