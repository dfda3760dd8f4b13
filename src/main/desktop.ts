import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import { relayPresence } from '../core/sync/presence-relay';
import { DEMO_PASSWORD } from '../shared/demo/people';
import type { Clock } from '../shared/time';
import { REPLICA_FILE } from './app-origin';
import { appMenuTemplate } from './app-menu';
import { forwardCoreEvents, registerApiHandlers } from './ipc/api-handlers';
import { parseLaunchConfig, relaunchArgs, SecondInstanceData, type LaunchConfig } from './launch-config';
import { relaunchPlan } from './lifecycle/crash-recovery';
import { installGracefulShutdown } from './lifecycle/shutdown';
import { createMainLog } from './main-log';
import { langOf, t } from './messages';
import { registerAppScheme, serveAppProtocol } from './security/app-protocol';
import { denyPermissionsByDefault } from './security/permissions';
import { guardWebContents } from './security/web-contents-guards';
import { notifySlaAlerts } from './sla-notifier';
import { createSyncTray } from './sync-tray';
import { syncOption } from './sync-wiring';
import { createWindowSet, type WindowSet } from './windows/window-set';

// The desktop app's lifecycle, called once by the composition root (index.ts). Order matters: the app://
// scheme, the sandbox and the single-instance lock before 'ready'; security handlers before any window.

export const APP_ID = 'br.com.unosolucoes.soe-war-room';

export interface DesktopOptions {
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** Folder of the built main bundle (out/main): preload and renderer are its siblings. */
  mainDir: string;
  /** Electron's process.resourcesPath: the packaged app's native addon lives under it. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  clock: Clock;
  processEvents: Pick<NodeJS.Process, 'on'>;
}

export interface RunningDesktop {
  config: LaunchConfig;
  core: Core;
  windows: WindowSet;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const startDesktop = (options: DesktopOptions): Promise<RunningDesktop | null> => {
  const startedAt = options.clock.now();
  const parsed = parseLaunchConfig({ env: options.env, argv: options.argv, isPackaged: app.isPackaged });
  if (!parsed.ok) {
    dialog.showErrorBox(t('startFailed', langOf(app.getLocale())), parsed.message);
    app.exit(2);
    return Promise.resolve(null);
  }
  const config = parsed.config;
  if (config.userData !== null) app.setPath('userData', config.userData);
  const log = createMainLog(join(app.getPath('userData'), 'logs'), options.clock);
  registerAppScheme(protocol);
  app.enableSandbox();
  app.setAppUserModelId(APP_ID);
  // One app per user: a second launch (a desktop shortcut clicked twice, `--board` from the TV's autostart)
  // hands its wish to the first and exits, so two processes never write one replica.
  if (!app.requestSingleInstanceLock({ board: config.board })) {
    app.quit();
    return Promise.resolve(null);
  }

  let windows: WindowSet | null = null;
  let core: Core | null = null;
  app.on('second-instance', (_event, _argv, _cwd, data) => {
    if (windows === null) return;
    if (SecondInstanceData.parse(data).board) windows.openBoard();
    else windows.showAnalyst();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { shell, openBoard: () => windows?.openBoard(), log }));
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => windows?.showAnalyst());
  options.processEvents.on('uncaughtException', (error) => {
    log(`main process crashed: ${error.stack ?? messageOf(error)}`);
    try {
      core?.sla.stop();
      core?.db.close();
    } catch {
      // Closing is a courtesy: every acknowledged change is already durable in the WAL.
    }
    const plan = relaunchPlan(config.crashCount, options.clock.now() - startedAt);
    if (plan.relaunch) app.relaunch({ args: relaunchArgs(options.argv.slice(1), plan.crashCount) });
    else dialog.showErrorBox(t('startFailed', langOf(app.getLocale())), `${plan.reason}: ${messageOf(error)}`);
    app.exit(1);
  });

  const ready = async (): Promise<RunningDesktop | null> => {
    const lang = langOf(app.getLocale());
    denyPermissionsByDefault(session.defaultSession);
    serveAppProtocol(protocol, join(options.mainDir, '..', 'renderer'));
    const nativeBinding = app.isPackaged ? join(options.resourcesPath, 'native', 'better_sqlite3.node') : config.nativeBinding;
    try {
      core = createCore({
        dbPath: join(app.getPath('userData'), REPLICA_FILE),
        ...(nativeBinding === null ? {} : { nativeBinding }),
        clock: options.clock,
        ...syncOption(config.serverUrl, options.clock, log),
        onInternalError: (method, error) => log(`core ${method}: ${messageOf(error)}`),
      });
    } catch (error) {
      log(`cannot open the replica: ${messageOf(error)}`);
      dialog.showErrorBox(t('startFailed', lang), messageOf(error));
      app.exit(1);
      return null;
    }
    const running = core;
    running.start();
    const stopPresence = relayPresence(running);
    const unregisterApi = registerApiHandlers(ipcMain, running.api, log);
    const stopEvents = forwardCoreEvents(running.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    if (config.demoLogin !== null) {
      const login = await running.api.invoke('session.login', { login: config.demoLogin, password: DEMO_PASSWORD });
      log(login.ok ? `demo: logged in as ${config.demoLogin}` : `demo: login as ${config.demoLogin} failed: ${login.error.message.en}`);
    }
    const openWindows = createWindowSet({
      preloadPath: join(options.mainDir, '..', 'preload', 'index.cjs'),
      iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
      clock: options.clock,
      log,
    });
    windows = openWindows;
    const actions = { openWarRoom: () => openWindows.showAnalyst(), openBoard: () => openWindows.openBoard() };
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ lang, isPackaged: app.isPackaged, isMac: options.platform === 'darwin', actions })));
    const tray = createSyncTray(
      { iconDir: join(app.getAppPath(), 'resources', 'tray'), lang, timeZone: running.deps.timeZone, ...actions, quit: () => app.quit() },
      running.deps.sync.state(),
    );
    const stopTray = running.events.on('sync.state', (state) => tray.show(state));
    // A laptop that slept past an SLA instant must alert at once on waking, not when the old timer fires.
    const onResume = (): void => running.sla.reevaluate('resume');
    powerMonitor.on('resume', onResume);
    const stopNotifier = notifySlaAlerts({ events: running.events, api: running.api, lang, onClick: (alert) => openWindows.showOc(alert.ocId), log });
    installGracefulShutdown({
      app,
      signals: options.processEvents,
      log,
      stop: async () => {
        powerMonitor.removeListener('resume', onResume);
        stopNotifier();
        stopTray();
        stopEvents();
        unregisterApi();
        tray.destroy();
        stopPresence();
        await running.stop();
      },
    });
    if (config.board) {
      // A TV with no one logged in still needs someone to log in once: then the analyst window opens too.
      const current = await running.api.invoke('session.current', {});
      openWindows.openBoard();
      if (!current.ok || current.value === null) openWindows.showAnalyst();
    } else {
      openWindows.showAnalyst();
    }
    log(`started (${config.serverUrl === null ? 'local only' : `server ${config.serverUrl}`}), replica in ${app.getPath('userData')}`);
    return { config, core: running, windows: openWindows };
  };

  return app.whenReady().then(ready).catch((error: unknown) => {
    log(`start failed: ${messageOf(error)}`);
    dialog.showErrorBox(t('startFailed', langOf(app.getLocale())), messageOf(error));
    app.exit(1);
    return null;
  });
};
