import { defineConfig, devices } from '@playwright/test';
import { MAX_WORKERS } from './e2e/worker-env';

/**
 * No webServer here: every worker starts its own `next start` on port E2E_PORT + slot with its own
 * fresh SQLite file (the `appServer` fixture in e2e/fixtures.ts, ports in e2e/worker-env.ts), so the
 * tests never write into a server they did not start. Build first (`next build`, NEXT_DIST_DIR).
 */
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(WORKERS) || WORKERS < 1 || WORKERS > MAX_WORKERS) {
  throw new Error(`E2E_WORKERS must be an integer from 1 to ${MAX_WORKERS}, got "${process.env.E2E_WORKERS}"`);
}

export default defineConfig({
  testDir: './e2e',
  // Several instances on PostgreSQL have their own config (playwright.multi.config.ts).
  testIgnore: ['multi-instance/**'],
  // Helpers that write to the test database import db/queries, whose `server-only` marker this maps to its empty module.
  tsconfig: './tsconfig.node.json',
  globalSetup: './e2e/global-setup.ts',
  // One folder per server port, so engineers running suites side by side do not delete each other's traces.
  outputDir: process.env.E2E_PORT ? `./test-results-${process.env.E2E_PORT}` : './test-results',
  // Files run in parallel (one server and database per worker); the tests of a file run in order in one
  // worker, since several files build on what their earlier tests did.
  fullyParallel: false,
  workers: WORKERS,
  retries: process.env.CI ? 1 : 0,
  // Two workers share two cores with their servers and browsers: the long multi-user flows need the room.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
});
