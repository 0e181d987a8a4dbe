import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, pageAs, test } from './fixtures';
import { createAccountFromInvitation, invite } from './invitation-helpers';
import { ArticlePage } from './pages/article-page';

const TEXT = [
  'The governor said crime fell by 30 percent in two years.',
  'Opposition leaders called the figure invented.',
  'Police data published in March shows a 12 percent drop.',
].join('\n\n');

/** An article of its own per test (imported by the editor), so live tests never disturb the demo article. */
async function freshArticle(browser: Browser, title: string): Promise<string> {
  const editor = await pageAs(browser, 'editor');
  const id = await importArticle(editor, `${title} ${Date.now()}`, TEXT);
  await editor.context().close();
  return id;
}

async function openClaimTab(page: Page, tab: 'Details' | 'Discussion' | 'Verdicts' | 'History') {
  await page.getByTestId('claim-detail').getByRole('tab', { name: tab }).click();
}

test.describe('team review', () => {
  test('live: a claim created by A appears for B without reload; B comments and A sees it; presence shows who is where', async ({ browser }) => {
    const id = await freshArticle(browser, 'Live check');
    const a = await pageAs(browser, 'reviewer');
    const b = await pageAs(browser, 'reviewer2');
    const articleA = new ArticlePage(a);
    const articleB = new ArticlePage(b);
    await articleA.open(id);
    await articleB.open(id);
    await expect(a.getByTestId('live-status')).toHaveText('Live');
    await expect(b.getByTestId('live-status')).toHaveText('Live');
    // Each sees the other.
    await expect(a.getByTestId('presence-viewer')).toHaveCount(1);
    await expect(a.getByTestId('presence-viewer')).toContainText('KM');

    const quote = 'crime fell by 30 percent in two years';
    const claimId = await articleA.markClaim(quote);
    await articleB.expectHighlighted(claimId, quote);
    await expect(articleB.listItems()).toHaveCount(1);
    // A has the claim open: B's list shows it.
    await expect(b.getByTestId('claim-viewer')).toContainText('Ana');

    await articleB.listItems().first().click();
    await openClaimTab(b, 'Discussion');
    const composer = b.getByRole('textbox', { name: 'Add a comment' });
    await composer.click();
    await composer.pressSequentially('Which years does the governor compare? @An');
    await expect(b.getByRole('option', { name: /Ana Souza/ })).toBeVisible();
    await b.keyboard.press('Enter');
    await expect(composer).toHaveText('Which years does the governor compare? @Ana Souza');
    await b.getByRole('button', { name: 'Post comment' }).click();
    await expect(b.getByTestId('comment')).toHaveCount(1);

    await openClaimTab(a, 'Discussion');
    await expect(a.getByTestId('comment')).toContainText('Which years does the governor compare?');
    await expect(a.getByTestId('comment').locator('strong')).toHaveText('@Ana Souza');
    await a.screenshot({ path: path.join(ARTIFACTS, 'collab-thread-presence.png') });

    // Ana has read the mention in the thread, so her queue holds no unread one (e2e/mentions.spec.ts
    // follows a mention into the queue before it is read).
    await a.goto('/queue');
    await expect(a.getByRole('region', { name: /Mentions \(0 unread\)/ })).toContainText('No unread mentions.');
    await a.context().close();
    await b.context().close();
  });

  test('blind review hides A’s verdict from B until B gives one; agreement is computed', async ({ browser }) => {
    const id = await freshArticle(browser, 'Blind check');
    const editor = await pageAs(browser, 'editor');
    const editorArticle = new ArticlePage(editor);
    await editorArticle.open(id);
    const claimId = await editorArticle.markClaim('Opposition leaders called the figure invented');
    await editor.getByRole('switch', { name: 'Blind review' }).click();
    await expect(editor.getByRole('switch', { name: 'Blind review' })).toBeChecked();

    const a = await pageAs(browser, 'reviewer');
    const articleA = new ArticlePage(a);
    await articleA.open(id);
    await articleA.highlight(claimId).click();
    await openClaimTab(a, 'Verdicts');
    const verdictsA = a.getByTestId('reviewer-verdicts');
    await verdictsA.getByRole('radio', { name: 'Misleading' }).check();
    await verdictsA.getByLabel('Why (short)').fill('The 12 percent police figure contradicts it.');
    await verdictsA.getByRole('button', { name: 'Save my verdict' }).click();
    await expect(verdictsA.getByTestId('team-verdict')).toHaveCount(1);

    const b = await pageAs(browser, 'reviewer2');
    const articleB = new ArticlePage(b);
    await articleB.open(id);
    await articleB.highlight(claimId).click();
    await openClaimTab(b, 'Verdicts');
    const verdictsB = b.getByTestId('reviewer-verdicts');
    await expect(verdictsB.getByTestId('blind-notice')).toContainText('1 colleague has given a verdict');
    await expect(verdictsB.getByText('The 12 percent police figure')).toHaveCount(0);
    // Nothing leaks through the API either.
    const raw = (await (await b.request.get(`/api/claims/${claimId}/verdicts`)).json()) as { verdicts: { hidden: boolean; others: unknown[] } };
    expect(raw.verdicts).toMatchObject({ hidden: true, others: [] });
    await b.screenshot({ path: path.join(ARTIFACTS, 'collab-blind-review.png') });

    await verdictsB.getByRole('radio', { name: 'Misleading' }).check();
    await verdictsB.getByRole('button', { name: 'Save my verdict' }).click();
    await expect(verdictsB.getByTestId('team-verdict')).toHaveCount(2);
    await expect(verdictsB.getByText('The 12 percent police figure contradicts it.')).toBeVisible();

    // Two verdicts on one claim, both Misleading: 100% agreement.
    await b.getByRole('button', { name: 'Back to all claims' }).click();
    await expect(b.getByTestId('percent-agreement')).toHaveText('100%');
    await b.screenshot({ path: path.join(ARTIFACTS, 'collab-verdicts.png') });
    for (const p of [a, b, editor]) await p.context().close();
  });

  test('two people edit the same rationale at once: one gets the conflict view, neither edit is lost', async ({ browser }) => {
    const id = await freshArticle(browser, 'Conflict check');
    const a = await pageAs(browser, 'reviewer');
    const articleA = new ArticlePage(a);
    await articleA.open(id);
    const claimId = await articleA.markClaim('Police data published in March shows a 12 percent drop');

    const b = await pageAs(browser, 'reviewer2');
    const articleB = new ArticlePage(b);
    await articleB.open(id);
    await articleB.highlight(claimId).click();

    await a.getByTestId('claim-detail').getByLabel('Rationale').fill('Ana: checked against the police bulletin.');
    await b.getByTestId('claim-detail').getByLabel('Rationale').fill('Kofi: the bulletin covers only the capital.');
    await articleA.saveClaim();

    const conflictSave = b.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}`) && r.request().method() === 'PATCH');
    await b.getByTestId('claim-detail').getByRole('button', { name: 'Save claim' }).click();
    expect((await conflictSave).status()).toBe(409);
    const notice = b.getByTestId('conflict-notice');
    await expect(notice).toBeVisible();
    await expect(notice.getByTestId('conflict-theirs')).toContainText('Ana: checked against the police bulletin.');
    await expect(notice.getByTestId('conflict-mine')).toContainText('Kofi: the bulletin covers only the capital.');
    await b.screenshot({ path: path.join(ARTIFACTS, 'collab-conflict.png') });

    // Kofi re-applies his edit on top of Ana's; Ana's version stays in the history.
    await notice.getByRole('button', { name: 'Re-apply mine' }).click();
    await expect(b.getByTestId('conflict-notice')).toHaveCount(0);
    await expect(b.getByTestId('claim-detail').getByLabel('Rationale')).toHaveValue('Kofi: the bulletin covers only the capital.');
    await expect(a.getByTestId('claim-detail').getByLabel('Rationale')).toHaveValue('Kofi: the bulletin covers only the capital.');
    await openClaimTab(a, 'History');
    await expect(a.getByTestId('claim-history')).toContainText('Ana: checked against the police bulletin.');
    await expect(a.getByTestId('claim-history')).toContainText('Kofi: the bulletin covers only the capital.');
    await a.context().close();
    await b.context().close();
  });

  test('assignment puts a claim in the reviewer’s queue until they give a verdict; workflow buttons follow roles', async ({ browser }) => {
    const id = await freshArticle(browser, 'Queue check');
    const editor = await pageAs(browser, 'editor');
    const editorArticle = new ArticlePage(editor);
    await editorArticle.open(id);
    const claimId = await editorArticle.markClaim('The governor said crime fell by 30 percent');
    await editor.getByLabel('Assign to').selectOption({ label: 'Kofi Mensah (reviewer)' });
    await editor.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(editor.getByTestId('claim-assignees')).toContainText('Kofi Mensah');

    // Workflow: the editor starts the review.
    await editor.getByTestId('article-status').getByRole('button', { name: 'Start review', exact: true }).click();
    await expect(editor.getByTestId('article-status')).toContainText('In review');

    const kofi = await pageAs(browser, 'reviewer2');
    await expect(kofi.getByTestId('queue-count')).toBeVisible();
    await kofi.goto('/queue');
    const item = kofi.getByTestId('queue-item').filter({ hasText: 'The governor said crime fell by 30 percent' });
    await expect(item).toHaveCount(1);
    await kofi.screenshot({ path: path.join(ARTIFACTS, 'my-queue.png') });
    await item.click();
    await expect(kofi.getByTestId('claim-quote')).toHaveText('The governor said crime fell by 30 percent');
    // Reviewers cannot move the article along.
    await expect(kofi.getByTestId('article-status').getByRole('button')).toHaveCount(0);
    const { article: current } = (await (await kofi.request.get(`/api/articles/${id}`)).json()) as { article: { version: number } };
    const forbidden = await kofi.request.put(`/api/articles/${id}/status`, { data: { status: 'ready', version: current.version } });
    expect(forbidden.status()).toBe(403);

    await openClaimTab(kofi, 'Verdicts');
    await kofi.getByTestId('reviewer-verdicts').getByRole('radio', { name: 'Mostly false' }).check();
    await kofi.getByTestId('reviewer-verdicts').getByRole('button', { name: 'Save my verdict' }).click();
    await expect(kofi.getByTestId('reviewer-verdicts').getByTestId('team-verdict')).toHaveCount(1);
    await kofi.goto('/queue');
    await expect(kofi.getByTestId('queue-item').filter({ hasText: 'The governor said crime fell by 30 percent' })).toHaveCount(0);

    // The editor sets the final verdict and moves the article to ready, then publishes.
    await editorArticle.highlight(claimId).click();
    await editor.getByTestId('claim-detail').getByRole('radio', { name: 'Mostly false' }).check();
    await editorArticle.saveClaim();
    await editor.getByRole('button', { name: 'Mark ready' }).click();
    await editor.getByTestId('publish-button').click();
    const dialog = editor.getByTestId('publish-dialog');
    await expect(dialog.getByTestId('publish-blocker')).toHaveCount(0);
    await dialog.getByTestId('publish-confirm').click();
    await expect(editor.getByTestId('article-status')).toContainText('Published');
    await editor.context().close();
    await kofi.context().close();
  });

  test('a status change elsewhere refetches the article row only, not its text or claims; own changes refetch at most that row', async ({ browser }) => {
    const id = await freshArticle(browser, 'Light status');
    const reviewer = await pageAs(browser, 'reviewer');
    await new ArticlePage(reviewer).open(id);
    await expect(reviewer.getByTestId('live-status')).toHaveText('Live');
    const fetched: string[] = [];
    reviewer.on('request', (r) => {
      const url = new URL(r.url());
      if (r.method() === 'GET' && url.pathname.startsWith(`/api/articles/${id}`) && !url.pathname.endsWith('/events')) fetched.push(url.pathname + url.search);
    });

    const editor = await pageAs(browser, 'editor');
    await new ArticlePage(editor).open(id);
    await expect(editor.getByTestId('live-status')).toHaveText('Live');
    const editorFetched: string[] = [];
    editor.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname.startsWith(`/api/articles/${id}`) && !r.url().includes('/events')) editorFetched.push(r.url());
    });
    await editor.getByTestId('article-status').getByRole('button', { name: 'Start review', exact: true }).click();
    await expect(editor.getByTestId('article-status')).toContainText('In review');

    await expect(reviewer.getByTestId('article-status')).toContainText('In review');
    expect(fetched).toEqual([`/api/articles/${id}?fields=meta`]);
    // The editor's own change came back with its new version, so the live event about it is
    // skipped; when the event outruns the response, it costs one light row fetch, never the text.
    await reviewer.waitForTimeout(500);
    expect(editorFetched.every((url) => url.endsWith('?fields=meta'))).toBe(true);
    expect(editorFetched.length).toBeLessThanOrEqual(1);
    await editor.context().close();
    await reviewer.context().close();
  });

  test('a removed member’s live stream stops', async ({ browser }) => {
    const owner = await pageAs(browser, 'owner');
    // A throwaway member, so the demo roles stay intact.
    const { workspaces } = (await (await owner.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
    const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')!.id;
    const email = `temp.${Date.now()}@claimdesk.demo`;
    const invited = await invite(owner, workspaceId, email, 'reviewer', 'Temp Reviewer');
    expect(invited.status).toBe(201);

    const context = await browser.newContext();
    const temp = await context.newPage();
    await createAccountFromInvitation(temp, invited.body.link!, 'temporary-password-1');
    await expect(temp).toHaveURL(/\/articles$/);
    const { members } = (await (await owner.request.get(`/api/workspaces/${workspaceId}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
    const member = members.find((m) => m.email === email)!;

    const id = await freshArticle(browser, 'Removal check');
    await new ArticlePage(temp).open(id);
    await expect(temp.getByTestId('live-status')).toHaveText('Live');

    const removed = await owner.request.delete(`/api/workspaces/${workspaceId}/members/${member.userId}`);
    expect(removed.status()).toBe(200);
    await expect(temp.getByTestId('live-status')).toHaveText(/Your access was removed|Live updates stopped/);
    // Removed from their only workspace: every session of theirs ends, so the API no longer knows them.
    expect((await temp.request.get(`/api/articles/${id}/claims`)).status()).toBe(401);
    await context.close();
    await owner.context().close();
  });
  test('after a dropped connection, reconnecting with Last-Event-ID replays what was missed', async ({ browser }) => {
    const id = await freshArticle(browser, 'Reconnect check');
    const a = await pageAs(browser, 'reviewer');
    const b = await pageAs(browser, 'reviewer2');
    await b.goto('/articles');
    // B's stream, read by hand: connect, note the cursor of `ready`, then drop the connection.
    const readStream = (lastEventId: string | null, until: string) =>
      b.evaluate(
        async ({ id, lastEventId, until }) => {
          const controller = new AbortController();
          const response = await fetch(`/api/articles/${id}/events`, { headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {}, signal: controller.signal });
          const reader = response.body!.getReader();
          const decoder = new TextDecoder();
          let text = '';
          while (!text.includes(until)) {
            const { value, done } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
          }
          controller.abort();
          return { status: response.status, type: response.headers.get('content-type'), text };
        },
        { id, lastEventId, until },
      );
    const first = await readStream(null, 'event: ready');
    expect(first.status).toBe(200);
    expect(first.type).toContain('text/event-stream');
    const cursor = /id: (\S+)\nevent: ready/.exec(first.text)![1]!;

    // While B is disconnected, A marks a claim.
    const articleA = new ArticlePage(a);
    await articleA.open(id);
    const claimId = await articleA.markClaim('Police data published in March');

    // B reconnects as EventSource does (Last-Event-ID): the missed event comes before `ready`.
    const second = await readStream(cursor, 'event: ready');
    const replayed = second.text.slice(0, second.text.indexOf('event: ready'));
    expect(replayed).toContain('event: claim.created');
    expect(replayed).toContain(claimId);

    // And the workbench, opened now, shows it live.
    const articleB = new ArticlePage(b);
    await articleB.open(id);
    await expect(b.getByTestId('live-status')).toHaveText('Live');
    await articleB.expectHighlighted(claimId, 'Police data published in March');
    await a.context().close();
    await b.context().close();
  });

  test('comments: edit and delete your own; an article assignment fills the queue', async ({ browser }) => {
    const id = await freshArticle(browser, 'Thread check');
    const editor = await pageAs(browser, 'editor');
    const editorArticle = new ArticlePage(editor);
    await editorArticle.open(id);
    const claimId = await editorArticle.markClaim('Opposition leaders called the figure invented');
    await openClaimTab(editor, 'Discussion');
    await editor.getByRole('textbox', { name: 'Add a comment' }).fill('First thought.');
    await editor.getByRole('button', { name: 'Post comment' }).click();
    const comment = editor.getByTestId('comment');
    await expect(comment).toContainText('First thought.');
    await comment.getByRole('button', { name: 'Edit' }).click();
    await editor.getByRole('textbox', { name: 'Edit comment' }).fill('Second thought.');
    await comment.getByRole('button', { name: 'Save' }).click();
    await expect(comment).toContainText('Second thought.');
    await expect(comment).toContainText('edited');
    editor.once('dialog', (d) => void d.accept());
    await comment.getByRole('button', { name: 'Delete' }).click();
    await expect(comment).toContainText('Comment deleted by Tom Becker');

    // Assign the whole article: its claims land in Ana's queue.
    await editor.getByRole('button', { name: 'Back to all claims' }).click();
    await editor.getByLabel('Assign the article to').selectOption({ label: 'Ana Souza' });
    await editor.getByTestId('article-assignees').getByRole('button', { name: 'Assign' }).click();
    await expect(editor.getByTestId('article-assignees')).toContainText('Ana Souza');

    const ana = await pageAs(browser, 'reviewer');
    await ana.goto('/queue');
    const item = ana.getByTestId('queue-item').filter({ hasText: 'Opposition leaders called the figure invented' });
    await expect(item).toContainText('whole article assigned');
    // Someone else's comment offers no edit or delete.
    await ana.goto(`/articles/${id}?claim=${claimId}&tab=discussion`);
    await expect(ana.getByTestId('comment')).toContainText('Comment deleted by Tom Becker');
    await expect(ana.getByTestId('comment').getByRole('button')).toHaveCount(0);
    await editor.context().close();
    await ana.context().close();
  });
  test('two editors correct the text at once: the second save is refused, the first is kept', async ({ browser }) => {
    const id = await freshArticle(browser, 'Text conflict check');
    const tom = await pageAs(browser, 'editor');
    const nadia = await pageAs(browser, 'owner');
    const tomArticle = new ArticlePage(tom);
    const nadiaArticle = new ArticlePage(nadia);
    await tomArticle.open(id);
    await nadiaArticle.open(id);
    for (const p of [tom, nadia]) await p.getByRole('button', { name: 'Edit text' }).click();

    await tomArticle.text.click();
    await tom.keyboard.press('Control+Home');
    await tom.keyboard.type('Tom: ');
    await tom.getByRole('button', { name: 'Save text' }).click();
    await expect(tom.getByTestId('toast').filter({ hasText: 'Text saved.' })).toBeVisible();

    await nadiaArticle.text.click();
    await nadia.keyboard.press('Control+Home');
    await nadia.keyboard.type('Nadia: ');
    const refused = nadia.waitForResponse((r) => r.url().endsWith('/text') && r.request().method() === 'PUT');
    await nadia.getByRole('button', { name: 'Save text' }).click();
    expect((await refused).status()).toBe(409);
    // Toasts stack: the live warning about Tom's text stays next to the refusal.
    await expect(nadia.getByTestId('toast').filter({ hasText: 'Someone else saved new text' })).toBeVisible();
    // Nadia's edit is still on her screen to copy; cancelling shows Tom's text.
    await expect(nadiaArticle.text).toContainText('Nadia: ');
    await nadia.getByRole('button', { name: 'Cancel' }).click();
    await expect(nadiaArticle.text).toContainText('Tom: The governor said');
    await expect(nadiaArticle.text).not.toContainText('Nadia: ');
    await tom.context().close();
    await nadia.context().close();
  });
});
