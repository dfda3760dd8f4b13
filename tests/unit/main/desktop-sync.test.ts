import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDesktop } from '../../../src/main/desktop';
import { startServer, type RunningServer } from '../../../src/server/app';
import { systemClock } from '../../../src/shared/time';
import { apiChannel } from '../../../src/shared/ipc/bridge';
import { app, FakeEmitter, ipcMain, resetFakeElectron, Tray } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// main with a server URL: the real sync client against the real embedded server (PGlite), as `npm start` runs it.

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soe-main-sync-'));
  server = await startServer({ dataDir: join(dir, 'server'), logLevel: false, demo: { ocs: 30, seed: 4, now: systemClock.now() }, jobs: { autoClose: false, mail: false } });
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('main synced with a server', () => {
  it('logs the demo lead in through the server, pulls the data and shows online in the tray', async () => {
    resetFakeElectron();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    mkdirSync(join(dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html>');
    app.paths.set('userData', join(dir, 'default'));
    const desktop = await startDesktop({
      env: { SOE_USER_DATA: join(dir, 'user-data'), SOE_SERVER_URL: server.url, SOE_DEMO_LOGIN: 'beatriz' },
      argv: ['electron', '.'],
      mainDir: join(dir, 'out', 'main'),
      resourcesPath: join(dir, 'resources'),
      platform: 'linux',
      clock: systemClock,
      processEvents: new FakeEmitter() as never,
    });
    expect(desktop).not.toBeNull();
    const call = (method: string, args: unknown = {}) =>
      ipcMain.call(apiChannel(method as never), { url: 'app://soe/index.html', parent: null }, args) as Promise<{ ok: boolean; value: unknown }>;
    expect(await call('session.current')).toMatchObject({ ok: true, value: { analyst: { login: 'beatriz' }, source: 'server' } });
    await vi.waitFor(async () => {
      const rows = await call('queue.list', { openOnly: false });
      expect((rows.value as unknown[]).length).toBe(30);
    }, { timeout: 20_000, interval: 200 });
    await vi.waitFor(() => expect(Tray.created[0]!.tooltip).toMatch(/Online/), { timeout: 10_000 });
    app.quit();
    await vi.waitFor(() => expect(desktop!.core.db.open).toBe(false), { timeout: 15_000 });
  }, 60_000);
});
