import { defineConfig } from '@playwright/test';

// `npm run test:e2e`: the analyst workspace in Chromium through the browser shell (scripts/start-browser.ts).
// Every test starts its own shell processes (and server, when it needs one) on a fresh data folder.
// Screenshots of the main screens at 1920×1080 go to test-results/screenshots (kept between runs; Playwright
// cleans only its own outputDir).
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // Two cores: each test runs a core, sometimes a server and two shells; one test at a time keeps timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1920, height: 1080 },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=pt-BR'],
    },
  },
});
