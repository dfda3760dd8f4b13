import { createApiClient, type ApiClient } from './client';
import { electronBridge, electronTransport } from './electron-transport';
import { shellSocketUrl, webSocketTransport } from './ws-transport';

const TOKEN_KEY = 'soe.shellToken';

/**
 * The browser shell hands the token in the URL fragment (#token=…). It is moved to sessionStorage at once and
 * removed from the address bar, so a reload keeps working and the token is not left in history or screenshots.
 */
export const takeShellToken = (location: Location, history: History, storage: Storage): string | null => {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,200})/.exec(location.hash);
  if (match?.[1] !== undefined) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
};

export type Connection = { kind: 'electron' | 'shell'; client: ApiClient } | { kind: 'no_token' };

/** Electron when the preload bridge is there, the browser shell's socket otherwise. */
export const connect = (): Connection => {
  const bridge = electronBridge();
  if (bridge !== undefined) return { kind: 'electron', client: createApiClient(electronTransport(bridge)) };
  const token = takeShellToken(window.location, window.history, window.sessionStorage);
  if (token === null) return { kind: 'no_token' };
  return { kind: 'shell', client: createApiClient(webSocketTransport({ url: shellSocketUrl(window.location), token })) };
};
