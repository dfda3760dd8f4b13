import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BOARD_SIZES, expectBoardFits, goToRoute, openBoard, resizeBoard, setLanguage, SHOTS, textsSmallerThan } from './board-support';
import { startShell, type ShellProcess } from './support/processes';
import { openReplica, soonestRunningDue } from './reports-direct';

// The wall-mounted SLA board (SPEC §5) on demo data at a night hour (22:00 in São Paulo: the office closed, the
// countdowns long — what fits at 14:00 must fit now). One shell for the file; the tests run in order, the last
// one stops it. Screenshots stay in test-results/screenshots for people to look at.

const NIGHT = '2026-11-25T22:00:00-03:00';

let shell: ShellProcess;
let dataDir: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browserName: _browser }, testInfo) => {
  dataDir = testInfo.outputPath('desktop');
  shell = await startShell({ dataDir, local: true, ocs: 3_000, seed: 1, now: NIGHT });
});
test.afterAll(async () => {
  await shell?.stop();
});

/** The board's rows: soonest running deadline first (checked against the replica), each with its state icon. */
const expectSoonestFirst = async (page: Page): Promise<void> => {
  const board = page.getByTestId('sla-board');
  const now = Number(await board.getAttribute('data-now'));
  const dues = (await page.locator('.bn-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-due-at'))))) as number[];
  expect(dues.length).toBeGreaterThan(0);
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  expect(dues[0]).toBe(soonestRunningDue(openReplica(dataDir).evaluate(now), now));
  // State is shape as well as colour: each row carries its icon.
  for (const row of await page.locator('.bn-row').all()) {
    await expect(row.locator('svg.bn-icon')).toHaveCount(1);
    expect(['ok', 'risk', 'breached']).toContain(await row.getAttribute('data-tone'));
  }
};

test('every size and language at night: readable from 5 m, nothing overprinted or cut, soonest deadline first', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await openBoard(page, shell.url);
  for (const lang of ['pt-BR', 'en'] as const) {
    await setLanguage(page, lang);
    for (const [width, height] of BOARD_SIZES) {
      await resizeBoard(page, width, height);
      await expectBoardFits(page, `the board at ${width}×${height} in ${lang}`, width, height);
      await expectSoonestFirst(page);
      await page.screenshot({ path: resolve(SHOTS, `board-night-${width}x${height}-${lang}.png`) });
    }
  }
  // Night: the countdowns on screen are mostly ten hours or more — the widest values the column was made for.
  const long = await page.locator('.bn-countdown').evaluateAll((els) => els.filter((e) => /^\d{2}h /.test(e.textContent ?? '')).length);
  expect(long).toBeGreaterThan(0);
  await setLanguage(page, 'pt-BR');
});

test('the side panel rotates through every section, and pages a list that overflows', async ({ page }) => {
  for (const name of readdirSync(SHOTS)) if (name.startsWith('board-panel-')) rmSync(resolve(SHOTS, name));
  await page.clock.install();
  await openBoard(page, shell.url);
  const side = page.locator('.board-side');
  const dots = await page.locator('.board-side-rotation .board-dot').count();
  expect(dots).toBeGreaterThan(5);
  const seen = new Map<string, Set<string>>();
  const wanted = ['breached', 'analysts', 'plan', 'module', 'recados', 'predicted'];
  // Up to two full rotations: on a loaded machine a render can land after the next fast-forward.
  for (let i = 0; i < dots * 2 && !(wanted.every((p) => seen.has(p)) && i >= dots); i += 1) {
    const panel = (await side.getAttribute('data-panel')) ?? '';
    const pages = side.locator('.board-pages');
    const number = (await pages.count()) === 0 ? '1' : ((await pages.getAttribute('data-page')) ?? '1');
    if (!(seen.get(panel)?.has(number) ?? false)) {
      await page.screenshot({ path: resolve(SHOTS, `board-panel-${panel}-${number}.png`) });
      await expectBoardFits(page, `the side panel "${panel}" page ${number}`, 1920, 1080);
    }
    seen.set(panel, new Set([...(seen.get(panel) ?? []), number]));
    expect(await textsSmallerThan(page, 24)).toEqual([]);
    await page.clock.fastForward(12_000);
    await page.waitForTimeout(150);
  }
  for (const panel of wanted) expect(seen.has(panel), panel).toBe(true);
  // Something overflowed into several pages (the breached OCs do not fit one page of the side panel).
  expect([...seen.values()].some((pages) => pages.size > 1)).toBe(true);
});

test('a new breach plays the cue once; mute is remembered across reloads', async ({ page, context }) => {
  await openBoard(page, shell.url);
  const board = page.getByTestId('sla-board');
  await expect(board).toHaveAttribute('data-beeps', '0');
  // A lead tightens the Média targets to a minute or two and recomputes the open OCs: those clocks breach now.
  const lead = await context.newPage();
  await lead.goto(shell.url);
  await expect(lead.getByTestId('workspace')).toBeVisible();
  await goToRoute(lead, '#/configuracoes');
  for (const plan of ['prata', 'ouro', 'vip']) {
    const response = lead.getByTestId(`target-${plan}-media-response`);
    await response.getByRole('spinbutton').first().fill('0');
    await response.getByRole('spinbutton').nth(1).fill('1');
    const resolution = lead.getByTestId(`target-${plan}-media-resolution`);
    await resolution.getByRole('spinbutton').first().fill('0');
    await resolution.getByRole('spinbutton').nth(1).fill('2');
  }
  await lead.getByTestId('settings-save').click();
  await expect(lead.getByTestId('settings-saved')).toBeVisible();
  await lead.getByTestId('tab-recompute').click();
  await lead.getByTestId('recompute-open').click();
  await lead.getByTestId('recompute-confirm-button').click();
  await expect(lead.getByTestId('recompute-none')).toBeVisible();
  await lead.close();

  await expect(board).toHaveAttribute('data-beeps', '1', { timeout: 20_000 });
  await page.getByTestId('board-mute').click();
  await expect(board).toHaveAttribute('data-muted', 'true');
  await page.reload();
  await expect(page.getByTestId('sla-board')).toHaveAttribute('data-muted', 'true');
  await expect(page.getByTestId('board-mute')).toContainText('Som mudo');
});

test('the board keeps counting when its core goes away', async ({ page }) => {
  await openBoard(page, shell.url);
  const board = page.getByTestId('sla-board');
  const rows = await page.locator('.bn-row').count();
  await shell.stop();
  await expect(page.locator('.board-banner')).toContainText('os prazos seguem contando');
  const before = Number(await board.getAttribute('data-now'));
  const clockBefore = await page.getByTestId('board-clock').textContent();
  await page.waitForTimeout(3_000);
  expect(Number(await board.getAttribute('data-now')) - before).toBeGreaterThanOrEqual(2_000);
  expect(await page.getByTestId('board-clock').textContent()).not.toBe(clockBefore);
  expect(await page.locator('.bn-row').count() + (await page.locator('[data-testid="board-next-more"]').count())).toBeGreaterThanOrEqual(Math.min(rows, 1));
  await expectBoardFits(page, 'the board with its core gone', 1920, 1080);
  await page.screenshot({ path: resolve(SHOTS, 'board-core-lost.png') });
});
