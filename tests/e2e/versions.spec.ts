import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLayoutIntact } from './support/layout-integrity';
import { startShell, type ShellProcess } from './support/processes';
import { login, logout, toast } from './support/workspace';

// Issue 13, item 1, as the team does it: Rafael (N2) forwards an OC to development and, the fix going into a
// version nobody planned yet, proposes it in the version dialog (a select of the planned versions, never free
// text); Beatriz (lead) finds the proposal in Settings › Versions, confirms it, is told once when she plans the
// same number again, and registers the release after its preview lists the OC it will solve.

// Kept as test artifacts; the ones in docs/screenshots/issue-13 are copied from a run and looked at.
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots/issue-13');

/** The screen at 1920×1080 and at the smallest window the app allows (1024×640), checked for overlaps first. */
const look = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [[1024, 640], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(250);
    await expectLayoutIntact(page, `${name} at ${width}×${height}`);
    await page.screenshot({ path: resolve(SHOTS, `${name}-${width}x${height}.png`) });
  }
};

let shell: ShellProcess;
test.beforeEach(async ({ browserName: _browserName }, testInfo) => {
  // A Monday morning: the demo's 2026.12.7 shipped at 09:00, 2026.12.14 and 2026.12.21 are planned.
  shell = await startShell({ dataDir: testInfo.outputPath('desktop'), local: true, ocs: 3_000, seed: 1, now: '2026-12-07T11:22:00-03:00' });
});
test.afterEach(async () => {
  await shell?.stop();
});

test('an N2 proposes the fix version from the OC, the lead confirms it and registers the release after its preview', async ({ page }) => {
  await page.goto(shell.url);
  await login(page, 'rafael');
  // One of the OCs in his hand, in progress (the N2 queue has nothing waiting this morning).
  await page.getByTestId('nav-queue').click();
  await page.getByTestId('tab-mine').click();
  const mine = page.getByTestId('queue-table').locator('[data-testid="queue-row"]', { hasText: 'Em atendimento' }).first();
  await expect(mine).toBeVisible();
  const number = ((await mine.locator('.q-number .mono').textContent()) ?? '').trim();
  await mine.click();
  await expect(page.getByTestId('oc-number')).toHaveText(number);
  await expect(page.getByTestId('oc-assignee')).toContainText('Rafael Andrade (você)');
  await page.keyboard.press('d');
  await expect(page.getByTestId('dev-dialog')).toBeVisible();
  await page.getByTestId('dev-reference').fill('DEV-7781');
  if (!(await page.getByTestId('sim-use-last').isVisible())) {
    await page.getByTestId('sim-steps').fill('1. Emitir a NF do pedido 771\n2. Consultar a rejeição no monitor');
    await page.getByTestId('sim-environment').fill('UNO ERP 2026.11.30, homologação');
    await page.getByTestId('sim-expected').fill('NF autorizada');
    await page.getByTestId('sim-actual').fill('Rejeição 225');
  }
  await page.getByTestId('dev-confirm').click();
  await expect(page.getByTestId('dev-dialog')).toBeHidden();

  // The fix version is chosen, not typed: the planned weeks, the released ones (solve now), or a proposal.
  await page.keyboard.press('v');
  const select = page.getByTestId('version-select');
  await expect(select.locator('optgroup[label="Planejadas"] option')).toContainText(['2026.12.14 — segunda, 14/12/2026', '2026.12.21 — segunda, 21/12/2026']);
  await expect(select.locator('optgroup[label^="Já liberadas"] option', { hasText: '2026.12.7' })).toHaveCount(1);
  await select.selectOption('2026.12.7');
  await expect(page.getByTestId('version-released-note')).toContainText('a OC será solucionada agora e o cliente avisado');
  await look(page, 'target-version-released');
  await select.selectOption('__propose__');
  await page.getByTestId('version-new-number').fill('2026.12.028');
  await page.getByTestId('version-new-date').selectOption('2026-12-28');
  await look(page, 'target-version-propose');
  await page.getByTestId('version-confirm').click();
  await expect(toast(page).filter({ hasText: `${number} aguardando a versão 2026.12.28` })).toBeVisible();
  await logout(page);

  // Beatriz sees the proposal (who made it, the OC waiting) and confirms it.
  await login(page, 'beatriz');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tab-releases').click();
  const row = page.getByTestId('versions-table').locator('tr[data-version="2026.12.28"]');
  await expect(row).toContainText('Proposta');
  await expect(row).toContainText('proposta por Rafael Andrade');
  await expect(row.locator('td.num')).toHaveText('1');
  await look(page, 'planned-versions');
  await row.getByTestId('version-accept').click();
  await expect(page.getByTestId('versions-outcome')).toHaveText('Versão 2026.12.28 confirmada para 28/12/2026.');
  await expect(row).toContainText('Planejada');

  // The same number again, with leading zeros: only the refusal shows, never beside the earlier success.
  await page.getByTestId('version-number').fill('2026.12.0028');
  await page.getByTestId('version-plan').click();
  await expect(page.getByRole('alert')).toContainText('A versão 2026.12.28 já está planejada para 28/12/2026.');
  await expect(page.getByTestId('versions-outcome')).toHaveCount(0);
  await page.getByTestId('version-number').fill('');

  // The release, preview first: the one OC waiting for it, its customer and subject.
  await row.getByTestId('version-release').click();
  const preview = page.getByTestId('release-preview');
  await expect(page.getByTestId('release-preview-count')).toHaveText('1 OC será solucionada e seu cliente avisado:');
  await expect(page.getByTestId('release-preview-ocs').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('release-preview-ocs')).toContainText(number);
  await look(page, 'release-preview');
  await preview.getByTestId('release-confirm').click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('versions-outcome')).toHaveText('Versão 2026.12.28 registrada: 1 OC solucionada e seu cliente avisado.');
  await expect(row).toContainText('Liberada');
  await expect(row.getByTestId('version-release')).toHaveCount(0);

  // The preview of next week's version, in English: the demo's four OCs waiting for it.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('versions-table').locator('tr[data-version="2026.12.14"]').getByTestId('version-release').click();
  await expect(page.getByTestId('release-preview-count')).toHaveText('4 OCs will be solved and their customers told:');
  await expect(page.getByTestId('release-preview-ocs').locator('tbody tr')).toHaveCount(4);
  await look(page, 'release-preview-en');
  await page.getByTestId('release-preview').getByRole('contentinfo').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('release-preview')).toBeHidden();
  await look(page, 'planned-versions-en');
});
