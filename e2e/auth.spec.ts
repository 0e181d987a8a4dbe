import { expect, signIn, test, USERS } from './fixtures';

test.describe('signing in and out', () => {
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

test('repeated wrong passwords lock the account for a while, with a clear message', async ({ page }) => {
  // A throwaway email: the lock is per account, so demo users stay usable for the other tests.
  const email = `nobody.${Date.now()}@claimdesk.demo`;
  await page.goto('/sign-in');
  for (let i = 0; i < 10; i += 1) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill('one-more-guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed attempts\. Try again in \d+ minute/)).toBeVisible();
});
