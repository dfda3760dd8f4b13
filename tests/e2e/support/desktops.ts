import { expect, type Browser, type Page } from '@playwright/test';
import { freePort, startServerProcess, startShell, type ServerProcess, type ShellProcess } from './processes';
import { login } from './workspace';

/** A desktop: its own shell process (core + replica) and its own browser context. */
export interface Desktop {
  shell: ShellProcess;
  page: Page;
}

export interface Office {
  server: ServerProcess;
  desktops: Desktop[];
  /** Stops the central server process (the desktops keep running). */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

const OCS = 1_500;

/** The central server plus one desktop per analyst, each logged in and past its first sync. */
export const openOffice = async (browser: Browser, dir: (name: string) => string, analysts: string[]): Promise<Office> => {
  const port = await freePort();
  let server = await startServerProcess({ dataDir: dir('server'), port, ocs: OCS, seed: 1 });
  const desktops: Desktop[] = [];
  for (const [i, analyst] of analysts.entries()) {
    const shell = await startShell({ dataDir: dir(`desktop-${i + 1}`), server: server.url, ocs: 0 });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(shell.url);
    await login(page, analyst);
    await waitSynced(page);
    desktops.push({ shell, page });
  }
  return {
    get server() {
      return server;
    },
    desktops,
    stopServer: () => server.stop(),
    restartServer: async () => {
      server = await startServerProcess({ dataDir: dir('server'), port, ocs: OCS, seed: 1 });
    },
    close: async () => {
      for (const d of desktops) {
        await d.page.context().close();
        await d.shell.stop();
      }
      await server.stop();
    },
  };
};

export const syncIndicator = (page: Page) => page.getByTestId('sync-indicator');

/** Online, nothing pending, and at least one completed sync. */
export const waitSynced = async (page: Page, timeout = 120_000): Promise<void> => {
  await expect(syncIndicator(page)).toHaveAttribute('data-sync-status', 'online', { timeout });
  await expect(syncIndicator(page)).toHaveAttribute('data-pending', '0', { timeout });
  await expect(syncIndicator(page)).toContainText('sincronizado', { timeout });
};
