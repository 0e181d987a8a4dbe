import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = [
  'The minister said unemployment fell to 4 percent last year.',
  'Critics replied that the figure ignores people who stopped looking for work.',
  'The ministry also claimed that exports doubled since 2019.',
].join('\n\n');

/** Replaces words in the article's saved text through the API (as another desk member's save would). */
async function editTextViaApi(page: Page, articleId: string, edit: (text: string) => string): Promise<void> {
  const current = (await (await page.request.get(`/api/articles/${articleId}?fields=text`)).json()) as { article: { revision: number; doc: { content: Array<{ content?: Array<{ type: string; text?: string }> }> } } };
  const { revision, doc } = current.article;
  for (const block of doc.content) for (const node of block.content ?? []) if (node.type === 'text' && node.text) node.text = edit(node.text);
  const response = await page.request.put(`/api/articles/${articleId}/text`, { data: { revision, doc } });
  expect(response.status()).toBe(200);
}

/** The bubble next to the selection. */
function bubble(page: Page) {
  return page.getByTestId('selection-bubble');
}

test('change the words of a claim with the keyboard only: same claim, history shows old → new, sources and comments kept', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await importArticle(page, `Change words ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);

  const oldQuote = 'unemployment fell';
  const newQuote = 'unemployment fell to 4 percent';
  const claimId = await article.markClaim(oldQuote);
  await expect(page.getByTestId('claim-number')).toHaveText(/Claim \d+/);
  const number = await page.getByTestId('claim-number').textContent();
  expect((await page.request.post(`/api/claims/${claimId}/sources`, { data: { url: 'https://stats.example.org/jobs', title: 'Labour survey' } })).status()).toBe(201);
  expect((await page.request.post(`/api/claims/${claimId}/comments`, { data: { body: 'Check the survey.' } })).status()).toBe(201);
  await page.reload();
  await page.getByTestId('claim-list-item').filter({ hasText: oldQuote }).click();
  await expect(page.getByTestId('source-list')).toContainText('Labour survey');

  // Keyboard only from here: the detail's button (reached with the keyboard), Shift+arrows, Enter.
  await page.getByTestId('claim-detail').getByRole('button', { name: 'Change words' }).focus();
  await page.keyboard.press('Enter');
  const banner = page.getByTestId('span-mode-banner');
  await expect(banner).toContainText('Select the new words in the article, then press Confirm (or Enter)');
  await expect(article.text).toBeFocused();
  await page.screenshot({ path: path.join(ARTIFACTS, 'change-words-banner.png') });
  for (let i = 0; i < ' to 4 percent'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/anchor`) && r.request().method() === 'PUT');
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(200);
  await expect(banner).toHaveCount(0);
  await article.expectHighlighted(claimId, newQuote);
  await expect(page.getByTestId('claim-quote')).toHaveText(newQuote);

  // The same claim: number, sources and comments kept; history records the words before and after.
  await page.reload();
  await article.expectHighlighted(claimId, newQuote);
  await article.highlight(claimId).first().click();
  await expect(page.getByTestId('claim-number')).toHaveText(number!);
  await expect(page.getByTestId('source-list')).toContainText('Labour survey');
  await expect(page.getByRole('tab', { name: /Discussion/ })).toContainText('1');
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByTestId('claim-history');
  await expect(history).toContainText(oldQuote);
  await expect(history).toContainText(newQuote);
});

test('re-attach an orphaned claim to a suggested candidate', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await importArticle(page, `Re-attach ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);
  const doomed = 'the figure ignores people who stopped looking for work';
  const claimId = await article.markClaim(doomed);

  // Reworded beyond what automatic re-anchoring accepts: the claim is orphaned.
  const reworded = 'the figures ignore everyone who has stopped looking for a job';
  await editTextViaApi(page, id, (t) => t.replace(doomed, reworded));
  await page.reload();
  await page.getByTestId('claim-list-item').filter({ hasText: doomed }).click();
  await expect(page.getByText('The words this claim was made on are no longer in the article.')).toBeVisible();
  const panel = page.getByTestId('reattach-panel');
  const candidates = panel.getByTestId('reattach-candidate');
  await expect(candidates.first()).toBeVisible();
  expect(await candidates.count()).toBeLessThanOrEqual(3);
  await expect(candidates.first().locator('mark')).toHaveText(reworded);
  await expect(candidates.first()).toContainText('Critics replied that');
  await expect(panel.getByRole('button', { name: 'Select words by hand' })).toBeVisible();
  await page.getByTestId('claim-panel').screenshot({ path: path.join(ARTIFACTS, 're-attach-panel.png') });

  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/anchor`) && r.request().method() === 'PUT');
  await candidates.first().getByRole('button', { name: /Attach here/ }).click();
  expect((await saved).status()).toBe(200);
  await article.expectHighlighted(claimId, reworded);
  await expect(page.getByTestId('claim-quote')).toHaveText(reworded);
  await page.reload();
  await article.expectHighlighted(claimId, reworded);
});

test('a two-part claim: both parts highlighted, after a reload and after an edit that moves them', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await importArticle(page, `Two parts ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);
  const first = 'unemployment fell to 4 percent';
  const second = 'exports doubled since 2019';
  const claimId = await article.markClaim(first);

  await article.selectText(second);
  await expect(bubble(page).getByRole('button', { name: 'Add part' })).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS, 'selection-bubble.png') });
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}/anchor`) && r.request().method() === 'PUT');
  await bubble(page).getByRole('button', { name: 'Add part' }).click();
  expect((await saved).status()).toBe(200);

  const parts = page.getByTestId('claim-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0)).toContainText(`Part 1`);
  await expect(parts.nth(0)).toContainText(first);
  await expect(parts.nth(1)).toContainText('Part 2');
  await expect(parts.nth(1)).toContainText(second);
  await article.expectHighlighted(claimId, first + second);
  await page.screenshot({ path: path.join(ARTIFACTS, 'two-part-claim.png') });

  await page.reload();
  await article.expectHighlighted(claimId, first + second);

  // Words inserted before each part: both move with their words.
  await editTextViaApi(page, id, (t) => t.replace('The minister said', 'Breaking: the minister said').replace('The ministry also', 'The ministry, in a statement, also'));
  await expect(article.text).toContainText('Breaking: the minister said');
  await article.expectHighlighted(claimId, first + second);
  await page.reload();
  await expect(article.text).toContainText('The ministry, in a statement, also');
  await article.expectHighlighted(claimId, first + second);
  await article.highlight(claimId).first().click();
  await expect(page.getByTestId('claim-part')).toHaveCount(2);
  await expect(page.getByTestId('claim-part').nth(1)).toHaveAttribute('data-state', 'anchored');
});

test('marking a claim three screens down never scrolls the page (bubble and toolbar)', async ({ page }) => {
  await signIn(page, 'editor');
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} says that the measured figure number ${i + 1} rose by ${i + 3} percent over the year.`);
  const id = await importArticle(page, `Long scroll ${Date.now()}`, paragraphs.join('\n\n'));
  const article = new ArticlePage(page);
  await article.open(id);

  /**
   * Scrolls three screens down and selects words of the `nth` paragraph fully in view there (below the
   * sticky bar) without moving the page; returns the words and the scroll position.
   */
  async function selectFarDown(nth: number): Promise<{ quote: string; y: number }> {
    await page.evaluate(() => window.scrollTo(0, window.innerHeight * 3));
    const quote = await page.evaluate((n) => {
      const root = document.querySelector<HTMLElement>('[data-testid="article-text"]')!;
      const bar = document.querySelector('[data-testid="article-bar"]')!.getBoundingClientRect().bottom;
      const visible = [...root.querySelectorAll('p')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.top > bar + 120 && r.bottom < window.innerHeight - 80;
      });
      const p = visible[n];
      if (!p) throw new Error('no paragraph in view');
      const node = p.firstChild as Text;
      const match = /measured figure number \d+ rose/.exec(node.data)!;
      root.focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return match[0];
    }, nth);
    await expect(page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Mark claim' })).toBeEnabled();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(1000);
    return { quote, y };
  }
  const quoteInView = async (quote: string) => {
    const box = await article.text.getByText(quote, { exact: false }).first().boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(viewport.height);
  };

  // The sticky bar (status, presence, export, Mark claim) is still on screen down there.
  const { quote: viaBubble, y: before } = await selectFarDown(0);
  await expect(page.getByTestId('article-bar')).toBeInViewport();
  await expect(bubble(page).getByRole('button', { name: 'Mark claim' })).toBeInViewport();
  const created = page.waitForResponse((r) => r.url().endsWith('/api/claims') && r.request().method() === 'POST');
  await bubble(page).getByRole('button', { name: 'Mark claim' }).click();
  expect((await created).status()).toBe(201);
  article.created.push(((await (await created).json()) as { claim: { id: string } }).claim.id);
  await expect(page.getByTestId('claim-detail')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
  await quoteInView(viaBubble);

  await page.getByRole('button', { name: 'Back to all claims' }).click();
  const { quote: viaToolbar, y: before2 } = await selectFarDown(2);
  const created2 = page.waitForResponse((r) => r.url().endsWith('/api/claims') && r.request().method() === 'POST');
  await page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Mark claim' }).click();
  expect((await created2).status()).toBe(201);
  await expect(page.getByTestId('claim-detail')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before2);
  await quoteInView(viaToolbar);
});

test('a source’s quoted passage links to its place on the page (text fragment)', async ({ page }) => {
  await signIn(page, 'editor');
  const id = await importArticle(page, `Source passage ${Date.now()}`, TEXT);
  const article = new ArticlePage(page);
  await article.open(id);
  await article.markClaim('exports doubled since 2019');
  await page.getByRole('button', { name: 'Add source' }).click();
  const form = page.getByTestId('source-form');
  await form.getByLabel('URL').fill('https://trade.example.org/report');
  await form.getByLabel('Title').fill('Trade report');
  await form.getByLabel('Words just before (optional)').fill('In 2024,');
  await form.getByRole('textbox', { name: 'Quoted passage' }).fill('exports rose by 35 percent, well short of double');
  await form.getByLabel('Words just after (optional)').fill('the 2019 level');
  await form.screenshot({ path: path.join(ARTIFACTS, 'source-passage-form.png') });
  await form.getByRole('button', { name: 'Add source' }).click();
  const passage = page.getByTestId('source-passage');
  await expect(passage.locator('q')).toHaveText('exports rose by 35 percent, well short of double');
  const link = passage.getByRole('link', { name: /Open the passage/ });
  await expect(link).toHaveAttribute('href', /^https:\/\/trade\.example\.org\/report#:~:text=/);
  await expect(link).toHaveAttribute('target', '_blank');
});
