// A hand-written stand-in for the `electron` module (the binary cannot be had on every machine), used with
// vi.mock('electron', () => import('./fake-electron')). It records what main and the preload do and lets a test
// play Electron's part: fire events, call IPC handlers with a chosen sender, resolve 'ready'.
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.removeListener(event, wrapper);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(event) ?? [];
    for (const listener of list) (listener as (...a: unknown[]) => unknown)(...args);
    return list.length > 0;
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }

  resetListeners(): void {
    this.listeners.clear();
  }
}

/** An Electron-style event whose default can be prevented. */
export const fakeEvent = <T extends object>(extra: T = {} as T) => {
  const event = { defaultPrevented: false, preventDefault: () => { event.defaultPrevented = true; }, ...extra };
  return event;
};

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends FakeEmitter {
  url = '';
  destroyed = false;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame: FakeFrame;

  constructor(readonly webPreferences: Record<string, unknown> | undefined) {
    super();
    this.mainFrame = { url: '', parent: null };
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  getLastWebPreferences(): Record<string, unknown> | undefined {
    return this.webPreferences;
  }
}

export class BrowserWindow extends FakeEmitter {
  static created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }

  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  destroyed = false;
  minimized = false;
  visible = false;
  focused = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.webContents = new FakeWebContents(options.webPreferences);
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  locale = 'pt-BR';
  appPath = '/fake/app';
  lockGranted = true;
  readonly paths = new Map<string, string>();
  readonly calls: string[] = [];
  quitCount = 0;
  exitCode: number | null = null;
  readonly enableSandbox = vi.fn(() => void this.calls.push('enableSandbox'));
  readonly setAppUserModelId = vi.fn();
  readonly relaunch = vi.fn();
  readonly requestSingleInstanceLock = vi.fn((_data?: unknown) => {
    this.calls.push('requestSingleInstanceLock');
    return this.lockGranted;
  });
  readonly exit = vi.fn((code?: number) => {
    this.exitCode = code ?? 0;
  });

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`fake app: no path for ${name}`);
    return path;
  }

  setPath(name: string, value: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths.set(name, value);
  }

  getLocale(): string {
    return this.locale;
  }

  getAppPath(): string {
    return this.appPath;
  }

  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    return Promise.resolve();
  }

  /** Like Electron: 'before-quit' may prevent the quit. */
  quit(): void {
    this.quitCount += 1;
    this.emit('before-quit', fakeEvent());
  }

  reset(): void {
    this.resetListeners();
    this.isPackaged = false;
    this.locale = 'pt-BR';
    this.appPath = '/fake/app';
    this.lockGranted = true;
    this.paths.clear();
    this.calls.length = 0;
    this.quitCount = 0;
    this.exitCode = null;
    for (const fn of [this.enableSandbox, this.setAppUserModelId, this.relaunch, this.requestSingleInstanceLock, this.exit]) fn.mockClear();
  }
}

export const app = new FakeApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Plays the renderer: calls the handler of `channel` as if sent from `frame`. */
  async call(channel: string, frame: FakeFrame | null, args: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, sender: {} }, args);
  },
};

export const ipcRenderer = Object.assign(new FakeEmitter(), {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
});

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, value: unknown): void {
    this.exposed[key] = value;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    app.calls.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string) => boolean;

export const session = {
  defaultSession: {
    requestHandler: null as PermissionRequestHandler | null,
    checkHandler: null as PermissionCheckHandler | null,
    deviceHandler: null as (() => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      this.checkHandler = handler;
    },
    setDevicePermissionHandler(handler: () => boolean): void {
      this.deviceHandler = handler;
    },
  },
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = { showErrorBox: vi.fn((_title: string, _content: string) => undefined) };

export interface FakeMenuItem {
  id?: string;
  label?: string;
  role?: string;
  enabled?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  getMenuItemById(id: string): FakeMenuItem | null {
    const walk = (items: FakeMenuItem[]): FakeMenuItem | null => {
      for (const item of items) {
        if (item.id === id) return item;
        const inner = item.submenu === undefined ? null : walk(item.submenu);
        if (inner !== null) return inner;
      }
      return null;
    };
    return walk(this.items);
  }
}

export const Menu = {
  application: null as FakeMenu | null,
  buildFromTemplate: (template: FakeMenuItem[]): FakeMenu => new FakeMenu(template),
  setApplicationMenu(menu: FakeMenu | null): void {
    Menu.application = menu;
  },
  getApplicationMenu: (): FakeMenu | null => Menu.application,
};

export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export class Tray extends FakeEmitter {
  static created: Tray[] = [];
  image: { path: string };
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;

  constructor(image: { path: string }) {
    super();
    this.image = image;
    Tray.created.push(this);
  }

  setImage(image: { path: string }): void {
    this.image = image;
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export class Notification extends FakeEmitter {
  static supported = true;
  static shown: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }

  constructor(readonly options: { title: string; body: string; urgency?: string }) {
    super();
  }

  show(): void {
    Notification.shown.push(this);
  }
}

export const screen = {
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }] as { id: number; bounds: { x: number; y: number; width: number; height: number } }[],
  getAllDisplays() {
    return this.displays;
  },
  getPrimaryDisplay() {
    const primary = this.displays[0];
    if (primary === undefined) throw new Error('fake screen: no display');
    return primary;
  },
};

export const powerSaveBlocker = {
  active: new Set<number>(),
  next: 1,
  start(_type: string): number {
    const id = this.next++;
    this.active.add(id);
    return id;
  },
  isStarted(id: number): boolean {
    return this.active.has(id);
  },
  stop(id: number): void {
    this.active.delete(id);
  },
};

export const powerMonitor = new FakeEmitter();

/** Back to a freshly started Electron, between tests. */
export const resetFakeElectron = (): void => {
  app.reset();
  BrowserWindow.created = [];
  ipcMain.handlers.clear();
  ipcRenderer.resetListeners();
  ipcRenderer.invoke.mockReset();
  ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, value: null }));
  contextBridge.exposed = {};
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession.requestHandler = null;
  session.defaultSession.checkHandler = null;
  session.defaultSession.deviceHandler = null;
  shell.openExternal.mockClear();
  dialog.showErrorBox.mockClear();
  Menu.application = null;
  Tray.created = [];
  Notification.shown = [];
  Notification.supported = true;
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  powerSaveBlocker.active.clear();
  powerMonitor.resetListeners();
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, protocol, session, shell, dialog, Menu, nativeImage, Tray, Notification, screen, powerSaveBlocker, powerMonitor };
