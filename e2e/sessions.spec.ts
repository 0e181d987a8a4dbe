import path from 'node:path';
import { ARTIFACTS, expect, signIn, test } from './fixtures';
import { apiStatus, browserAs, createThrowawayUser, signInAs, THROWAWAY_PASSWORD } from './sessions-helpers';

/**
 * Finding 2: sessions end on the server. The cookie names a session row that every request
 * checks, so signing out, "sign out everywhere", a per-session sign-out and a password change
 * all make old cookies worthless at once.
 */

test('a cookie saved before signing out is refused when replayed', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'reviewer');
  const saved = await context.cookies();
  expect(saved.some((c) => c.name.includes('next-auth.session-token'))).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // A new browser with the old cookie, as an attacker who copied it would have.
  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const response = await replay.request.get('/api/workspaces', { failOnStatusCode: false });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  const replayPage = await replay.newPage();
  await replayPage.goto('/articles');
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await Promise.all([context.close(), replay.close()]);
});

test('changing the password signs out the other browsers, not this one', async ({ browser }) => {
  const user = await createThrowawayUser('password-change');
  const here = await browserAs(browser, user);
  const there = await browserAs(browser, user);
  expect(await apiStatus(there.page.request)).toBe(200);

  await here.page.goto('/account');
  await here.page.getByLabel('Current password').fill(THROWAWAY_PASSWORD);
  await here.page.getByLabel('New password').fill('a-brand-new-password-7');
  await here.page.getByRole('button', { name: 'Change password' }).click();
  await expect(here.page).toHaveURL(/\/articles$/);

  expect(await apiStatus(there.page.request)).toBe(401);
  expect(await apiStatus(here.page.request)).toBe(200);
  await Promise.all([here.context.close(), there.context.close()]);
});

test('the account page lists the sessions; "Sign out" on another one ends only that one', async ({ browser }) => {
  const user = await createThrowawayUser('sessions-list');
  const here = await browserAs(browser, user);
  const there = await browserAs(browser, user, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0' });

  await here.page.goto('/account');
  const rows = here.page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'This browser' })).toHaveCount(1);
  const other = rows.filter({ hasText: 'Firefox on Windows' });
  await expect(other).toContainText(/127\.0\.0\.1|::1/); // localhost over IPv4 or IPv6
  await here.page.getByRole('region', { name: 'Where you are signed in' }).screenshot({ path: path.join(ARTIFACTS, 'account-sessions.png') });

  await other.getByRole('button', { name: /^Sign out Firefox on Windows/ }).click();
  await expect(rows).toHaveCount(1);
  expect(await apiStatus(there.page.request)).toBe(401);
  expect(await apiStatus(here.page.request)).toBe(200);

  // Someone else cannot end this session: its id answers 404, like an unknown one, and it stays valid.
  const victimSessionId = await rows.first().getAttribute('data-session-id');
  expect(victimSessionId).toMatch(/^[0-9a-f-]{36}$/);
  const stranger = await createThrowawayUser('stranger');
  const strangerBrowser = await browserAs(browser, stranger);
  const response = await strangerBrowser.page.request.delete(`/api/account/sessions/${victimSessionId}`, { failOnStatusCode: false });
  expect(response.status()).toBe(404);
  expect(await apiStatus(here.page.request)).toBe(200);
  await Promise.all([here.context.close(), there.context.close(), strangerBrowser.context.close()]);
});

test('"Sign out everywhere" ends every session, this one included', async ({ browser }) => {
  const user = await createThrowawayUser('everywhere');
  const here = await browserAs(browser, user);
  const there = await browserAs(browser, user);
  await here.page.goto('/account');
  await here.page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(here.page).toHaveURL(/\/sign-in/);
  expect(await apiStatus(there.page.request)).toBe(401);
  expect(await apiStatus(here.page.request)).toBe(401);
  // Signing in again works and starts a new session.
  await signInAs(here.page, user);
  expect(await apiStatus(here.page.request)).toBe(200);
  await Promise.all([here.context.close(), there.context.close()]);
});
