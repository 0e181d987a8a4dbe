import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, importArticle } from '../fixtures';
import { ArticlePage } from '../pages/article-page';
import { expect, pageOn, test } from './fixtures';

/**
 * A network of desks: two app instances behind (any) load balancer on one PostgreSQL database.
 * People on different instances see each other's work live, conflicts are caught across them,
 * and a client that reconnects to the other instance catches up from the shared events table.
 */

const TEXT = [
  'The minister said unemployment fell to 4 percent last year.',
  'Union leaders disputed the figure at a rally on Monday.',
  'The statistics office reported 6.1 percent in its January bulletin.',
].join('\n\n');

interface SseMessage {
  id?: string;
  event?: string;
  data?: unknown;
}

function parseSse(text: string): SseMessage[] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('event: '))
    .map((block) => {
      const message: SseMessage = {};
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) message.id = line.slice(4);
        else if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: ')) message.data = JSON.parse(line.slice(6));
      }
      return message;
    });
}

/** Opens the article's event stream as the page's user (its cookies), reads until `ready`, and closes it. */
async function readStreamUntilReady(page: Page, baseURL: string, articleId: string, lastEventId?: string): Promise<SseMessage[]> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const url = `${baseURL}/api/articles/${articleId}/events${lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : ''}`;
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 20_000;
  while (!/event: ready\n/.test(text) && Date.now() < deadline) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return parseSse(text);
}

async function freshArticle(page: Page, title: string): Promise<string> {
  return importArticle(page, `${title} ${Date.now()}`, TEXT);
}

test.describe('two instances on one PostgreSQL database', () => {
  test('both instances are live and ready; health says nothing else', async ({ instances, request }) => {
    for (const server of [instances.a, instances.b]) {
      const health = await request.get(`${server.baseURL}/api/health`);
      expect(health.status()).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await request.get(`${server.baseURL}/api/ready`);
      expect(ready.status()).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });

  test('a reviewer on A and an editor on B see each other’s claims, comments and presence live', async ({ browser, instances }) => {
    const editor = await pageOn(browser, instances.b, 'editor');
    const id = await freshArticle(editor, 'Across instances');
    const reviewer = await pageOn(browser, instances.a, 'reviewer');
    const onA = new ArticlePage(reviewer);
    const onB = new ArticlePage(editor);
    await onA.open(id);
    await onB.open(id);
    await expect(reviewer.getByTestId('live-status')).toHaveText('Live');
    await expect(editor.getByTestId('live-status')).toHaveText('Live');
    // Presence crosses instances: each sees the other.
    await expect(reviewer.getByTestId('presence-viewer')).toHaveCount(1);
    await expect(editor.getByTestId('presence-viewer')).toHaveCount(1);

    const quote = 'unemployment fell to 4 percent last year';
    const claimId = await onA.markClaim(quote);
    await onB.expectHighlighted(claimId, quote);
    await expect(onB.listItems()).toHaveCount(1);
    // The reviewer has the claim open on A: the editor's list on B shows it.
    await expect(editor.getByTestId('claim-viewer')).toContainText('Ana');

    await onB.listItems().first().click();
    await editor.getByTestId('claim-detail').getByRole('tab', { name: 'Discussion' }).click();
    const composer = editor.getByRole('textbox', { name: 'Add a comment' });
    await composer.click();
    await composer.pressSequentially('The January bulletin says 6.1 percent.');
    await editor.getByRole('button', { name: 'Post comment' }).click();
    await expect(editor.getByTestId('comment')).toHaveCount(1);

    await reviewer.getByTestId('claim-detail').getByRole('tab', { name: 'Discussion' }).click();
    await expect(reviewer.getByTestId('comment')).toContainText('The January bulletin says 6.1 percent.');
    await reviewer.screenshot({ path: path.join(ARTIFACTS, 'multi-instance-live.png') });
    await reviewer.context().close();
    await editor.context().close();
  });

  test('two people on different instances save the same claim: the second gets the 409 conflict view', async ({ browser, instances }) => {
    const editor = await pageOn(browser, instances.a, 'editor');
    const id = await freshArticle(editor, 'Conflict across instances');
    await editor.context().close();
    const reviewer = await pageOn(browser, instances.a, 'reviewer');
    const onA = new ArticlePage(reviewer);
    await onA.open(id);
    const claimId = await onA.markClaim('The statistics office reported 6.1 percent');

    const other = await pageOn(browser, instances.b, 'reviewer2');
    const onB = new ArticlePage(other);
    await onB.open(id);
    await onB.highlight(claimId).click();

    await reviewer.getByTestId('claim-detail').getByLabel('Rationale').fill('Ana: the bulletin is seasonally adjusted.');
    await other.getByTestId('claim-detail').getByLabel('Rationale').fill('Kofi: the bulletin is not seasonally adjusted.');
    await onA.saveClaim();

    const conflictSave = other.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}`) && r.request().method() === 'PATCH');
    await other.getByTestId('claim-detail').getByRole('button', { name: 'Save claim' }).click();
    expect((await conflictSave).status()).toBe(409);
    const notice = other.getByTestId('conflict-notice');
    await expect(notice.getByTestId('conflict-theirs')).toContainText('Ana: the bulletin is seasonally adjusted.');
    await expect(notice.getByTestId('conflict-mine')).toContainText('Kofi: the bulletin is not seasonally adjusted.');
    await reviewer.context().close();
    await other.context().close();
  });

  test('a client that reconnects to the other instance catches up on what it missed', async ({ browser, instances }) => {
    const editor = await pageOn(browser, instances.b, 'editor');
    const id = await freshArticle(editor, 'Reconnect elsewhere');
    const reviewer = await pageOn(browser, instances.a, 'reviewer');

    // Connected to A: remember where the stream was.
    const first = await readStreamUntilReady(reviewer, instances.a.baseURL, id);
    const ready = first.find((m) => m.event === 'ready')!;
    const cursor = (ready.data as { cursor: string }).cursor;
    expect(cursor).toMatch(/^pg:\d+$/);

    // Meanwhile the editor works on B.
    const created = await editor.request.post('/api/claims', { data: { articleId: id, revision: 1, start: 4, end: 40 } });
    expect(created.status()).toBe(201);
    const { claim } = (await created.json()) as { claim: { id: string } };
    const commented = await editor.request.post(`/api/claims/${claim.id}/comments`, { data: { body: 'Checked against the bulletin.' } });
    expect(commented.status()).toBe(201);

    // The reviewer's browser reconnects — to B this time — with its last event id.
    for (const server of [instances.b, instances.a]) {
      const missed = await readStreamUntilReady(reviewer, server.baseURL, id, cursor);
      const events = missed.map((m) => m.event);
      expect(events).not.toContain('resync');
      const caughtUp = missed.filter((m) => m.event === 'claim.created' || m.event === 'comment.created');
      expect(caughtUp.map((m) => m.event)).toEqual(['claim.created', 'comment.created']);
      expect(caughtUp.map((m) => (m.data as { claimId: string }).claimId)).toEqual([claim.id, claim.id]);
      // In order, before `ready`, each with its table id as the event id.
      expect(events.indexOf('ready')).toBeGreaterThan(events.indexOf('comment.created'));
      const ids = caughtUp.map((m) => Number(m.id!.split(':')[1]));
      expect(ids[0]).toBeLessThan(ids[1]!);
      expect(ids[0]).toBeGreaterThan(Number(cursor.split(':')[1]));
    }
    await reviewer.context().close();
    await editor.context().close();
  });
});

test.describe('the database goes away and comes back', () => {
  test.skip(!process.env.E2E_PG_DIR, 'needs E2E_PG_DIR: the throwaway cluster this run may stop and start');

  test('requests answer 503 with a message while it is down, and work again once it is back', async ({ browser, instances }) => {
    const { execFileSync } = await import('node:child_process');
    const cluster = (command: 'pause' | 'resume') => execFileSync('bash', ['scripts/pg-cluster.sh', command, process.env.E2E_PG_DIR!], { stdio: 'pipe' });
    const editor = await pageOn(browser, instances.a, 'editor');
    const id = await freshArticle(editor, 'Outage');
    await editor.context().close();
    const reviewer = await pageOn(browser, instances.a, 'reviewer');
    cluster('pause');
    try {
      const during = await reviewer.request.post('/api/claims', { data: { articleId: id, revision: 1, start: 4, end: 40 } });
      expect(during.status()).toBe(503);
      expect(((await during.json()) as { error: { message: string } }).error.message).toMatch(/database is not answering/i);
      expect(during.headers()['retry-after']).toBe('5');
      const notReady = await reviewer.request.get(`${instances.b.baseURL}/api/ready`);
      expect(notReady.status()).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'unavailable' });
    } finally {
      cluster('resume');
    }
    await expect(async () => {
      const after = await reviewer.request.post('/api/claims', { data: { articleId: id, revision: 1, start: 4, end: 40 } });
      expect(after.status()).toBe(201);
    }).toPass({ timeout: 30_000 });
    await expect(async () => expect((await reviewer.request.get(`${instances.b.baseURL}/api/ready`)).status()).toBe(200)).toPass({ timeout: 15_000 });
    await reviewer.context().close();
  });
});
