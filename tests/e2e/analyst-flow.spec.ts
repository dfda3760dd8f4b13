import { expect, test } from '@playwright/test';
import { startShell, type ShellProcess } from './support/processes';
import { ensureCapacity, login, logout, openFromQueue, rowNumbers, shot, toast } from './support/workspace';

// One desktop (the replica alone): the N1 → N2 → lead path of SPEC §2/§4 through the real screens.
// Diego (N1) and Sabrina (N2) share specialties (Logística, Faturamento, Folha, Financeiro × Serviços,
// Construção, Distribuição), so what Diego escalates lands in Sabrina's N2 queue.

let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 3_000, seed: 1 });
});
test.afterEach(async () => {
  await shell?.stop();
});

test('N1 takes the most urgent OC of their specialty, replies and escalates; N2 sees it; a lead reassigns', async ({ page }) => {
  await page.goto(shell.url);
  await shot(page, '01-login');
  await login(page, 'diego');
  await expect(page.getByTestId('my-queue')).toBeVisible();
  await ensureCapacity(page);

  // Minha fila → Disponíveis: my specialties at my level, soonest breach first.
  await page.getByTestId('tab-available').click();
  const available = await rowNumbers(page, 'queue-table');
  expect(available.length).toBeGreaterThan(0);
  await shot(page, '02-minha-fila-disponiveis');
  const number = available[0] as string;
  await openFromQueue(page, 'queue-table', number);
  await expect(page.getByTestId('oc-assignee')).toContainText('Sem responsável');

  // Take it.
  await page.getByTestId('action-take').click();
  await expect(toast(page).filter({ hasText: `Você assumiu ${number}` })).toBeVisible();
  await expect(page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');

  // Public reply (R focuses the composer, Ctrl+Enter sends).
  await page.keyboard.press('r');
  const reply = 'Olá! Reproduzimos a situação e estamos analisando a causa com a equipe.';
  await page.getByTestId('composer-input').fill(reply);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('interaction-public_reply').filter({ hasText: reply })).toBeVisible();
  await expect(page.getByTestId('composer-input')).toHaveValue('');
  await shot(page, '03-oc-detalhe');

  // An N0 article (manual, blog, Universidade UNO) goes into the reply box, to be reviewed and sent.
  await page.getByTestId('article-use').first().click();
  await expect(page.getByTestId('composer-input')).toHaveValue(/Manual eletrônico do UNO ERP/);
  await page.getByTestId('composer-input').fill('');

  // Escalate to N2: the simulation record is required, and its gaps are explained.
  await page.getByTestId('action-escalate').click();
  await expect(page.getByTestId('escalate-dialog')).toBeVisible();
  await page.getByTestId('escalate-confirm').click();
  await expect(page.getByTestId('escalate-dialog')).toContainText('Descreva os passos (mínimo 10 caracteres).');
  await page.getByTestId('sim-steps').fill('1. Abrir o pedido 4821\n2. Faturar com a tabela de preços B\n3. Conferir o total');
  await page.getByTestId('sim-environment').fill('UNO ERP 2026.11.23, base de homologação do cliente');
  await page.getByTestId('sim-evidence').fill('Print do pedido e log do faturamento');
  await page.getByTestId('sim-expected').fill('Desconto de 10% aplicado no total');
  await page.getByTestId('sim-actual').fill('Total sai sem o desconto');
  await shot(page, '04-escalar-registro-simulacao');
  await page.getByTestId('escalate-confirm').click();
  await expect(page.getByTestId('escalate-dialog')).toBeHidden();
  await expect(toast(page).filter({ hasText: `${number} escalada para o Nível 2` })).toBeVisible();
  await expect(page.locator('.oc-badges .level')).toHaveText('N2');
  await expect(page.getByTestId('oc-assignee')).toContainText('Sem responsável');
  await expect(page.getByTestId('interaction-simulation_record')).toContainText('Total sai sem o desconto');
  await logout(page);

  // The N2 analyst of the same specialties finds it in the N2 queue.
  await login(page, 'sabrina');
  await page.getByTestId('tab-available').click();
  await expect(page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: number })).toBeVisible();
  await shot(page, '05-fila-n2');
  await openFromQueue(page, 'queue-table', number);
  await expect(page.getByTestId('action-take')).toBeEnabled();
  await logout(page);

  // A lead reassigns it (SPEC §8: only leads reassign someone else's OC).
  await login(page, 'beatriz');
  await page.getByTestId('nav-team').click();
  // A saved view: Nível 2 only, grouped by module; it is listed in the sidebar and comes back on click.
  await page.getByTestId('filter-level').click();
  await page.getByRole('listbox', { name: 'Nível' }).getByText('Nível 2').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('group-by').selectOption('module');
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('N2 por módulo');
  await page.getByTestId('save-view-confirm').click();
  await expect(page.locator('.sidebar').getByText('N2 por módulo')).toBeVisible();
  await page.getByTestId('view-open').click();
  await expect(page.getByTestId('group-by')).toHaveValue('none');
  await page.locator('.sidebar').getByText('N2 por módulo').click();
  await expect(page.getByTestId('group-by')).toHaveValue('module');
  await expect(page.getByTestId('filter-level')).toContainText('Nível 2');
  await page.getByTestId('group-by').selectOption('none');
  await page.getByTestId('quick-filter').fill(number);
  await expect(page.getByTestId('team-table').locator('[data-testid="queue-row"]')).toHaveCount(1);
  await shot(page, '06-equipe');
  await openFromQueue(page, 'team-table', number);
  await page.getByTestId('action-more').click();
  await page.getByRole('menuitem', { name: 'Reatribuir' }).click();
  // Each analyst with what they hold against their capacity; those with room come first, a full one is said so.
  const options = page.getByTestId('reassign-to').locator('option[data-load]');
  await expect(options.first()).toContainText(/ · \d+ de \d+ OCs/);
  const loads = await options.evaluateAll((all) => all.map((o) => ({ load: Number(o.getAttribute('data-load')), capacity: Number(o.getAttribute('data-capacity')), text: o.textContent ?? '' })));
  const fullAt = loads.map((l) => l.load >= l.capacity);
  expect(fullAt).toEqual([...fullAt].sort((a, b) => Number(a) - Number(b)));
  for (const l of loads) expect(l.text).toContain(`${l.load} de ${l.capacity} OCs${l.load >= l.capacity ? ' · sem capacidade' : ''}`);
  const rafael = await page.getByTestId('reassign-to').locator('option', { hasText: 'Rafael Andrade' }).getAttribute('value');
  await page.getByTestId('reassign-to').selectOption(rafael as string);
  await shot(page, '07-reatribuir');
  await page.getByTestId('reassign-confirm').click();
  await expect(page.getByTestId('oc-assignee')).toContainText('Rafael Andrade');
  await expect(page.getByTestId('timeline')).toContainText('reatribuiu');
});
