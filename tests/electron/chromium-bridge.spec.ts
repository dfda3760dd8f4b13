import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { EVENT_NAMES, METHOD_NAMES } from '../../src/shared/api/contract';
import type { SoeBridge } from '../../src/shared/ipc/bridge';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp';
import { CHROMIUM, openChromiumBridge, type ChromiumBridge } from './chromium-bridge';

// The renderer on the Electron path — built preload, main's IPC handlers and app:// handler, the real core —
// in Chromium instead of Electron (see chromium-bridge.ts for what that does and does not show).

test.skip(!existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`);

let bridge: ChromiumBridge | null = null;
test.afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

test('log in and take an OC through window.soe and main\'s IPC handlers, under the app:// CSP', async () => {
  bridge = await openChromiumBridge();
  const { page } = bridge;
  expect(bridge.documentHeaders['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const surface = await page.evaluate(() => {
    const soe = (globalThis as unknown as { soe: SoeBridge }).soe;
    return { keys: Object.keys(soe), methods: [...soe.methods], events: [...soe.events] };
  });
  expect(surface).toEqual({ keys: ['invoke', 'onEvent', 'methods', 'events'], methods: METHOD_NAMES, events: EVENT_NAMES });

  await page.getByTestId('login-user').fill('ana');
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('my-queue')).toBeVisible();
  await page.evaluate(() => {
    const g = globalThis as unknown as { soe: SoeBridge; heard: string[] };
    g.heard = [];
    g.soe.onEvent((event) => g.heard.push(event));
  });
  await page.getByTestId('take-next').click();
  await expect(page.getByTestId('oc-page')).toBeVisible();
  const ocId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const detail = await bridge.core.api.invoke('oc.get', { id: ocId });
  const me = await bridge.core.api.invoke('session.current', {});
  expect(detail.ok && me.ok).toBe(true);
  if (detail.ok && me.ok) {
    expect((detail.value as { oc: { assigneeId: string } }).oc.assigneeId).toBe((me.value as { analyst: { id: string } }).analyst.id);
  }
  // The take's change came back to the page on the event channel, as main forwards it to every window.
  expect(await page.evaluate(() => (globalThis as unknown as { heard: string[] }).heard)).toContain('data.changed');
  expect(bridge.problems).toEqual([]);
});
