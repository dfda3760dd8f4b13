import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { WORST_CASE_TEXT } from '../../src/shared/demo/worst-case';
import { BOARD_SIZES, expectBoardFits, openBoard, resizeBoard, setLanguage, SHOTS } from './board-support';
import { startShell, type ShellProcess } from './support/processes';

// The wall board on the worst-case data (src/shared/demo/worst-case.ts) at 22:00 in São Paulo, when nearly every
// countdown is 10 h or more: the longest names the schemas allow, 200-character subjects, every plan and
// criticidade badge in both languages, a 99-day breach. At every size, in pt-BR and English, and on both halves
// of the alternating info line, nothing is overprinted, cut or off its panel and nothing is too small to read
// from 5 m. Screenshots of each size × language go to test-results/screenshots (board-before-after/after-* for
// the closing note).

const AFTER = resolve(SHOTS, 'board-before-after');
const INFO_PERIOD_MS = 6_000;

// Whole: the text's own glyphs end inside their info line (an ellipsis would have cut them). Plain JavaScript:
// the node-side tsconfig has no DOM types.
const WHOLE_ON_A_LINE = `(want) => [...document.querySelectorAll('[data-testid="sla-board"] .bn-info')].some((line) => {
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.textContent !== want) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect().right <= line.getBoundingClientRect().right + 1;
  }
  return false;
})`;

let shell: ShellProcess;

test.beforeAll(async ({ browserName: _browser }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 1_500, seed: 1, fixture: 'worst-case' });
});
test.afterAll(async () => {
  await shell?.stop();
});

test('worst-case data at night: every size and language fits, and the long texts are whole somewhere', async ({ page }) => {
  mkdirSync(AFTER, { recursive: true });
  await page.clock.install();
  await openBoard(page, shell.url);
  const board = page.getByTestId('sla-board');
  // The info line alternates on the shared tick; the page's clock is moved to bring the wanted half on screen.
  const showHalf = async (half: string): Promise<void> => {
    for (let i = 0; i < 3 && (await board.locator(`.bn-info[data-info="${half}"]`).count()) === 0; i += 1) {
      await page.clock.fastForward(INFO_PERIOD_MS);
      await page.waitForTimeout(100);
    }
    await expect(board.locator(`.bn-info[data-info="${half}"]`).first()).toBeVisible();
  };
  for (const lang of ['pt-BR', 'en'] as const) {
    await setLanguage(page, lang);
    for (const [width, height] of BOARD_SIZES) {
      await resizeBoard(page, width, height);
      for (const half of ['customer', 'detail']) {
        await showHalf(half);
        await expectBoardFits(page, `the board at ${width}×${height} in ${lang} (${half} line)`, width, height);
        if (half === 'customer') await page.screenshot({ path: resolve(AFTER, `after-${width}x${height}-${lang}.png`) });
      }
    }
  }

  // Every section of the rotating panel, every page, with the long names in it: landscape and portrait, each
  // language on one of them (the units make 720p to 4K the same layout).
  const side = board.locator('.board-side');
  for (const [lang, width, height] of [['en', 1920, 1080], ['pt-BR', 1366, 768], ['pt-BR', 1080, 1920], ['en', 1080, 1920]] as const) {
    await setLanguage(page, lang);
    await resizeBoard(page, width, height);
    const slots = await board.locator('.board-side-rotation .board-dot').count();
    const seen = new Set<string>();
    const slotOn = (): Promise<string | null> => board.locator('.board-side-rotation .board-dot-on').getAttribute('data-slot');
    for (let i = 0; i < slots; i += 1) {
      const pages = side.locator('.board-pages');
      const slot = `${(await side.getAttribute('data-panel')) ?? ''}-${(await pages.count()) === 0 ? '1' : ((await pages.getAttribute('data-page')) ?? '1')}`;
      if (!seen.has(slot)) {
        seen.add(slot);
        await expectBoardFits(page, `the "${slot}" panel at ${width}×${height} in ${lang}`, width, height);
        if (width === 1920) await page.screenshot({ path: resolve(SHOTS, `board-worst-panel-${slot}-${lang}.png`) });
      }
      const before = await slotOn();
      await page.clock.fastForward(12_000);
      await expect.poll(slotOn, { message: 'the side panel turns' }).not.toBe(before);
    }
    expect(seen.size, `panels seen at ${width}×${height}`).toBeGreaterThanOrEqual(7);
  }

  // Shortened only where it must: at 1920×1080 the realistic longest customer name is whole on its line, the long
  // module name whole on the other half, and every badge label whole.
  await resizeBoard(page, 1920, 1080);
  for (const [half, text] of [['customer', WORST_CASE_TEXT.realisticCustomer], ['detail', WORST_CASE_TEXT.longModule]] as const) {
    await showHalf(half);
    expect(await page.evaluate(`(${WHOLE_ON_A_LINE})(${JSON.stringify(text)})`), `"${text}" whole on an info line`).toBe(true);
  }
  for (const badge of await board.locator('.bd-plan, .bd-crit').all()) {
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
});
