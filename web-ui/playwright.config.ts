import { defineConfig } from '@playwright/test';

/**
 * The end-to-end suite (e2e/*.spec.ts): Debian's Chromium driven by Playwright against a running
 * Inmo. `npm run e2e` (e2e/run.mjs) starts the built server jar on a free port, points
 * INMO_E2E_BASE_URL at it, runs this suite and stops the server; `INMO_E2E_BASE_URL=http://…
 * npm run e2e` uses a server that is already running instead. No browser is downloaded:
 * INMO_E2E_CHROMIUM (default /usr/bin/chromium) is the browser.
 */
export const CHROMIUM = process.env.INMO_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './target/e2e-results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // two shared cores and one server: one browser at a time is the fastest here
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['junit', { outputFile: 'target/e2e-results/junit.xml' }]],
  use: {
    baseURL: process.env.INMO_E2E_BASE_URL ?? 'http://127.0.0.1:8080',
    browserName: 'chromium',
    locale: 'es-CL',
    timezoneId: 'America/Santiago',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
