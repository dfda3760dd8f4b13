import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { electronBinary } from '../../build/electron-binary';
import { nativeBindingPath, NativeTarget } from '../../build/electron-native';

export const PROJECT_DIR = resolve(import.meta.dirname, '..', '..');

export type ElectronAvailability = { ok: true; binary: string; nativeBinding: string } | { ok: false; reason: string };

/**
 * Whether the Electron e2e tests can run here. When they cannot, every test is reported as skipped with this
 * reason — never as passed.
 */
export const electronAvailability = (): ElectronAvailability => {
  const binary = electronBinary(PROJECT_DIR);
  if (binary === null) return { ok: false, reason: 'no Electron binary (node node_modules/electron/install.js needs github.com)' };
  const target = NativeTarget.safeParse({ platform: process.platform, arch: process.arch });
  if (!target.success) return { ok: false, reason: `no Electron build for ${process.platform}-${process.arch}` };
  const nativeBinding = nativeBindingPath(PROJECT_DIR, target.data);
  if (!existsSync(nativeBinding)) return { ok: false, reason: 'no Electron-ABI better-sqlite3 (npm run native:electron)' };
  if (process.platform === 'linux' && process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    return { ok: false, reason: 'no display (run under xvfb-run)' };
  }
  return { ok: true, binary, nativeBinding };
};
