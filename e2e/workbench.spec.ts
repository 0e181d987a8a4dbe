import path from 'node:path';
import { ARTIFACTS, demoArticleId, expect, pageAs, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const SENTENCE = 'Iranian officials have also accused Saudi Arabia of creating IS.';

test.describe('the core review loop', () => {
  test('mark a claim, give it a verdict, rationale and source; it persists and a second reviewer sees it', async ({ page, browser, article }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await article.open(id);

    // The seeded worked example is there: highlights and a numbered list.
    await expect(article.listItems()).toHaveCount(7);

    const claimId = await article.markClaim(SENTENCE);
    await article.expectHighlighted(claimId, SENTENCE);

    const detail = page.getByTestId('claim-detail');
    await expect(detail.getByTestId('claim-quote')).toHaveText(SENTENCE);
    await detail.getByLabel('Claimant').fill('Iranian officials (as reported)');
    // Reviewers do not set the final verdict; an editor does (below).
    await expect(detail.getByRole('radio', { name: 'False', exact: true })).toBeDisabled();
    await detail.getByLabel('Rationale').fill('No evidence links Saudi Arabia’s government to founding IS; the group grew out of al-Qaeda in Iraq.');
    await detail.getByLabel('Status').selectOption('in_review');
    await article.saveClaim();

    await detail.getByRole('button', { name: 'Add source' }).click();
    const form = page.getByTestId('source-form');
    await form.getByLabel('URL').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form.getByText('Enter a full web address starting with http:// or https://.')).toBeVisible();
    await form.getByLabel('URL').fill('https://en.wikipedia.org/wiki/Islamic_State');
    await form.getByLabel('Title').fill('Islamic State — origins');
    await form.getByLabel('Publisher').fill('Wikipedia');
    await form.getByRole('textbox', { name: 'Quoted passage' }).fill('The group has its origins in Jama’at al-Tawhid wal-Jihad.');
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(detail.getByTestId('source-item')).toHaveCount(1);
    // Edit a source; add and remove a second one.
    await detail.getByRole('button', { name: 'Edit source Islamic State — origins' }).click();
    await page.getByTestId('source-form').getByLabel('Title').fill('Islamic State — history and origins');
    await page.getByTestId('source-form').getByRole('button', { name: 'Save source' }).click();
    await expect(detail.getByTestId('source-item')).toContainText('Islamic State — history and origins');
    await detail.getByRole('button', { name: 'Add source' }).click();
    await page.getByTestId('source-form').getByLabel('URL').fill('https://example.org/not-needed');
    await page.getByTestId('source-form').getByRole('button', { name: 'Add source' }).click();
    await expect(detail.getByTestId('source-item')).toHaveCount(2);
    page.once('dialog', (d) => void d.accept());
    await detail.getByRole('button', { name: 'Remove source example.org' }).click();
    await expect(detail.getByTestId('source-item')).toHaveCount(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-claim-panel.png') });

    // The editor sets the final verdict.
    const editor = await pageAs(browser, 'editor');
    const editorArticle = new ArticlePage(editor);
    await editorArticle.open(id);
    await editorArticle.highlight(claimId).click();
    await editor.getByTestId('claim-detail').getByRole('radio', { name: 'False', exact: true }).check();
    await editorArticle.saveClaim();
    await expect(editor.getByTestId('claim-detail').getByTestId('verdict-chip').first()).toHaveText('False');
    await editor.context().close();

    // Reload: the same words are still highlighted, with the final verdict.
    await page.reload();
    await article.expectHighlighted(claimId, SENTENCE);
    await expect(article.highlight(claimId)).toHaveAttribute('title', /^False:/);

    // A second reviewer sees the same claim on the same text.
    const other = await pageAs(browser, 'reviewer2');
    const otherArticle = new ArticlePage(other);
    await otherArticle.open(id);
    await otherArticle.expectHighlighted(claimId, SENTENCE);
    await otherArticle.highlight(claimId).click();
    const otherDetail = other.getByTestId('claim-detail');
    await expect(otherDetail.getByLabel('Rationale')).toHaveValue(/al-Qaeda in Iraq/);
    await expect(otherDetail.getByTestId('source-item')).toContainText('Islamic State — history and origins');
    await other.context().close();

    // Delete it again (the author may): the demo article keeps its seeded shape for later tests.
    await article.highlight(claimId).click();
    await article.deleteActiveClaim();
    await expect(article.highlight(claimId)).toHaveCount(0);
  });

  test('keyboard: mark with Ctrl+Shift+M, move with J/K, close with Esc', async ({ page, article }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await article.open(id);
    // Overlaps the seeded claim that starts at "Syria, where a civil war…".
    const quote = 'Tehran and Moscow are close allies of Syria';
    const claimId = await article.markClaim(quote, 'shortcut');
    await article.expectHighlighted(claimId, quote);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('claim-detail')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { name: 'Claim 1', exact: true })).toBeVisible();
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { name: /^Claim \d+$/ })).not.toHaveText('Claim 1');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: /^Claims/ })).toBeVisible();
    await article.listItems().filter({ hasText: quote }).click();
    await article.deleteActiveClaim();
  });

  test('the panel lists claims in text order, filters by verdict and status, and scrolls to a highlight', async ({ page, article }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await article.open(id);
    const items = article.listItems();
    await expect(items.first()).toContainText('the United States and other Western countries created IS');
    await expect(items.last()).toContainText('If Soleimani were not present in Syria');

    await page.getByTestId('filter-verdict').selectOption({ label: 'False' });
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('Western countries created IS');
    await page.getByTestId('filter-verdict').selectOption({ label: 'Pending' });
    await expect(items.filter({ hasText: 'civil war has been raging since 2011' })).toHaveCount(1);
    for (const chip of await items.getByTestId('verdict-chip').all()) await expect(chip).toHaveText('Pending');
    await page.getByTestId('filter-verdict').selectOption('all');
    await page.getByTestId('filter-status').selectOption('in_review');
    await expect(items).toHaveCount(2);
    await page.getByTestId('filter-status').selectOption('all');

    await items.last().click();
    const lastId = await article.claimIdByQuote(id, 'If Soleimani were not present in Syria');
    await expect(article.highlight(lastId).first()).toBeInViewport();
    await expect(article.highlight(lastId).first()).toHaveAttribute('data-active', 'true');
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-claim-open.png') });
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-with-claims.png') });
  });

  test('overlapping and nested claims both show and open separately', async ({ page, article }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await article.open(id);
    const outerId = await article.claimIdByQuote(id, 'Abu Kamal, the last stronghold of IS');
    // Nested inside the seeded claim "Abu Kamal, the last stronghold of IS, is located…".
    const inner = 'the last stronghold of IS';
    const innerId = await article.markClaim(inner);
    await article.expectHighlighted(innerId, inner);
    await article.expectHighlighted(outerId, 'Abu Kamal, the last stronghold of IS, is located on eastern part of Syria close to the Iraq border.');
    await expect(article.highlight(innerId).locator(`xpath=ancestor::*[@data-claim-id="${outerId}"]`)).toHaveCount(1);
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await article.highlight(innerId).click();
    await expect(page.getByTestId('claim-quote')).toHaveText(inner);
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await article.highlight(outerId).first().click();
    await expect(page.getByTestId('claim-quote')).toContainText('Abu Kamal, the last stronghold');
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await article.highlight(innerId).click();
    await article.deleteActiveClaim();
  });
  test('unsaved edits to a claim survive looking at other claims', async ({ page, article }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    await article.open(id);
    await article.listItems().first().click();
    const rationale = page.getByTestId('claim-detail').getByLabel('Rationale');
    const original = await rationale.inputValue();
    await rationale.fill(`${original} Draft note, not saved yet.`);
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await expect(article.listItems().first()).toContainText('Unsaved edits');
    await article.listItems().nth(1).click();
    await expect(page.getByRole('heading', { name: 'Claim 2', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await article.listItems().first().click();
    await expect(rationale).toHaveValue(`${original} Draft note, not saved yet.`);
    // Put it back as it was: nothing is saved, and the marker goes away.
    await rationale.fill(original);
    await page.getByRole('button', { name: 'Back to all claims' }).click();
    await expect(article.listItems().first()).not.toContainText('Unsaved edits');
  });
});
