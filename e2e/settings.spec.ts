import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { ARTIFACTS, demoArticleId, expect, signIn, test } from './fixtures';

test.describe('workspace settings (owner)', () => {
  test('an owner adds a member with a one-time password; the new member must choose a password', async ({ page, browser }) => {
    await signIn(page, 'owner');
    await page.getByRole('link', { name: 'Workspace settings' }).click();
    await expect(page.getByRole('heading', { name: 'Workspace settings' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const email = `new.reviewer.${Date.now()}@claimdesk.demo`;
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Nia New');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('reviewer');
    await form.getByRole('button', { name: 'Add member' }).click();
    const otpBox = page.getByTestId('one-time-password');
    await expect(otpBox).toContainText(email);
    const oneTimePassword = (await otpBox.locator('code').textContent())!.trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{14}$/);
    await expect(page.getByRole('cell', { name: email })).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings.png'), fullPage: true });

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await newcomer.goto('/sign-in');
    await newcomer.getByLabel('Email').fill(email);
    await newcomer.getByLabel('Password').fill(oneTimePassword);
    await newcomer.getByRole('button', { name: 'Sign in' }).click();
    await expect(newcomer).toHaveURL(/\/account$/);
    await expect(newcomer.getByText('You signed in with a one-time password.')).toBeVisible();
    // The API refuses work until the password is changed.
    expect((await newcomer.request.get('/api/workspaces')).status()).toBe(403);
    await newcomer.getByLabel('Current password').fill(oneTimePassword);
    await newcomer.getByLabel('New password').fill('short');
    await newcomer.getByRole('button', { name: 'Change password' }).click();
    await expect(newcomer.getByText('Use at least 10 characters.')).toBeVisible();
    await newcomer.getByLabel('New password').fill('a-better-password-42');
    await newcomer.getByRole('button', { name: 'Change password' }).click();
    await expect(newcomer).toHaveURL(/\/articles$/);
    await expect(newcomer.getByRole('link', { name: /Khamenei/ })).toBeVisible();
    await context.close();

    // Removing the member takes effect at once.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove Nia New' }).click();
    await expect(page.getByRole('cell', { name: email })).toHaveCount(0);
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
