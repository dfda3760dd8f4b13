import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/core';
import { seedReplica } from '../../src/core/seed/seed-replica';
import { forwardCoreEvents, registerApiHandlers } from '../../src/main/ipc/api-handlers';
import { appProtocolHandler } from '../../src/main/security/app-protocol';
import { PROJECT_DIR } from './availability';

// Where no Electron binary exists, the next best thing: the built renderer, served by main's own app://
// handler (with its CSP header), the built preload evaluated with a stand-in `electron` whose ipcRenderer
// reaches main's own IPC handlers, and the real core behind them — in Chromium. What this cannot show is
// Electron itself: windows, the isolated world, the sandbox; tests/electron/desktop.spec.ts covers those.

export const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://soe.test';

export interface ChromiumBridge {
  page: Page;
  core: Core;
  /** Console errors and CSP refusals seen by the page. */
  problems: string[];
  /** The headers the document was served with (by main's app:// handler). */
  documentHeaders: Record<string, string>;
  close(): Promise<void>;
}

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

const stubbedPreload = (preload: string): string => `(() => {
  const listeners = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value }) },
    ipcRenderer: {
      invoke: (channel, args) => window.__soeIpcInvoke(channel, args),
      on: (channel, listener) => { listeners.push(listener); },
      removeListener: (channel, listener) => { listeners.splice(listeners.indexOf(listener), 1); },
    },
  };
  window.__soeEmit = (name, payload) => listeners.slice().forEach((listener) => listener({}, name, payload));
  const module = { exports: {} };
  (function (require, module, exports) {\n${preload}\n})((id) => { if (id === 'electron') return electron; throw new Error('preload required ' + id); }, module, module.exports);
})();`;

export const openChromiumBridge = async (): Promise<ChromiumBridge> => {
  const renderer = join(PROJECT_DIR, 'out', 'renderer');
  const preloadFile = join(PROJECT_DIR, 'out', 'preload', 'index.cjs');
  if (!existsSync(join(renderer, 'index.html')) || !existsSync(preloadFile)) throw new Error('out/ is not built (npx electron-vite build)');
  const dir = mkdtempSync(join(tmpdir(), 'soe-bridge-'));
  const core = createCore({ dbPath: join(dir, 'replica.db') });
  // Fixed seed and instant: demo data as of "now" varies, and the test needs OCs Ana can take (this pair has three).
  await seedReplica(core.db, { ocs: 300, seed: 11, now: Date.parse('2026-11-25T15:00:00Z') });
  core.start();
  const handlers = new Map<string, Handler>();
  registerApiHandlers({ handle: (channel: string, handler: Handler) => handlers.set(channel, handler), removeHandler: (channel: string) => handlers.delete(channel) } as never, core.api, () => undefined);

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('Content Security Policy')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  // The page's origin stands for app://soe: every request is answered by main's protocol handler.
  const serve = appProtocolHandler(renderer);
  await page.route(`${ORIGIN}/**`, async (route) => {
    const response = await serve({ url: route.request().url().replace(ORIGIN, 'app://soe'), method: route.request().method() });
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  await page.exposeFunction('__soeIpcInvoke', (channel: string, args: unknown) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: 'app://soe/index.html', parent: null } }, args);
  });
  await page.addInitScript(stubbedPreload(readFileSync(preloadFile, 'utf8')));
  const stopEvents = forwardCoreEvents(core.events, () => [{
    isDestroyed: () => page.isClosed(),
    getURL: () => 'app://soe/index.html',
    send: (_channel: string, name: unknown, payload: unknown) => {
      page.evaluate(([n, p]) => (globalThis as unknown as { __soeEmit(n: unknown, p: unknown): void }).__soeEmit(n, p), [name, payload]).catch(() => undefined);
    },
  }] as never);
  const response = await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    core,
    problems,
    documentHeaders: response?.headers() ?? {},
    close: async () => {
      stopEvents();
      await browser.close();
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
