import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectLayoutIntact } from './support/layout-integrity';
import { login } from './support/workspace';

// Helpers of the board specs: open the board as a lead, switch its language as a person would, and check a size:
// nothing a person 5 m away could not read, nothing overprinted, cut or off its panel.

export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Opens the board as `user`; a shell shared by several tests may still hold that session (the core keeps it). */
export const openBoard = async (page: Page, url: string, user = 'beatriz'): Promise<void> => {
  await page.goto(url);
  await expect(page.getByTestId('login-page').or(page.getByTestId('workspace'))).toBeVisible();
  if (await page.getByTestId('login-page').isVisible()) await login(page, user);
  await goToRoute(page, '#/board');
  await expect(page.getByTestId('sla-board')).toBeVisible();
  await expect(page.locator('.bn-row').first()).toBeVisible();
};

// In-page code is plain JavaScript: the node-side tsconfig has no DOM types, and must not get them.
const SMALL_TEXTS = `(minPx) => {
  const root = document.querySelector('[data-testid="sla-board"]');
  if (root === null) return ['no board'];
  const small = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = (node.textContent || '').trim();
    const element = node.parentElement;
    if (text === '' || element === null) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const onScreen = [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
    if (onScreen && parseFloat(style.fontSize) < minPx) small.push(style.fontSize + ' "' + text.slice(0, 40) + '"');
  }
  return small;
}`;

/** Every visible text node of the board whose font is smaller than `min` px (should be none). */
export const textsSmallerThan = async (page: Page, min: number): Promise<string[]> => (await page.evaluate(`(${SMALL_TEXTS})(${min})`)) as string[];

const COUNTDOWN_SIZE = `(() => {
  const el = document.querySelector('.bn-row .bn-countdown');
  const style = getComputedStyle(el);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
  const metrics = context.measureText('0123456789');
  return { fontSize: parseFloat(style.fontSize), digitHeight: metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent };
})()`;

/** Font size and the height of the digits' ink (measured with the same font on a canvas) of the first countdown. */
export const countdownSize = async (page: Page): Promise<{ fontSize: number; digitHeight: number }> =>
  (await page.evaluate(COUNTDOWN_SIZE)) as { fontSize: number; digitHeight: number };

export const goToRoute = async (page: Page, hash: string): Promise<void> => {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
};

/** The wall's screens (issue 12): 720p, the common laptop, 1080p, 4K and a 1080p screen turned portrait. */
export const BOARD_SIZES = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
  [1080, 1920],
] as const;

/** One design unit in px (board.css --u): landscape on a 1920×1080 grid, portrait on 1080×1920. */
export const boardScale = (width: number, height: number): number =>
  width >= height ? Math.min(width / 1920, height / 1080) : Math.min(width / 1080, height / 1920);

/** The board's panels for the layout-integrity check: nothing may leave them. */
export const BOARD_REGIONS = ['.board-header', '.board-kpi', '.board-next', '.board-side', '.bn-row', '.bs-row'];

/** Switches the UI language the way a person does (the sidebar's language link), then comes back to the board. */
export const setLanguage = async (page: Page, lang: 'pt-BR' | 'en'): Promise<void> => {
  if ((await page.evaluate('document.documentElement.lang')) === lang) return;
  await goToRoute(page, '#/fila');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await goToRoute(page, '#/board');
  await expect(page.locator('.bn-row').first()).toBeVisible();
};

// The board counts the rows that fit each list from the list's measured height (data-measured): it has laid
// itself out for this window once every list has been measured at its present height.
const LISTS_MEASURED = `[...document.querySelectorAll('[data-testid="sla-board"] [data-measured]')].every((l) => Number(l.getAttribute('data-measured')) === l.clientHeight)`;

/** Resizes the window and waits for the board to lay itself out again (rows are counted after a resize). */
export const resizeBoard = async (page: Page, width: number, height: number): Promise<void> => {
  await page.setViewportSize({ width, height });
  await expect(page.locator('.bn-row').first()).toBeVisible();
  await expect.poll(() => page.evaluate(LISTS_MEASURED), { message: `the board laid out for ${width}×${height}` }).toBe(true);
};

/**
 * A board screen as it must be at any size and language: no text under 24 px at 1080p (scaled), countdown digits
 * at least 64 px tall (scaled), and nothing overprinted, cut or off its panel.
 */
export const expectBoardFits = async (page: Page, what: string, width: number, height: number): Promise<void> => {
  const scale = boardScale(width, height);
  expect(await textsSmallerThan(page, 24 * scale), `small text on ${what}`).toEqual([]);
  const countdown = await countdownSize(page);
  expect(countdown.fontSize, `countdown font on ${what}`).toBeGreaterThanOrEqual(64 * scale);
  expect(countdown.digitHeight, `countdown digits on ${what}`).toBeGreaterThanOrEqual(64 * scale);
  await expectLayoutIntact(page, what, { root: '[data-testid="sla-board"]', regions: BOARD_REGIONS });
};
