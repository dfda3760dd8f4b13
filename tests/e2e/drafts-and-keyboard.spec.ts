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

test('queue keys: a cursor at once, J K ↑ ↓ and Enter from anywhere, back on the row after Esc; the palette offers the OC actions; a template filled and Tab-ed; reply and solve in one step', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'diego');
  await ensureCapacity(page);
  await page.getByTestId('tab-available').click();
  const numbers = await rowNumbers(page, 'queue-table');
  expect(numbers.length).toBeGreaterThan(3);
  const cursorNumber = page.getByTestId('queue-table').locator('.q-row.is-cursor .q-number .mono');
  // The list shows with its cursor on the first row, before anyone clicks or tabs into it.
  await expect(cursorNumber).toHaveText(numbers[0] as string);

  // Keys work with the focus elsewhere on the page (the heading), not only inside the list.
  await page.getByTestId('my-queue').locator('h1').click();
  for (const [key, at] of [['j', 1], ['ArrowDown', 2], ['k', 1], ['ArrowUp', 0], ['J', 1]] as const) {
    await page.keyboard.press(key);
    await expect(cursorNumber, `after ${key}`).toHaveText(numbers[at] as string);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('oc-page')).toHaveAttribute('data-oc-number', numbers[1] as string);

  // Esc goes back to the list, its cursor on the row the analyst came from, the list focused for the next key.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('my-queue')).toBeVisible();
  await expect(cursorNumber).toHaveText(numbers[1] as string);
  await expect(page.getByTestId('queue-table-body')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cursorNumber).toHaveText(numbers[2] as string);

  // Inside an OC, Ctrl+K offers what can be done to it now.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('oc-page')).toHaveAttribute('data-oc-number', numbers[2] as string);
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toContainText(`Assumir · ${numbers[2] as string}`);
  await shot(page, '11b-paleta-na-oc');
  await page.getByTestId('palette-input').fill('assumir');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');
  // Taken, the OC offers its next actions instead.
  await page.keyboard.press('Control+k');
  await expect(palette).not.toContainText('Assumir ·');
  await expect(palette).toContainText(`Escalar para N2 · ${numbers[2] as string}`);
  await page.keyboard.press('Escape');

  // A template fills what the OC knows; its [placeholders] are typed over in turn with Tab, then Tab leaves.
  await page.getByTestId('composer-public').click();
  await page.getByTestId('templates').click();
  await page.getByTestId('templates-item-fiscal').click();
  // As a person does: once the template is in the composer with its first [placeholder] selected.
  const input = page.getByTestId('composer-input');
  await expect(input).toBeFocused();
  await expect.poll(() => input.evaluate((el) => {
    const area = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
    return area.value.slice(area.selectionStart, area.selectionEnd);
  })).toBe('[campo]');
  await page.keyboard.type('CST');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cadastros > Produtos');
  await expect(input).toHaveValue(new RegExp(`^Olá(, \\p{L}+)?! Analisamos a rejeição da ocorrência ${numbers[2] as string} e identificamos que a informação apontada como incorreta é: CST na tela Cadastros > Produtos\\.`, 'u'));
  await expect(input).toHaveValue(/Atenciosamente,\nDiego Nunes — Suporte UNO$/);
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  const answer = await input.inputValue();

  // "Solucionar" offers the reply being written: one step replies to the customer and solves the OC.
  await page.getByTestId('action-resolve').click();
  await expect(page.getByTestId('resolve-dialog-reply')).toHaveValue(answer);
  await page.getByTestId('resolve-dialog-text').fill('Orientado a corrigir o CST no cadastro do produto.');
  await expect(page.getByTestId('resolve-dialog-confirm')).toHaveText(/Responder e solucionar/);
  await page.getByTestId('resolve-dialog-confirm').click();
  await expect(page.getByTestId('resolve-dialog')).toBeHidden();
  await expect(page.getByTestId('interaction-public_reply').filter({ hasText: 'CST na tela Cadastros > Produtos' })).toBeVisible();
  await expect(page.getByTestId('oc-page').locator('.oc-badges')).toContainText('Solucionada');
  await expect(input).toHaveValue('');
  // Out of the OC (Esc from the page, not from a field), its actions leave the palette.
  await page.getByTestId('oc-page').locator('h1').first().click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('my-queue')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(palette).not.toContainText(numbers[2] as string);
});
