import { expect, test, type Page } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { ensureCapacity, login, logout, shot, toast } from './support/workspace';

// The phone panel (manual FAQ 2, 3, 6): find the customer, log the call, open an OC from it, and leave a recado
// for the analyst the customer wanted; the recado shows in that analyst's queue until done.

let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  // A pinned business-hours instant: the demo's queues (who is full, what is due) do not depend on CI's clock.
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 3_000, seed: 1, now: '2026-12-07T11:22:00-03:00' });
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
  // The OC opened from the call goes to whoever took it, within capacity; the demo may start Diego full.
  await ensureCapacity(page);
  await page.getByTestId('nav-phone').click();
  await page.getByTestId('phone-start').click();
  await expect(page.getByTestId('call-live')).toBeVisible();
  const customer = await pickEligibleCustomer(page);

  // A call logged on the customer alone ("Só registrar") is not lost: it heads the recent calls, without an OC.
  await page.getByTestId('phone-notes').fill('Cliente ligou só para confirmar o horário do suporte.');
  await page.getByTestId('phone-submit').click();
  await expect(toast(page).filter({ hasText: 'Ligação registrada' })).toBeVisible();
  const latest = page.getByTestId('phone-calls').getByTestId('phone-call').first();
  await expect(latest).toContainText('sem OC');
  await expect(latest).toContainText('confirmar o horário do suporte');
  await expect(latest).toContainText('por Diego Nunes');
  await page.getByTestId('phone-start').click();

  await page.getByTestId('phone-notes').fill('Cliente relata que o boleto saiu com juros em dobro para o vencimento de hoje.');
  await page.getByTestId('tab-oc').click();
  await page.getByTestId('phone-oc-subject').fill('Boleto com juros em dobro');
  await shot(page, '08-telefone');
  await page.getByTestId('phone-submit').click();
  const created = toast(page).filter({ hasText: 'aberta a partir da ligação' });
  await expect(created).toBeVisible();
  const number = ((await created.textContent()) ?? '').match(/(OC-\d{4}-\d{6}|PROV-[0-9A-F]{6})/)?.[1];
  expect(number).toBeDefined();
  // This desktop has no server: the number is provisional, and the toast says so.
  await expect(created).toContainText('Número provisório');
  // The call is over (its timer stopped) and the form starts afresh.
  await expect(page.getByTestId('call-live')).toHaveCount(0);
  await expect(page.getByTestId('phone-notes')).toHaveValue('');
  await page.getByTestId('tab-oc').click();
  await expect(page.getByTestId('phone-oc-subject')).toHaveValue('');
  await expect(page.getByTestId('phone-calls').getByTestId('phone-call').first()).toContainText(number as string);

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
  // Whoever took the call holds the OC.
  await expect(page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');
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
