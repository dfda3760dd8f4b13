import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/connection';
import { seedReplica } from '../../../src/core/seed/seed-replica';
import { REPLICA_FILE } from '../../../src/main/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';

// The main bundle as electron-vite builds it (ESM, dependencies external), started by plain Node with a fake
// `electron`: catches what unit tests of the sources cannot — bundle format, import.meta paths, externals.

const project = resolve(import.meta.dirname, '..', '..', '..');
// Inside the project so the bundle's bare imports (zod, better-sqlite3) resolve to node_modules.
const work = join(project, 'node_modules', '.cache', 'soe-war-room', `main-bundle-${process.pid}`);
const userData = mkdtempSync(join(tmpdir(), 'soe-main-bundle-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

const buildMain = async (): Promise<string> => {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
  const main = resolved.config?.main;
  if (main === undefined) throw new Error('electron.vite.config.ts has no main target');
  const outDir = join(work, 'out', 'main');
  await build({ ...main, logLevel: 'silent', build: { ...main.build, outDir, emptyOutDir: true } });
  mkdirSync(join(work, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(work, 'out', 'renderer', 'index.html'), '<!doctype html><title>War Room</title>');
  return join(outDir, 'index.js');
};

describe('built main process', () => {
  it('starts, serves app://, answers IPC from our origin only, and quits cleanly', async () => {
    const bundle = await buildMain();
    const db = openDatabase(join(userData, REPLICA_FILE));
    try {
      await seedReplica(db, { ocs: 20, seed: 5, now: Date.parse('2026-11-25T15:00:00Z') });
    } finally {
      db.close();
    }
    const hooks = join(project, 'tests', 'unit', 'main', 'bundle-hooks.mjs');
    const result = spawnSync(process.execPath, ['--import', hooks, bundle], {
      cwd: work,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, SOE_USER_DATA: userData },
    });
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(result.stderr).toBe('');
    expect(lines.find((l) => l.kind === 'error' || l.kind === 'error-box')).toBeUndefined();
    expect(lines.find((l) => l.kind === 'window')).toMatchObject({
      url: 'app://soe/index.html',
      webPreferences: { preload: join(work, 'out', 'preload', 'index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(lines.filter((l) => l.kind === 'ipc')).toEqual([
      { kind: 'ipc', method: 'session.login', ok: true, login: 'ana' },
      { kind: 'ipc', method: 'session.current', ok: false, code: 'IPC_FORBIDDEN_SENDER' },
    ]);
    expect(lines.find((l) => l.kind === 'protocol')).toEqual({ kind: 'protocol', status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(lines.at(-1)).toEqual({ kind: 'quit' });
    expect(result.status).toBe(0);
  });
});
