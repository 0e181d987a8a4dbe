import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { ARTIFACTS, demoArticleId, expect, signIn, test } from './fixtures';

test.describe('workspace settings (owner)', () => {
  test('an owner invites a member (no mail: the link is shown once); the invitee creates an account through it', async ({ page, browser }) => {
    await signIn(page, 'owner');
    await page.getByRole('link', { name: 'Workspace settings' }).click();
    await expect(page.getByRole('heading', { name: 'Workspace settings' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const email = `new.reviewer.${Date.now()}@claimdesk.demo`;
    const form = page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Name').fill('Nia New');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('reviewer');
    await form.getByRole('button', { name: 'Invite' }).click();
    const notice = page.getByTestId('invitation-link');
    await expect(notice).toContainText(email);
    const firstLink = (await notice.locator('code').textContent())!.trim();
    expect(firstLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    // Not a member until the invitation is accepted; it is listed as pending.
    const workspaceId = new URL(page.url()).searchParams.get('workspace') ?? ((await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> }).workspaces.find((w) => w.slug === 'demo-desk')!.id;
    const memberEmails = async () => ((await (await page.request.get(`/api/workspaces/${workspaceId}/members`)).json()) as { members: Array<{ email: string }> }).members.map((m) => m.email);
    expect(await memberEmails()).not.toContain(email);
    const pending = page.getByTestId('pending-invitation').filter({ hasText: email });
    await expect(pending).toContainText('Link shown to owner');

    // Resending makes a new link; the first one dies.
    await pending.getByRole('button', { name: `Resend invitation to ${email}` }).click();
    await expect(notice.locator('code')).not.toHaveText(firstLink);
    const link = (await notice.locator('code').textContent())!.trim();
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings.png'), fullPage: true });

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await newcomer.goto(firstLink);
    await expect(newcomer.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link is not valid. Check that you copied all of it.');
    await newcomer.goto(link);
    await expect(newcomer.getByRole('note')).toContainText('your address stays unverified');
    const account = newcomer.getByRole('form', { name: 'Create your account' });
    await expect(account.getByLabel('Your name')).toHaveValue('Nia New');
    await account.getByLabel('Password', { exact: true }).fill('short');
    await account.getByLabel('Confirm password').fill('short');
    await account.getByRole('button', { name: 'Create account and join' }).click();
    await expect(newcomer.getByText('Use at least 10 characters.')).toBeVisible();
    await account.getByLabel('Password', { exact: true }).fill('a-better-password-42');
    await account.getByLabel('Confirm password').fill('a-better-password-42');
    await account.getByRole('button', { name: 'Create account and join' }).click();
    await expect(newcomer).toHaveURL(/\/articles$/);
    await expect(newcomer.getByRole('link', { name: /Khamenei/ })).toBeVisible();
    await context.close();

    await page.reload();
    expect(await memberEmails()).toContain(email);
    await expect(page.getByTestId('pending-invitation').filter({ hasText: email })).toHaveCount(0);

    // Removing the member takes effect at once.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove Nia New' }).click();
    await expect(page.getByRole('cell', { name: email })).toHaveCount(0);
  });

  test('an owner withdraws an invitation; its link stops working', async ({ page, browser }) => {
    await signIn(page, 'owner');
    await page.goto('/settings');
    const email = `withdrawn.${Date.now()}@claimdesk.demo`;
    const form = page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Name').fill('Wes Withdrawn');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Invite' }).click();
    const link = (await page.getByTestId('invitation-link').locator('code').textContent())!.trim();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Revoke invitation to ${email}` }).click();
    await expect(page.getByTestId('pending-invitation').filter({ hasText: email })).toHaveCount(0);
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(link);
    await expect(visitor.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link was withdrawn. Ask for a new one.');
    await context.close();
  });

  test('an owner renames a verdict; reviewers see the new label; removing a level in use is refused', async ({ page, browser }) => {
    await signIn(page, 'owner');
    await page.goto('/settings');
    const label = page.getByLabel('Label 8');
    await expect(label).toHaveValue('Not checkable');
    await label.fill('Opinion');
    await page.getByRole('button', { name: 'Save scale' }).click();
    await expect(page.getByText('Rating scale saved.')).toBeVisible();

    await page.getByRole('button', { name: 'Remove False' }).click();
    await page.getByRole('button', { name: 'Save scale' }).click();
    await expect(page.getByText(/Cannot remove "False": claims use it/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Label 6')).toHaveValue('False');

    const context = await browser.newContext();
    const reviewer = await context.newPage();
    await signIn(reviewer, 'reviewer');
    const id = await demoArticleId(reviewer);
    await reviewer.goto(`/articles/${id}`);
    await expect(reviewer.getByTestId('claim-list-item').filter({ hasText: 'If Soleimani were not present' })).toContainText('Opinion');
    await context.close();

    // Restore the seeded label for the other tests.
    await page.getByLabel('Label 8').fill('Not checkable');
    await page.getByRole('button', { name: 'Save scale' }).click();
    await expect(page.getByText('Rating scale saved.')).toBeVisible();
  });

  test('non-owners cannot manage the workspace', async ({ page }) => {
    await signIn(page, 'editor');
    await expect(page.getByRole('link', { name: 'Workspace settings' })).toHaveCount(0);
    const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string }> };
    const workspaceId = workspaces[0]!.id;
    const add = await page.request.post(`/api/workspaces/${workspaceId}/members`, { data: { email: 'x@y.demo', name: 'X', role: 'owner' } });
    expect(add.status()).toBe(403);
    const scale = await page.request.put(`/api/workspaces/${workspaceId}/scale`, { data: { version: 1, name: 'x', levels: [] } });
    expect(scale.status()).toBe(403);
  });
});
