import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the desktop app itself, through Playwright's _electron. Without an Electron binary
// (or its SQLite build, or a display) every test is reported as skipped, with the reason.
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
