import { expect, test, type Page } from '@playwright/test';
import { cnpjCheckDigits } from '../../src/shared/domain/cnpj';
import { waitSynced } from './support/desktops';
import { freePort, startServerProcess, startShell, type ServerProcess, type ShellProcess } from './support/processes';
import { login, logout, shot } from './support/workspace';

// The customer register and passwords (SPEC §2, §8). A real central server runs beside the desktop: passwords are
// set online only, and the test then logs in with them — a contact on the Extranet API, an analyst on the desktop.

let server: ServerProcess;
let shell: ShellProcess;

test.beforeEach(async ({ browserName: _browser }, testInfo) => {
  testInfo.setTimeout(300_000);
  const port = await freePort();
  server = await startServerProcess({ dataDir: testInfo.outputPath('server'), port, ocs: 600, seed: 3 });
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), server: server.url, ocs: 0 });
});
test.afterEach(async () => {
  await shell?.stop();
  await server?.stop();
});

const loginWith = async (page: Page, user: string, password: string): Promise<void> => {
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
};

const extranetLogin = (email: string, password: string): Promise<Response> =>
  fetch(`${server.url}/extranet/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

const addContact = async (page: Page, contact: { name: string; email: string; phone: string; role: string }): Promise<void> => {
  await page.getByTestId('contact-new').click();
  const dialog = page.getByTestId('contact-dialog');
  await dialog.getByTestId('contact-name').fill(contact.name);
  await dialog.getByTestId('contact-role').selectOption(contact.role);
  await dialog.getByTestId('contact-email').fill(contact.email);
  await dialog.getByTestId('contact-phone').fill(contact.phone);
  await dialog.getByTestId('contact-extranet').check();
};

test('a lead registers a VIP customer, its Extranet contacts within the plan, the prerequisites and a contact password', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  await waitSynced(page);
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await expect(page.getByTestId('customer-count')).toContainText('clientes');
  await shot(page, 'customers-list');

  // New customer: an invalid CNPJ is refused with the reason, before anything is saved.
  const base = '451239870001';
  const digits = cnpjCheckDigits(base);
  const wrong = `${digits[0]}${(Number(digits[1]) + 1) % 10}`;
  await page.getByTestId('customer-new').click();
  const editor = page.getByTestId('customer-editor');
  await editor.getByTestId('customer-name').fill('Metalúrgica Horizonte Ltda.');
  await editor.getByTestId('customer-cnpj').fill(`45.123.987/0001-${wrong}`);
  await editor.getByTestId('customer-segment').selectOption('industria');
  await editor.getByTestId('customer-plan').selectOption('vip');
  await expect(editor).toContainText('Extranet: gerente de projeto + 1 contato.');
  await editor.getByTestId('customer-fee').fill('4.800,00');
  await editor.getByTestId('module-financeiro').check();
  await editor.getByTestId('module-fiscal').check();
  await editor.getByTestId('module-producao').check();
  await editor.getByTestId('customer-save').click();
  await expect(editor).toContainText('CNPJ inválido: os dígitos verificadores (os 2 últimos) não conferem');
  await expect(editor).toContainText('Corrija os campos marcados.');
  await expect(editor.getByTestId('eligibility-summary')).toContainText('Ainda não apto');
  await shot(page, 'customers-cnpj-invalid');
  await editor.getByTestId('customer-cnpj').fill(`451239870001${digits}`);
  await editor.getByTestId('customer-save').click();
  await expect(editor.getByTestId('customer-title')).toHaveText('Metalúrgica Horizonte Ltda.');
  await expect(page).toHaveURL(/#\/clientes\/[^/]+$/);
  await expect(editor.getByTestId('customer-cnpj')).toHaveValue(`45.123.987/0001-${digits}`);
  await page.getByTestId('customer-search').fill('horizonte');
  const listed = page.getByTestId('customer-row');
  await expect(listed).toHaveCount(1);
  await expect(listed.getByTestId('customer-state')).toHaveText('Faltam 3 de 3');

  // Contacts: the plan's rule is stated; the project manager and one additional contact get Extranet access.
  const contacts = page.getByTestId('customer-contacts');
  await expect(contacts.getByTestId('contacts-rule')).toContainText('Plano VIP: o gerente de projeto e mais 1 contato adicional acessam a Extranet.');
  await addContact(page, { name: 'Helena Prado', email: 'helena.prado@horizonte.ind.br', phone: '(47) 3321-4455', role: 'gerente_projeto' });
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-dialog')).toHaveCount(0);
  await addContact(page, { name: 'Otávio Reis', email: 'otavio.reis@horizonte.ind.br', phone: '(47) 99876-1234', role: 'contato_adicional' });
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-dialog')).toHaveCount(0);
  await expect(contacts.getByTestId('contacts-seats')).toHaveText('Acessos em uso: 2 de 2');

  // A third Extranet contact: warned while typing, refused by the mutator on save, with the plan-limit message.
  await addContact(page, { name: 'Paula Nogueira', email: 'paula.nogueira@horizonte.ind.br', phone: '', role: 'contato_adicional' });
  const dialog = page.getByTestId('contact-dialog');
  await expect(dialog.getByTestId('contact-seat-warning')).toContainText('Helena Prado, Otávio Reis');
  await page.getByTestId('contact-save').click();
  const refusal = dialog.getByTestId('contact-refusal');
  await expect(refusal).toContainText('Recusado pelo limite do plano');
  await expect(refusal).toContainText('O plano VIP permite o gerente de projeto e mais 1 contato na Extranet');
  await shot(page, 'customers-contact-refused');
  // Without Extranet access she is an ordinary contact, and that is accepted.
  await dialog.getByTestId('contact-extranet').uncheck();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-dialog')).toHaveCount(0);
  await expect(contacts.getByTestId('contact-row')).toHaveCount(3);
  // The quick toggle is refused the same way, right in the list.
  await contacts.locator('[data-contact="paula.nogueira@horizonte.ind.br"]').getByTestId('contact-extranet-toggle').click();
  await expect(contacts.getByTestId('contacts-refusal')).toContainText('O plano VIP permite o gerente de projeto e mais 1 contato na Extranet');
  await expect(contacts.locator('[data-contact="paula.nogueira@horizonte.ind.br"]').getByTestId('contact-extranet-toggle')).not.toBeChecked();
  await contacts.getByTestId('contact-row').last().scrollIntoViewIfNeeded();
  await shot(page, 'customers-contacts');
  await contacts.getByTestId('contacts-refusal').getByRole('button', { name: 'Fechar aviso' }).click();
  await expect(contacts.getByTestId('contacts-refusal')).toHaveCount(0);

  // The three prerequisites, dated today: the customer becomes eligible.
  for (const item of ['implantacao_term', 'ead_extranet', 'sla_acknowledged']) await editor.getByTestId(`elig-${item}`).check();
  await expect(editor.getByTestId('eligibility-summary')).toContainText('Apto a acionar o suporte');
  await expect(editor.getByTestId('customer-save-status')).toHaveText('Alterações não salvas');
  await editor.getByTestId('customer-save').click();
  await expect(editor.getByTestId('customer-saved-state')).toHaveText('Apto a acionar o suporte');
  await expect(listed.getByTestId('customer-state')).toHaveText('Apto');
  await waitSynced(page);
  await editor.getByTestId('customer-title').scrollIntoViewIfNeeded();
  await shot(page, 'customers-detail');

  // The project manager's Extranet password: the rule is checked here, then set online; she can log in with it.
  await contacts.locator('[data-contact="helena.prado@horizonte.ind.br"]').getByTestId('contact-edit').click();
  const panel = page.getByTestId('contact-pw');
  await panel.getByTestId('contact-pw-password').fill('curta');
  await panel.getByTestId('contact-pw-confirm').fill('curta');
  await panel.getByTestId('contact-pw-submit').click();
  await expect(panel).toContainText('A senha precisa de pelo menos 8 caracteres.');
  await panel.getByTestId('contact-pw-password').fill('Horizonte#2026');
  await panel.getByTestId('contact-pw-confirm').fill('Horizonte#2026');
  await panel.getByTestId('contact-pw-submit').click();
  await expect(panel.getByTestId('contact-pw-done')).toContainText('Senha definida');
  await expect(panel.getByTestId('contact-pw-password')).toHaveValue('');
  await expect(panel.getByTestId('contact-pw-confirm')).toHaveValue('');
  await shot(page, 'customers-contact-password');
  const ok = await extranetLogin('helena.prado@horizonte.ind.br', 'Horizonte#2026');
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { contact: { name: string } }).contact.name).toBe('Helena Prado');
  expect((await extranetLogin('helena.prado@horizonte.ind.br', 'outra-senha')).status).toBe(401);
  // The typed password was kept nowhere the app persists.
  const stored = (await page.evaluate('JSON.stringify(Object.assign({}, localStorage, sessionStorage))')) as string;
  expect(stored).not.toContain('Horizonte#2026');
  await page.keyboard.press('Escape');

  // From the phone panel's customer card, a lead goes straight to the register.
  await page.getByTestId('nav-phone').click();
  await page.getByTestId('phone-search').fill('Horizonte');
  await page.getByTestId('phone-result').first().click();
  await page.getByTestId('customer-card').getByTestId('customer-manage').click();
  await expect(page.getByTestId('customer-title')).toHaveText('Metalúrgica Horizonte Ltda.');
});

test('an admin gives a new analyst a password and that analyst logs in with it', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'admin');
  await waitSynced(page);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-people').click();
  await page.getByTestId('analyst-new').click();
  const dialog = page.getByTestId('analyst-dialog');
  await dialog.getByTestId('analyst-name').fill('Vitória Campos');
  await dialog.getByTestId('analyst-login').fill('vitoria');
  await dialog.getByTestId('analyst-email').fill('vitoria.campos@unosolucoes.com.br');
  await dialog.getByTestId('analyst-modules').click();
  await page.getByRole('listbox', { name: 'Módulos' }).getByText('Fiscal', { exact: true }).click();
  await dialog.getByTestId('analyst-modules').click();
  await dialog.getByTestId('analyst-initial-password').fill('Primeiro#Acesso1');
  await dialog.getByTestId('analyst-initial-confirm').fill('Primeiro#Acesso2');
  await dialog.getByTestId('analyst-save').click();
  await expect(dialog).toContainText('As duas senhas não são iguais.');
  await dialog.getByTestId('analyst-initial-confirm').fill('Primeiro#Acesso1');
  await shot(page, 'customers-analyst-password');
  await dialog.getByTestId('analyst-save').click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('settings-people').locator('tr[data-analyst="vitoria"]');
  await expect(row).toContainText('Vitória Campos');

  // An existing analyst's password, from the editor (admin only).
  await page.getByTestId('settings-people').locator('tr[data-analyst="diego"]').getByRole('button', { name: 'Editar' }).click();
  const panel = page.getByTestId('analyst-pw');
  await panel.getByTestId('analyst-pw-password').fill('Diego#Nova2026');
  await panel.getByTestId('analyst-pw-confirm').fill('Diego#Nova2026');
  await panel.getByTestId('analyst-pw-submit').click();
  await expect(panel.getByTestId('analyst-pw-done')).toBeVisible();
  await shot(page, 'customers-analyst-existing-password');
  await page.keyboard.press('Escape');
  await waitSynced(page);
  await logout(page);

  await loginWith(page, 'vitoria', 'Primeiro#Acesso1');
  await expect(page.getByTestId('workspace')).toBeVisible();
  await expect(page.getByTestId('me')).toContainText('Vitória Campos');
  await logout(page);
  await loginWith(page, 'diego', 'demo');
  await expect(page.getByTestId('login-page')).toContainText('Usuário ou senha incorretos.');
  await page.getByTestId('login-password').fill('Diego#Nova2026');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('me')).toContainText('Diego Nunes');
});

test('a lead opens the register from an OC’s customer card; no password controls for analysts; an analyst has no register', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'beatriz');
  await waitSynced(page);
  await page.getByTestId('nav-team').click();
  await page.getByTestId('queue-row').first().click();
  const card = page.getByTestId('customer-card');
  const name = ((await card.locator('.customer-name').textContent()) ?? '').replace(/^(VIP|Ouro|Prata)\s*/, '').trim();
  await shot(page, 'customers-link-from-oc');
  await card.getByTestId('customer-manage').click();
  await expect(page.getByTestId('customer-title')).toHaveText(name);
  await expect(page.getByTestId('customer-row').and(page.locator('.is-selected'))).toContainText(name);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-people').click();
  await page.getByTestId('settings-people').locator('tr[data-analyst="diego"]').getByRole('button', { name: 'Editar' }).click();
  await expect(page.getByTestId('analyst-dialog')).toBeVisible();
  await expect(page.getByTestId('analyst-pw')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await logout(page);
  await login(page, 'ana');
  await expect(page.getByTestId('nav-customers')).toHaveCount(0);
  await page.evaluate("window.location.hash = '#/clientes'");
  await expect(page.getByText('O cadastro de clientes é para líderes e administradores.')).toBeVisible();
});
