import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { goToRoute, SHOTS } from './board-support';
import { DAY_MS, openReplica, runningDeadlines, spDate, spMidnight } from './reports-direct';
import { startShell, type ShellProcess } from './support/processes';
import { login } from './support/workspace';
import { typeDate } from './support/date-fields';

// The lead's configuration (SPEC §3 rule 7, §8): a holiday added to the calendar is a new policy version that
// applies from the edit onward — open OCs keep their deadlines until the lead runs the explicit recompute.

let shell: ShellProcess;
let dataDir: string;

test.beforeEach(async ({ browserName: _browser }, testInfo) => {
  dataDir = testInfo.outputPath('desktop');
  shell = await startShell({ dataDir, local: true, ocs: 3_000, seed: 4 });
});
test.afterEach(async () => {
  await shell?.stop();
});

/** Deadlines of the "breaching next" rows, by OC and clock. */
const boardDeadlines = async (page: Page): Promise<Map<string, number>> => {
  await goToRoute(page, '#/board');
  await expect(page.locator('.bn-row').first()).toBeVisible();
  await page.waitForTimeout(500);
  const rows = await page.locator('.bn-row').evaluateAll((list) => list.map((r) => [r.getAttribute('data-oc'), r.getAttribute('data-due-at')]));
  return new Map(rows.map(([oc, due]) => [String(oc), Number(due)]));
};

const isWeekday = (date: string): boolean => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

test('a holiday changes open deadlines only after the explicit recompute', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  // Every running deadline of the replica, evaluated directly with the engine (the board shows the soonest).
  const deadlines = (): Map<string, number> => runningDeadlines(openReplica(dataDir).evaluate(Date.now()));
  const before = deadlines();
  const boardBefore = await boardDeadlines(page);
  // Close a business day after today on which open deadlines fall: they must move, and only after the recompute.
  const today = spDate(Date.now());
  const target = [...before.values()].map(spDate).sort().find((d) => d > today && isWeekday(d)) ??
    ([1, 2, 3, 4, 5].map((n) => spDate(spMidnight(today) + n * DAY_MS)).find(isWeekday) as string);

  await goToRoute(page, '#/configuracoes');
  await page.getByTestId('tab-calendars').click();
  const calendar = page.locator('[data-calendar="comercial"]');
  await typeDate(calendar.getByTestId('override-date'), target);
  await calendar.getByTestId('override-reason').fill('Feriado municipal');
  await calendar.getByTestId('override-add').click();
  await expect(calendar.locator(`[data-date="${target}"]`)).toContainText('Fechado o dia todo');
  await expect(page.getByTestId('settings-savebar')).toContainText('Alterações não salvas');
  await page.screenshot({ path: resolve(SHOTS, 'settings-calendars.png') });
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toContainText('Versão 2 salva');
  expect(openReplica(dataDir).configs(2).calendars.find((c) => c.id === 'comercial')?.overrides).toContainEqual({ date: target, intervals: [], reason: 'Feriado municipal' });

  // Saved: the version is in force for new OCs; the open ones keep their deadlines, on the board too.
  const saved = deadlines();
  for (const [key, due] of before) if (saved.has(key)) expect(saved.get(key)).toBe(due);
  // (The demo's simulated team keeps working meanwhile: an OC answered in the meantime leaves the board. Those on it
  // both times keep their deadline.)
  const boardSaved = await boardDeadlines(page);
  const onBoth = [...boardBefore].filter(([oc]) => boardSaved.has(oc));
  expect(onBoth.length).toBeGreaterThan(0);
  for (const [oc, due] of onBoth) expect(boardSaved.get(oc), oc).toBe(due);

  await goToRoute(page, '#/configuracoes');
  await page.getByTestId('tab-recompute').click();
  await expect(page.getByTestId('settings-recompute').locator('tr[data-version="1"]')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'settings-recompute.png') });
  await page.getByTestId('recompute-open').click();
  await expect(page.getByTestId('recompute-confirm')).toBeVisible();
  await page.getByTestId('recompute-confirm-button').click();
  await expect(page.getByTestId('recompute-none')).toBeVisible();

  // Recomputed: deadlines on or after the closed day move later; those before it stay.
  const after = deadlines();
  const moved = [...before].filter(([key, due]) => spDate(due) >= target && after.has(key));
  expect(moved.length).toBeGreaterThan(0);
  for (const [key, due] of moved) expect(after.get(key) as number).toBeGreaterThan(due);
  for (const [key, due] of before) if (spDate(due) < target && after.has(key)) expect(after.get(key)).toBe(due);
  const boardAfter = await boardDeadlines(page);
  for (const [oc, due] of boardBefore) if (spDate(due) < target && boardAfter.has(oc)) expect(boardAfter.get(oc)).toBe(due);
  expect(openReplica(dataDir).ocs.filter((oc) => oc.slaConfigVersion === 1 && oc.closedAt === null && oc.solvedAt === null).length).toBe(0);
});

test('targets, policy, modules, analysts and releases screens; changes are validated', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-targets')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'settings-targets.png') });

  // A first response longer than the resolution is refused with the reason, and nothing is saved.
  const response = page.getByTestId('target-prata-baixa-response');
  await response.getByRole('spinbutton').first().fill('900');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-savebar')).toContainText('não pode vencer depois da solução');
  // Leaving with the draft unsaved asks first: staying keeps every value typed; a tab of the same draft does not ask.
  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('leave-prompt')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'settings-leave-prompt.png') });
  await page.getByTestId('leave-stay').click();
  await expect(page.getByTestId('leave-prompt')).toHaveCount(0);
  await expect(response.getByRole('spinbutton').first()).toHaveValue('900');
  await page.evaluate('window.history.back()'); // the browser's back asks too
  await expect(page.getByTestId('leave-prompt')).toBeVisible();
  await page.getByTestId('leave-stay').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await page.getByTestId('settings-discard').click();
  await expect(page.getByTestId('settings-savebar')).toHaveCount(0);

  await page.getByTestId('tab-policy').click();
  await expect(page.getByTestId('settings-policy')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'settings-policy.png') });

  await page.getByTestId('tab-catalog').click();
  const modules = page.getByTestId('catalog-module');
  await page.getByTestId('catalog-new-module').fill('E-commerce B2B');
  await modules.getByRole('button', { name: 'Adicionar' }).click();
  await expect(modules.locator('[data-catalog="e_commerce_b2b"] input[type="text"], [data-catalog="e_commerce_b2b"] input:not([type])').first()).toHaveValue('E-commerce B2B');
  await page.getByTestId('catalog-new-module').fill('Fiscal');
  await modules.getByRole('button', { name: 'Adicionar' }).click();
  await expect(modules).toContainText('Já existe um módulo chamado "Fiscal"');
  await expect(page.getByTestId('catalog-new-module')).toHaveValue('Fiscal'); // a refused name stays to be mended
  await page.screenshot({ path: resolve(SHOTS, 'settings-catalog.png') });

  // "Fiscal" is still typed: another tab would lose it, so it asks.
  await page.getByTestId('tab-people').click();
  await expect(page.getByTestId('leave-prompt')).toBeVisible();
  await page.getByTestId('leave-discard').click();
  const diego = page.getByTestId('settings-people').locator('tr[data-analyst="diego"]');
  await diego.getByRole('button', { name: 'Editar' }).click();
  await expect(page.getByTestId('analyst-role')).toBeDisabled();
  await page.getByTestId('analyst-capacity').fill('12');
  await page.screenshot({ path: resolve(SHOTS, 'settings-analyst.png') });
  await page.getByTestId('analyst-save').click();
  await expect(page.getByTestId('analyst-dialog')).toHaveCount(0);
  await expect(diego.locator('td').nth(6)).toHaveText('12');

  await page.getByTestId('tab-releases').click();
  await expect(page.getByTestId('settings-releases')).toBeVisible();
  await expect(page.getByTestId('releases-waiting')).toBeVisible();
  await page.screenshot({ path: resolve(SHOTS, 'settings-releases.png') });
});
