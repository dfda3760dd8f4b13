import { expect, test } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { ensureCapacity, login, rowNumbers, shot } from './support/workspace';

// Nothing typed is lost (drafts survive navigation and reload); every frequent action has a shortcut,
// listed in the help overlay; the command palette reaches the screens and OCs.

let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 3_000, seed: 1 });
});
test.afterEach(async () => {
  await shell?.stop();
});

test('a reply and a half-filled escalation survive navigation and a reload', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'diego');
  await page.getByTestId('tab-mine').click();
  const mine = await rowNumbers(page, 'queue-table');
  expect(mine.length).toBeGreaterThan(0);
  await page.getByTestId('queue-table').locator('[data-testid="queue-row"]').first().click();
  const number = (await page.getByTestId('oc-number').textContent()) as string;

  const text = 'Rascunho: verificar a tabela de preços do cliente antes de responder.';
  await page.getByTestId('composer-public').click();
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-note').click();
  await page.getByTestId('composer-input').fill('Nota ainda não enviada');

  // Away and back: both drafts are there.
  await page.getByTestId('nav-team').click();
  await expect(page.getByTestId('team-page')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('oc-number')).toHaveText(number);
  await page.getByTestId('composer-public').click();
  await expect(page.getByTestId('composer-input')).toHaveValue(text);

  // A reload (same session, same desktop): still there.
  await page.reload();
  await expect(page.getByTestId('oc-number')).toHaveText(number);
  await page.getByTestId('composer-public').click();
  await expect(page.getByTestId('composer-input')).toHaveValue(text);
  await page.getByTestId('composer-note').click();
  await expect(page.getByTestId('composer-input')).toHaveValue('Nota ainda não enviada');
});

test('shortcuts: help overlay, command palette, go-to keys and take next', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'diego');
  await ensureCapacity(page);
  await page.locator('body').click({ position: { x: 900, y: 700 } });

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeVisible();
  await expect(page.getByTestId('shortcuts-help')).toContainText('Escalar para N2');
  await expect(page.getByTestId('shortcuts-help')).toContainText('Paleta de comandos');
  await shot(page, '10-atalhos');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.getByTestId('palette-input').fill('equipe');
  await shot(page, '11-paleta-de-comandos');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('team-page')).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('f');
  await expect(page.getByTestId('my-queue')).toBeVisible();

  await page.keyboard.press('n');
  await expect(page.getByTestId('oc-page')).toBeVisible();
  await expect(page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');
  // Esc goes back to the list.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('my-queue')).toBeVisible();

  // English is the second language; domain words keep their Portuguese names.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('my-queue').locator('h1')).toHaveText('My queue');
  await expect(page.getByTestId('tab-available')).toContainText('Available');
  await shot(page, '17-minha-fila-em-ingles');
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('my-queue').locator('h1')).toHaveText('Minha fila');
});
