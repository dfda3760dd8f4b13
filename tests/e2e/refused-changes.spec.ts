import { expect, test } from '@playwright/test';
import { openOffice, syncIndicator, waitSynced, type Office } from './support/desktops';
import { expectLayoutIntact } from './support/layout-integrity';
import { ensureCapacity, openFromQueue, rowNumbers, shot, toast } from './support/workspace';

// Issue 13 item 5: two analysts take the same OC with the server away and each writes the customer a reply.
// When the server returns, the first take wins; the other analyst's take and the reply written on top of it are
// refused together — the customer gets one reply, from the one who holds the OC — and the loser is told of both
// changes in one notice, with the reply's text kept to copy.

let office: Office | undefined;
test.afterEach(async () => {
  await office?.close();
});

test('a reply written on a take the server refuses is refused with it, and its text is kept to copy', async ({ browser }, testInfo) => {
  // Diego and Henrique (both N1) share every specialty, so they see the same available OCs.
  office = await openOffice(browser, (name) => testInfo.outputPath(name), ['diego', 'henrique']);
  const desktops = office.desktops as Array<NonNullable<Office['desktops'][0]>>;
  const [a, b] = desktops as [NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>];
  for (const d of desktops) {
    await ensureCapacity(d.page);
    await waitSynced(d.page);
    await d.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  }
  await a.page.getByTestId('tab-available').click();
  const number = (await rowNumbers(a.page, 'queue-table'))[0] as string;
  await b.page.getByTestId('tab-available').click();
  await expect(b.page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: number })).toBeVisible();
  await openFromQueue(a.page, 'queue-table', number);
  await openFromQueue(b.page, 'queue-table', number);

  await office.stopServer();
  const replies = new Map([
    [a, 'Bom dia! Aqui é o Diego: o CFOP do pedido estava errado, já corrigimos o cadastro.'],
    [b, 'Olá! Aqui é o Henrique.\nVerifiquei a rejeição e ajustei a natureza de operação.'],
  ]);
  for (const d of desktops) {
    await expect(syncIndicator(d.page)).toHaveAttribute('data-sync-status', 'offline', { timeout: 60_000 });
    await d.page.getByTestId('action-take').click();
    await d.page.getByTestId('composer-public').click();
    await d.page.getByTestId('composer-input').fill(replies.get(d) as string);
    await d.page.getByTestId('composer-send').click();
    await expect(syncIndicator(d.page)).toHaveAttribute('data-pending', '2');
  }

  await office.restartServer();
  for (const d of desktops) await waitSynced(d.page);
  const names = { diego: 'Diego Nunes', henrique: 'Henrique Gomes' };
  const holds = async (d: typeof a, name: string) => ((await d.page.getByTestId('oc-assignee').textContent()) ?? '').includes(name);
  await expect.poll(async () => (await holds(a, names.diego)) === (await holds(b, names.diego)) && ((await holds(a, names.diego)) || (await holds(a, names.henrique))), { timeout: 60_000 }).toBe(true);
  const [winner, loser, winnerName] = (await holds(a, names.diego)) ? [a, b, names.diego] : [b, a, names.henrique];

  // One notice for both refused changes, each with its reason in a whole sentence.
  const notice = toast(loser.page).filter({ hasText: '2 alterações recusadas pelo servidor' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(`Assumir a OC: OC já assumida por ${winnerName}`);
  await expect(notice).toContainText(`Resposta ao cliente: Esta OC está com ${winnerName}; só quem a assumiu ou um líder pode respondê-la.`);
  await expect(notice).toContainText('O texto que você escreveu está guardado em Sincronização');
  await shot(loser.page, 'issue13-refused-toast');

  // The customer got one reply — the holder's — on both replicas.
  for (const d of desktops) {
    await expect(d.page.getByTestId('interaction-public_reply')).toHaveCount(1);
    await expect(d.page.getByTestId('interaction-public_reply')).toContainText(replies.get(winner) as string);
  }

  // The loser's words are kept in the sync panel, ready to copy.
  await syncIndicator(loser.page).click();
  const refused = loser.page.getByTestId('rejected-notice').filter({ hasText: 'Resposta ao cliente' });
  await expect(refused.getByTestId('rejected-text')).toHaveValue(replies.get(loser) as string);
  await shot(loser.page, 'issue13-refused-text');
  // The smallest window: the panel with the refused texts fits and scrolls, nothing overprinted.
  await loser.page.setViewportSize({ width: 1024, height: 640 });
  await expectLayoutIntact(loser.page, 'the refused changes at 1024×640');
  await shot(loser.page, 'issue13-refused-text-1024x640');
  await loser.page.setViewportSize({ width: 1920, height: 1080 });
  await refused.getByTestId('rejected-copy').click();
  await expect(refused.getByTestId('rejected-copy')).toHaveText('Copiado');
  expect(await loser.page.evaluate('navigator.clipboard.readText()')).toBe(replies.get(loser));
});
