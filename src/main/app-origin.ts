// The renderer is served from a custom origin rather than file://, so the sender check, the CSP and the
// navigation guards have one exact origin to compare against (Electron security checklist, ARCHITECTURE.md 9).

export const APP_SCHEME = 'app';
export const APP_HOST = 'soe';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer entry at a hash route ('' = the analyst's home, '/board' = the wall-mounted SLA board). */
export const appUrl = (route = ''): string => `${APP_ORIGIN}/index.html${route === '' ? '' : `#${route}`}`;

export const BOARD_ROUTE = '/board';

/** True for a URL of our own origin; anything unparsable is foreign. */
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};

/** The replica's file name inside Electron's userData folder (scripts/start.ts seeds the same file). */
export const REPLICA_FILE = 'soe-replica.db';
