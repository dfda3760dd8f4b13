import { expect, test } from '@playwright/test';
import { openOffice, waitSynced, type Office } from './support/desktops';
import { ensureCapacity, openFromQueue, rowNumbers, shot } from './support/workspace';

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

  // Every refusal toast either desktop shows is recorded as it appears: toasts go away by themselves, and the
  // loser may learn it from the server (the take pushed, refused) or, when the winner's take reached its replica
  // first, from its own replica (refused locally) — either way once, naming the winner.
  for (const desktop of [a, b]) {
    await desktop.page.evaluate(() => {
      const w = globalThis as unknown as { refusals: string[]; MutationObserver: new (cb: () => void) => { observe(node: unknown, options: unknown): void }; document: { body: unknown; querySelectorAll(s: string): Array<{ textContent: string | null; dataset: Record<string, string> }> } };
      w.refusals = [];
      new w.MutationObserver(() => {
        for (const el of w.document.querySelectorAll('[data-testid="toast"]')) {
          if (el.dataset.seen === '1' || !(el.textContent ?? '').includes('já assumida por')) continue;
          el.dataset.seen = '1';
          w.refusals.push(el.textContent ?? '');
        }
      }).observe(w.document.body, { childList: true, subtree: true });
    });
  }
  const refusals = (desktop: typeof a) => desktop.page.evaluate(() => (globalThis as unknown as { refusals: string[] }).refusals);

  // The take buttons are pressed together. The winner's take can reach the loser's replica (a poke carries it)
  // before the loser's press lands: then the button is already disabled, its reason naming the winner, and the
  // press does nothing — the third way the loser is told who has it.
  await Promise.all([a.page.getByTestId('action-take').click({ noWaitAfter: true, force: true }), b.page.getByTestId('action-take').click({ noWaitAfter: true, force: true })]);

  // Both settle on one assignee; the loser, and only the loser, is told who, once.
  const names = { diego: 'Diego Nunes', henrique: 'Henrique Gomes' };
  const holder = async (desktop: typeof a) => {
    const text = (await desktop.page.getByTestId('oc-assignee').textContent()) ?? '';
    return text.includes(names.diego) ? names.diego : text.includes(names.henrique) ? names.henrique : null;
  };
  await expect.poll(async () => {
    const [left, right] = [await holder(a), await holder(b)];
    return left !== null && left === right;
  }, { timeout: 60_000 }).toBe(true);
  await waitSynced(a.page);
  await waitSynced(b.page);
  const aLost = (await holder(a)) !== names.diego;
  const winner = aLost ? names.henrique : names.diego;
  const [loser, winnerDesktop] = aLost ? [a, b] : [b, a];
  const toldByToast = async () => (await refusals(loser)).length === 1 && (await refusals(loser))[0]?.includes(`OC já assumida por ${winner}`) === true;
  const toldByButton = async () => (await loser.page.getByTestId('action-take').isDisabled()) && ((await loser.page.getByTestId('action-take').getAttribute('title')) ?? '').includes(`OC já assumida por ${winner}`);
  await expect.poll(async () => (await toldByToast()) || ((await refusals(loser)).length === 0 && (await toldByButton())), { timeout: 20_000 }).toBe(true);
  expect(await refusals(winnerDesktop)).toEqual([]);
  expect((await refusals(loser)).length).toBeLessThanOrEqual(1);
  await expect(a.page.getByTestId('oc-assignee')).toContainText(winner);
  await expect(b.page.getByTestId('oc-assignee')).toContainText(winner);
  await shot(loser.page, '14-disputa-recusada');
  // A refusal by the server stays listed under the sync indicator until dismissed.
  if ((await loser.page.getByTestId('sync-indicator').locator('.sync-rejected').count()) > 0) {
    await loser.page.getByTestId('sync-indicator').click();
    await expect(loser.page.getByTestId('rejected-notice').first()).toContainText(`OC já assumida por ${winner}`);
  }
});
