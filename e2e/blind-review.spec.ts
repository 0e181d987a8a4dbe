import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { ARTIFACTS, expect, importArticle, pageAs, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = ['The governor said crime fell by 30 percent in two years.', 'Police data published in March shows a 12 percent drop.'].join('\n\n');
const QUOTE = 'crime fell by 30 percent in two years';
const RATIONALE = 'Police data shows a 12 percent drop, so the 30 percent figure is FALSE.';
const HIDDEN = 'Hidden until you give your verdict';

async function openClaimTab(page: Page, tab: 'Details' | 'Discussion' | 'Verdicts' | 'History') {
  await page.getByTestId('claim-detail').getByRole('tab', { name: tab }).click();
}

/**
 * The editor imports an article, marks a claim, gives it a final verdict (False), a rationale and
 * moves it to Resolved — all through the UI — then turns blind review on.
 */
async function decidedClaimUnderBlindReview(browser: Browser): Promise<{ articleId: string; claimId: string; title: string; editor: Page }> {
  const editor = await pageAs(browser, 'editor');
  const title = `Blind decision ${Date.now()}`;
  const articleId = await importArticle(editor, title, TEXT);
  const article = new ArticlePage(editor);
  await article.open(articleId);
  const claimId = await article.markClaim(QUOTE);
  const detail = editor.getByTestId('claim-detail');
  await detail.getByRole('radio', { name: 'False', exact: true }).check();
  await detail.getByLabel('Rationale').fill(RATIONALE);
  await detail.getByLabel('Status').selectOption({ label: 'In review' });
  await article.saveClaim();
  await detail.getByLabel('Status').selectOption({ label: 'Resolved' });
  await article.saveClaim();
  await expect(detail.getByLabel('Status')).toHaveValue('resolved');
  await editor.getByRole('switch', { name: 'Blind review' }).click();
  await expect(editor.getByRole('switch', { name: 'Blind review' })).toBeChecked();
  return { articleId, claimId, title, editor };
}

test.describe('blind review hides the decision until you give your verdict', () => {
  test('a reviewer who has not voted sees no final rationale and no “Resolved” — list, filter, panel, history, API, export, live updates, article progress; voting reveals them', async ({ browser }) => {
    // Two users, many steps: triple the default timeout (the CI machine is shared).
    test.slow();
    const { articleId, claimId, title, editor } = await decidedClaimUnderBlindReview(browser);

    const kofi = await pageAs(browser, 'reviewer2');
    // Article list: the rating progress counts only claims Kofi may see decided.
    await expect(kofi.getByRole('listitem').filter({ hasText: title })).toContainText('0 with a final verdict');
    const article = new ArticlePage(kofi);
    await article.open(articleId);

    // The list: no verdict, no status, the notice instead.
    const item = article.listItems().first();
    await expect(item.getByTestId('verdict-chip')).toHaveText('Hidden');
    await expect(item.getByTestId('claim-list-status')).toHaveText(HIDDEN);
    await expect(kofi.getByRole('list', { name: 'Claims in text order' })).not.toContainText('Resolved');

    // The status filter cannot be used to find the resolved claim.
    const statusFilter = kofi.getByTestId('filter-status');
    await statusFilter.selectOption('resolved');
    await expect(article.listItems()).toHaveCount(0);
    await statusFilter.selectOption('hidden');
    await expect(article.listItems()).toHaveCount(1);
    await kofi.getByTestId('filter-verdict').selectOption('pending');
    await expect(article.listItems()).toHaveCount(0);
    await kofi.getByTestId('filter-verdict').selectOption('all');
    await statusFilter.selectOption('all');
    await kofi.screenshot({ path: path.join(ARTIFACTS, 'blind-review-list.png') });

    // The panel: rationale and status replaced by the notice, not editable.
    await article.listItems().first().click();
    const detail = kofi.getByTestId('claim-detail');
    await expect(detail.getByTestId('claim-decision-hidden')).toContainText(`Rationale${HIDDEN}`);
    await expect(detail.getByTestId('claim-decision-hidden')).toContainText(`Status${HIDDEN}`);
    await expect(detail.getByTestId('final-verdict-hidden')).toContainText(HIDDEN);
    await expect(detail.getByRole('radio')).toHaveCount(0);
    await expect(detail.getByLabel('Rationale')).toHaveCount(0);
    await expect(detail).not.toContainText(RATIONALE);
    await kofi.screenshot({ path: path.join(ARTIFACTS, 'blind-review-panel.png') });

    // The history: the decision's changes are there as facts, without their content.
    await openClaimTab(kofi, 'History');
    const history = kofi.getByTestId('claim-history');
    await expect(history.getByTestId('history-entry').first()).toContainText('hidden until you give your verdict');
    await expect(history).not.toContainText('FALSE');
    await expect(history).not.toContainText(/resolved/i);
    await kofi.screenshot({ path: path.join(ARTIFACTS, 'blind-review-history.png') });

    // The API and an export say the same.
    const api = (await (await kofi.request.get(`/api/claims/${claimId}`)).json()) as { claim: { status: unknown; rationale: string; verdictId: unknown; verdictHidden: boolean } };
    expect(api.claim).toMatchObject({ status: null, rationale: '', verdictId: null, verdictHidden: true });
    const markdown = await (await kofi.request.get(`/api/articles/${articleId}/export?format=md`)).text();
    expect(markdown).toContain(HIDDEN);
    expect(markdown).not.toContain('FALSE');
    expect(markdown).not.toContain('Resolved');
    // Writing the hidden fields is refused too (the error must not name the status).
    const refused = await kofi.request.patch(`/api/claims/${claimId}`, { data: { version: 1, status: 'open' } });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toMatch(/resolved/i);

    // Live: the editor rewrites the rationale; Kofi's panel refetches and still shows nothing.
    await openClaimTab(kofi, 'Details');
    const refetch = kofi.waitForResponse((r) => r.url().endsWith(`/api/claims/${claimId}`) && r.request().method() === 'GET');
    const current = (await (await editor.request.get(`/api/claims/${claimId}`)).json()) as { claim: { version: number } };
    const edit = await editor.request.patch(`/api/claims/${claimId}`, { data: { version: current.claim.version, rationale: `${RATIONALE} Updated live.` } });
    expect(edit.status()).toBe(200);
    const live = (await (await refetch).json()) as { claim: { rationale: string; status: unknown } };
    expect(live.claim).toMatchObject({ rationale: '', status: null });
    await expect(detail).not.toContainText('Updated live');

    // Kofi gives his verdict: the decision appears.
    await openClaimTab(kofi, 'Verdicts');
    const verdicts = kofi.getByTestId('reviewer-verdicts');
    await verdicts.getByRole('radio', { name: 'Mostly false' }).check();
    await verdicts.getByRole('button', { name: 'Save my verdict' }).click();
    await expect(verdicts.getByTestId('team-verdict')).toHaveCount(1);
    await openClaimTab(kofi, 'Details');
    await expect(detail.getByLabel('Rationale')).toHaveValue(`${RATIONALE} Updated live.`);
    await expect(detail.getByLabel('Status')).toHaveValue('resolved');
    await expect(detail.getByTestId('claim-decision-hidden')).toHaveCount(0);
    await expect(detail.getByRole('radio', { name: 'False', exact: true })).toBeChecked();
    await kofi.getByRole('button', { name: 'Back to all claims' }).click();
    await expect(article.listItems().first().getByTestId('claim-list-status')).toHaveText('Resolved');
    await openClaimTabAfterSelect(kofi, article);
    await expect(kofi.getByTestId('claim-history')).toContainText('FALSE');
    await kofi.goto('/articles');
    await expect(kofi.getByRole('listitem').filter({ hasText: title })).toContainText('1 with a final verdict');
    for (const p of [kofi, editor]) await p.context().close();
  });
});

async function openClaimTabAfterSelect(page: Page, article: ArticlePage) {
  await article.listItems().first().click();
  await openClaimTab(page, 'History');
}
