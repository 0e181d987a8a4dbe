import Database from 'better-sqlite3';
import path from 'node:path';
import { ARTIFACTS, DEMO_PASSWORD, expect, pageAs, signIn, test, USERS } from './fixtures';
import { createAccountFromInvitation, workspaceIdOf } from './invitation-helpers';
import { linkIn } from './mail-catcher';
import { MAIL_APP_URL, startMailApp, type MailApp } from './mail-app-server';

/**
 * Flows that prove a mailbox, against a second app server configured with SMTP (see
 * e2e/mail-app-server.ts): the links are read from the mail the app actually sent.
 */
test.use({ baseURL: MAIL_APP_URL });

let app: MailApp;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startMailApp();
});
test.afterAll(async () => {
  await app?.stop();
});

test.describe('mailed links', () => {
  test('an owner invites by email; the invitee joins through the mailed link, verified', async ({ page, browser }) => {
    await signIn(page, 'owner');
    await page.goto('/settings');
    const email = `mailed.${Date.now()}@example.org`;
    const form = page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Name').fill('Mia <Mailed>');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('editor');
    await form.getByRole('button', { name: 'Invite' }).click();
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText(`Invitation mailed to ${email}`);
    // With mail configured the owner never sees the link.
    await expect(page.getByTestId('invitation-link')).toHaveCount(0);
    await expect(page.getByTestId('pending-invitation').filter({ hasText: email })).toContainText('Mailed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-invite-mailed.png'), fullPage: true });

    const mail = await app.mail.waitForMail(email, { subject: /invited you to Demo Fact-Check Desk/ });
    expect(mail.subject).toBe('Nadia Rahimi invited you to Demo Fact-Check Desk on Claimdesk');
    expect(mail.from).toBe('claimdesk@test.invalid');
    expect(mail.html).toContain('Accept the invitation');
    const link = linkIn(mail, MAIL_APP_URL);
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'Join Demo Fact-Check Desk' })).toBeVisible();
    await expect(invitee.getByLabel('Your name')).toHaveValue('Mia <Mailed>');
    await invitee.screenshot({ path: path.join(ARTIFACTS, 'invite-new-account.png'), fullPage: true });
    // A mismatched confirmation is caught before anything is sent.
    await invitee.getByLabel('Password', { exact: true }).fill('mailed-password-1');
    await invitee.getByLabel('Confirm password').fill('mailed-password-2');
    await invitee.getByRole('button', { name: 'Create account and join' }).click();
    await expect(invitee.getByText('The two passwords differ.')).toBeVisible();
    await createAccountFromInvitation(invitee, link, 'mailed-password-1', 'Mia Mailed');
    await expect(invitee).toHaveURL(/\/articles$/);
    await expect(invitee.getByRole('link', { name: /Khamenei/ })).toBeVisible();
    await expect(invitee.getByTestId('current-user')).toContainText('editor · Demo Fact-Check Desk');
    await invitee.goto('/account');
    await expect(invitee.getByTestId('email-status')).toContainText('Email verified');
    await context.close();

    // The link worked once.
    const again = await browser.newContext();
    const replay = await again.newPage();
    await replay.goto(link);
    await expect(replay.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link has already been used. Each link works once.');
    await again.close();
    await page.reload();
    await expect(page.getByTestId('pending-invitation').filter({ hasText: email })).toHaveCount(0);
  });

  test('password reset through the mailed link; unknown addresses get the same answer and no mail', async ({ page }) => {
    const unknown = `nobody.${Date.now()}@example.org`;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email').fill(unknown);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const answer = page.getByRole('status');
    await expect(answer).toHaveText('If an account exists for that address, we sent it a link to choose a new password. The link works once, for 1 hour.');
    const unknownAnswer = await answer.textContent();

    const since = Date.now();
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(USERS.viewer.toUpperCase());
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toHaveText(unknownAnswer!);
    const mail = await app.mail.waitForMail(USERS.viewer, { subject: /Reset your Claimdesk password/, since });
    expect(app.mail.mailTo(unknown)).toEqual([]);
    const link = linkIn(mail, MAIL_APP_URL);

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill('vera-new-password-7');
    await page.getByLabel('Confirm password').fill('vera-new-password-7');
    await page.screenshot({ path: path.join(ARTIFACTS, 'reset-password.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('Password changed. You were signed out everywhere');

    // The old password no longer works, the new one does, and the link is spent.
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(USERS.viewer);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Wrong email or password.');
    await page.getByLabel('Password').fill('vera-new-password-7');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/articles$/);
    await page.goto(link);
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link has already been used. Each link works once.');
  });

  test('an unverified account verifies its address by mail, then joins a second workspace', async ({ browser }) => {
    const owner = await pageAs(browser, 'owner');
    const email = `late.verifier.${Date.now()}@example.org`;
    const deskA = await workspaceIdOf(owner, 'demo-desk');
    await owner.request.post(`/api/workspaces/${deskA}/members`, { data: { email, name: 'Lou Later', role: 'viewer' } });
    const context = await browser.newContext();
    const member = await context.newPage();
    await createAccountFromInvitation(member, linkIn(await app.mail.waitForMail(email), MAIL_APP_URL), 'lou-password-123');
    await expect(member).toHaveURL(/\/articles$/);
    // As if the account had been made through a shown link before mail was set up.
    const db = new Database(app.databaseFile);
    db.prepare('UPDATE users SET email_verified_at = NULL WHERE email = ?').run(email);
    db.close();

    const ownerB = await pageAs(browser, 'outsider');
    const since = Date.now();
    await ownerB.request.post(`/api/workspaces/${await workspaceIdOf(ownerB, 'other-desk')}/members`, { data: { email, name: 'Lou', role: 'viewer' } });
    const invitationLink = linkIn(await app.mail.waitForMail(email, { subject: /Other Newsroom/, since }), MAIL_APP_URL);
    await member.goto(invitationLink);
    await expect(member.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toContainText('has not been verified yet');
    await member.getByRole('button', { name: 'Send verification email' }).click();
    await expect(member.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText(`We sent a link to ${email}`);
    const verifyMail = await app.mail.waitForMail(email, { subject: /Confirm your email address/, since });
    await member.goto(linkIn(verifyMail, MAIL_APP_URL));
    await member.getByRole('button', { name: 'Confirm my email address' }).click();
    await expect(member.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText(`Email verified: ${email}.`);

    await member.goto(invitationLink);
    await member.getByRole('button', { name: 'Join Other Newsroom as viewer' }).click();
    await expect(member).toHaveURL(/\/articles$/);
    await expect(member.getByTestId('current-user')).toContainText('viewer · Other Newsroom');
    await context.close();
    await owner.context().close();
    await ownerB.context().close();
  });
});
