import { expect, test } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { login, shot } from './support/workspace';

// The team view at 20 000 rows: virtualised (only the rows on screen exist), one shared tick, sorting and
// grouping on the full set, and scrolling that keeps up with the display.

let shell: ShellProcess;

// Frame timing must not compete with trace snapshots and screencasts.
test.use({ trace: 'off' });

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 20_000, seed: 2 });
});
test.afterEach(async () => {
  await shell?.stop();
});

test('20 000 rows: virtualised, sortable, groupable, smooth to scroll', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  await page.getByTestId('nav-team').click();
  await page.getByTestId('view-all').click();
  await expect(page.getByTestId('team-page').locator('.page-sub')).toHaveText(/20[.,]000 OCs/, { timeout: 60_000 });
  // The first rows come at once, the rest right after: grouping and sorting then see all of them.
  await expect(page.getByTestId('team-loading-rest')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('team-page').locator('.notice-line')).toHaveCount(0);
  const body = page.getByTestId('team-table-body');
  const rendered = await body.locator('[data-testid="queue-row"]').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80);
  await shot(page, '12-equipe-20000');
  // Let the core finish its start-up work (SLA catch-up over the fresh replica) before timing frames.
  await page.waitForTimeout(3_000);

  // Scroll through the list frame by frame (a fast wheel: 200 px a frame, 12 000 px a second) and time the frames.
  const frames = await body.evaluate(async (el) => {
    // (This runs in the page; the test files are type-checked without the DOM library.)
    const raf = (globalThis as unknown as { requestAnimationFrame: (callback: () => void) => number }).requestAnimationFrame;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 150; i++) {
      el.scrollTop += 200;
      await new Promise((r) => raf(() => r(null)));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  });
  const median = frames[Math.floor(frames.length / 2)] as number;
  const p95 = frames[Math.floor(frames.length * 0.95)] as number;
  test.info().annotations.push({ type: 'scroll frames', description: `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` });
  console.log(`[team-20k] scroll frames: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  // Headless Chromium rasterises in software on this machine (a plain static list scrolls at 16.7 ms a frame);
  // with a GPU it is faster. These bounds fail for a non-virtualised list or per-frame work over all rows.
  expect(median).toBeLessThan(50);
  expect(p95).toBeLessThan(150);
  expect(await body.locator('[data-testid="queue-row"]').count()).toBeLessThan(80);

  // Sorting 20 000 rows by customer, then grouping by module.
  const started = Date.now();
  await page.getByTestId('sort-customer').click();
  await expect(page.getByTestId('team-table').locator('[aria-sort="ascending"]')).toContainText('Cliente');
  expect(Date.now() - started).toBeLessThan(3_000);
  await page.getByTestId('group-by').selectOption('module');
  await expect(body.locator('[data-testid="queue-group"]').first()).toBeVisible();
  await shot(page, '13-equipe-agrupada-por-modulo');
});
