import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { goToRoute, SHOTS } from './board-support';
import { centsOf, complianceByPlan, DAY_MS, openReplica, penaltiesIn, spDate, spMidnight } from './reports-direct';
import { startShell, type ShellProcess } from './support/processes';
import { login } from './support/workspace';
import { pickMonth, typeDate } from './support/date-fields';

// The lead's reports through the real screens; every number on screen must equal a direct computation over the
// same replica (its SQLite file, every OC evaluated with the pure SLA engine). Windows end before today, so the
// clock moving during the test changes nothing.

let shell: ShellProcess;
let dataDir: string;

test.beforeEach(async ({ browserName: _browser }, testInfo) => {
  dataDir = testInfo.outputPath('desktop');
  shell = await startShell({ dataDir, local: true, ocs: 3_000, seed: 2 });
});
test.afterEach(async () => {
  await shell?.stop();
});

const openReports = async (page: Page): Promise<void> => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-page')).toBeVisible();
};

const cells = async (page: Page, selector: string): Promise<string[]> => (await page.locator(selector).locator('td, th').allTextContents()).map((c) => c.trim());
/** A count as the pt-BR screen writes it ("1.094"). */
const count = (text: string | undefined): number => Number((text ?? '').replace(/\./g, ''));

test('SLA compliance by plan equals the direct computation; the chart shows it', async ({ page }) => {
  await openReports(page);
  const today = spDate(Date.now());
  const from = spDate(spMidnight(today) - 7 * DAY_MS);
  const to = spDate(spMidnight(today) - DAY_MS);
  await typeDate(page.getByTestId('report-from'), from);
  await typeDate(page.getByTestId('report-to'), to);
  await page.getByTestId('report-run').click();
  const table = page.getByTestId('compliance-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('compliance-chart')).toBeVisible();

  const replica = openReplica(dataDir);
  const expected = complianceByPlan(replica.evaluate(Date.now()), spMidnight(from), spMidnight(to) + DAY_MS);
  const labels = { prata: 'Prata', ouro: 'Ouro', vip: 'VIP' } as const;
  let total = 0;
  for (const [plan, tally] of expected) {
    const row = await cells(page, `[data-testid="compliance-table"] tbody tr[data-row="${labels[plan]}"]`);
    expect(row.slice(1, 3).map(count)).toEqual(tally.fr);
    expect([count(row[4]), count(row[5])]).toEqual(tally.res);
    total += tally.res[1];
  }
  expect(await table.locator('tbody tr').count()).toBe(expected.size);
  expect(total).toBeGreaterThan(0);
  await page.screenshot({ path: resolve(SHOTS, 'reports-compliance.png') });

  // The table as CSV and PDF: the rows the screen shows, cell for cell.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compliance-export-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`cumprimento-sla-${from}-${to}.csv`);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  for (const plan of expected.keys()) {
    const row = await cells(page, `[data-testid="compliance-table"] tbody tr[data-row="${labels[plan]}"]`);
    expect(lines).toContain(row.join(';'));
  }
  await expect(page.getByTestId('compliance-exported')).toContainText(csv.suggestedFilename());
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compliance-export-pdf').click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // By day: every choice recomputes at once (no "Atualizar"): one row per day that decided something, in order,
  // and the column chart of both clocks.
  await page.getByTestId('dim-plan').uncheck();
  await page.getByTestId('dim-period').check();
  await page.getByTestId('report-granularity').selectOption('day');
  await expect(table.locator('thead th').first()).toHaveText('Período');
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-row', /^\d{2}\/\d{2}/);
  const days = (await table.locator('tbody tr td:first-child').allTextContents()).map((d) => d.split('/').reverse().join(''));
  expect(days).toEqual([...days].sort());
  await expect(page.getByTestId('compliance-chart').locator('rect').first()).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'reports-compliance-by-day.png') });
});

test('penalties of last month equal a direct sum with the cap; the statement exports as CSV and PDF', async ({ page }) => {
  await openReports(page);
  await page.getByTestId('tab-penalties').click();
  const now = new Date(Date.now() - 3 * 3_600_000);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = previous.toISOString().slice(0, 7);
  await pickMonth(page.getByTestId('penalty-month'), month); // picking the month runs its report
  const table = page.getByTestId('penalty-table');
  // The tab opens on this month's report; wait for the answer for the month asked, not the first table seen.
  await expect(table).toHaveAttribute('data-month', month);
  await expect(table.locator('tbody tr').first()).toBeVisible();

  const replica = openReplica(dataDir);
  const from = spMidnight(`${month}-01`);
  const next = new Date(Date.UTC(previous.getUTCFullYear(), previous.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  const expected = penaltiesIn(replica, replica.evaluate(Date.now()), from, spMidnight(next), replica.configs(1));
  expect(await table.locator('tbody tr').count()).toBe(expected.size);
  for (const [customerId, { breaches, cents }] of expected) {
    const row = await cells(page, `[data-testid="penalty-table"] tbody tr[data-customer="${customerId}"]`);
    expect(count(row[3])).toBe(breaches);
    expect(centsOf(row[6] ?? '')).toBe(cents);
  }
  const totalCents = [...expected.values()].reduce((n, x) => n + x.cents, 0);
  expect(centsOf((await page.getByTestId('penalty-totals').textContent())?.split('·')[2] ?? '')).toBe(totalCents);
  await page.screenshot({ path: resolve(SHOTS, 'reports-penalties.png') });
  const [tableCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('penalties-export-csv').click()]);
  expect(tableCsv.suggestedFilename()).toBe(`penalidades-${month}.csv`);
  const tableLines = readFileSync(await tableCsv.path(), 'utf8').split('\r\n');
  expect(tableLines.filter((line) => /;R\$ [\d.]+,\d{2}/.test(line))).toHaveLength(expected.size + 1); // each customer, and the total

  // The statement of the customer with the largest penalty.
  const first = table.locator('tbody tr').first();
  const customerId = (await first.getAttribute('data-customer')) as string;
  await first.getByTestId('open-statement').click();
  const dialog = page.getByTestId('penalty-statement');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('tbody tr')).toHaveCount(expected.get(customerId)?.breaches ?? -1);
  await page.screenshot({ path: resolve(SHOTS, 'reports-penalty-statement.png') });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(new RegExp(`^extrato-penalidades-.+-${month}\\.csv$`));
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  const due = (expected.get(customerId)?.cents ?? 0) / 100;
  expect(csvText).toContain(`Penalidade devida;R$ ${due.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`);
  expect(csvText.split('\r\n').filter((line) => /^OC-\d{4}-\d{6};/.test(line))).toHaveLength(expected.get(customerId)?.breaches ?? -1);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1_500);
});

test('volume by channel and by level equals a direct count', async ({ page }) => {
  await openReports(page);
  await page.getByTestId('tab-volume').click();
  const today = spDate(Date.now());
  const from = spDate(spMidnight(today) - 14 * DAY_MS);
  const to = spDate(spMidnight(today) - DAY_MS);
  await typeDate(page.getByTestId('report-from'), from);
  await typeDate(page.getByTestId('report-to'), to);
  await page.getByTestId('report-granularity').selectOption('day');
  await page.getByTestId('report-granularity').selectOption('week'); // each choice runs the report again
  // No "Atualizar": the table is the answer for the period typed, by week.
  await expect(page.getByTestId('volume-table')).toHaveAttribute('data-from', from);
  await expect(page.getByTestId('volume-table')).toHaveAttribute('data-to', to);
  await expect(page.getByTestId('volume-table').locator('tbody tr td').first()).toHaveText(/^sem\. \d{2}\/\d{2}$/);
  const replica = openReplica(dataDir);
  const opened = replica.ocs.filter((oc) => oc.createdAt >= spMidnight(from) && oc.createdAt < spMidnight(to) + DAY_MS);
  const escalated = (id: string) => (replica.eventsOf.get(id) ?? []).some((e) => e.data.type === 'escalated');
  const total = await cells(page, '[data-testid="volume-table"] tfoot tr');
  // Período | Extranet | Telefone | Skype | Interno | N1 | escalated | other | total
  expect(total.slice(1).map(count)).toEqual([
    opened.filter((o) => o.channel === 'extranet').length,
    opened.filter((o) => o.channel === 'phone').length,
    opened.filter((o) => o.channel === 'skype').length,
    opened.filter((o) => o.channel === 'internal').length,
    opened.filter((o) => !escalated(o.id) && o.solvedAt !== null).length,
    opened.filter((o) => escalated(o.id)).length,
    opened.filter((o) => !escalated(o.id) && o.solvedAt === null).length,
    opened.length,
  ]);
  await expect(page.getByTestId('volume-channel-chart')).toBeVisible();
  await expect(page.getByTestId('volume-level-chart')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'reports-volume.png') });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('volume-export-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`volume-${from}-${to}.csv`);
  expect(readFileSync(await csv.path(), 'utf8').split('\r\n')).toContain(total.join(';'));
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('volume-export-pdf').click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('reports are for leads: an N1 analyst has no entry and is refused', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'ana');
  await expect(page.getByTestId('lead-nav')).toHaveCount(0);
  await goToRoute(page, '#/relatorios');
  await expect(page.getByText('Relatórios são para líderes e administradores.')).toBeVisible();
});
