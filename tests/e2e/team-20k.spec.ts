import { expect, test } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { login, shot } from './support/workspace';

// The team view at 20 000 rows: virtualised (only the rows on screen exist), one shared tick, sorting and
// grouping on the full set, and the rows of each scroll position (speed is the ui bench's).

let shell: ShellProcess;

// Frame timing must not compete with trace snapshots and screencasts.
test.use({ trace: 'off' });

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 20_000, seed: 2 });
});
test.afterEach(async () => {
  await shell?.stop();
});

test('20 000 rows: virtualised at every scroll position, sortable, groupable', async ({ page }) => {
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
  // Scroll through the whole list: at every step only the rows on screen exist, and they are the rows of that
  // position (the first rendered row sits just above the scroll position). Speed is measured by `npm run bench -- --only ui`
  // (scripting per frame against a plain table), not here: a timed assertion only measures the machine's load.
  const steps = await body.evaluate(async (el) => {
    // (This runs in the page; the test files are type-checked without the DOM library.)
    const raf = (globalThis as unknown as { requestAnimationFrame: (callback: () => void) => number }).requestAnimationFrame;
    const seen: Array<{ top: number; rows: number; firstRowTop: number }> = [];
    for (let i = 0; i < 40; i++) {
      el.scrollTop += Math.floor(el.scrollHeight / 40);
      await new Promise((r) => raf(() => raf(() => r(null))));
      const rows = [...el.querySelectorAll('[data-testid="queue-row"]')];
      // Each row is placed by a translateY of its offset in the whole list.
      const tops = rows.map((row) => Number(/translateY\((-?[\d.]+)px\)/.exec((row as unknown as { style: { transform: string } }).style.transform)?.[1]));
      seen.push({ top: el.scrollTop, rows: rows.length, firstRowTop: Math.min(...tops.filter((n) => Number.isFinite(n))) });
    }
    return seen;
  });
  for (const step of steps) {
    expect(step.rows).toBeGreaterThan(10);
    expect(step.rows).toBeLessThan(80);
  }
  for (const step of steps) {
    expect(step.firstRowTop).toBeLessThanOrEqual(step.top);
    expect(step.firstRowTop).toBeGreaterThan(step.top - 2_000);
  }

  // Sorting 20 000 rows by customer (the whole set, not the rows on screen), then grouping by module.
  await page.getByTestId('sort-customer').click();
  await expect(page.getByTestId('team-table').locator('[aria-sort="ascending"]')).toContainText('Cliente');
  await body.evaluate((el) => (el.scrollTop = 0));
  const customers = await body.locator('[data-testid="queue-row"] .q-customer').allInnerTexts();
  expect(customers.length).toBeGreaterThan(5);
  expect(customers).toEqual([...customers].sort((a, b) => a.localeCompare(b, 'pt-BR')));
  await page.getByTestId('group-by').selectOption('module');
  await expect(body.locator('[data-testid="queue-group"]').first()).toBeVisible();
  await shot(page, '13-equipe-agrupada-por-modulo');
});
