import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src/core/db/connection';
import { seedReplica } from '../../../src/core/seed/seed-replica';
import { startDesktop, type RunningDesktop } from '../../../src/main/desktop';
import { REPLICA_FILE } from '../../../src/main/app-origin';
import { OPEN_BOARD_MENU_ID } from '../../../src/main/app-menu';
import { METHOD_NAMES } from '../../../src/shared/api/contract';
import { apiChannel, EVENT_CHANNEL } from '../../../src/shared/ipc/bridge';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';
import { app, BrowserWindow, dialog, fakeEvent, FakeEmitter, ipcMain, Menu, Notification, powerMonitor, powerSaveBlocker, protocol, resetFakeElectron, screen, session, Tray } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// The whole main process against the fake Electron and a real core on a seeded replica in a temp folder.

const NOW = Date.parse('2026-11-25T15:00:00Z');
let dir: string;
let userData: string;
let processEvents: FakeEmitter;
let running: RunningDesktop | null;

const seed = async (): Promise<void> => {
  const db = openDatabase(join(userData, REPLICA_FILE));
  try {
    await seedReplica(db, { ocs: 40, seed: 3, now: NOW });
  } finally {
    db.close();
  }
};

const start = async (env: Record<string, string> = {}, argv: string[] = ['electron', '.']): Promise<RunningDesktop | null> => {
  running = await startDesktop({
    env: { SOE_USER_DATA: userData, ...env },
    argv,
    mainDir: join(dir, 'out', 'main'),
    resourcesPath: join(dir, 'resources'),
    platform: 'linux',
    clock: { now: () => NOW },
    processEvents: processEvents as never,
  });
  return running;
};

const APP_FRAME = { url: 'app://soe/index.html', parent: null };
const call = (method: string, args: unknown = {}, frame: { url: string; parent: null } | null = APP_FRAME) =>
  ipcMain.call(apiChannel(method as never), frame, args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  dir = mkdtempSync(join(tmpdir(), 'soe-main-'));
  userData = join(dir, 'user-data');
  mkdirSync(userData);
  mkdirSync(join(dir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>War Room</title>');
  app.paths.set('userData', join(dir, 'default-user-data'));
  processEvents = new FakeEmitter();
  running = null;
});

afterEach(async () => {
  if (running !== null && running.core.db.open) await running.core.stop();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('locks down before ready: userData, app:// scheme, sandbox, single-instance lock', async () => {
    expect(await start()).not.toBeNull();
    const order = ['setPath:userData', 'registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'whenReady'];
    expect(app.calls.filter((c) => order.includes(c))).toEqual(order);
    expect(app.getPath('userData')).toBe(userData);
    expect(session.defaultSession.requestHandler).not.toBeNull();
    expect(session.defaultSession.checkHandler).not.toBeNull();
  });

  it('opens the analyst window from app:// with the secure preferences', async () => {
    await start();
    expect(BrowserWindow.created).toHaveLength(1);
    const window = BrowserWindow.created[0]!;
    expect(window.loadedUrls).toEqual(['app://soe/index.html']);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(window.options.webPreferences?.preload).toBe(join(dir, 'out', 'preload', 'index.cjs'));
    // Guards were installed on it through 'web-contents-created'.
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(window.webContents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('serves the renderer folder next to main with the CSP header', async () => {
    await start();
    const handler = protocol.handlers.get('app');
    const response = await handler!({ url: 'app://soe/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler!({ url: 'app://soe/../user-data/soe-replica.db', method: 'GET' })).status).toBe(400);
  });

  it('keeps the replica in userData', async () => {
    const desktop = await start();
    expect(desktop!.core.db.name).toBe(join(userData, REPLICA_FILE));
  });

  it('a second launch hands over and quits without touching the replica', async () => {
    app.lockGranted = false;
    expect(await start()).toBeNull();
    expect(app.quitCount).toBe(1);
    expect(BrowserWindow.created).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('refuses a malformed environment with a clear message', async () => {
    expect(await start({ SOE_SERVER_URL: 'ftp://x' })).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('SOE_SERVER_URL'));
    expect(app.exitCode).toBe(2);
  });

  it('a packaged app loads SQLite only from its own resources, whatever the environment says', async () => {
    app.isPackaged = true;
    expect(await start({ SOE_NATIVE_BINDING: join(dir, 'evil.node') })).toBeNull();
    const message = dialog.showErrorBox.mock.calls[0]?.[1] ?? '';
    expect(message).toContain(join(dir, 'resources', 'native', 'better_sqlite3.node'));
    expect(message).not.toContain('evil');
  });

  it('says why when the replica cannot be opened', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    userData = file;
    expect(await start()).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(app.exitCode).toBe(1);
  });
});

describe('IPC to the real core', () => {
  it('registers the contract and answers our page', async () => {
    await seed();
    await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(apiChannel).sort());
    const login = await call('session.login', { login: 'ana', password: 'demo' });
    expect(login).toMatchObject({ ok: true, value: { analyst: { login: 'ana' } } });
    expect(await call('queue.mine')).toMatchObject({ ok: true });
  });

  it('another origin never reaches the core', async () => {
    await seed();
    const desktop = await start();
    const invoke = vi.spyOn(desktop!.core.api, 'invoke');
    const result = await call('session.login', { login: 'ana', password: 'demo' }, { url: 'https://evil.example/', parent: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(invoke).not.toHaveBeenCalled();
    expect((await call('session.current')).value).toBeNull();
  });

  it('forwards core events to the windows', async () => {
    const desktop = await start();
    desktop!.core.events.emit('data.changed', { tables: ['ocorrencia'], ocIds: [] });
    expect(BrowserWindow.created[0]!.webContents.sent).toEqual([[EVENT_CHANNEL, 'data.changed', { tables: ['ocorrencia'], ocIds: [] }]]);
  });

  it('logs the demo analyst in once when asked to', async () => {
    await seed();
    await start({ SOE_DEMO_LOGIN: 'beatriz' });
    expect(await call('session.current')).toMatchObject({ ok: true, value: { analyst: { login: 'beatriz', role: 'lead' } } });
  });
});

describe('board window', () => {
  const tv = { id: 9, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

  it('opens kiosk on the second display from the menu, keeping the display awake', async () => {
    screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, tv];
    await start();
    Menu.getApplicationMenu()!.getMenuItemById(OPEN_BOARD_MENU_ID)!.click!();
    expect(BrowserWindow.created).toHaveLength(2);
    const board = BrowserWindow.created[1]!;
    expect(board.options).toMatchObject({ ...tv.bounds, kiosk: true, fullscreen: true });
    expect(board.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(board.loadedUrls).toEqual(['app://soe/index.html#/board']);
    expect(powerSaveBlocker.active.size).toBe(1);
    // Asking again focuses the same window.
    Menu.getApplicationMenu()!.getMenuItemById(OPEN_BOARD_MENU_ID)!.click!();
    expect(BrowserWindow.created).toHaveLength(2);
    board.close();
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it("opens when the renderer asks with window.open('#/board')", async () => {
    await start();
    const analyst = BrowserWindow.created[0]!;
    expect(analyst.webContents.windowOpenHandler!({ url: 'app://soe/index.html#/board' })).toEqual({ action: 'deny' });
    expect(BrowserWindow.created[1]!.loadedUrls).toEqual(['app://soe/index.html#/board']);
  });

  it('--board opens it at start; the analyst window too while nobody is logged in', async () => {
    await seed();
    await start({}, ['electron', '.', '--board']);
    expect(BrowserWindow.created.map((w) => w.loadedUrls[0])).toEqual(['app://soe/index.html#/board', 'app://soe/index.html']);
  });

  it('--board with a session opens only the board', async () => {
    await seed();
    await start({ SOE_DEMO_LOGIN: 'beatriz' }, ['electron', '.', '--board']);
    expect(BrowserWindow.created.map((w) => w.loadedUrls[0])).toEqual(['app://soe/index.html#/board']);
  });

  it('a second launch with --board opens the board in the first instance', async () => {
    await start();
    app.emit('second-instance', fakeEvent(), ['electron', '.', '--board'], '/', { board: true });
    expect(BrowserWindow.created.map((w) => w.loadedUrls[0])).toEqual(['app://soe/index.html', 'app://soe/index.html#/board']);
    app.emit('second-instance', fakeEvent(), ['electron', '.'], '/', { board: false });
    expect(BrowserWindow.created).toHaveLength(2);
    expect(BrowserWindow.created[0]!.focused).toBe(true);
  });
});

describe('notifications', () => {
  const alert = (assigneeId: string | null, id = 'a1', threshold = 90) => ({
    id, ocId: 'oc-1', displayNumber: 'OC-2026-000123', clock: 'resolution' as const, threshold, at: NOW, assigneeId, subject: 'NF-e rejeitada',
  });

  it("notify only the logged-in analyst's SLA warnings and breaches, once each", async () => {
    await seed();
    const desktop = await start();
    const events = desktop!.core.events;
    events.emit('sla.alert', alert('someone'));
    const login = await call('session.login', { login: 'ana', password: 'demo' });
    const anaId = (login.value as { analyst: { id: string } }).analyst.id;
    events.emit('sla.alert', alert('someone-else', 'a2'));
    events.emit('sla.alert', alert(null, 'a3'));
    events.emit('sla.alert', alert(anaId, 'a4', 90));
    events.emit('sla.alert', alert(anaId, 'a4', 90));
    events.emit('sla.alert', alert(anaId, 'a5', 100));
    await vi.waitFor(() => expect(Notification.shown).toHaveLength(2));
    expect(Notification.shown[0]!.options).toEqual({ title: 'SLA em 90% (solução) — OC-2026-000123', body: 'NF-e rejeitada', urgency: 'normal' });
    expect(Notification.shown[1]!.options).toMatchObject({ title: 'SLA estourado (solução) — OC-2026-000123', urgency: 'critical' });
    BrowserWindow.created[0]!.focused = false;
    Notification.shown[1]!.emit('click');
    expect(BrowserWindow.created[0]!.focused).toBe(true);
    expect(BrowserWindow.created[0]!.loadedUrls.at(-1)).toBe('app://soe/index.html#/oc/oc-1');
  });
});

describe('SLA timers', () => {
  it('re-evaluate when the machine wakes up', async () => {
    const desktop = await start();
    const reevaluate = vi.spyOn(desktop!.core.sla, 'reevaluate');
    powerMonitor.emit('resume');
    expect(reevaluate).toHaveBeenCalledWith('resume');
    app.quit();
    await vi.waitFor(() => expect(desktop!.core.db.open).toBe(false));
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});

describe('tray', () => {
  it('shows the sync state with an icon per state', async () => {
    const desktop = await start();
    const tray = Tray.created[0]!;
    expect(tray.image.path).toBe(join('/fake/app', 'resources', 'tray', 'sync-local-only.png'));
    expect(tray.tooltip).toBe('S.O.E. War Room — Somente local (sem servidor)');
    desktop!.core.events.emit('sync.state', {
      status: 'offline', offlineSince: Date.parse('2026-11-25T13:42:00Z'), pending: 3, lastSyncAt: null, serverUrl: 'http://x', clockOffsetMs: 0, problem: null,
    });
    expect(tray.image.path).toMatch(/sync-offline\.png$/);
    expect(tray.tooltip).toBe('S.O.E. War Room — Offline desde 10:42 — 3 pendente(s)');
    expect(tray.menu!.getMenuItemById('sync-status')!.label).toBe('Offline desde 10:42 — 3 pendente(s)');
  });
});

describe('shutdown and crashes', () => {
  it('quitting stops the core (outbox flushed, replica closed) before the process goes', async () => {
    const desktop = await start();
    const stop = vi.spyOn(desktop!.core, 'stop');
    app.quit();
    expect(stop).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quitCount).toBe(2));
    expect(desktop!.core.db.open).toBe(false);
    expect(ipcMain.handlers.size).toBe(0);
    expect(Tray.created[0]!.destroyed).toBe(true);
  });

  it('SIGTERM quits gracefully', async () => {
    const desktop = await start();
    processEvents.emit('SIGTERM');
    await vi.waitFor(() => expect(desktop!.core.db.open).toBe(false));
  });

  it('a crash of main relaunches the app with the crash counted, after closing the replica', async () => {
    const desktop = await start({}, ['electron', '.', '--board']);
    processEvents.emit('uncaughtException', new Error('boom'));
    expect(desktop!.core.db.open).toBe(false);
    expect(app.relaunch).toHaveBeenCalledWith({ args: ['.', '--board', '--soe-crash-count=1'] });
    expect(app.exitCode).toBe(1);
  });

  it('a crash loop stops relaunching and says why', async () => {
    await start({}, ['electron', '.', '--soe-crash-count=3']);
    processEvents.emit('uncaughtException', new Error('boom'));
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('boom'));
    expect(app.exitCode).toBe(1);
  });

  it('a crashed renderer is reloaded, a bounded number of times', async () => {
    await start();
    const window = BrowserWindow.created[0]!;
    for (let i = 0; i < 5; i += 1) window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(window.loadedUrls).toHaveLength(4); // the first load + 3 reloads within the minute
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(window.loadedUrls).toHaveLength(4);
  });
});
