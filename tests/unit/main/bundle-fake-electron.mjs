// A minimal `electron` for running the built main bundle (out/main/index.js) under plain Node: it plays one
// short session — ready, the analyst window, an IPC login, an app:// request, quit — and prints what happened
// as JSON lines for main-bundle.test.ts. Loaded through bundle-hooks.mjs.
import { EventEmitter } from 'node:events';

const report = (kind, data) => process.stdout.write(`${JSON.stringify({ kind, ...data })}\n`);
const handlers = new Map();
const paths = new Map();

class FakeApp extends EventEmitter {
  isPackaged = false;
  getPath(name) {
    const path = paths.get(name);
    if (path === undefined) throw new Error(`no path ${name}`);
    return path;
  }
  setPath(name, value) {
    paths.set(name, value);
  }
  getLocale() {
    return 'pt-BR';
  }
  getAppPath() {
    return process.cwd();
  }
  enableSandbox() {
    report('sandbox', {});
  }
  setAppUserModelId() {}
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) {
      report('quit', {});
      process.exit(0);
    }
  }
  exit(code) {
    report('exit', { code });
    process.exit(code);
  }
  relaunch() {}
}
export const app = new FakeApp();

const playSession = async () => {
  const frame = { url: 'app://soe/index.html', parent: null };
  const login = await handlers.get('soe:api:session.login')({ senderFrame: frame }, { login: 'ana', password: 'demo' });
  report('ipc', { method: 'session.login', ok: login.ok, login: login.ok ? login.value.analyst.login : login.error.code });
  const foreign = await handlers.get('soe:api:session.current')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
  report('ipc', { method: 'session.current', ok: foreign.ok, code: foreign.ok ? null : foreign.error.code });
  const response = await protocol.handler({ url: 'app://soe/index.html', method: 'GET' });
  report('protocol', { status: response.status, csp: response.headers.get('content-security-policy') });
  app.quit();
};

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler() {},
      send() {},
      isDestroyed: () => false,
      getURL: () => this.url ?? '',
    });
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.url = url;
    report('window', { url, webPreferences: this.options.webPreferences });
    if (BrowserWindow.all.length === 1) setTimeout(() => void playSession().catch((error) => report('error', { message: String(error) })), 0);
    return Promise.resolve();
  }
  once(event, listener) {
    return super.once(event, listener);
  }
  isDestroyed() {
    return false;
  }
}

export const ipcMain = {
  handle: (channel, handler) => handlers.set(channel, handler),
  removeHandler: (channel) => handlers.delete(channel),
};
export const protocol = {
  handler: null,
  registerSchemesAsPrivileged: (schemes) => report('schemes', { schemes }),
  handle(scheme, handler) {
    this.handler = handler;
  },
};
export const session = {
  defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} },
};
export const shell = { openExternal: async () => undefined };
export const dialog = { showErrorBox: (title, content) => report('error-box', { title, content }) };
export const Menu = { buildFromTemplate: (items) => ({ items }), setApplicationMenu() {} };
export const nativeImage = { createFromPath: (path) => ({ path }) };
export class Tray extends EventEmitter {
  setImage() {}
  setToolTip() {}
  setContextMenu() {}
  destroy() {}
}
export class Notification extends EventEmitter {
  static isSupported() {
    return false;
  }
}
export const screen = { getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }], getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }) };
export const powerSaveBlocker = { start: () => 1, isStarted: () => false, stop() {} };
export const powerMonitor = new EventEmitter();
export default { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, Menu, nativeImage, Tray, Notification, screen, powerSaveBlocker, powerMonitor };
