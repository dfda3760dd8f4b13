import { expect, test } from '@playwright/test';
import { EVENT_NAMES, METHOD_NAMES } from '../../src/shared/api/contract';
import type { ApiSurface, SoeBridge } from '../../src/shared/ipc/bridge';
import { OPEN_BOARD_MENU_ID } from '../../src/main/app-menu';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp';
import { electronAvailability } from './availability';
import { launchApp, type LaunchedApp } from './launch';

// The desktop app end to end, in a real Electron: log in, take an OC, open the board, and the security
// checklist (ARCHITECTURE.md style 9) checked on the live windows rather than on the fake.

const availability = electronAvailability();
test.skip(!availability.ok, availability.ok ? '' : `Electron e2e skipped: ${availability.reason}`);

/** The page's globals these tests touch (the node-side tsconfig has no DOM types). */
interface PageGlobals {
  soe: SoeBridge;
  api: ApiSurface;
  require?: unknown;
  process?: unknown;
  location: { href: string; hash: string };
  open(url: string): unknown;
  eval(code: string): unknown;
  fetch(url: string): Promise<{ status: number; headers: { get(name: string): string | null } }>;
  document: {
    createElement(tag: string): { setAttribute(name: string, value: string): void; click(): void; textContent: string | null };
    body: { appendChild(node: unknown): void };
  };
}
const page = (): PageGlobals => globalThis as unknown as PageGlobals;

let launched: LaunchedApp | null = null;
test.afterEach(async () => {
  await launched?.close();
  launched = null;
});

const launch = async (options?: Parameters<typeof launchApp>[1]): Promise<LaunchedApp> => {
  if (!availability.ok) throw new Error('unreachable: skipped above');
  launched = await launchApp(availability, options);
  return launched;
};

test('log in, take an OC, open the board window', async () => {
  const { app, window } = await launch();
  await window.getByTestId('login-user').fill('ana');
  await window.getByTestId('login-password').fill('demo');
  await window.getByTestId('login-submit').click();
  await expect(window.getByTestId('my-queue')).toBeVisible();

  await window.getByTestId('take-next').click();
  await expect(window.getByTestId('oc-page')).toBeVisible();
  // The take went through IPC into main's replica: the OC is Ana's there.
  const owner = await window.evaluate(async () => {
    const soe = (globalThis as unknown as PageGlobals).soe;
    const id = decodeURIComponent((globalThis as unknown as PageGlobals).location.hash.split('/')[2] ?? '');
    const [session, detail] = await Promise.all([soe.invoke('session.current', {}), soe.invoke('oc.get', { id })]);
    return {
      me: session.ok ? (session.value as { analyst: { id: string } }).analyst.id : null,
      assignee: detail.ok ? (detail.value as { oc: { assigneeId: string | null } }).oc.assigneeId : null,
    };
  });
  expect(owner.assignee).toBe(owner.me);

  const boardOpened = app.waitForEvent('window');
  await app.evaluate(({ Menu }, id) => {
    Menu.getApplicationMenu()?.getMenuItemById(id)?.click();
  }, OPEN_BOARD_MENU_ID);
  const board = await boardOpened;
  await expect(board).toHaveURL(/^app:\/\/soe\/index\.html#\/board$/);
  await expect(board.getByTestId('sla-board')).toBeVisible();
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ url: w.webContents.getURL(), kiosk: w.isKiosk() })));
  expect(windows).toContainEqual({ url: 'app://soe/index.html#/board', kiosk: true });
});

test('npm start opens the app already logged in as the demo lead', async () => {
  const { window } = await launch({ env: { SOE_DEMO_LOGIN: 'beatriz' } });
  await expect(window.getByTestId('my-queue')).toBeVisible();
  const session = await window.evaluate(() => page().soe.invoke('session.current', {}));
  expect(session).toMatchObject({ ok: true, value: { analyst: { login: 'beatriz' } } });
});

test('security settings hold on the live window', async () => {
  const { app, window } = await launch();
  expect(window.url()).toMatch(/^app:\/\/soe\/index\.html/);

  const prefs = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      // Not in Electron's typings, but what its own test suite reads the effective preferences with.
      const contents = w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
      const p = contents.getLastWebPreferences();
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration, webSecurity: p?.webSecurity, webviewTag: p?.webviewTag };
    }),
  );
  expect(prefs).toEqual([{ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false }]);

  const surface = await window.evaluate(() => {
    const g = page();
    return { require: typeof g.require, process: typeof g.process, soe: Object.keys(g.soe), methods: [...g.soe.methods], events: [...g.soe.events], api: Object.keys(g.api) };
  });
  expect(surface).toEqual({ require: 'undefined', process: 'undefined', soe: ['invoke', 'onEvent', 'methods', 'events'], methods: METHOD_NAMES, events: EVENT_NAMES, api: METHOD_NAMES });

  // Strict CSP: no eval, and the header on app:// responses.
  const evalResult = await window.evaluate(() => {
    try {
      return String(page().eval('1 + 1'));
    } catch (error) {
      return String(error);
    }
  });
  expect(evalResult).toContain('EvalError');
  const headers = await window.evaluate(async () => {
    const response = await page().fetch('app://soe/index.html');
    return { status: response.status, csp: response.headers.get('content-security-policy') };
  });
  expect(headers).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
  for (const path of ['%2e%2e/package.json', '..%2fpackage.json', '%2e%2e%2f%2e%2e%2fetc/passwd']) {
    const status = await window.evaluate(async (p) => (await page().fetch(`app://soe/${p}`)).status, path);
    expect(status, path).not.toBe(200);
  }

  // A call outside the contract never reaches main.
  expect(await window.evaluate(() => page().soe.invoke('fs.readFile', { path: '/etc/passwd' }))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

  // Record instead of opening the system browser.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { opened: string[] }).opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  // Navigation away and new windows are refused; only allow-listed links reach the system browser.
  await window.evaluate(() => {
    page().location.href = 'https://example.com/';
  });
  await window.waitForTimeout(500);
  expect(window.url()).toMatch(/^app:\/\/soe\//);
  expect(await window.evaluate(() => page().open('https://example.com/') === null)).toBe(true);
  await window.evaluate(() => {
    const g = page();
    for (const href of ['https://blog.unoerp.com.br/politica-de-suporte-e-ocorrencias/', 'https://evil.example/']) {
      const link = g.document.createElement('a');
      link.setAttribute('href', href);
      link.setAttribute('target', '_blank');
      g.document.body.appendChild(link);
      link.click();
    }
    const webview = g.document.createElement('webview');
    webview.setAttribute('src', 'https://example.com/');
    g.document.body.appendChild(webview);
  });
  await window.waitForTimeout(500);
  expect(await app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toEqual(['https://blog.unoerp.com.br/politica-de-suporte-e-ocorrencias/']);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(await app.evaluate(({ webContents }) => webContents.getAllWebContents().filter((c) => c.getType() === 'webview').length)).toBe(0);

  // Permissions are denied by default.
  const geolocation = await window.evaluate(() =>
    (globalThis as unknown as { navigator: { permissions: { query(q: { name: string }): Promise<{ state: string }> } } }).navigator.permissions.query({ name: 'geolocation' }).then((s) => s.state),
  );
  expect(geolocation).toBe('denied');
});
