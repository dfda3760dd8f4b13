import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORST_CASE_NOW, WORST_CASE_TEXT } from '../../../src/shared/demo/worst-case';
import { startBackend, type Backend } from '../../../src/shell/backend';
import { ShellOptions } from '../../../src/shell/options';

// `--now` and `--fixture worst-case` of the browser shell: the replica is seeded as of that instant and the
// app's clock runs from it — the core's, and the windows' through the sync state's clock offset.

let backend: Backend | null = null;
let dir = '';
afterEach(async () => {
  await backend?.stop();
  backend = null;
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const start = async (input: Partial<ShellOptions>): Promise<Backend> => {
  dir = mkdtempSync(join(tmpdir(), 'soe-backend-now-'));
  backend = await startBackend(ShellOptions.parse({ dataDir: dir, rendererDir: dir, local: true, demoOcs: 300, simulate: false, ...input }));
  return backend;
};

const newestOc = (b: Backend): number => (b.core.db.prepare('SELECT MAX(created_at) AS t FROM ocorrencia').get() as { t: number }).t;

describe('browser shell as of another instant', () => {
  it('runs a local replica from --now: seeded for it, the core clock and the windows\' offset shifted to it', async () => {
    const now = Date.parse('2026-03-04T22:00:00-03:00');
    const b = await start({ now });
    expect(Math.abs(b.core.deps.clock.now() - now)).toBeLessThan(60_000);
    expect(Math.abs(b.core.deps.sync.state().clockOffsetMs - (now - Date.now()))).toBeLessThan(60_000);
    expect(newestOc(b)).toBeLessThanOrEqual(now);
    expect(newestOc(b)).toBeGreaterThan(now - 4 * 3_600_000);
  }, 60_000);

  it('seeds the worst-case fixture as of its night unless told otherwise', async () => {
    const b = await start({ fixture: 'worst-case' });
    expect(Math.abs(b.core.deps.clock.now() - WORST_CASE_NOW)).toBeLessThan(60_000);
    const names = (b.core.db.prepare('SELECT name FROM customer').all() as { name: string }[]).map((r) => r.name);
    expect(names).toContain(WORST_CASE_TEXT.longestCustomer);
  }, 60_000);

  it('keeps the real time without either', async () => {
    const b = await start({});
    expect(Math.abs(b.core.deps.clock.now() - Date.now())).toBeLessThan(1_000);
    expect(b.core.deps.sync.state().clockOffsetMs).toBe(0);
  }, 60_000);

  it('refuses a "now" of its own with a remote server', async () => {
    dir = mkdtempSync(join(tmpdir(), 'soe-backend-now-'));
    await expect(startBackend(ShellOptions.parse({ dataDir: dir, rendererDir: dir, serverUrl: 'http://127.0.0.1:9', now: WORST_CASE_NOW }))).rejects.toThrow(/remote server/);
  });
});
