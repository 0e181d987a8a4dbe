import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, pageAs, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/** Issue 12, item 7: history labels, mentions read on open, orphan markers in My queue, the last-owner error in place, the favicon. */

async function workspaceId(page: Page, slug = 'demo-desk'): Promise<string> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
  return workspaces.find((w) => w.slug === slug)!.id;
}

async function memberId(page: Page, email: string): Promise<string> {
  const { members } = (await (await page.request.get(`/api/workspaces/${await workspaceId(page)}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
  return members.find((m) => m.email === email)!.userId;
}

async function patchClaim(page: Page, claimId: string, fields: Record<string, unknown>): Promise<void> {
  const { claim } = (await (await page.request.get(`/api/claims/${claimId}`)).json()) as { claim: { version: number } };
  const response = await page.request.patch(`/api/claims/${claimId}`, { data: { version: claim.version, ...fields } });
  expect(response.status()).toBe(200);
}

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test.describe('small fixes', () => {
  test.slow(); // several people sign in (argon2) and articles are imported

  test('the claim history names fields ("Verdict", "Claimant", "Quote"), never raw names, and shows verdicts by label', async ({ page }) => {
    await signIn(page, 'editor');
    const text = 'The mayor said the new bridge cost 40 million euros.\n\nCritics say it cost twice that.';
    const articleId = await importArticle(page, `History labels ${Date.now()}`, text);
    const article = new ArticlePage(page);
    await article.open(articleId);
    const claimId = await article.markClaim('the new bridge cost 40 million');

    const { scale } = (await (await page.request.get(`/api/workspaces/${await workspaceId(page)}/scale`)).json()) as { scale: { levels: Array<{ id: string; label: string }> } };
    const level = (label: string) => scale.levels.find((l) => l.label === label)!.id;
    await patchClaim(page, claimId, { verdictId: level('Mostly true'), claimant: 'The mayor', claimAppearance: 'Press conference' });
    await patchClaim(page, claimId, { verdictId: level('False'), exclusionReason: 'Opinion, not a factual claim' });
    await patchClaim(page, claimId, { exclusionReason: null, status: 'in_review' });
    // Change words (PUT /api/claims/:id/anchor): one part, the words plus " euros".
    const { article: meta } = (await (await page.request.get(`/api/articles/${articleId}?fields=meta`)).json()) as { article: { revision: number } };
    const { claim } = (await (await page.request.get(`/api/claims/${claimId}`)).json()) as { claim: { version: number } };
    const start = text.indexOf('the new bridge cost 40 million euros');
    const moved = await page.request.put(`/api/claims/${claimId}/anchor`, { data: { version: claim.version, revision: meta.revision, parts: [{ start, end: start + 'the new bridge cost 40 million euros'.length }] } });
    expect(moved.status()).toBe(200);

    await page.reload();
    await article.listItems().filter({ hasText: 'the new bridge cost 40 million euros' }).click();
    await page.getByTestId('claim-detail').getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('claim-history');
    await expect(history.getByTestId('history-change').first()).toBeVisible();

    const labels = new Set(await history.locator('dt').allTextContents());
    for (const label of ['Quote', 'Status', 'Excluded', 'Verdict', 'Claimant', 'Where the claim appeared']) expect(labels).toContain(label);
    // Human words only: no camelCase or snake_case field names.
    expect([...labels].filter((l) => /[a-z][A-Z]|_/.test(l))).toEqual([]);
    await expect(history).not.toContainText(/verdictId|claimAppearance|exclusionReason|quoteExact|positionStart|anchorState/);

    const row = (label: string) => history.getByTestId('history-change').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
    await expect(row('Verdict').first()).toContainText('Mostly true → False');
    await expect(row('Verdict').last()).toContainText('— → Mostly true');
    await expect(row('Quote')).toContainText('the new bridge cost 40 million → the new bridge cost 40 million euros');
    await expect(row('Excluded').first()).toContainText('Yes: Opinion, not a factual claim → No');
    await expect(row('Status')).toContainText('Open → In review');
    await expect(history.getByTestId('history-entry').first()).toContainText('changed the quote from “the new bridge cost 40 million” to “the new bridge cost 40 million euros”');
    await expect(history).toContainText('included the claim in the fact-check again');
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'history-labels.png') });
  });

  test('opening the discussion a mention is in marks it read; the queue count drops at once', async ({ browser }) => {
    const tom = await pageAs(browser, 'editor');
    const articleId = await importArticle(tom, `Mention read ${Date.now()}`, 'The port handled 9 million containers last year.\n\nOfficials disagree.');
    const article = new ArticlePage(tom);
    await article.open(articleId);
    const claimId = await article.markClaim('handled 9 million containers');
    const kofiId = await memberId(tom, 'kofi@claimdesk.demo');
    const posted = await tom.request.post(`/api/claims/${claimId}/comments`, { data: { body: `@[Kofi Mensah](${kofiId}) can you check the port statistics?` } });
    expect(posted.status()).toBe(201);
    await tom.context().close();

    const kofi = await pageAs(browser, 'reviewer2');
    await kofi.goto('/queue');
    const mention = kofi.getByTestId('queue-mention').filter({ hasText: 'can you check the port statistics' });
    await expect(mention).toHaveCount(1);
    const badge = kofi.getByTestId('queue-count');
    const before = Number(await badge.textContent());
    expect(before).toBeGreaterThan(0);

    const marked = kofi.waitForResponse((r) => r.url().endsWith('/api/mentions') && r.request().method() === 'PATCH');
    await mention.click();
    await expect(kofi.getByTestId('comment-thread')).toContainText('can you check the port statistics?');
    const response = await marked;
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { updated: number }).updated).toBe(1);
    // The header count (rendered with the first page) takes the read mention off without a reload.
    if (before > 1) await expect(badge).toHaveText(String(before - 1));
    else await expect(badge).toHaveCount(0);

    const unread = (await (await kofi.request.get('/api/mentions?unread=1')).json()) as { mentions: Array<{ claimId: string }> };
    expect(unread.mentions.filter((m) => m.claimId === claimId)).toEqual([]);
    await kofi.goto('/queue');
    await expect(kofi.getByTestId('queue-mention').filter({ hasText: 'can you check the port statistics' })).toHaveCount(0);
    if (before > 1) await expect(kofi.getByTestId('queue-count')).toHaveText(String(before - 1));
    await kofi.context().close();
  });

  test('an orphaned claim carries an orphan marker in My queue', async ({ browser }) => {
    const tom = await pageAs(browser, 'editor');
    const text = ['The minister said unemployment fell to 4 percent last year.', 'Critics replied that the figure ignores people who stopped looking for work.', 'Exports doubled since 2019.'].join('\n\n');
    const title = `Queue orphans ${Date.now()}`;
    const articleId = await importArticle(tom, title, text);
    const article = new ArticlePage(tom);
    await article.open(articleId);
    await article.markClaim('unemployment fell to 4 percent');
    await tom.getByRole('button', { name: 'Back to all claims' }).click();
    await article.markClaim('the figure ignores people who stopped looking for work');
    await tom.getByRole('button', { name: 'Back to all claims' }).click();
    const assigned = await tom.request.post('/api/assignments', { data: { articleId, assigneeId: await memberId(tom, 'ana@claimdesk.demo') } });
    expect(assigned.status()).toBe(201);

    // Delete the second paragraph: its claim loses its words.
    await tom.getByRole('button', { name: 'Edit text' }).click();
    await article.selectText('Critics replied that the figure ignores people who stopped looking for work.');
    await tom.keyboard.press('Backspace');
    const saved = tom.waitForResponse((r) => r.url().endsWith('/text') && r.request().method() === 'PUT');
    await tom.getByRole('button', { name: 'Save text' }).click();
    expect((await saved).status()).toBe(200);
    await tom.context().close();

    const ana = await pageAs(browser, 'reviewer');
    await ana.goto('/queue');
    const items = ana.getByTestId('queue-item').filter({ hasText: title });
    await expect(items).toHaveCount(2);
    const orphan = items.filter({ hasText: 'the figure ignores people' });
    await expect(orphan.getByTestId('queue-anchor-marker')).toHaveText('Orphaned');
    await expect(orphan.getByTestId('queue-anchor-marker')).toHaveAttribute('data-anchor-state', 'orphaned');
    await expect(items.filter({ hasText: 'unemployment fell' }).getByTestId('queue-anchor-marker')).toHaveCount(0);
    // The marker is part of the link's name, not colour alone.
    await expect(orphan).toHaveAccessibleName(/Orphaned/);
    expect(await axeSerious(ana)).toEqual([]);
    await orphan.scrollIntoViewIfNeeded();
    await ana.screenshot({ path: path.join(ARTIFACTS, 'queue-orphan.png') });
    await ana.context().close();
  });

  test('the last owner’s refusal appears next to the role select and the Leave button, announced', async ({ browser }) => {
    const nadia = await pageAs(browser, 'owner');
    await nadia.goto('/settings');
    const row = nadia.getByTestId('member-row').filter({ hasText: 'nadia@claimdesk.demo' });
    const select = row.getByLabel('Role of Nadia Rahimi');
    await select.selectOption('editor');
    const message = 'A workspace needs at least one owner.';
    // In her row, in the same cell as the select, a live region the select is described by.
    const cell = row.getByRole('cell').filter({ has: nadia.getByLabel('Role of Nadia Rahimi') });
    await expect(cell.getByRole('alert')).toHaveText(message);
    await expect(select).toHaveAccessibleDescription(message);
    await expect(select).toHaveAttribute('aria-invalid', 'true');
    await expect(select).toHaveValue('owner');
    // Nowhere else: not a message at the end of the section.
    await expect(nadia.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
    const near = async () => {
      const a = (await select.boundingBox())!;
      const b = (await cell.getByRole('alert').boundingBox())!;
      return b.y - (a.y + a.height);
    };
    expect(await near()).toBeLessThan(40);
    expect(await axeSerious(nadia)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await nadia.screenshot({ path: path.join(ARTIFACTS, 'members-last-owner.png') });
    await nadia.context().close();

    const omar = await pageAs(browser, 'outsider');
    await omar.goto('/account');
    omar.once('dialog', (d) => void d.accept());
    const leave = omar.getByRole('button', { name: 'Leave Other Newsroom' });
    await leave.click();
    const leaveMessage = 'You are the only owner of this workspace. Make someone else an owner before you leave.';
    await expect(omar.getByTestId('my-workspace').filter({ hasText: 'Other Newsroom' }).getByRole('alert')).toHaveText(leaveMessage);
    await expect(leave).toHaveAccessibleDescription(leaveMessage);
    await omar.screenshot({ path: path.join(ARTIFACTS, 'leave-last-owner.png'), fullPage: true });
    await omar.context().close();
  });

  test('every page links the favicon, and it is served to signed-out visitors too', async ({ page }) => {
    await page.goto('/sign-in');
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toMatch(/^\/icon\.svg(\?|$)/);
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
    await signIn(page, 'viewer');
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', href!);
  });
});
