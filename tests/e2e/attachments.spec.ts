import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { xmlBytes } from '../fixtures/attachment-files';
import { openOffice, syncIndicator, waitSynced, type Office } from './support/desktops';
import { expectLayoutIntact } from './support/layout-integrity';
import { ensureCapacity, openFirstAvailable, openFromQueue } from './support/workspace';

// Issue 16: a print pasted into a reply, an NF-e XML and a PDF attached by the button reach another desktop
// through the server (thumbnail, indented XML); a log attached offline goes up once the server is back, bytes
// before the note. Screenshots of the OC with its files at both window sizes and in both languages.

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots/attachments');

/** A small valid PDF: what the server types as application/pdf by its bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** What a paste of a screenshot does: a paste event whose clipboard holds an image file with no real name. */
const pasteImage = async (page: Page, png: Buffer): Promise<void> => {
  // In-page code is plain JavaScript: the node-side tsconfig has no DOM types, and must not get them.
  await page.evaluate(`((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    const input = document.querySelector('[data-testid="composer-input"]');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })(${JSON.stringify(png.toString('base64'))})`);
};

const look = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('attachment-list').first().scrollIntoViewIfNeeded();
    await expectLayoutIntact(page, `${name} at ${width}×${height}`);
    await page.screenshot({ path: resolve(SHOTS, `${name}-${width}x${height}.png`) });
  }
};

let office: Office | undefined;
test.afterEach(async () => {
  await office?.close();
});

test('a pasted print, an XML and a PDF reach the other desktop; a log attached offline arrives after reconnecting', async ({ browser }, testInfo) => {
  office = await openOffice(browser, (name) => testInfo.outputPath(name), ['diego', 'henrique']);
  const [a, b] = office.desktops as [NonNullable<Office['desktops'][0]>, NonNullable<Office['desktops'][0]>];
  await ensureCapacity(a.page);
  await waitSynced(a.page);
  const number = await openFirstAvailable(a.page);
  await a.page.getByTestId('action-take').click();
  await expect(a.page.getByTestId('oc-assignee')).toContainText('Diego Nunes (você)');

  // A print of the screen, pasted; the XML and the PDF by the button.
  const print = await a.page.screenshot({ type: 'png' });
  await a.page.getByTestId('composer-public').click();
  await pasteImage(a.page, print);
  await a.page.getByTestId('composer-file-input').setInputFiles([
    { name: 'NF-e 1234 rejeição.xml', mimeType: 'application/xml', buffer: Buffer.from(xmlBytes()) },
    { name: 'Manual de emissão.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const drafts = a.page.getByTestId('attachment-draft');
  await expect(drafts).toHaveCount(3);
  await expect(drafts.filter({ hasText: /^.*print-\d{4}-\d{2}-\d{2}-\d{2}h\d{2}\.png/ })).toHaveCount(1);
  for (let i = 0; i < 3; i += 1) await expect(drafts.nth(i)).toHaveAttribute('data-state', 'ready');
  const reply = 'Segue o print da rejeição, o XML e o manual com o passo a passo.';
  await a.page.getByTestId('composer-input').fill(reply);
  await a.page.getByTestId('composer-send').click();
  const sent = a.page.getByTestId('interaction-public_reply').filter({ hasText: reply });
  await expect(sent.getByTestId('attachment')).toHaveCount(3);
  await expect(a.page.getByTestId('attachment-drafts')).toHaveCount(0);
  await waitSynced(a.page);
  await expect(sent.locator('[data-testid="attachment"][data-state="uploaded"]')).toHaveCount(3);

  // Henrique opens the OC: the files came by sync, their bytes from the server on demand.
  await b.page.getByTestId('nav-team').click();
  await b.page.getByTestId('quick-filter').fill(number);
  await openFromQueue(b.page, 'team-table', number);
  const arrived = b.page.getByTestId('interaction-public_reply').filter({ hasText: reply });
  await expect(arrived.getByTestId('attachment')).toHaveCount(3, { timeout: 60_000 });
  await expect(arrived.getByTestId('attachment-thumbnail')).toBeVisible();
  await look(b.page, 'oc-with-files-pt-BR');
  await arrived.locator('[data-kind="xml"] button').click();
  await expect(b.page.getByTestId('attachment-text')).toContainText('<nfeProc xmlns="http://www.portalfiscal.inf.br/nfe" versao="4.00">\n  <NFe>');
  await b.page.screenshot({ path: resolve(SHOTS, 'xml-viewer.png') });
  await b.page.keyboard.press('Escape');
  await arrived.locator('[data-kind="image"] button').click();
  await expect(b.page.getByTestId('attachment-image')).toBeVisible();
  await expect.poll(() => b.page.getByTestId('attachment-image').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(1_000);
  await expect.poll(() => arrived.getByTestId('attachment-thumbnail').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(1_000);
  await b.page.screenshot({ path: resolve(SHOTS, 'image-viewer.png') });
  await b.page.keyboard.press('Escape');
  await b.page.getByTestId('lang-switch').click();
  await look(b.page, 'oc-with-files-en');
  await b.page.getByTestId('lang-switch').click();

  // Offline: a log attached to an internal note waits here, then goes up — bytes first, then the note.
  await office.stopServer();
  await expect(syncIndicator(a.page)).toHaveAttribute('data-sync-status', 'offline', { timeout: 60_000 });
  await a.page.getByTestId('composer-note').click();
  await a.page.getByTestId('composer-file-input').setInputFiles([{ name: 'monitor-nfe.log', mimeType: 'text/plain', buffer: Buffer.from('2026-12-07 10:42:01 Rejeição 225: falha no schema XML\n'.repeat(40)) }]);
  await expect(a.page.getByTestId('attachment-draft')).toHaveAttribute('data-state', 'ready');
  const note = 'Log do monitor anexado com o servidor fora do ar.';
  await a.page.getByTestId('composer-input').fill(note);
  await a.page.getByTestId('composer-send').click();
  const queued = a.page.getByTestId('interaction-internal_note').filter({ hasText: note }).getByTestId('attachment');
  await expect(queued).toHaveAttribute('data-state', 'queued');
  await expect(queued).toContainText('Aguardando envio');
  await office.restartServer();
  await waitSynced(a.page);
  await expect(queued).toHaveAttribute('data-state', 'uploaded');
  const later = b.page.getByTestId('interaction-internal_note').filter({ hasText: note });
  await expect(later.getByTestId('attachment')).toContainText('monitor-nfe.log', { timeout: 60_000 });
  await later.getByTestId('attachment').locator('button').click();
  await expect(b.page.getByTestId('attachment-text')).toContainText('Rejeição 225: falha no schema XML');
  await b.page.keyboard.press('Escape');

  // The simulation record carries its evidence: the XML attached in the escalation dialog.
  await a.page.getByTestId('action-escalate').click();
  await a.page.getByTestId('sim-steps').fill('1. Emitir a NF do pedido 771\n2. Consultar a rejeição no monitor');
  await a.page.getByTestId('sim-environment').fill('UNO ERP 2026.11.23, produção, filial 02');
  await a.page.getByTestId('sim-expected').fill('NF autorizada');
  await a.page.getByTestId('sim-actual').fill('Rejeição 225');
  await a.page.getByTestId('escalate-dialog').getByTestId('dialog-file-input').setInputFiles([{ name: 'nfe-771.xml', mimeType: 'application/xml', buffer: Buffer.from(xmlBytes()) }]);
  await expect(a.page.getByTestId('escalate-dialog').getByTestId('attachment-draft')).toHaveAttribute('data-state', 'ready');
  await a.page.getByTestId('escalate-confirm').click();
  await expect(a.page.getByTestId('escalate-dialog')).toBeHidden();
  await waitSynced(a.page);
  const record = b.page.getByTestId('interaction-simulation_record').filter({ hasText: 'pedido 771' });
  await expect(record.getByTestId('attachment')).toContainText('nfe-771.xml', { timeout: 60_000 });
});
