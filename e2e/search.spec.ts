import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, importArticle, pageAs, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const HIDDEN = 'Hidden until you give your verdict';
/** Words no other article has: every test searches for what it made itself (or for the demo article's claims). */
const stamp = Date.now().toString(36);
const TOKEN = `marmot${stamp}`;

function groups(page: Page) {
  return page.getByTestId('search-group');
}

function groupTitled(page: Page, title: string | RegExp) {
  return groups(page).filter({ has: page.getByTestId('search-group-link').filter({ hasText: title }) });
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function search(page: Page, q: string) {
  const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Search', exact: true })).toBeVisible();
}

test.describe('full-text search', () => {
  test('from the header: / focuses the box, Enter searches, a claim hit opens the workbench at that claim', async ({ page }) => {
    await signIn(page, 'reviewer');
    const box = page.getByRole('searchbox', { name: 'Search' }).first();
    await expect(box).toHaveAttribute('placeholder', 'Search claims, articles, sources…');
    // The key works once the page has hydrated; until then a press goes nowhere, so press until it lands.
    await expect(async () => {
      await page.keyboard.press('/');
      await expect(box).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await box.fill('Raqqa');
    await page.getByRole('banner').screenshot({ path: path.join(ARTIFACTS, 'search-header-box.png') });
    // Esc leaves the box; `/` comes back to it.
    await box.press('Escape');
    await expect(box).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await box.fill('Raqqa');
    await box.press('Enter');

    await expect(page).toHaveURL(/\/search\?q=Raqqa$/);
    await expect(page).toHaveTitle('Search: Raqqa — Claimdesk');
    await expect(page.getByTestId('search-query')).toHaveValue('Raqqa');
    const demo = groupTitled(page, /Khamenei Says U\.S\. Created ISIS/);
    await expect(demo).toHaveCount(1);
    await expect(demo.getByTestId('status-badge')).toBeVisible();
    const claimHit = demo.locator('[data-testid="search-hit"][data-kind="claim"]').first();
    await expect(claimHit.getByTestId('search-hit-kind')).toHaveText(/^Claim #\d+$/);
    await expect(claimHit.getByTestId('search-snippet').locator('mark').first()).toHaveText(/raqqa/i);
    await expect(claimHit.getByTestId('verdict-chip')).toHaveText('True');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-results.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await claimHit.getByTestId('search-hit-link').click();
    await expect(page).toHaveURL(/\/articles\/[^/?]+\?claim=[^&]+/);
    // The first article render of a fresh server can be slow on a shared machine.
    await expect(page.getByTestId('article-text')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('claim-detail')).toBeVisible();
    await expect(page.getByTestId('claim-detail')).toContainText('liberate Raqqa');
  });

  test('the shortcuts sheet lists /', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeEnabled();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toContainText('Search claims, articles and sources');
    await expect(sheet.locator('kbd', { hasText: /^\/$/ })).toHaveCount(1);
  });

  test('phrases, -exclusions, an article-text hit opens the article at its block, empty and no-result pages', async ({ page }) => {
    await signIn(page, 'editor');
    const filler = Array.from({ length: 40 }, (_, i) => `Filler paragraph ${i + 1} says nothing anyone would search for.`);
    const rose = await importArticle(page, `Tariffs up ${stamp}`, [...filler, `The quarry tariff ${TOKEN} rose sharply in May.`].join('\n\n'));
    await importArticle(page, `Tariffs down ${stamp}`, `The tariff ${TOKEN} quarry fell in June.`);

    await search(page, `"quarry tariff ${TOKEN}"`);
    await expect(groups(page)).toHaveCount(1);
    await expect(groupTitled(page, `Tariffs up ${stamp}`)).toHaveCount(1);

    await search(page, `${TOKEN} -fell`);
    await expect(groups(page)).toHaveCount(1);
    await expect(groupTitled(page, `Tariffs up ${stamp}`)).toHaveCount(1);

    await search(page, TOKEN);
    await expect(groups(page)).toHaveCount(2);

    // The article-text hit opens the article scrolled to its paragraph (the 41st, far below the fold).
    await search(page, `"quarry tariff ${TOKEN}"`);
    const textHit = groupTitled(page, `Tariffs up ${stamp}`).locator('[data-testid="search-hit"][data-kind="block"]');
    await expect(textHit.getByTestId('search-hit-kind')).toHaveText('Article text');
    await textHit.getByTestId('search-hit-link').click();
    await expect(page).toHaveURL(new RegExp(`/articles/${rose}\\?at=\\d+`));
    await expect(page.getByTestId('article-text').getByText(`The quarry tariff ${TOKEN} rose sharply in May.`)).toBeInViewport();

    await page.goto('/search');
    await expect(page.getByTestId('search-empty')).toContainText('"created ISIS"');
    await expect(page).toHaveTitle('Search — Claimdesk');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-empty.png'), fullPage: true });

    await search(page, `${TOKEN}nothing`);
    await expect(page.getByTestId('search-no-results')).toContainText('Nothing matches');
    await page.goto(`/search?q=${TOKEN}nothing&status=resolved`);
    await expect(page.getByTestId('search-no-results').getByRole('link', { name: 'Remove the filters' })).toHaveAttribute('href', `/search?q=${TOKEN}nothing`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-no-results.png'), fullPage: true });
  });

  test('filters live in the URL and survive a reload — on the search page and in the workbench', async ({ page }) => {
    await signIn(page, 'reviewer');
    await search(page, 'Syria');
    await page.getByTestId('search-filter-status').selectOption('resolved');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]status=resolved(&|$)/);
    await page.reload();
    await expect(page.getByTestId('search-filter-status')).toHaveValue('resolved');
    await expect(page.getByTestId('search-query')).toHaveValue('Syria');
    // Every claim shown is resolved (the status sits beside its verdict).
    for (const hit of await page.locator('[data-testid="search-hit"][data-kind="claim"]').all()) await expect(hit).toContainText('Resolved');
    await page.getByTestId('search-clear-filters').click();
    await expect(page).toHaveURL(/\/search\?q=Syria$/);

    // The workbench's claim list filters, with the open claim kept in the URL.
    const id = await demoArticleId(page);
    const article = new ArticlePage(page);
    await article.open(id);
    const items = article.listItems();
    await page.getByTestId('filter-verdict').selectOption({ label: 'False' });
    await expect(items).toHaveCount(1);
    await expect(page).toHaveURL(/[?&]verdict=[^&]+/);
    await page.reload();
    await expect(page.getByTestId('filter-verdict').locator('option:checked')).toHaveText('False');
    await expect(items).toHaveCount(1);
    await page.getByTestId('filter-status').selectOption('all');
    await page.getByTestId('filter-verdict').selectOption('all');
    await expect(page).toHaveURL(new RegExp(`/articles/${id}$`));

    const claimId = await article.claimIdByQuote(id, 'liberate Raqqa');
    await page.goto(`/articles/${id}?claim=${claimId}`);
    await expect(page.getByTestId('claim-detail')).toBeVisible();
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await page.getByTestId('filter-status').selectOption('resolved');
    await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}.*status=resolved|status=resolved.*claim=${claimId}`));
  });

  test('a member of another workspace finds nothing of ours', async ({ page }) => {
    await signIn(page, 'outsider');
    for (const q of ['Raqqa', 'Khamenei', 'Zarqawi']) {
      await search(page, q);
      await expect(page.getByTestId('search-no-results')).toBeVisible();
      await expect(page.locator('main')).not.toContainText('Khamenei Says');
    }
  });

  test('blind review: a reviewer without a verdict finds no rationale and sees the hidden phrase instead of the verdict', async ({ browser }) => {
    test.slow();
    const editor = await pageAs(browser, 'editor');
    const quoteWord = `walrus${stamp}`;
    const rationaleWord = `narwhal${stamp}`;
    const title = `Blind search ${stamp}`;
    const quote = `the ${quoteWord} harbour doubled its catch`;
    const articleId = await importArticle(editor, title, `The mayor said ${quote} last year.\n\nOfficial records show a small decline.`);
    const article = new ArticlePage(editor);
    await article.open(articleId);
    await article.markClaim(quote);
    const detail = editor.getByTestId('claim-detail');
    await detail.getByRole('radio', { name: 'False', exact: true }).check();
    await detail.getByLabel('Rationale').fill(`Records show a decline (${rationaleWord}).`);
    await article.saveClaim();
    await editor.getByRole('switch', { name: 'Blind review' }).click();
    await expect(editor.getByRole('switch', { name: 'Blind review' })).toBeChecked();

    // The editor sees the rationale hit and the verdict.
    await search(editor, rationaleWord);
    await expect(groupTitled(editor, title).locator('[data-kind="rationale"]')).toHaveCount(1);

    // Kofi (reviewer, no verdict yet): nothing for the rationale's word; the claim without its verdict.
    const kofi = await pageAs(browser, 'reviewer2');
    await search(kofi, rationaleWord);
    await expect(kofi.getByTestId('search-no-results')).toBeVisible();
    await expect(kofi.locator('[data-kind="rationale"]')).toHaveCount(0);
    await search(kofi, quoteWord);
    const hit = groupTitled(kofi, title).locator('[data-testid="search-hit"][data-kind="claim"]');
    await expect(hit.getByTestId('search-hit-hidden')).toHaveText(HIDDEN);
    await expect(hit.getByTestId('verdict-chip')).toHaveCount(0);
    await expect(kofi.locator('main')).not.toContainText(rationaleWord);

    await article.cleanup();
    await kofi.context().close();
    await editor.context().close();
  });

  test('hostile or malformed queries and parameters show a page, never an error', async ({ page }) => {
    await signIn(page, 'reviewer');
    for (const q of ['"', '-', '*', 'AND OR NOT (', '"unbalanced ISIS', 'NEAR(a b', '^*:-"', 'ISIS '.repeat(1_500), '💥\u0000\u202e']) {
      await search(page, q);
      await expect(page.getByRole('main')).not.toContainText('Application error');
    }
    // A quote the search had to drop is said.
    await search(page, '"Raqqa');
    await expect(page.getByTestId('search-notice')).toBeVisible();
    // Bad filters: the message on the page, status 200.
    for (const query of ['q=ISIS&from=yesterday', 'q=ISIS&status=nonsense', 'q=ISIS&kind=everything', 'q=ISIS&offset=-1', 'q=ISIS&from=2026-02-01&to=2026-01-01']) {
      const response = await page.goto(`/search?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('search-error')).toBeVisible();
    }
  });
});
