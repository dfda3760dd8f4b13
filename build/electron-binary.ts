// Where the Electron binary is, and one bounded attempt to download it. `npm install` here does not run
// electron's postinstall (package.json "allowScripts"), so scripts/start.ts and the Electron e2e tests ask.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable installed in node_modules, or null when it has not been downloaded. */
export const electronBinary = (projectDir: string): string | null => {
  const electronDir = join(projectDir, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  const binary = join(dist, relative);
  return relative !== '' && existsSync(binary) ? binary : null;
};

export type InstallOutcome = { ok: true; binary: string } | { ok: false; reason: string };

/** Runs electron's own installer (node_modules/electron/install.js) once, for at most `timeoutMs`. */
export const installElectronBinary = (projectDir: string, timeoutMs = 90_000): InstallOutcome => {
  const installer = join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (npm install)' };
  const result = spawnSync(process.execPath, [installer], { cwd: join(projectDir, 'node_modules', 'electron'), encoding: 'utf8', timeout: timeoutMs });
  const binary = electronBinary(projectDir);
  if (binary !== null) return { ok: true, binary };
  if (result.error !== undefined) return { ok: false, reason: result.error.message.includes('ETIMEDOUT') ? `download timed out after ${timeoutMs / 1000} s` : result.error.message };
  const firstLine = `${result.stderr}`.split('\n').map((line) => line.trim()).find(Boolean);
  return { ok: false, reason: firstLine ?? `installer exited with ${result.status}` };
};
