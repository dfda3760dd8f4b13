import { expect, test } from '@playwright/test';
import { apiHeaders } from '../support/raw-client';
import { syncIndicator, waitSynced } from './support/desktops';
import { freePort, startServerProcess, startShell, type ServerProcess, type ShellProcess } from './support/processes';
import { login, shot } from './support/workspace';

// SPEC §7 / issue 15 item 4: an admin resets an analyst's password while that analyst works; the desktop says
// at once that the access was ended, keeps what the analyst does next (pending, never dropped), and after the
// analyst logs in again with the new password everything is sent.

let server: ServerProcess | undefined;
let shell: ShellProcess | undefined;
test.afterEach(async () => {
  await shell?.stop();
  await server?.stop();
});

const api = async (url: string, path: string, method: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: apiHeaders(token),
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

test('a password reset ends the session: the desktop says so, keeps the changes, and sends them after a new login', async ({ page }, testInfo) => {
  server = await startServerProcess({ dataDir: testInfo.outputPath('server'), port: await freePort(), ocs: 200, seed: 3 });
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), server: server.url, ocs: 0 });
  await page.goto(shell.url);
  await login(page, 'diego');
  await waitSynced(page);

  const diego = (await api(server.url, '/api/v1/login', 'POST', { login: 'diego', password: 'demo' })).analyst as { id: string };
  const admin = (await api(server.url, '/api/v1/login', 'POST', { login: 'admin', password: 'demo' })).token as string;
  await api(server.url, `/api/v1/analysts/${diego.id}/password`, 'PUT', { password: 'nova-senha-diego' }, admin);

  await expect(syncIndicator(page)).toHaveAttribute('data-access-ended', 'password_reset');
  await expect(syncIndicator(page)).toContainText('Acesso encerrado');
  // Work goes on locally and is kept.
  await page.getByTestId('presence').selectOption('break');
  await expect(syncIndicator(page)).toHaveAttribute('data-pending', '1');
  await syncIndicator(page).click();
  const notice = page.getByTestId('sync-access-ended');
  await expect(notice).toContainText('Seu acesso foi encerrado porque sua senha foi redefinida');
  await expect(notice).toContainText('Alterações pendentes guardadas neste computador: 1. Nada foi descartado');
  await shot(page, 'sync-access-ended');

  await page.getByTestId('sync-login-again').click();
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.getByTestId('login-user').fill('diego');
  await page.getByTestId('login-password').fill('nova-senha-diego');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('workspace')).toBeVisible();
  await waitSynced(page);
  await expect(syncIndicator(page)).not.toHaveAttribute('data-access-ended', /.+/);
  await expect(page.getByTestId('presence')).toHaveValue('break');
});
