import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';
import { apiStatus, browserAs, codeFor, createThrowawayUser, createThrowawayWorkspace, signInAs, THROWAWAY_PASSWORD, type Throwaway } from './sessions-helpers';

// Several browsers and argon2 sign-ins per test on a shared, busy machine.
test.describe.configure({ timeout: 180_000 });

/** The page's non-empty error message (not Next's empty route announcer). */
const visibleAlert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });

/** Runs the account page's setup with a code computed here from the manual key; answers the key and the recovery codes. */
async function setUpTwoFactor(page: Page, screenshot?: string): Promise<{ key: string; recoveryCodes: string[]; acceptedAt: number }> {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up two-factor' }).click();
  const keyText = page.getByTestId('totp-manual-key');
  await expect(keyText).toHaveText(/^[A-Z2-7 ]{32,}$/);
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  if (screenshot) await page.getByRole('region', { name: 'Two-factor sign-in' }).screenshot({ path: path.join(ARTIFACTS, screenshot) });
  const key = (await keyText.textContent())!;
  // A wrong code first: refused with a clear message, two-factor stays off.
  await page.getByLabel('Code from your app').fill(String((Number(codeFor(key)) + 1) % 1_000_000).padStart(6, '0'));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(visibleAlert(page)).toContainText('does not match');
  const acceptedAt = Date.now();
  await page.getByLabel('Code from your app').fill(codeFor(key, acceptedAt));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const list = page.getByTestId('recovery-codes');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  if (screenshot) await page.getByRole('region', { name: 'Two-factor sign-in' }).screenshot({ path: path.join(ARTIFACTS, screenshot.replace('.png', '-codes.png')) });
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  await page.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(page.getByTestId('two-factor-status')).toContainText('On.');
  await expect(page.getByTestId('two-factor-status')).toContainText('10 unused recovery codes');
  return { key, recoveryCodes, acceptedAt };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function passwordStep(page: Page, user: Throwaway) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(THROWAWAY_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Authentication code')).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('two-factor: set up with a code, sign in with the next code, recovery codes work once', async ({ browser }) => {
  const user = await createThrowawayUser('two-factor');
  const { context, page } = await browserAs(browser, user);
  const { key, recoveryCodes, acceptedAt } = await setUpTwoFactor(page, 'account-two-factor-setup.png');
  await signOut(page);

  // The password alone now leads to the code step.
  await passwordStep(page, user);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in-code-step.png') });
  // The code used at setup cannot be used again (replay within its window).
  await codeStep(page, codeFor(key, acceptedAt));
  await expect(visibleAlert(page)).toContainText('not valid');
  await expect(page).toHaveURL(/\/sign-in/);
  // The next step's code is within the accepted window.
  await codeStep(page, codeFor(key, acceptedAt + 30_000));
  await expect(page).toHaveURL(/\/articles$/);
  expect(await apiStatus(page.request)).toBe(200);

  // A recovery code signs in once…
  const recovery = recoveryCodes[3]!;
  await signOut(page);
  await passwordStep(page, user);
  await codeStep(page, recovery.toUpperCase());
  await expect(page).toHaveURL(/\/articles$/);
  await page.goto('/account');
  await expect(page.getByTestId('two-factor-status')).toContainText('9 unused recovery codes');
  // …and never again.
  await signOut(page);
  await passwordStep(page, user);
  await codeStep(page, recovery);
  await expect(visibleAlert(page)).toContainText('not valid');
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test('two-factor: new recovery codes replace the old ones; turning it off needs the password and a code', async ({ browser }) => {
  const user = await createThrowawayUser('two-factor-manage');
  const { context, page } = await browserAs(browser, user);
  const { recoveryCodes } = await setUpTwoFactor(page);

  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await page.getByLabel('Code from your app').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Make new codes' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  const fresh = (await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()).map((c) => c.trim());
  expect(fresh).toHaveLength(10);
  expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
  await page.getByRole('button', { name: 'I have saved these codes' }).click();

  await page.getByRole('button', { name: 'Turn off two-factor' }).click();
  await page.getByLabel('Password', { exact: true }).fill('not-my-password');
  await page.getByLabel('Code from your app or a recovery code').fill(fresh[0]!);
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(visibleAlert(page)).toContainText('password is not correct');
  // An old (replaced) recovery code does not work.
  await page.getByLabel('Password', { exact: true }).fill(THROWAWAY_PASSWORD);
  await page.getByLabel('Code from your app or a recovery code').fill(recoveryCodes[1]!);
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(visibleAlert(page)).toContainText('code is not valid');
  await page.getByLabel('Code from your app or a recovery code').fill(fresh[0]!);
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(page.getByTestId('two-factor-status')).toContainText('Off.');

  // Signing in is back to the password alone.
  await signOut(page);
  await signInAs(page, user);
  await expect(page).toHaveURL(/\/articles$/);
  await context.close();
});

test('a workspace that requires two-factor admits a member without it only to set it up', async ({ browser }) => {
  const owner = await createThrowawayUser('req-owner');
  const member = await createThrowawayUser('req-member');
  const workspace = await createThrowawayWorkspace([
    { user: owner, role: 'owner' },
    { user: member, role: 'reviewer' },
  ]);
  const ownerBrowser = await browserAs(browser, owner);
  const ownerPage = ownerBrowser.page;

  // The owner cannot require it before having it.
  const early = await ownerPage.request.put(`/api/workspaces/${workspace.id}/two-factor`, { data: { required: true }, failOnStatusCode: false });
  expect(early.status()).toBe(403);
  expect((await early.json()) as unknown).toMatchObject({ error: { message: expect.stringContaining('your own account first') } });
  await ownerPage.goto(`/settings?workspace=${workspace.id}`);
  await expect(ownerPage.getByLabel('Require two-factor sign-in for every member')).toBeDisabled();

  await setUpTwoFactor(ownerPage);
  await ownerPage.goto(`/settings?workspace=${workspace.id}`);
  // A controlled checkbox: it changes once the server has answered.
  await ownerPage.getByLabel('Require two-factor sign-in for every member').click();
  await expect(ownerPage.getByText('Two-factor sign-in is now required.')).toBeVisible();
  await expect(ownerPage.getByLabel('Require two-factor sign-in for every member')).toBeChecked();
  await ownerPage.getByRole('region', { name: 'Two-factor sign-in' }).screenshot({ path: path.join(ARTIFACTS, 'settings-require-two-factor.png') });

  // The member signs in with the password and lands on the account page with a notice…
  const memberBrowser = await browserAs(browser, member);
  const memberPage = memberBrowser.page;
  await memberPage.goto('/articles');
  await expect(memberPage).toHaveURL(/\/account\?twoFactor=required/);
  await expect(memberPage.getByTestId('two-factor-required-notice')).toContainText(workspace.name);
  // …and every other API answers 403 with a clear message.
  const blocked = await memberPage.request.get('/api/workspaces', { failOnStatusCode: false });
  expect(blocked.status()).toBe(403);
  expect((await blocked.json()) as unknown).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('requires two-factor sign-in') } });
  await memberPage.screenshot({ path: path.join(ARTIFACTS, 'account-two-factor-required.png'), fullPage: true });

  await setUpTwoFactor(memberPage);
  expect(await apiStatus(memberPage.request)).toBe(200);
  await memberPage.goto('/articles');
  await expect(memberPage).toHaveURL(/\/articles$/);

  // Turning the requirement off again (owners only) is recorded too.
  await ownerPage.getByLabel('Require two-factor sign-in for every member').click();
  await expect(ownerPage.getByText('Two-factor sign-in is no longer required.')).toBeVisible();
  const memberTries = await memberPage.request.put(`/api/workspaces/${workspace.id}/two-factor`, { data: { required: true }, failOnStatusCode: false });
  expect(memberTries.status()).toBe(403);
  await Promise.all([ownerBrowser.context.close(), memberBrowser.context.close()]);
});
