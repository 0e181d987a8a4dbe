import path from 'node:path';
import { ARTIFACTS, demoArticleId, expect, pageAs, signIn, test } from './fixtures';
import { createAccountFromInvitation, invite, shapeOf, tokenOf, workspaceIdOf } from './invitation-helpers';

/**
 * Invitations on the test server as shipped for the demo: no SMTP, so owners are shown the link.
 * Mailed links (invitation, verification, password reset) are in e2e/invitations-mail.spec.ts.
 */

test.describe('invitations without mail', () => {
  test('an account set up through another desk’s link cannot be used to enter this desk (pre-hijacking)', async ({ browser }) => {
    const ownerB = await pageAs(browser, 'outsider');
    const ownerA = await pageAs(browser, 'owner');
    const deskB = await workspaceIdOf(ownerB, 'other-desk');
    const deskA = await workspaceIdOf(ownerA, 'demo-desk');
    const articleInA = await demoArticleId(ownerA);
    const email = `newhire.${Date.now()}@example.org`;
    const attackerPassword = 'attacker-chose-this-1';

    // 1. B's owner invites the address; without mail the link comes back to B's owner.
    const fromB = await invite(ownerB, deskB, email);
    expect(fromB.status).toBe(201);
    expect(fromB.body.invitation.delivery).toBe('link');
    // 2–3. B's owner follows it, creating the account with a password of their choosing.
    const attackerContext = await browser.newContext();
    const attacker = await attackerContext.newPage();
    await createAccountFromInvitation(attacker, fromB.body.link!, attackerPassword);
    await expect(attacker).toHaveURL(/\/articles$/);
    // 4. …then removes the account from B, keeping the password.
    const { members } = (await (await ownerB.request.get(`/api/workspaces/${deskB}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
    const hijacked = members.find((m) => m.email === email)!;
    expect((await ownerB.request.delete(`/api/workspaces/${deskB}/members/${hijacked.userId}`)).status()).toBe(200);

    // 5. A's owner invites the same address: an answer of the same shape as for a brand-new address.
    const fromA = await invite(ownerA, deskA, email);
    const brandNew = await invite(ownerA, deskA, `brand.new.${Date.now()}@example.org`);
    expect(fromA.status).toBe(201);
    expect(brandNew.status).toBe(201);
    expect(shapeOf(fromA.body)).toEqual(shapeOf(brandNew.body));
    expect(Object.keys(fromA.body).sort()).toEqual(['invitation', 'link']);

    // The attacker, signed in as that account, sees nothing of A.
    await attacker.goto('/sign-in');
    await attacker.getByLabel('Email').fill(email);
    await attacker.getByLabel('Password').fill(attackerPassword);
    await attacker.getByRole('button', { name: 'Sign in' }).click();
    await expect(attacker).toHaveURL(/\/articles$/);
    const listed = (await (await attacker.request.get('/api/workspaces')).json()) as { workspaces: unknown[] };
    expect(listed.workspaces).toEqual([]);
    expect((await attacker.request.get(`/api/articles/${articleInA}`)).status()).toBe(404);
    expect((await attacker.request.get(`/api/workspaces/${deskA}/members`)).status()).toBe(404);

    // 6. Even holding A's link, the unverified account cannot accept it: the page explains, the API refuses.
    await attacker.goto(fromA.body.link!);
    await expect(attacker.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toContainText(`Your address ${email} has not been verified yet`);
    await expect(attacker.getByText('an administrator must configure it')).toBeVisible();
    await expect(attacker.getByRole('button', { name: /^Join / })).toHaveCount(0);
    await attacker.screenshot({ path: path.join(ARTIFACTS, 'invite-unverified.png'), fullPage: true });
    const accept = await attacker.request.post('/api/invitations/accept', { data: { token: tokenOf(fromA.body.link!) } });
    expect(accept.status()).toBe(403);
    expect(((await accept.json()) as { error: { message: string } }).error.message).toMatch(/Confirm that .* is your address first/);
    const register = await attackerContext.request.post('/api/invitations/register', { data: { token: tokenOf(fromA.body.link!), name: 'x', password: attackerPassword, confirmPassword: attackerPassword } });
    expect(register.status()).toBe(409);
    expect((await attacker.request.get(`/api/articles/${articleInA}`)).status()).toBe(404);
    // The invitation is still pending for the real owner of the mailbox.
    const pending = (await (await ownerA.request.get(`/api/workspaces/${deskA}/invitations`)).json()) as { invitations: Array<{ email: string; id: string }> };
    expect(pending.invitations.map((i) => i.email)).toContain(email);

    for (const i of pending.invitations) await ownerA.request.delete(`/api/workspaces/${deskA}/invitations/${i.id}`);
    await attackerContext.close();
    await ownerA.context().close();
    await ownerB.context().close();
  });

  test('signed in as another account, an invitation is refused with a clear message', async ({ page, browser }) => {
    const owner = await pageAs(browser, 'owner');
    const desk = await workspaceIdOf(owner, 'demo-desk');
    const { body } = await invite(owner, desk, `someone.${Date.now()}@example.org`);
    await signIn(page, 'editor');
    await page.goto(body.link!);
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toContainText('You are signed in as tom@claimdesk.demo. This invitation is for someone.');
    await expect(page.getByRole('form', { name: 'Create your account' })).toHaveCount(0);
    expect((await page.request.post('/api/invitations/accept', { data: { token: tokenOf(body.link!) } })).status()).toBe(403);
    await owner.request.delete(`/api/workspaces/${desk}/invitations/${body.invitation.id}`);
    await owner.context().close();
  });

  test('dead links say why: malformed, withdrawn, used', async ({ page, browser }) => {
    await page.goto('/invite/not-a-real-token');
    await expect(page.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link is not valid. Check that you copied all of it.');

    const owner = await pageAs(browser, 'owner');
    const desk = await workspaceIdOf(owner, 'demo-desk');
    const withdrawn = await invite(owner, desk, `withdrawn.${Date.now()}@example.org`);
    await owner.request.delete(`/api/workspaces/${desk}/invitations/${withdrawn.body.invitation.id}`);
    await page.goto(withdrawn.body.link!);
    await expect(page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link was withdrawn. Ask for a new one.');
    await owner.context().close();
  });

  test('a member leaves; leaving the last workspace signs them out; the last owner cannot leave', async ({ browser }) => {
    test.slow(); // three accounts and a dozen page loads
    const owner = await pageAs(browser, 'owner');
    const desk = await workspaceIdOf(owner, 'demo-desk');
    const email = `leaver.${Date.now()}@example.org`;
    const { body } = await invite(owner, desk, email, 'viewer', 'Lea Leaver');
    const context = await browser.newContext();
    const leaver = await context.newPage();
    await createAccountFromInvitation(leaver, body.link!, 'leaving-soon-123');
    await expect(leaver).toHaveURL(/\/articles$/);
    const articleId = await demoArticleId(leaver);

    await leaver.goto('/account');
    await expect(leaver.getByTestId('email-status')).toContainText('not verified');
    await expect(leaver.getByText('mail is not configured on this server')).toBeVisible();
    await leaver.screenshot({ path: path.join(ARTIFACTS, 'account-leave.png'), fullPage: true });
    leaver.once('dialog', (d) => void d.accept());
    await leaver.getByRole('button', { name: 'Leave Demo Fact-Check Desk' }).click();
    await expect(leaver).toHaveURL(/\/sign-in/);
    const members = (await (await owner.request.get(`/api/workspaces/${desk}/members`)).json()) as { members: Array<{ email: string }> };
    expect(members.members.map((m) => m.email)).not.toContain(email);
    // Signing in again gives no access to the old workspace.
    await leaver.getByLabel('Email').fill(email);
    await leaver.getByLabel('Password').fill('leaving-soon-123');
    await leaver.getByRole('button', { name: 'Sign in' }).click();
    await expect(leaver).toHaveURL(/\/articles$/);
    expect((await leaver.request.get(`/api/articles/${articleId}`)).status()).toBe(404);
    await context.close();

    // The only owner of a workspace cannot leave it.
    const lastOwner = await pageAs(browser, 'outsider');
    await lastOwner.goto('/account');
    lastOwner.once('dialog', (d) => void d.accept());
    await lastOwner.getByRole('button', { name: 'Leave Other Newsroom' }).click();
    await expect(lastOwner.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('You are the only owner of this workspace. Make someone else an owner before you leave.');
    const refused = await owner.request.post(`/api/workspaces/${desk}/leave`);
    expect(refused.status()).toBe(422);
    await lastOwner.context().close();

    // Owners read it all in the security log.
    await owner.goto(`/settings/security?workspace=${desk}`);
    const row = owner.getByTestId('security-event').filter({ hasText: 'Left the workspace' }).filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(owner.getByTestId('security-event').filter({ hasText: 'Accepted an invitation' }).filter({ hasText: email })).toHaveCount(1);
    await owner.screenshot({ path: path.join(ARTIFACTS, 'security-log.png'), fullPage: true });
    await owner.context().close();
  });

  test('only owners can open the security log; it pages back with "Older"', async ({ page, browser }) => {
    test.slow(); // 52 API calls to fill two pages
    const editor = await pageAs(browser, 'editor');
    const response = await editor.goto('/settings/security');
    expect(response?.status()).toBe(404);
    await editor.context().close();

    await signIn(page, 'owner');
    const desk = await workspaceIdOf(page, 'demo-desk');
    // Enough entries for a second page: invitations made and withdrawn.
    for (let i = 0; i < 26; i += 1) {
      const { body } = await invite(page, desk, `pager.${i}.${Date.now()}@example.org`, 'viewer');
      await page.request.delete(`/api/workspaces/${desk}/invitations/${body.invitation.id}`);
    }
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Security log' }).click();
    await expect(page.getByRole('heading', { name: 'Security log' })).toBeVisible();
    await expect(page.getByTestId('security-event')).toHaveCount(50);
    const newest = await page.getByTestId('security-event').first().textContent();
    await page.getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(/before=\d+\.[0-9a-f-]{36}/);
    await expect(page.getByTestId('security-event').first()).not.toHaveText(newest!);
    const json = await page.request.get(`/api/workspaces/${desk}/security-events?limit=2`);
    const { events, nextBefore } = (await json.json()) as { events: Array<{ id: string; type: string }>; nextBefore: string | null };
    expect(events).toHaveLength(2);
    expect(nextBefore).toMatch(/^\d+\.[0-9a-f-]{36}$/);
    const older = (await (await page.request.get(`/api/workspaces/${desk}/security-events?limit=2&before=${encodeURIComponent(nextBefore!)}`)).json()) as { events: Array<{ id: string }> };
    expect(older.events).toHaveLength(2);
    expect(older.events.map((e) => e.id)).not.toContain(events[1]!.id);
    expect((await page.request.get(`/api/workspaces/${desk}/security-events?before=12345`)).status()).toBe(422);
    expect((await page.request.get(`/api/workspaces/${desk}/security-events?limit=abc`)).status()).toBe(422);
  });

  test('forgot password explains that reset needs mail when none is configured', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('note')).toContainText('Password reset needs mail to be configured');
    const response = await page.request.post('/api/account/password-reset', { data: { email: 'ana@claimdesk.demo' } });
    expect(response.status()).toBe(503);
  });
});
