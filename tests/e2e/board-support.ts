import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { login } from './support/workspace';

// Helpers of the board specs: open the board as a lead, and find text a person 5 m away could not read.

export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

export const openBoard = async (page: Page, url: string, user = 'beatriz'): Promise<void> => {
  await page.goto(url);
  await login(page, user);
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
