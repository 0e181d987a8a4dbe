import { test as base, expect, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { startAppServer, type AppServer } from './app-server';
import { ArticlePage } from './pages/article-page';
import { startWebFixtureServer, type WebFixtureServer } from './web-fixture-server';
import { webFixturePort, workerDatabaseFile, workerPort } from './worker-env';

export const DEMO_PASSWORD = 'claimdesk-demo';
export const USERS = {
  owner: 'nadia@claimdesk.demo',
  editor: 'tom@claimdesk.demo',
  reviewer: 'ana@claimdesk.demo',
  reviewer2: 'kofi@claimdesk.demo',
  viewer: 'vera@claimdesk.demo',
  outsider: 'omar@other.demo',
} as const;
export type DemoUser = keyof typeof USERS;

/** Where screenshots for humans to look at are written (not compared). */
export const ARTIFACTS = path.join(__dirname, '.artifacts');

export async function signIn(page: Page, who: DemoUser): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(USERS[who]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-in hashes the password (argon2): on a busy machine with several users signing in at once it can take a while.
  await expect(page).toHaveURL(/\/articles$/, { timeout: 30_000 });
}

/** A signed-in page in its own browser context (its own cookies), for multi-user tests. */
export async function pageAs(browser: Browser, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

export async function demoArticleId(page: Page): Promise<string> {
  await page.goto('/articles');
  const link = page.getByRole('link', { name: /Khamenei Says U\.S\. Created ISIS/ });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('Demo article link not found');
  return href.split('/').pop()!;
}

/** Imports a fresh article through the API (as the signed-in page's user) and returns its id. */
export async function importArticle(page: Page, title: string, text: string): Promise<string> {
  const workspaces = await page.request.get('/api/workspaces');
  const { workspaces: list } = (await workspaces.json()) as { workspaces: Array<{ id: string; slug: string }> };
  const workspaceId = list.find((w) => w.slug === 'demo-desk')!.id;
  const response = await page.request.post('/api/articles', { data: { workspaceId, title, text, outlet: 'Test Outlet', publishedOn: '2026-11-01' } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { article: { id: string } }).article.id;
}

/** Lets the app fetch from loopback (the web fixture server); production refuses private addresses. */
export const FETCH_ALLOW_LOOPBACK = { CLAIMDESK_FETCH_ALLOW_ADDRESSES: '127.0.0.0/8,::1/128' };

export const test = base.extend<{ article: ArticlePage }, { appServer: AppServer; web: WebFixtureServer }>({
  // A local stand-in for news sites and cited sources (e2e/web-fixture-server.ts), one per worker.
  web: [
    async ({}, provide) => {
      const server = await startWebFixtureServer(webFixturePort());
      await provide(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // Each worker starts its own server on its own fresh database (e2e/worker-env.ts) and stops it at the end.
  appServer: [
    async ({}, provide) => {
      const server = await startAppServer({ port: workerPort(), databaseFile: workerDatabaseFile(), env: FETCH_ALLOW_LOOPBACK });
      await provide(server);
      await server.stop();
    },
    { scope: 'worker', auto: true, timeout: 180_000 },
  ],
  baseURL: async ({ appServer }, provide) => {
    await provide(appServer.baseURL);
  },
  article: async ({ page }, runTest) => {
    const article = new ArticlePage(page);
    await runTest(article);
    if (!page.isClosed()) await article.cleanup();
  },
});
export { expect };
