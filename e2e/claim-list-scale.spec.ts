import { expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

// A long claim list is virtualised: only the rows near the view are in the DOM, the list still
// says how many there are, and a claim far down can be reached by scrolling, from its highlight and
// with j/k; closing a claim brings the list back where it was.
const CLAIMS = 60;
const paragraphs = Array.from({ length: CLAIMS }, (_, i) => `Paragraph ${i + 1} says that figure number ${i + 1} rose sharply last year, officials said.`);
const TEXT = paragraphs.join('\n\n');

test('a long claim list: virtualised rows, far claims reachable, the list kept while a claim is open', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'editor');
  const id = await importArticle(page, `Long claim list ${Date.now()}`, TEXT);
  const { article: meta } = (await (await page.request.get(`/api/articles/${id}?fields=meta`)).json()) as { article: { revision: number } };
  for (let i = 0; i < CLAIMS; i += 1) {
    const words = `figure number ${i + 1} rose sharply`;
    const start = TEXT.indexOf(words, TEXT.indexOf(paragraphs[i]!));
    const response = await page.request.post('/api/claims', { data: { articleId: id, revision: meta.revision, start, end: start + words.length } });
    expect(response.status()).toBe(201);
  }

  const article = new ArticlePage(page);
  await article.open(id);
  const list = page.getByRole('list', { name: 'Claims in text order' });
  await expect(page.getByRole('heading', { name: `Claims (${CLAIMS})` })).toBeVisible();
  await expect(article.text.locator('[data-claim-id]')).toHaveCount(CLAIMS);
  // Only the rows near the view are rendered; each tells assistive technology its place.
  const rendered = await article.listItems().count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(CLAIMS);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(CLAIMS));
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-posinset', '1');

  // Scroll the panel to the end: the last claim's row appears, opens, and the list comes back there.
  await article.panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = article.listItems().filter({ hasText: `figure number ${CLAIMS} rose sharply` });
  await expect(last).toBeVisible();
  await last.click();
  const detail = page.getByTestId('claim-detail');
  await expect(detail.getByTestId('claim-number')).toHaveText(`Claim ${CLAIMS}`);
  await expect(detail.getByRole('tab', { name: 'Details' })).toBeVisible();
  // While a claim is open the list renders no rows.
  await expect(article.listItems()).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  await expect(last).toBeVisible();
  await expect(detail).toHaveCount(0);

  // Open a claim from its highlight near the end of the text.
  const highlightId = await article.text.locator('[data-claim-id]').last().getAttribute('data-claim-id');
  await article.highlight(highlightId!).scrollIntoViewIfNeeded();
  await article.highlight(highlightId!).click();
  await expect(detail.getByTestId('claim-number')).toHaveText(`Claim ${CLAIMS}`);

  // Escape closes the claim (outside the text: the editor keeps its own keys), then the list by keyboard.
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await blur();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  // The list came back where it was (near the end): scroll to the top for the first row.
  await article.panel.evaluate((el) => (el.scrollTop = 0));
  const first = article.listItems().filter({ hasText: 'figure number 1 rose sharply' });
  await expect(first).toBeVisible();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('claim-number')).toHaveText('Claim 1');
  // k from the first claim wraps to the last.
  await blur();
  await page.keyboard.press('k');
  await expect(detail.getByTestId('claim-number')).toHaveText(`Claim ${CLAIMS}`);
});
