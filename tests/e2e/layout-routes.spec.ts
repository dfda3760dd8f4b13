import { expect, test, type Page } from '@playwright/test';
import { WORST_CASE_TEXT } from '../../src/shared/demo/worst-case';
import { startShell, type ShellProcess } from './support/processes';
import { RouteTour } from './support/route-tour';
import { login, logout } from './support/workspace';

// Issue 12, deliverable 2 for the workspace routes: on the worst-case data (the longest names, 200-character
// subjects, a 99-day breach, every status), every route — login, my queue, team, an OC with its menus and each
// of its dialogs, phone, search, customers, each report, each settings section — at 1366×768 and 1920×1080,
// in pt-BR and in English: the layout-integrity check finds nothing, no Portuguese is left in the English UI, and
// numbers, plurals and date fields follow the app's language, not the browser's (the browser is set to the other
// language on purpose). One shell for the spec; sizes are switched in place.

let shell: ShellProcess;

test.describe.configure({ mode: 'serial', timeout: 600_000 });
test.use({ trace: 'off' });

test.beforeAll(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, fixture: 'worst-case' });
});
test.afterAll(async () => {
  await shell?.stop();
});

const closeDialog = async (page: Page): Promise<void> => {
  await page.keyboard.press('Escape');
  await expect(page.locator('[aria-modal="true"]')).toHaveCount(0);
};

/** Opens the first OC of the team's "all" view that has this status (and level), through the status filter. */
const openOcWith = async (page: Page, status: string, level?: string): Promise<void> => {
  await page.getByTestId('nav-team').click();
  await page.getByTestId('filter-reset').click();
  await page.getByTestId('view-all').click();
  await page.getByTestId('filter-status').click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await page.keyboard.press('Escape');
  if (level !== undefined) {
    await page.getByTestId('filter-level').click();
    await page.getByRole('option', { name: level, exact: true }).click();
    await page.keyboard.press('Escape');
  }
  const row = page.getByTestId('team-table').locator('[data-testid="queue-row"]').first();
  // The view reloads from the replica after each filter: wait for its rows (the fixture has every status).
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(page.getByTestId('oc-page')).toBeVisible();
};

/** Each enabled action of the open OC that opens a dialog: open it, look, close it. */
const lookAtDialogs = async (page: Page, tour: RouteTour, seen: Set<string>): Promise<void> => {
  const bar = page.getByTestId('action-bar');
  for (const id of ['call', 'escalate', 'return', 'resolve', 'reopen']) {
    const button = bar.getByTestId(`action-${id}`);
    if (seen.has(id) || (await button.count()) === 0 || (await button.isDisabled())) continue;
    await button.click();
    await expect(page.locator('[aria-modal="true"]')).toBeVisible();
    await tour.look(`oc-dialog-${id}`);
    await closeDialog(page);
    seen.add(id);
  }
  const more = page.getByTestId('action-more');
  if ((await more.count()) === 0) return;
  await more.click();
  const items = page.getByTestId('action-more-menu').getByRole('menuitem');
  const enabled = await items.evaluateAll((all) => all.filter((el) => el.getAttribute('aria-disabled') !== 'true').map((el) => (el.getAttribute('data-testid') ?? '').replace('action-more-item-', '')));
  await page.keyboard.press('Escape');
  for (const id of enabled) {
    if (seen.has(id)) continue;
    await more.click();
    await page.getByTestId(`action-more-item-${id}`).click();
    await expect(page.locator('[aria-modal="true"]')).toBeVisible();
    await tour.look(`oc-dialog-${id}`);
    await closeDialog(page);
    seen.add(id);
  }
};

/** Menus by keyboard: Enter opens on the first item, arrows wrap, Escape closes and gives focus back; a picked item's dialog gives it back too. */
const keyboardOnMenus = async (page: Page): Promise<void> => {
  const focused = (): Promise<string> => page.evaluate('document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.getAttribute("role") ?? ""') as Promise<string>;
  await page.getByTestId('templates').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('templates-menu').getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('templates-menu').getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('templates-menu')).toHaveCount(0);
  expect(await focused()).toBe('templates');
  await page.getByTestId('action-more').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('action-more-item-reassign')).toBeVisible();
  await page.keyboard.type('Reat');
  await expect(page.getByTestId('action-more-item-reassign')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reassign-dialog')).toBeVisible();
  await expect(page.getByTestId('reassign-to')).toBeFocused();
  await closeDialog(page);
  expect(await focused()).toBe('action-more');
};

for (const lang of ['pt-BR', 'en'] as const) {
  test(`every route fits at 1366×768 and 1920×1080 on the worst-case data, in ${lang}`, async ({ browser }) => {
    // The browser speaks the other language: whatever follows it instead of the app shows up.
    const browserLocale = lang === 'pt-BR' ? 'en-US' : 'pt-BR';
    const context = await browser.newContext({ locale: browserLocale, timezoneId: 'America/Sao_Paulo' });
    await context.addInitScript(`localStorage.setItem('soe.lang', '${lang}')`);
    const page = await context.newPage();
    const tour = new RouteTour(page, lang);
    const en = lang === 'en';

    await page.goto(shell.url);
    await expect(page.getByTestId('login-page')).toBeVisible();
    await tour.look('login');

    // The N1 analyst with the longest name: his queue, recados, the phone, search and the workspace popovers.
    await login(page, 'maximiliano');
    await expect(page.getByTestId('queue-table').locator('[data-testid="queue-row"]').first()).toBeVisible();
    await tour.look('queue-mine');
    await page.getByTestId('tab-available').click();
    await tour.look('queue-available');
    await page.getByTestId('notifications').click();
    // The bell lists what is breached on his OCs now, the 99-day breach first — not only what happened live.
    await expect(page.getByTestId('notif-active').locator('li').first()).toContainText(en ? 'breached 99d 23h ago' : 'estourado há 99d 23h');
    await tour.look('popover-notifications');
    await page.keyboard.press('Escape');
    await page.getByTestId('sync-indicator').click();
    await tour.look('popover-sync');
    await page.keyboard.press('Escape');
    await page.getByTestId('open-palette').click();
    await tour.look('command-palette');
    await closeDialog(page);
    await page.getByTestId('open-help').click();
    await tour.look('shortcuts-help');
    await closeDialog(page);

    await page.getByTestId('nav-phone').click();
    await page.getByTestId('phone-search').fill(WORST_CASE_TEXT.longestCustomer.slice(0, 20));
    await page.getByTestId('phone-result').first().click();
    await expect(page.getByTestId('phone-open-ocs')).toBeVisible();
    await tour.look('phone');

    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('OC-2026-000001');
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('search-hit')).toHaveCount(1);
    // One result, in the singular.
    await expect(page.getByTestId('search-total')).toHaveText('1 ocorrência');
    await tour.look('search');
    await logout(page);

    // The lead: team, an OC with its menus and dialogs, customers, reports and settings.
    await login(page, 'beatriz');
    await page.getByTestId('nav-team').click();
    await page.getByTestId('view-all').click();
    await expect(page.getByTestId('team-loading-rest')).toBeHidden({ timeout: 60_000 });
    // Counts of thousands in the UI language: "1.535 OCs" / "1,535 OCs".
    await expect(page.getByTestId('team-page').locator('.page-sub')).toHaveText(en ? /^\d,\d{3} OCs$/ : /^\d\.\d{3} OCs$/);
    await tour.look('team');
    if (!en) {
      // Keyboard users get the whole text of the cursor row's cut cells (mouse users have the titles).
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByTestId('team-table-body').focus();
      // The cursor is on the first row as soon as the list shows: down and back up to it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await expect(page.getByTestId('cursor-peek')).toContainText(WORST_CASE_TEXT.realisticCustomer);
      await expect(page.getByTestId('team-table-body')).toHaveAttribute('aria-activedescendant', /^q-row-/);
      await page.mouse.click(5, 5);
      await expect(page.getByTestId('cursor-peek')).toHaveCount(0);
    }
    await page.getByTestId('filter-module').click();
    await tour.look('team-filter-open');
    await page.keyboard.press('Escape');

    await page.getByTestId('team-table').locator('[data-testid="queue-row"]', { hasText: 'OC-2026-000001' }).click();
    await expect(page.getByTestId('oc-page')).toBeVisible();
    await tour.look('oc');
    await page.getByTestId('templates').click();
    await tour.look('oc-menu-templates');
    await page.keyboard.press('Escape');
    if (!en) await keyboardOnMenus(page);
    await page.getByTestId('action-more').click();
    await tour.look('oc-menu-more');
    await page.keyboard.press('Escape');
    const seen = new Set<string>();
    await lookAtDialogs(page, tour, seen);
    for (const [status, level] of [[en ? 'Forwarded to development' : 'Encaminhada ao desenvolvimento'], [en ? 'Waiting for version' : 'Aguardando versão'], [en ? 'In progress' : 'Em atendimento', en ? 'Level 2' : 'Nível 2'], [en ? 'Solved' : 'Solucionada']] as const) {
      await openOcWith(page, status, level);
      await lookAtDialogs(page, tour, seen);
    }
    for (const id of ['call', 'escalate', 'return', 'resolve', 'reopen', 'dev', 'version', 'handoff', 'reassign', 'criticidade', 'cancel']) expect(seen, `the ${id} dialog was opened`).toContain(id);

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-search').fill(WORST_CASE_TEXT.longestCustomer.slice(0, 24));
    await page.getByTestId('customer-row').first().click();
    await expect(page.getByTestId('customer-contacts')).toBeVisible();
    await tour.look('customers');
    await page.getByTestId('contact-edit').first().click();
    await tour.look('customers-contact-dialog');
    await closeDialog(page);

    await page.getByTestId('nav-reports').click();
    // Date fields in the UI language's order: day first in pt-BR, month first in English.
    await expect(page.getByTestId('report-from').locator('[role="spinbutton"]').first()).toHaveAttribute('data-type', en ? 'month' : 'day');
    await tour.look('reports-compliance');
    await page.getByTestId('report-from-calendar').click();
    await tour.look('reports-calendar');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-penalties').click();
    await page.getByTestId('report-run').click();
    await expect(page.getByTestId('penalty-table')).toBeVisible();
    await tour.look('reports-penalties');
    await page.getByTestId('open-statement').first().click();
    await expect(page.getByTestId('penalty-statement')).toBeVisible();
    await tour.look('reports-penalty-statement');
    await closeDialog(page);
    await page.getByTestId('tab-volume').click();
    await page.getByTestId('report-run').click();
    await expect(page.getByTestId('volume-table')).toBeVisible();
    await tour.look('reports-volume');

    await page.getByTestId('nav-settings').click();
    for (const section of ['targets', 'calendars', 'policy', 'recompute', 'catalog', 'people', 'releases', 'desktop']) {
      await page.getByTestId(`tab-${section}`).click();
      await tour.look(`settings-${section}`);
    }
    await page.getByTestId('tab-people').click();
    await page.getByTestId('analyst-new').click();
    await tour.look('settings-analyst-dialog');
    await closeDialog(page);

    test.info().annotations.push({ type: 'screenshots', description: `${tour.shots.length} under test-results/screenshots/layout` });
    // The shell keeps its session: the next language starts from the login page again.
    await logout(page);
    await context.close();
    expect(tour.findings).toEqual([]);
  });
}
