import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, pageAs, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = 'The mayor said the new bridge cost 40 million euros.\n\nCritics say it cost twice that.';

async function freshArticle(browser: Browser): Promise<string> {
  const editor = await pageAs(browser, 'editor');
  const id = await importArticle(editor, `Mentions check ${Date.now()}`, TEXT);
  await editor.context().close();
  return id;
}

async function openDiscussion(page: Page, articleId: string, claimId: string): Promise<void> {
  await page.goto(`/articles/${articleId}?claim=${claimId}&tab=discussion`);
  await expect(page.getByTestId('comment-thread')).toBeVisible();
}

test.describe('@mentions', () => {
  // Three people sign in (argon2) and an article is imported per test: slow on a busy machine.
  test.slow();

  test('Ana types "@", picks Kofi with the keyboard, posts; the chip shows and Kofi finds it in his mentions', async ({ browser }) => {
    const id = await freshArticle(browser);
    const ana = await pageAs(browser, 'reviewer');
    const article = new ArticlePage(ana);
    await article.open(id);
    const claimId = await article.markClaim('the new bridge cost 40 million euros');
    await openDiscussion(ana, id, claimId);

    const composer = ana.getByRole('textbox', { name: 'Add a comment' });
    await composer.click();
    await composer.pressSequentially('Can you find the tender, @');
    const list = ana.getByRole('listbox', { name: 'Mention a member' });
    await expect(list).toBeVisible();
    // Everyone but Ana herself, first one highlighted and announced as the active option.
    const options = list.getByRole('option');
    await expect(options.filter({ hasText: 'Ana Souza' })).toHaveCount(0);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(composer).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
    // Arrows move the active option (announced through aria-activedescendant).
    await ana.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(composer).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
    await ana.keyboard.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    // Typing narrows the list (by name, or the start of the email).
    await composer.pressSequentially('ko');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('Kofi Mensah');
    await ana.screenshot({ path: path.join(ARTIFACTS, 'mention-suggestions.png') });
    await ana.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await composer.pressSequentially('please?');
    await expect(composer.locator('.mention-chip')).toHaveText('@Kofi Mensah');

    const posted = ana.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/comments`) && r.request().method() === 'POST');
    await ana.getByRole('button', { name: 'Post comment' }).click();
    const response = await posted;
    expect(response.status()).toBe(201);
    const { comment, mentionedUserIds } = (await response.json()) as { comment: { body: string; mentions: Array<{ userId: string; name: string }> }; mentionedUserIds: string[] };
    // The body carries Kofi's id, not a name to search for.
    expect(comment.body).toBe(`Can you find the tender, @[Kofi Mensah](${mentionedUserIds[0]}) please?`);
    expect(comment.mentions).toEqual([{ userId: mentionedUserIds[0], name: 'Kofi Mensah' }]);
    await expect(ana.getByTestId('comment').locator('strong')).toHaveText('@Kofi Mensah');
    await expect(composer).toHaveText('');

    const kofi = await pageAs(browser, 'reviewer2');
    await kofi.goto('/queue');
    const mention = kofi.getByTestId('queue-mention').filter({ hasText: 'Can you find the tender' });
    await expect(mention).toContainText('Ana Souza mentioned you');
    await expect(mention).toContainText('Can you find the tender, @Kofi Mensah please?');
    await ana.context().close();
    await kofi.context().close();
  });

  test('Escape closes the list without leaving the composer; a mention of someone outside the workspace is refused with 422', async ({ browser }) => {
    const id = await freshArticle(browser);
    const ana = await pageAs(browser, 'reviewer');
    const article = new ArticlePage(ana);
    await article.open(id);
    const claimId = await article.markClaim('Critics say it cost twice that');
    await openDiscussion(ana, id, claimId);

    const composer = ana.getByRole('textbox', { name: 'Add a comment' });
    await composer.click();
    await composer.pressSequentially('@to');
    await expect(ana.getByRole('option', { name: /Tom Becker/ })).toBeVisible();
    await ana.keyboard.press('Escape');
    await expect(ana.getByRole('listbox', { name: 'Mention a member' })).toBeHidden();
    await expect(composer).toBeFocused();
    await expect(ana.getByTestId('claim-detail')).toBeVisible();

    // Omar belongs to another workspace: his id in a mention token is refused, nothing is posted.
    const omar = await pageAs(browser, 'outsider');
    const { workspaces } = (await (await omar.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string }> };
    const { members } = (await (await omar.request.get(`/api/workspaces/${workspaces[0]!.id}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
    const omarId = members.find((m) => m.email === 'omar@other.demo')!.userId;
    const refused = await ana.request.post(`/api/claims/${claimId}/comments`, { data: { body: `@[Omar Haddad](${omarId}) look` } });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('You can only mention members of this workspace; @Omar Haddad is not.');
    expect(((await (await ana.request.get(`/api/claims/${claimId}/comments`)).json()) as { comments: unknown[] }).comments).toEqual([]);
    await omar.context().close();
    await ana.context().close();
  });
});
