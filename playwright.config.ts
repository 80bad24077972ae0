import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

// E2E_PORT lets two work trees run their e2e tests at once without one reusing the other's server.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure'
  },
  webServer: {
    // The built app served as any static host would serve it (SPA fallback to index.html).
    // --dev makes the server read files on every request, so a test can publish a "new release".
    command: `npx sirv build --single --dev --quiet --port ${port}`,
    port,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000
  }
});
