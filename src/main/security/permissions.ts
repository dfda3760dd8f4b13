import type { Session } from 'electron';
import { isAppUrl } from '../app-origin';

// Permission requests and checks are denied by default. The one exception is writing plain text to the
// clipboard from our own page (copying an OC number into a chat or e-mail); reading it is never allowed.
const ALLOWED_FOR_APP: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export const isPermissionAllowed = (permission: string, origin: string): boolean =>
  ALLOWED_FOR_APP.has(permission) && isAppUrl(origin);

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export const denyPermissionsByDefault = (session: PermissionSession): void => {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents?.getURL() ?? ''));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // USB, HID, serial and Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);
};
