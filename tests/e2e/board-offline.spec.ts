import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openBoard, SHOTS } from './board-support';
import { freePort, startServerProcess, startShell, type ServerProcess, type ShellProcess } from './support/processes';

// SPEC §1/§5: during a connectivity loss "the board keeps counting down". The central server is a real process
// here; stopping it must leave the board ticking from its local core, saying since when it is offline.

let server: ServerProcess;
let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browser }, testInfo) => {
  server = await startServerProcess({ dataDir: testInfo.outputPath('server'), port: await freePort(), ocs: 1_500, seed: 3 });
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), server: server.url });
});
test.afterEach(async () => {
  await shell?.stop();
  await server?.stop();
});

test('the board keeps counting down while the server is down, and says since when', async ({ page }) => {
  await openBoard(page, shell.url);
  const board = page.getByTestId('sla-board');
  await expect(board.locator('[data-sync="online"]')).toBeVisible({ timeout: 60_000 });
  const firstOc = await page.locator('.bn-row').first().getAttribute('data-oc');

  await server.stop();
  const offline = board.locator('[data-sync="offline"]');
  await expect(offline).toBeVisible({ timeout: 60_000 });
  await expect(offline).toContainText(/Offline desde \d{2}:\d{2}/);

  // Time goes on: the header clock and the board's own "now" advance, the countdowns stay on screen, and the
  // board still refreshes from its core (a change of data would come from there, not from the server).
  const before = Number(await board.getAttribute('data-now'));
  const clock = await page.getByTestId('board-clock').textContent();
  await page.waitForTimeout(3_500);
  // One shared tick a second: after 3.5 s at least three ticks have passed (each a little under or over 1 s apart).
  expect(Number(await board.getAttribute('data-now')) - before).toBeGreaterThanOrEqual(2_500);
  expect(await page.getByTestId('board-clock').textContent()).not.toBe(clock);
  await expect(page.locator('.bn-row').first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('sla-board')).toBeVisible();
  await expect(page.locator('.bn-row').first()).toBeVisible();
  await expect(page.getByTestId('sla-board').locator('[data-sync="offline"]')).toBeVisible();
  expect(await page.locator('.bn-row').first().getAttribute('data-oc')).toBeTruthy();
  expect(firstOc).toBeTruthy();
  await page.screenshot({ path: resolve(SHOTS, 'board-server-offline.png') });
});
