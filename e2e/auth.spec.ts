import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test, USERS } from './fixtures';
import { createThrowawayUser, THROWAWAY_PASSWORD } from './sessions-helpers';

test.describe('signing in and out', () => {
  test('what is typed before the page script has loaded is kept, and signs in', async ({ page }) => {
    // Hold the client chunks back so the inputs are filled before React hydrates the form.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/sign-in', { waitUntil: 'commit' });
    await page.getByLabel('Email').fill(USERS.reviewer);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    release();
    const button = page.getByRole('button', { name: 'Sign in' });
    await expect(button).toBeEnabled();
    await expect(page.getByLabel('Email')).toHaveValue(USERS.reviewer);
    await button.click();
    await expect(page).toHaveURL(/\/articles$/, { timeout: 30_000 });
  });

  test('signed-out pages redirect to sign-in', async ({ page }) => {
    await page.goto('/articles');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Farticles/);
    await page.goto('/articles/00000000-0000-4000-8000-000000000000');
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('signed-out API calls answer 401 with a JSON error', async ({ request }) => {
    const id = '00000000-0000-4000-8000-000000000000';
    const calls = [
      request.get('/api/workspaces'),
      request.get(`/api/articles/${id}/claims`),
      request.post('/api/claims', { data: { articleId: id, revision: 1, start: 0, end: 5 } }),
      request.patch(`/api/claims/${id}`, { data: { version: 1 } }),
      request.delete(`/api/sources/${id}`, { data: { version: 1 } }),
      request.put(`/api/articles/${id}/text`, { data: { revision: 1, doc: { type: 'doc' } } }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  test('a wrong password gets a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(USERS.reviewer);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('sign in, see the articles, sign out', async ({ page }) => {
    await signIn(page, 'reviewer');
    await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('Ana Souza');
    await expect(page.getByRole('link', { name: /Khamenei Says U\.S\. Created ISIS/ })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/articles');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('after sign-in the user returns to the page they asked for', async ({ page }) => {
    await page.goto('/settings');
    await page.getByLabel('Email').fill(USERS.owner);
    await page.getByLabel('Password').fill('claimdesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/settings$/);
  });
});

/** A browser whose requests come from their own client address, so limits on it do not touch other tests. */
async function fromAddress(browser: Browser, address: string) {
  return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
}
const testAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** Posts one sign-in the way the form does (CSRF token, credentials); answers next-auth's error code, or null when signed in. */
async function postSignIn(request: APIRequestContext, csrfToken: string, email: string, password: string, address: string): Promise<string | null> {
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, json: 'true', callbackUrl: '/articles' },
    headers: { 'X-Forwarded-For': address },
    failOnStatusCode: false,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

test('repeated wrong passwords slow that address down with a clear message', async ({ browser }) => {
  // A throwaway email and address: limits are per account and per address, so other tests are unaffected.
  const email = `nobody.${Date.now()}@claimdesk.demo`;
  const context = await fromAddress(browser, testAddress());
  const page = await context.newPage();
  await page.goto('/sign-in');
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  // From the fifth failure on, each one doubles the wait (1 s, 2 s, 4 s…); typing is slower than
  // the first wait only rarely, so the message shows within a few more tries.
  const locked = page.getByText(/Too many failed attempts\. Try again in \d+ (second|minute)s?\./);
  for (let i = 0; i < 4 && !(await locked.isVisible()); i += 1) {
    await page.getByLabel('Password').fill(`more-guess-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).not.toBeEmpty();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await expect(locked).toBeVisible();
  await context.close();
});

test('50 parallel wrong guesses: at most ten are checked; the owner still signs in from elsewhere', async ({ playwright, baseURL }) => {
  const user = await createThrowawayUser('guessed');
  const attacker = testAddress();
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };

  const errors = await Promise.all(Array.from({ length: 50 }, (_, i) => postSignIn(request, csrfToken, user.email, `guess-${i}`, attacker)));
  const checked = errors.filter((e) => e === 'CredentialsSignin').length;
  const refused = errors.filter((e) => e?.startsWith('SignInLocked:')).length;
  expect(checked + refused, `unexpected answers: ${errors.join(', ')}`).toBe(50);
  // Five are checked at once; while the burst lasts, each expired back-off (1 s, 2 s, 4 s…) lets one
  // more through, and ten per address and account per 15 minutes is the hard cap.
  expect(checked).toBeGreaterThanOrEqual(1);
  expect(checked).toBeLessThanOrEqual(10);

  // The right password from the guessing address is refused too (counted before it is checked)…
  expect(await postSignIn(request, csrfToken, user.email, THROWAWAY_PASSWORD, attacker)).toMatch(/^SignInLocked:\d+$/);
  // …while the owner, from an address that has not failed, gets in at once.
  expect(await postSignIn(request, csrfToken, user.email, THROWAWAY_PASSWORD, testAddress().replace('198.51.100', '203.0.113'))).toBeNull();
  await request.dispose();
});

test('a successful sign-in never counts against the address', async ({ playwright, baseURL }) => {
  const user = await createThrowawayUser('frequent');
  const address = testAddress().replace('198.51.100', '192.0.2');
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  // More successes than the per-address limit of failures (50).
  for (let i = 0; i < 60; i += 1) expect(await postSignIn(request, csrfToken, user.email, THROWAWAY_PASSWORD, address)).toBeNull();
  await request.dispose();
});
