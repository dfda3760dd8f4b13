import { expect, test, type Page } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { login, logout, shot, toast } from './support/workspace';

// The phone panel (manual FAQ 2, 3, 6): find the customer, log the call, open an OC from it, and leave a recado
// for the analyst the customer wanted; the recado shows in that analyst's queue until done.

let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 3_000, seed: 1 });
});
test.afterEach(async () => {
  await shell?.stop();
});

/** Picks the first search result whose customer may open OCs (the manual's three prerequisites). */
const pickEligibleCustomer = async (page: Page): Promise<string> => {
  await page.getByTestId('phone-search').fill('Ltda');
  const results = page.getByTestId('phone-result');
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  for (let i = 0; i < count; i++) {
    await results.nth(i).click();
    await expect(page.getByTestId('eligibility')).toBeVisible();
    if ((await page.getByTestId('eligibility').textContent())?.includes('Apto') === true) return (await results.nth(i).locator('.result-name').textContent()) ?? '';
  }
  throw new Error('no eligible customer among the results');
};

test('a phone call becomes an OC and a recado for a named analyst', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'diego');
  await page.getByTestId('nav-phone').click();
  await page.getByTestId('phone-start').click();
  await expect(page.getByTestId('call-live')).toBeVisible();
  const customer = await pickEligibleCustomer(page);

  await page.getByTestId('phone-notes').fill('Cliente relata que o boleto saiu com juros em dobro para o vencimento de hoje.');
  await page.getByTestId('tab-oc').click();
  await page.getByTestId('phone-oc-subject').fill('Boleto com juros em dobro');
  await shot(page, '08-telefone');
  await page.getByTestId('phone-submit').click();
  const created = toast(page).filter({ hasText: 'aberta a partir da ligação' });
  await expect(created).toBeVisible();
  const number = ((await created.textContent()) ?? '').match(/(OC-\d{4}-\d{6}|PROV-[0-9A-F]{6})/)?.[1];
  expect(number).toBeDefined();

  // The same call leaves a recado for Sabrina, about the new OC.
  await page.getByTestId('tab-recado').click();
  const sabrina = await page.getByTestId('recado-for').locator('option', { hasText: 'Sabrina Freitas' }).getAttribute('value');
  await page.getByTestId('recado-for').selectOption(sabrina as string);
  await expect(page.getByTestId('recado-oc')).toContainText(number as string);
  await page.getByTestId('recado-message').fill('Cliente pediu retorno da Sabrina sobre a conciliação de ontem.');
  await page.getByTestId('phone-submit').click();
  await expect(toast(page).filter({ hasText: 'Recado deixado para Sabrina Freitas' })).toBeVisible();

  // The OC exists, from the phone, with the call logged on it.
  await page.getByTestId('phone-open-ocs').getByText(number as string).click();
  await expect(page.getByTestId('oc-number')).toHaveText(number as string);
  await expect(page.getByTestId('oc-subject')).toHaveText('Boleto com juros em dobro');
  await expect(page.getByTestId('interaction-call_log')).toContainText('juros em dobro');
  await logout(page);

  // Sabrina sees the recado in her queue until she marks it done.
  await login(page, 'sabrina');
  const recado = page.getByTestId('recado').filter({ hasText: 'conciliação de ontem' });
  await expect(recado).toBeVisible();
  await expect(recado).toContainText('Diego Nunes');
  await shot(page, '09-recados-na-fila');
  await recado.getByRole('button', { name: 'Concluído' }).click();
  await expect(recado).toBeHidden();
  expect(customer.length).toBeGreaterThan(0);
});
