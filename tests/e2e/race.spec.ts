import { expect, test } from '@playwright/test';
import { openOffice, waitSynced, type Office } from './support/desktops';
import { ensureCapacity, openFromQueue, rowNumbers, shot, toast } from './support/workspace';

// SPEC §6: "take" — first wins. Two analysts on two desktops take the same OC at the same moment; each desktop
// applies it locally at once, the server keeps the first and refuses the second, and the loser is told who has it.

let office: Office | undefined;
test.afterEach(async () => {
  await office?.close();
});

test('two analysts race to take the same OC: one wins, the other is told who', async ({ browser }, testInfo) => {
  // Diego and Henrique (both N1) share every specialty, so they see the same available OCs.
  office = await openOffice(browser, (name) => testInfo.outputPath(name), ['diego', 'henrique']);
  const [a, b] = office.desktops as [NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>];
  await ensureCapacity(a.page);
  await ensureCapacity(b.page);
  await waitSynced(a.page);
  await waitSynced(b.page);
  await a.page.getByTestId('tab-available').click();
  const number = (await rowNumbers(a.page, 'queue-table'))[0] as string;
  expect(number).toMatch(/^OC-\d{4}-\d{6}$/);
  await b.page.getByTestId('tab-available').click();
  await expect(b.page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: number })).toBeVisible();
  await openFromQueue(a.page, 'queue-table', number);
  await openFromQueue(b.page, 'queue-table', number);

  await Promise.all([a.page.getByTestId('action-take').click(), b.page.getByTestId('action-take').click()]);

  // Both settle on one assignee; exactly one desktop got the refusal, naming the winner.
  const names = { diego: 'Diego Nunes', henrique: 'Henrique Gomes' };
  await waitSynced(a.page);
  await waitSynced(b.page);
  const refusalA = toast(a.page).filter({ hasText: 'já assumida por' });
  const refusalB = toast(b.page).filter({ hasText: 'já assumida por' });
  await expect.poll(async () => (await refusalA.count()) + (await refusalB.count()), { timeout: 60_000 }).toBe(1);
  const aLost = (await refusalA.count()) === 1;
  const winner = aLost ? names.henrique : names.diego;
  const loser = aLost ? a : b;
  await expect(aLost ? refusalA : refusalB).toContainText(`OC já assumida por ${winner}`);
  await expect(a.page.getByTestId('oc-assignee')).toContainText(winner);
  await expect(b.page.getByTestId('oc-assignee')).toContainText(winner);
  await shot(loser.page, '14-disputa-recusada');
  // The refusal stays listed under the sync indicator until dismissed.
  await loser.page.getByTestId('sync-indicator').click();
  await expect(loser.page.getByTestId('rejected-notice').first()).toContainText(`OC já assumida por ${winner}`);
});
