import { demoArticleId, expect, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

test.describe('roles and workspace isolation', () => {
  test('a viewer reads but cannot annotate or edit', async ({ page }) => {
    await signIn(page, 'viewer');
    const id = await demoArticleId(page);
    const article = new ArticlePage(page);
    await article.open(id);
    await expect(page.getByText('You have read-only access to this article.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark claim' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
    await article.listItems().first().click();
    const detail = page.getByTestId('claim-detail');
    await expect(detail.getByLabel('Rationale')).toBeDisabled();
    await expect(detail.getByRole('button', { name: 'Save claim' })).toHaveCount(0);
    await expect(detail.getByRole('button', { name: 'Add source' })).toHaveCount(0);

    // The server refuses too, whatever the UI shows.
    const claims = (await (await page.request.get(`/api/articles/${id}/claims`)).json()) as { revision: number; claims: Array<{ id: string; version: number }> };
    const first = claims.claims[0]!;
    const patch = await page.request.patch(`/api/claims/${first.id}`, { data: { version: first.version, rationale: 'viewer edit' } });
    expect(patch.status()).toBe(403);
    const create = await page.request.post('/api/claims', { data: { articleId: id, revision: claims.revision, start: 0, end: 10 } });
    expect(create.status()).toBe(403);
    const text = await page.request.put(`/api/articles/${id}/text`, { data: { revision: 1, doc: { type: 'doc', content: [{ type: 'paragraph' }] } } });
    expect(text.status()).toBe(403);
  });

  test('a reviewer cannot edit the article text', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await new ArticlePage(page).open(id);
    await expect(page.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
    const response = await page.request.put(`/api/articles/${id}/text`, { data: { revision: 1, doc: { type: 'doc', content: [{ type: 'paragraph' }] } } });
    expect(response.status()).toBe(403);
  });

  test('a member of another workspace sees nothing of this one', async ({ page, browser }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    // The list has slim rows (a source count); the claim itself lists its sources.
    const rows = (await (await page.request.get(`/api/articles/${id}/claims`)).json()) as { claims: Array<{ id: string; sourceCount?: number }> };
    const withSource = rows.claims.find((c) => (c.sourceCount ?? 0) > 0)!;
    const { claim } = (await (await page.request.get(`/api/claims/${withSource.id}`)).json()) as { claim: { id: string; version: number; sources: Array<{ id: string; version: number }> } };

    const context = await browser.newContext();
    const outsider = await context.newPage();
    await signIn(outsider, 'outsider');
    await expect(outsider.getByRole('link', { name: /Khamenei/ })).toHaveCount(0);
    await outsider.goto(`/articles/${id}`);
    await expect(outsider.getByRole('heading', { name: 'Article not found' })).toBeVisible();
    expect((await outsider.request.get(`/api/articles/${id}/claims`)).status()).toBe(404);
    expect((await outsider.request.get(`/api/claims/${claim.id}`)).status()).toBe(404);
    expect((await outsider.request.patch(`/api/claims/${claim.id}`, { data: { version: claim.version, rationale: 'x' } })).status()).toBe(404);
    expect((await outsider.request.delete(`/api/sources/${claim.sources[0]!.id}`, { data: { version: 1 } })).status()).toBe(404);
    await context.close();
  });

  test('bad input gets a clear error, not a 500', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    const bad = await page.request.post('/api/claims', { data: { articleId: id, revision: 1, start: 10, end: 5 } });
    expect(bad.status()).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { message: 'Select some text to mark as a claim.' } });
    const notJson = await page.request.post('/api/claims', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{oops') });
    expect(notJson.status()).toBe(400);
    const stale = await page.request.post('/api/claims', { data: { articleId: id, revision: 999, start: 0, end: 5 } });
    expect(stale.status()).toBe(409);
  });
});
