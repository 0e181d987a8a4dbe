import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, signIn, test } from './fixtures';

/**
 * Finding 7 of issue 7: pages send a nonce-based Content-Security-Policy that Next.js's own
 * scripts carry, the app still works under it (no violations during real use), and malformed
 * percent-encoding in a path answers 400 instead of a plain-text 500.
 */

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

/** Checks the page's CSP header and that every script tag of its HTML carries the header's nonce. */
async function expectNoncedPage(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const header = response.headers()['content-security-policy'];
  expect(header, `${url} sends a Content-Security-Policy`).toBeTruthy();
  const policy = directives(header!);
  const scriptSrc = policy.get('script-src') ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(scriptSrc.find((v) => v.startsWith("'nonce-")) ?? '')?.[1];
  expect(nonce, 'script-src has a nonce').toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc, 'no eval in production').not.toContain("'unsafe-eval'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${url} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${url}: every script carries the nonce`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

/** Collects CSP violations (console messages and securitypolicyviolation events) from the start of each page load. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleMessages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleMessages.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.message.includes('Content Security Policy')) consoleMessages.push(error.message);
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations?: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} ${event.blockedURI} from ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => [...consoleMessages, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test.describe('Content-Security-Policy', () => {
  test('the sign-in page carries a nonce CSP, a fresh nonce each time, and signing in works under it', async ({ page }) => {
    const first = await expectNoncedPage(page, '/sign-in');
    const second = await expectNoncedPage(page, '/sign-in');
    expect(second).not.toBe(first);
    const violations = await watchCsp(page);
    await signIn(page, 'reviewer'); // needs the hydrated form: scripts ran
    expect(await violations()).toEqual([]);
  });

  test('signed-in pages carry it, and a short workbench session raises no CSP violation', async ({ page, article }) => {
    const violations = await watchCsp(page);
    await signIn(page, 'reviewer');
    for (const url of ['/articles', '/queue', '/account']) await expectNoncedPage(page, url);
    const id = await demoArticleId(page);
    await expectNoncedPage(page, `/articles/${id}`);

    await article.open(id);
    await expect(article.listItems()).toHaveCount(7);
    const claimId = await article.markClaim('Saudi Arabia');
    await article.expectHighlighted(claimId, 'Saudi Arabia');
    const detail = page.getByTestId('claim-detail');
    await detail.getByLabel('Claimant').fill('CSP check');
    await article.saveClaim();
    await page.keyboard.press('Escape');
    await article.listItems().first().click();
    await expect(detail).toBeVisible();
    await page.keyboard.press('Shift+?');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-under-csp.png') });
    expect(await violations()).toEqual([]);
  });

  test('the proxy never redirects API calls: signed out they answer 401 JSON', async ({ request }) => {
    for (const url of ['/api/queue', '/api/articles/%41']) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });
});

test.describe('malformed percent-encoding', () => {
  for (const url of ['/api/articles/%ZZ', '/api/claims/%E0%A4%A', '/api/workspaces/%']) {
    test(`${url} answers 400 JSON, signed out or in`, async ({ page }) => {
      const signedOut = await page.request.get(url, { maxRedirects: 0 });
      expect(signedOut.status()).toBe(400);
      expect(await signedOut.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/malformed percent-encoding/) as unknown } });
      await signIn(page, 'viewer');
      const signedIn = await page.request.get(url, { maxRedirects: 0 });
      expect(signedIn.status()).toBe(400);
      expect((await signedIn.json()) as unknown).toMatchObject({ error: { code: 'bad_request' } });
    });
  }

  test('a page with a malformed path shows a 400 page, not a 500', async ({ page }) => {
    await signIn(page, 'viewer');
    const response = await page.goto('/articles/%ZZ');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'Bad request' })).toBeVisible();
    await expect(page.getByText(/malformed percent-encoding/)).toBeVisible();
  });
});
