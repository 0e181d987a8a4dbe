import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, importArticle, pageAs, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/** Must match DEFAULT_STREAM_LIMITS.perUserPerArticle (lib/events/stream-limits.ts); the e2e server runs with the defaults. */
const TABS_PER_ARTICLE = 5;

const TEXT = ['The mayor said the bridge cost 40 million.', 'Auditors put the figure at 55 million.'].join('\n\n');

async function freshArticle(browser: Browser): Promise<string> {
  const editor = await pageAs(browser, 'editor');
  const id = await importArticle(editor, `Tabs check ${Date.now()}`, TEXT);
  await editor.context().close();
  return id;
}

async function openTab(context: BrowserContext, articleId: string): Promise<Page> {
  const page = await context.newPage();
  await new ArticlePage(page).open(articleId);
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  return page;
}

/** Ana's open tabs on the article, as the server counts them (presence merges a person's tabs). */
async function anasTabs(page: Page, articleId: string): Promise<number> {
  const response = await page.request.post(`/api/articles/${articleId}/presence`, { data: { openClaimId: null } });
  const { presence } = (await response.json()) as { presence: Array<{ name: string; connections: number }> };
  return presence.find((v) => v.name === 'Ana Souza')?.connections ?? 0;
}

test.describe('caps on live streams', () => {
  test('one tab too many pauses the oldest with a notice; it stays paused until asked, then takes over', async ({ browser }) => {
    test.slow(); // six workbench tabs
    const id = await freshArticle(browser);
    const first = await pageAs(browser, 'reviewer');
    // A second context with Ana's cookies: browsers allow six connections per origin and context,
    // and every tab holds one open, so the tabs are spread over two contexts.
    const second = await browser.newContext({ storageState: await first.context().storageState(), viewport: { width: 1440, height: 900 } });

    const tabs: Page[] = [];
    for (let i = 0; i < TABS_PER_ARTICLE; i += 1) tabs.push(await openTab(i < 3 ? first.context() : second, id));
    // Two (and up to five) tabs of one person on one article all work.
    for (const tab of tabs) await expect(tab.getByTestId('live-status')).toHaveText('Live');
    await expect.poll(() => anasTabs(first, id)).toBe(TABS_PER_ARTICLE);

    const newest = await openTab(second, id);
    const oldest = tabs[0]!;
    await expect(oldest.getByTestId('live-status')).toHaveText('Live updates paused: this article is open in too many of your tabs');
    await expect(oldest.getByRole('button', { name: 'Resume here' })).toBeVisible();

    // No reconnect loop: past EventSource's 3 s retry, the paused tab is still paused and the others live.
    await oldest.waitForTimeout(4_000);
    await expect(oldest.getByTestId('live-status')).toContainText('paused');
    for (const tab of [...tabs.slice(1), newest]) await expect(tab.getByTestId('live-status')).toHaveText('Live');
    expect(await anasTabs(first, id)).toBe(TABS_PER_ARTICLE);

    // Asked to, the paused tab takes over and the next oldest pauses instead.
    await oldest.getByRole('button', { name: 'Resume here' }).click();
    await expect(oldest.getByTestId('live-status')).toHaveText('Live');
    await expect(tabs[1]!.getByTestId('live-status')).toContainText('paused');
    await expect.poll(() => anasTabs(first, id)).toBe(TABS_PER_ARTICLE);

    await second.close();
    await first.context().close();
  });
});
