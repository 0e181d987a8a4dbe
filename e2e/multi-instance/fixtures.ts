import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { startAppServer, type AppServer } from '../app-server';
import { DEMO_PASSWORD, USERS, type DemoUser } from '../fixtures';
import { basePort, workerSlot } from '../worker-env';

/**
 * Two instances of the app on one PostgreSQL database, as behind a load balancer: each worker
 * creates a fresh database (claimdesk_e2e_<slot>) on E2E_DATABASE_URL's server, seeds it once,
 * and starts instance A on E2E_PORT + 300 + 2·slot and instance B on the next port.
 */

const REPO = path.resolve(__dirname, '..', '..');

export interface Instances {
  a: AppServer;
  b: AppServer;
  databaseUrl: string;
}

function databaseUrl(name: string): string {
  const cluster = process.env.E2E_DATABASE_URL;
  if (!cluster?.startsWith('postgres')) throw new Error('E2E_DATABASE_URL must name a PostgreSQL server (bash scripts/pg-cluster.sh start prints one).');
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export const test = base.extend<object, { instances: Instances }>({
  instances: [
    async ({}, provide) => {
      const name = `claimdesk_e2e_${workerSlot()}`;
      const url = databaseUrl(name);
      await recreateDatabase(name);
      execFileSync(path.join(REPO, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.node.json', 'scripts/seed.ts'], { cwd: REPO, env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
      const port = basePort() + 300 + 2 * workerSlot();
      const env = { DATABASE_URL: url };
      const [a, b] = await Promise.all([
        startAppServer({ port, databaseFile: name, script: 'scripts/e2e-pg-server.sh', env }),
        startAppServer({ port: port + 1, databaseFile: name, script: 'scripts/e2e-pg-server.sh', env }),
      ]);
      await provide({ a, b, databaseUrl: url });
      await Promise.all([a.stop(), b.stop()]);
    },
    { scope: 'worker', auto: true, timeout: 180_000 },
  ],
  baseURL: async ({ instances }, provide) => {
    await provide(instances.a.baseURL);
  },
});
export { expect };

/** A signed-in page on one instance, in its own browser context (its own cookies). */
export async function pageOn(browser: Browser, server: AppServer, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(USERS[who]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/articles$/, { timeout: 30_000 });
  return page;
}
