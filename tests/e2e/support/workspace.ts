import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** A 1920×1080 screenshot of a main screen, kept as a test artifact. */
export const shot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(250); // let the last transition settle
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
};

export const login = async (page: Page, user: string): Promise<void> => {
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('workspace')).toBeVisible();
};

export const logout = async (page: Page): Promise<void> => {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-page')).toBeVisible();
};

/** The OC numbers of the rows a queue table shows (top to bottom, as rendered). */
export const rowNumbers = async (page: Page, table: string): Promise<string[]> =>
  page.getByTestId(table).locator('[data-testid="queue-row"] .q-number .mono').allTextContents();

/** Opens the first OC of the Disponíveis tab of my queue (once the tab shows one) and returns its number. */
export const openFirstAvailable = async (page: Page): Promise<string> => {
  await page.getByTestId('tab-available').click();
  await expect(page.getByTestId('queue-table').locator('[data-testid="queue-row"]').first()).toBeVisible();
  const number = (await rowNumbers(page, 'queue-table'))[0] as string;
  await openFromQueue(page, 'queue-table', number);
  return number;
};

export const openFromQueue = async (page: Page, table: string, number: string): Promise<void> => {
  await page.getByTestId(table).locator('[data-testid="queue-row"]', { hasText: number }).first().click();
  await expect(page.getByTestId('oc-number')).toHaveText(number);
};

export const toast = (page: Page) => page.getByTestId('toast');

/**
 * The demo data is generated "as of now", so an analyst may start the day at full capacity (take is then refused,
 * rightly). Tests that take an OC first resolve OCs in hand, as the analyst would.
 */
export const ensureCapacity = async (page: Page): Promise<void> => {
  await page.getByTestId('nav-queue').click();
  for (let i = 0; i < 6; i++) {
    const capacity = page.getByTestId('capacity');
    await expect(capacity).toBeVisible();
    if (!(await capacity.evaluate((el) => el.classList.contains('is-full')))) return;
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: 'Em atendimento' }).first().click();
    await page.getByTestId('action-resolve').click();
    await page.getByTestId('resolve-dialog-text').fill('Resolvido para liberar capacidade.');
    await page.getByTestId('resolve-dialog-confirm').click();
    await expect(page.getByTestId('resolve-dialog')).toBeHidden();
    await page.getByTestId('nav-queue').click();
  }
};
