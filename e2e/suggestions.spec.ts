import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { demoArticleId, expect, importArticle, pageAs, signIn, test } from './fixtures';

/** Screenshots for people to look at (not compared). */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-h7';
mkdirSync(SHOTS, { recursive: true });

interface Suggestion {
  id: string;
  version: number;
  range: { start: number; end: number };
  quote: { exact: string };
  claimant: string;
  score: number;
}

async function listSuggestions(page: Page, articleId: string): Promise<{ run: { status: string } | null; suggestions: Suggestion[] }> {
  const response = await page.request.get(`/api/articles/${articleId}/suggestions`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { run: { status: string } | null; suggestions: Suggestion[] };
}

const marks = (page: Page) => page.getByTestId('article-text').locator('.suggestion-mark');
const card = (page: Page) => page.getByTestId('suggestion-card');

/** The shown suggestions' ids in reading order (one per suggestion even when ProseMirror splits a span). */
async function shownIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('[data-testid="article-text"] .suggestion-mark')].map((el) => el.dataset.suggestionId ?? ''))]);
}

/** Puts the keyboard focus on the page (not in a field), where the single-key shortcuts act. */
async function focusPage(page: Page) {
  await page.locator('body').click({ position: { x: 2, y: 300 } });
}

// One server and database for the file: the tests build on each other (run, decide, re-fit).
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('check-worthiness suggestions', () => {
  let articleId = '';
  /** The demo article's claims before this file: other files on this worker expect exactly these. */
  let seededClaimIds: string[] = [];

  // Put back what the file changed on the shared demo desk: the claims accepted here, and auto-run after import.
  test.afterAll(async ({ browser }) => {
    const page = await pageAs(browser, 'owner');
    if (articleId) {
      const { claims } = (await (await page.request.get(`/api/articles/${articleId}/claims`)).json()) as { claims: Array<{ id: string; version: number }> };
      for (const claim of claims.filter((c) => !seededClaimIds.includes(c.id))) {
        expect((await page.request.delete(`/api/claims/${claim.id}`, { data: { version: claim.version } })).status()).toBe(200);
      }
    }
    const workspaces = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
    const workspaceId = workspaces.workspaces.find((w) => w.slug === 'demo-desk')!.id;
    const settings = (await (await page.request.get(`/api/workspaces/${workspaceId}/check-worthiness`)).json()) as { version: number };
    expect((await page.request.put(`/api/workspaces/${workspaceId}/check-worthiness`, { data: { version: settings.version, autoFindOnImport: false, activeModelId: null } })).status()).toBe(200);
    await page.context().close();
  });

  test('Find claims → suggestions shown → accept one (claimant pre-filled) → dismiss one → reload keeps both', async ({ page }) => {
    await signIn(page, 'reviewer');
    articleId = await demoArticleId(page);
    seededClaimIds = ((await (await page.request.get(`/api/articles/${articleId}/claims`)).json()) as { claims: Array<{ id: string }> }).claims.map((c) => c.id);
    await page.goto(`/articles/${articleId}`);
    await expect(page.getByTestId('find-claims-status')).toHaveText('Not run on this article yet.');

    await page.getByRole('button', { name: 'Find claims' }).click();
    await expect(page.getByTestId('find-claims-status')).toContainText(/sentences? worth checking/, { timeout: 60_000 });
    await expect(marks(page).first()).toBeVisible();
    await expect(page.getByTestId('article-text').locator('.suggestion-gutter').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/suggestions-in-text.png` });

    // None is drawn under a seeded claim (the demo article has seven).
    const nested = await page.evaluate(
      () => document.querySelectorAll('[data-testid="article-text"] .suggestion-mark .claim-highlight, [data-testid="article-text"] .claim-highlight .suggestion-mark').length,
    );
    expect(nested).toBe(0);

    const { suggestions } = await listSuggestions(page, articleId);
    const ids = await shownIds(page);
    expect(ids.length).toBeGreaterThan(1);
    const attributed = suggestions.find((s) => s.claimant !== '' && ids.includes(s.id));
    expect(attributed, 'a suggestion with an attribution (who said it)').toBeTruthy();
    const toAccept = attributed!;

    // Hover: the score as a percentage and the reasons in words.
    await page.locator(`[data-suggestion-id="${toAccept.id}"]`).first().hover();
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByTestId('suggestion-score')).toHaveText(`${Math.round(toAccept.score * 100)}%`);
    await expect(card(page).getByTestId('suggestion-reasons')).toContainText(/Attribution/i);
    await expect(card(page)).toContainText(toAccept.claimant);
    await page.screenshot({ path: `${SHOTS}/hover-card.png` });
    // The marks, the tags and the open card pass the same accessibility checks as the rest of the page.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Accept: a claim on the sentence, opened with the claimant pre-filled (and editable) and the article's date.
    await card(page).getByRole('button', { name: 'Accept as claim' }).click();
    const detail = page.getByTestId('claim-detail');
    await expect(detail.getByTestId('claim-quote')).toHaveText(toAccept.quote.exact);
    const claimant = detail.getByLabel('Claimant');
    await expect(claimant).toHaveValue(toAccept.claimant);
    await expect(claimant).toBeEditable();
    await expect(detail.getByLabel('Date made')).not.toHaveValue('');
    await expect(page.locator(`[data-suggestion-id="${toAccept.id}"]`)).toHaveCount(0);

    // Dismiss another from its card.
    const toDismiss = ids.find((id) => id !== toAccept.id)!;
    await page.locator(`[data-suggestion-for="${toDismiss}"]`).click();
    await expect(card(page)).toHaveAttribute('data-suggestion-id', toDismiss);
    await card(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.locator(`[data-suggestion-id="${toDismiss}"]`)).toHaveCount(0);

    // Reload: the accepted one is a claim, the dismissed one stays gone, the others are still there.
    await page.reload();
    await expect(marks(page).first()).toBeVisible();
    const after = await shownIds(page);
    expect(after).not.toContain(toAccept.id);
    expect(after).not.toContain(toDismiss);
    expect(after.length).toBe(ids.length - 2);
    await expect(page.getByTestId('claim-panel').getByTestId('claim-list-item')).toHaveCount(8);
    const listed = (await listSuggestions(page, articleId)).suggestions.map((s) => s.id);
    expect(listed).not.toContain(toAccept.id);
    expect(listed).not.toContain(toDismiss);
  });

  test('keyboard: N / P move between suggestions, D dismisses, A accepts; the shortcuts list has them', async ({ page }) => {
    await signIn(page, 'reviewer');
    await page.goto(`/articles/${articleId}`);
    await expect(marks(page).first()).toBeVisible();
    const ids = await shownIds(page);
    await focusPage(page);

    await page.keyboard.press('n');
    await expect(card(page)).toHaveAttribute('data-suggestion-id', ids[0]!);
    await expect(card(page)).toContainText(`Suggestion 1 of ${ids.length}`);
    await expect(page.getByTestId('suggestion-announcer')).toContainText(`Suggestion 1 of ${ids.length}`);
    await page.keyboard.press('n');
    await expect(card(page)).toHaveAttribute('data-suggestion-id', ids[1]!);
    await page.keyboard.press('p');
    await expect(card(page)).toHaveAttribute('data-suggestion-id', ids[0]!);
    await page.keyboard.press('p');
    await expect(card(page)).toHaveAttribute('data-suggestion-id', ids[ids.length - 1]!);
    await page.keyboard.press('n');

    // D dismisses the focused one and moves on to the next.
    await page.keyboard.press('d');
    await expect(page.locator(`[data-suggestion-id="${ids[0]}"]`)).toHaveCount(0);
    await expect(card(page)).toHaveAttribute('data-suggestion-id', ids[1]!);
    // The toast's Undo brings it back.
    await page.getByTestId('toast').filter({ hasText: 'Suggestion dismissed' }).getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`[data-suggestion-id="${ids[0]}"]`).first()).toBeVisible();
    // A accepts the focused one: the claim opens.
    await focusPage(page);
    await page.keyboard.press('a');
    await expect(page.getByTestId('claim-detail')).toBeVisible();
    await expect(page.locator(`[data-suggestion-id="${ids[1]}"]`)).toHaveCount(0);
    // Esc closes the claim (and the card); the keys are listed in the help sheet.
    await page.keyboard.press('Escape');
    await focusPage(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Next suggested claim');
    await expect(help).toContainText('Dismiss the focused suggestion');
    await page.keyboard.press('Escape');
  });

  test('a viewer sees the suggestions and their reasons but cannot run, accept or dismiss (the server agrees)', async ({ browser }) => {
    const page = await pageAs(browser, 'viewer');
    await page.goto(`/articles/${articleId}`);
    await expect(marks(page).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Find claims/ })).toHaveCount(0);
    await expect(page.getByTestId('find-claims-status')).toContainText('worth checking');
    const [first] = await shownIds(page);
    await page.locator(`[data-suggestion-id="${first}"]`).first().hover();
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByRole('button', { name: 'Accept as claim' })).toHaveCount(0);
    await expect(card(page).getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
    await expect(card(page)).toContainText('Reviewers accept or dismiss suggestions.');
    // Keys do nothing to it either.
    await focusPage(page);
    await page.keyboard.press('n');
    await page.keyboard.press('d');
    await expect(page.locator(`[data-suggestion-id="${first}"]`).first()).toBeVisible();

    const { suggestions } = await listSuggestions(page, articleId);
    const s = suggestions[0]!;
    expect((await page.request.post(`/api/suggestions/${s.id}/dismiss`, { data: { version: s.version } })).status()).toBe(403);
    expect((await page.request.post(`/api/suggestions/${s.id}/accept`, { data: { version: s.version } })).status()).toBe(403);
    expect((await page.request.post(`/api/articles/${articleId}/suggestions/runs`, { data: {} })).status()).toBe(403);
    await page.context().close();
  });

  test('mobile width: the score tag sits inline and the card fits the screen', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, 'reviewer');
    await page.goto(`/articles/${articleId}`);
    await expect(marks(page).first()).toBeVisible();
    const [first] = await shownIds(page);
    await page.locator(`[data-suggestion-for="${first}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-suggestion-for="${first}"]`).click();
    await expect(card(page)).toBeVisible();
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/mobile.png` });
    await context.close();
  });

  test('a text in a language the scorer does not know: Find claims says it used the language-independent cues only', async ({ page }) => {
    await signIn(page, 'editor');
    const id = await importArticle(
      page,
      'Цены на хлеб',
      'В 2024 году цены на хлеб выросли на 40%. Министр заявил, что бюджет составил 5 000 000 рублей.\n\nЧто будет дальше?',
    );
    await page.goto(`/articles/${id}`);
    await page.getByRole('button', { name: 'Find claims' }).click();
    await expect(page.getByTestId('language-notice')).toContainText('language-independent cues only', { timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/partial-language.png` });
  });

  test('owner: re-fit on the desk’s decisions shows before/after, then switch on and off', async ({ page }) => {
    await signIn(page, 'owner');
    // Enough decisions for a re-fit: dismiss five more suggestions (the seeded claims count as check-worthy).
    const { suggestions } = await listSuggestions(page, articleId);
    for (const s of suggestions.slice(0, 5)) {
      expect((await page.request.post(`/api/suggestions/${s.id}/dismiss`, { data: { version: s.version } })).status()).toBe(200);
    }
    await page.goto('/settings');
    const section = page.getByTestId('check-worthiness-settings');
    await expect(section.getByTestId('active-model')).toHaveText('In use: the shipped weights.');
    await section.getByLabel('Find claims after every import').click();
    await expect(section.getByLabel('Find claims after every import')).toBeChecked();

    await section.getByRole('button', { name: /Re-fit/ }).click();
    const report = section.getByTestId('refit-report').or(section.getByTestId('refit-error'));
    await expect(report).toBeVisible({ timeout: 30_000 });
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-refit.png`, fullPage: false });
    await expect(section.getByTestId('refit-report')).toBeVisible();
    for (const measure of ['Precision', 'Recall', 'F1', 'ROC AUC']) await expect(section.getByTestId('refit-report')).toContainText(measure);
    await expect(section.getByTestId('refit-report')).toContainText(/Measured on \d+ examples/);
    await expect(section.getByTestId('refit-advice')).toHaveText(/do better|do worse|Mixed/);

    await section.getByRole('button', { name: 'Switch on' }).click();
    await expect(section.getByTestId('active-model')).toContainText('re-fitted on');
    await section.getByRole('button', { name: /Switch off/ }).click();
    await expect(section.getByTestId('active-model')).toHaveText('In use: the shipped weights.');
  });
});
