import type { Shell, WebContents } from 'electron';
import { BOARD_ROUTE, isAppUrl } from '../app-origin';
import { openExternalSafely } from './external-links';

// Every web contents the app creates stays on app://soe: navigation away is refused (an allowed link goes to
// the system browser instead), window.open never creates a window, and <webview> never attaches.

export interface GuardHooks {
  shell: Pick<Shell, 'openExternal'>;
  /** window.open('#/board') from the renderer asks for the board window; main opens its own, kiosk one. */
  openBoard(): void;
  log(message: string): void;
}

const isBoardRequest = (url: string): boolean => {
  if (!isAppUrl(url)) return false;
  const hash = new URL(url).hash;
  return hash === `#${BOARD_ROUTE}` || hash.startsWith(`#${BOARD_ROUTE}?`);
};

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export const guardWebContents = (contents: GuardedContents, hooks: GuardHooks): void => {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    if (!openExternalSafely(hooks.shell, url)) hooks.log(`navigation refused: ${url}`);
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    hooks.log('<webview> refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isBoardRequest(url)) hooks.openBoard();
    else if (!openExternalSafely(hooks.shell, url)) hooks.log(`new window refused: ${url}`);
    return { action: 'deny' };
  });
};
