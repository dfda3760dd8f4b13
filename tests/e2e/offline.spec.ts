import { expect, test } from '@playwright/test';
import { openOffice, syncIndicator, waitSynced, type Office } from './support/desktops';
import { ensureCapacity, openFirstAvailable, openFromQueue, shot } from './support/workspace';

// SPEC §6: the server goes away; the analyst keeps working on the local replica, the indicator says offline
// since when and the pending count grows; the server comes back; everything is pushed, nothing is lost, and
// the other desktop sees it.

let office: Office | undefined;
test.afterEach(async () => {
  await office?.close();
});

test('server stopped: work continues offline, the pending count grows; server back: all synced and visible to the other analyst', async ({ browser }, testInfo) => {
  office = await openOffice(browser, (name) => testInfo.outputPath(name), ['diego', 'henrique']);
  const [a, b] = office.desktops as [NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>];
  await ensureCapacity(a.page);
  await waitSynced(a.page);
  const number = await openFirstAvailable(a.page);

  await office.stopServer();
  await expect(syncIndicator(a.page)).toHaveAttribute('data-sync-status', 'offline', { timeout: 60_000 });
  await expect(syncIndicator(a.page)).toContainText('offline desde');

  // Keep working: take, reply, note — each applied here at once and queued.
  await a.page.getByTestId('action-take').click();
  await expect(a.page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');
  await expect(syncIndicator(a.page)).toHaveAttribute('data-pending', '1');
  const reply = 'Resposta escrita com o servidor fora do ar: segue o passo a passo.';
  await a.page.getByTestId('composer-public').click();
  await a.page.getByTestId('composer-input').fill(reply);
  await a.page.getByTestId('composer-send').click();
  await expect(a.page.getByTestId('interaction-public_reply').filter({ hasText: reply })).toBeVisible();
  await expect(syncIndicator(a.page)).toHaveAttribute('data-pending', '2');
  await a.page.getByTestId('composer-note').click();
  await a.page.getByTestId('composer-input').fill('Nota offline: cliente avisado por telefone.');
  await a.page.getByTestId('composer-send').click();
  await expect(syncIndicator(a.page)).toHaveAttribute('data-pending', '3');
  await expect(syncIndicator(a.page)).toContainText('3 pendentes');
  await expect(a.page.getByTestId('oc-page').getByText('Não sincronizado')).toBeVisible();
  await shot(a.page, '15-offline-pendentes');

  // The server comes back: the outbox drains, and the other desktop sees the OC as Diego left it.
  await office.restartServer();
  await waitSynced(a.page);
  await expect(a.page.getByTestId('oc-page').getByText('Não sincronizado')).toBeHidden();
  await shot(a.page, '16-de-volta-online');

  await waitSynced(b.page);
  await b.page.getByTestId('nav-team').click();
  await b.page.getByTestId('quick-filter').fill(number);
  await openFromQueue(b.page, 'team-table', number);
  await expect(b.page.getByTestId('oc-assignee')).toContainText('Diego Nunes');
  await expect(b.page.getByTestId('interaction-public_reply').filter({ hasText: reply })).toBeVisible();
  await expect(b.page.getByTestId('interaction-internal_note').filter({ hasText: 'Nota offline' })).toBeVisible();
});
