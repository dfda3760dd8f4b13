import { BrowserWindow, powerSaveBlocker, screen } from 'electron';
import type { Clock } from '../../shared/time';
import { appUrl, BOARD_ROUTE } from '../app-origin';
import { isRendererCrash, rendererRestartBudget } from '../lifecycle/crash-recovery';
import { secureWebPreferences } from '../security/web-preferences';
import { pickBoardDisplay } from './board-display';

// The app's two windows: the analyst's (one) and the wall-mounted SLA board (one, kiosk). Both load the same
// renderer from app://soe with the same locked-down preferences; the board differs only in route and chrome.

export interface WindowSetOptions {
  preloadPath: string;
  iconPath: string;
  clock: Clock;
  log: (message: string) => void;
}

export interface WindowSet {
  /** Shows the analyst window, creating it when needed. */
  showAnalyst(): BrowserWindow;
  /** Shows the board window on the second display, creating it when needed. */
  openBoard(): BrowserWindow;
  /** Brings the analyst window forward on an OC (a notification was clicked). */
  showOc(ocId: string): BrowserWindow;
  analyst(): BrowserWindow | null;
  board(): BrowserWindow | null;
}

const alive = (window: BrowserWindow | null): window is BrowserWindow => window !== null && !window.isDestroyed();

export const createWindowSet = (options: WindowSetOptions): WindowSet => {
  let analyst: BrowserWindow | null = null;
  let board: BrowserWindow | null = null;

  const reloadAfterCrash = (window: BrowserWindow, url: string, name: string): void => {
    const mayRestart = rendererRestartBudget(options.clock);
    window.webContents.on('render-process-gone', (_event, details) => {
      if (!isRendererCrash(details.reason) || window.isDestroyed()) return;
      if (mayRestart()) {
        options.log(`${name} window renderer gone (${details.reason}); reloading`);
        void window.loadURL(url);
      } else {
        options.log(`${name} window renderer keeps crashing (${details.reason}); not reloading again`);
      }
    });
  };

  const focus = (window: BrowserWindow): BrowserWindow => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };

  const showAnalyst = (): BrowserWindow => {
    if (alive(analyst)) return focus(analyst);
    const window = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'S.O.E. War Room',
      icon: options.iconPath,
      backgroundColor: '#0f172a',
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    analyst = window;
    const url = appUrl();
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (analyst === window) analyst = null;
    });
    reloadAfterCrash(window, url, 'analyst');
    void window.loadURL(url);
    return window;
  };

  const openBoard = (): BrowserWindow => {
    if (alive(board)) return focus(board);
    const bounds = pickBoardDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay());
    const window = new BrowserWindow({
      ...bounds,
      show: false,
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      title: 'S.O.E. War Room — Painel SLA',
      icon: options.iconPath,
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    board = window;
    // A wall display that dims or sleeps is not a board (SPEC §5: readable from 5 m, no interaction needed).
    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    const url = appUrl(BOARD_ROUTE);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
      if (board === window) board = null;
    });
    reloadAfterCrash(window, url, 'board');
    void window.loadURL(url);
    return window;
  };

  // A fragment-only change of the loaded URL is a same-document navigation: the renderer's hash router
  // switches screens without a reload.
  const showOc = (ocId: string): BrowserWindow => {
    const window = showAnalyst();
    void window.loadURL(appUrl(`/oc/${encodeURIComponent(ocId)}`));
    return window;
  };

  return {
    showAnalyst,
    openBoard,
    showOc,
    analyst: () => (alive(analyst) ? analyst : null),
    board: () => (alive(board) ? board : null),
  };
};
