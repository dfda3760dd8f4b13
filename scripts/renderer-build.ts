// Builds the renderer (out/renderer) when it is missing or older than its sources — for the browser shell and
// the Playwright suite. Only the renderer target of electron.vite.config.ts: the same bundle Electron loads.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RENDERER_DIR = resolve('out/renderer');
const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts'];

const newestMtime = (path: string): number => {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
};

export const rendererIsStale = (): boolean => {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((p) => existsSync(p) && newestMtime(p) > built);
};

export const ensureRendererBuilt = async (log: (line: string) => void = console.log): Promise<void> => {
  if (!rendererIsStale()) return;
  log('[shell] building the renderer…');
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer target');
  await build(renderer);
};
