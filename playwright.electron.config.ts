import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the desktop app itself, through Playwright's _electron. Without an Electron binary
// (or its SQLite build, or a display) those tests are reported as skipped, with the reason. A second project
// runs the same renderer/preload/IPC path in Chromium, so the wiring is exercised where Electron cannot run.
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
  projects: [
    { name: 'electron', testMatch: 'desktop.spec.ts' },
    { name: 'electron-path-in-chromium', testMatch: 'chromium-bridge.spec.ts' },
  ],
});
