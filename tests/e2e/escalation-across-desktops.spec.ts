import { expect, test } from '@playwright/test';
import { openOffice, waitSynced, type Office } from './support/desktops';
import { expectLayoutIntact } from './support/layout-integrity';
import { ensureCapacity, openFirstAvailable, openFromQueue, shot, toast } from './support/workspace';

// The N1 → N2 → lead path across three desktops synced through the central server: what Diego escalates on
// his desktop reaches Sabrina's N2 queue on hers, and Beatriz's reassignment reaches both.

let office: Office | undefined;
test.afterEach(async () => {
  await office?.close();
});

test('escalated on one desktop, in the N2 queue on another, reassigned by a lead on a third', async ({ browser }, testInfo) => {
  office = await openOffice(browser, (name) => testInfo.outputPath(name), ['diego', 'sabrina', 'beatriz']);
  const [n1, n2, lead] = office.desktops as [NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>];

  await ensureCapacity(n1.page);
  await waitSynced(n1.page);
  const number = await openFirstAvailable(n1.page);
  await n1.page.keyboard.press('t');
  await expect(n1.page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');
  await n1.page.keyboard.press('e');
  await n1.page.getByTestId('sim-steps').fill('1. Emitir a NF do pedido 771\n2. Consultar a rejeição no monitor');
  await n1.page.getByTestId('sim-environment').fill('UNO ERP 2026.11.23, produção, filial 02');
  await n1.page.getByTestId('sim-expected').fill('NF autorizada');
  await n1.page.getByTestId('sim-actual').fill('Rejeição 225');
  await n1.page.keyboard.press('Control+Enter');
  await expect(toast(n1.page).filter({ hasText: `${number} escalada para o Nível 2` })).toBeVisible();
  await waitSynced(n1.page);

  // Issue 13 item 4: on Diego's screen it now waits for an N2 — its own state, read-only for him, told why in
  // whole sentences; a note is still his to write.
  const notice = n1.page.getByTestId('escalation-notice');
  await expect(notice).toContainText('Aguardando N2');
  await expect(notice).toContainText('Escalada para o Nível 2 por Diego Nunes; nenhum analista N2 a assumiu ainda.');
  await expect(notice).toContainText('OLA de pick-up: vence');
  await expect(notice).toContainText('Você pode acompanhá-la e adicionar notas internas');
  await expect(n1.page.locator('.oc-badges [data-status="aguardando_n2"]')).toHaveText('Aguardando N2');
  const reply = n1.page.getByTestId('action-reply');
  await expect(reply).toBeDisabled();
  await expect(reply).toHaveAttribute('title', /Esta OC foi escalada para o Nível 2 e aguarda um analista N2\. Você pode acompanhá-la e adicionar notas internas\./);
  await expect(n1.page.getByTestId('action-note')).toBeEnabled();
  await shot(n1.page, 'issue13-escalated-n1-readonly');
  // The smallest window, in Portuguese and in English: the notice and the header whole, nothing overprinted.
  await n1.page.setViewportSize({ width: 1024, height: 640 });
  await expectLayoutIntact(n1.page, 'escalated OC for N1 at 1024×640');
  await n1.page.getByTestId('lang-switch').click();
  await expect(notice).toContainText('Escalated to Level 2 by Diego Nunes; no Level 2 analyst has taken it yet.');
  await expectLayoutIntact(n1.page, 'escalated OC for N1 at 1024×640, in English');
  await shot(n1.page, 'issue13-escalated-n1-readonly-1024x640-en');
  await n1.page.getByTestId('lang-switch').click();
  await n1.page.setViewportSize({ width: 1920, height: 1080 });

  // Sabrina's N2 queue (her specialties, her level) gets it from the server, as "Aguardando N2".
  await n2.page.getByTestId('tab-available').click();
  const row = n2.page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: number });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row.locator('[data-status="aguardando_n2"]')).toContainText('Aguardando N2');
  // Its pick-up OLA beside the stage, whatever clock the SLA column shows.
  await expect(row.getByTestId('q-ola')).toContainText(/Aguardando N2 · OLA \d/);
  await shot(n2.page, 'issue13-n2-queue-awaiting');
  // The smallest window keeps the stage and its OLA whole, nothing overprinted.
  await n2.page.setViewportSize({ width: 1024, height: 640 });
  await expectLayoutIntact(n2.page, 'N2 queue with an OC waiting for an N2 at 1024×640');
  await row.getByTestId('q-ola').scrollIntoViewIfNeeded();
  await shot(n2.page, 'issue13-n2-queue-awaiting-1024x640');
  await n2.page.setViewportSize({ width: 1920, height: 1080 });
  await openFromQueue(n2.page, 'queue-table', number);
  await expect(n2.page.getByTestId('interaction-simulation_record')).toContainText('Rejeição 225');
  await expect(n2.page.getByTestId('escalation-notice')).toContainText('Assuma para atendê-la.');

  // Beatriz reassigns it to Rafael; both other desktops see the new assignee.
  await lead.page.getByTestId('nav-team').click();
  await lead.page.getByTestId('quick-filter').fill(number);
  await openFromQueue(lead.page, 'team-table', number);
  await lead.page.keyboard.press('a');
  const rafael = await lead.page.getByTestId('reassign-to').locator('option', { hasText: 'Rafael Andrade' }).getAttribute('value');
  await lead.page.getByTestId('reassign-to').selectOption(rafael as string);
  await lead.page.getByTestId('reassign-confirm').click();
  await expect(lead.page.getByTestId('oc-assignee')).toContainText('Rafael Andrade');
  await waitSynced(lead.page);
  await expect(n2.page.getByTestId('oc-assignee')).toContainText('Rafael Andrade', { timeout: 60_000 });
  await expect(n1.page.getByTestId('oc-assignee')).toContainText('Rafael Andrade', { timeout: 60_000 });
  // Held by an N2 now: no longer waiting, and Diego is told who has it.
  await expect(n1.page.getByTestId('escalation-notice')).toHaveCount(0);
  await expect(n1.page.locator('.oc-badges [data-status="em_atendimento"]')).toBeVisible();
  await expect(reply).toHaveAttribute('title', 'Esta OC está com Rafael Andrade; só quem a assumiu ou um líder pode respondê-la.');
});
