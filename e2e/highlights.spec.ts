import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, demoArticleId, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

const TEXT = [
  'The minister said that unemployment fell to four percent last year, the lowest rate in a decade, and that wages rose faster than prices.',
  'Critics replied that the figure ignores people who stopped looking for work.',
  'The ministry also claimed that exports doubled since 2019.',
].join('\n\n');

type Level = { id: string; key: string; color: string };

// Sharper screenshots for people to look at.
test.use({ deviceScaleFactor: 2 });

/** Claims made through the API (the marking UI has its own specs): UTF-16 offsets of `words` in TEXT. */
async function claimOn(page: Page, articleId: string, revision: number, words: string, from = 0): Promise<string> {
  const start = TEXT.indexOf(words, from);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post('/api/claims', { data: { articleId, revision, start, end: start + words.length } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { claim: { id: string } }).claim.id;
}

async function giveVerdict(page: Page, claimId: string, level: Level) {
  const { claim } = (await (await page.request.get(`/api/claims/${claimId}`)).json()) as { claim: { version: number } };
  const response = await page.request.put(`/api/claims/${claimId}/final-verdict`, { data: { verdictId: level.id, version: claim.version } });
  expect(response.status()).toBe(200);
}

const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

/** Computed style of the first element `locator` matches (a pseudo-element with `pseudo`). */
function styleOf(locator: Locator, pseudo?: string) {
  return locator.first().evaluate((el, p) => {
    const s = getComputedStyle(el, p ?? null);
    return { backgroundImage: s.backgroundImage, paddingBottom: s.paddingBottom, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, content: s.content };
  }, pseudo);
}

test('overlapping claims are told apart, the open one is marked, verdicts carry a glyph, the text shows focus', async ({ page }) => {
  await signIn(page, 'editor');
  const articleId = await importArticle(page, `Highlights check ${Date.now()}`, TEXT);
  const { article: meta } = (await (await page.request.get(`/api/articles/${articleId}?fields=meta`)).json()) as { article: { revision: number; workspaceId?: string } };
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')!.id;
  const { scale } = (await (await page.request.get(`/api/workspaces/${workspaceId}/scale`)).json()) as { scale: { levels: Level[] } };
  const level = (key: string) => scale.levels.find((l) => l.key === key)!;

  // An outer claim, one nested inside it, and one overlapping its end.
  const outer = await claimOn(page, articleId, meta.revision, 'unemployment fell to four percent last year, the lowest rate in a decade');
  const inner = await claimOn(page, articleId, meta.revision, 'four percent last year');
  const crossing = await claimOn(page, articleId, meta.revision, 'the lowest rate in a decade, and that wages rose faster than prices');
  await giveVerdict(page, outer, level('false'));
  await giveVerdict(page, inner, level('half-true'));
  await giveVerdict(page, crossing, level('misleading'));

  const article = new ArticlePage(page);
  await article.open(articleId);
  await article.expectHighlighted(inner, 'four percent last year');

  // Nesting: the inner claim's span sits inside the outer's, its underline lower (more padding) and in its own colour.
  await expect(article.highlight(inner).locator(`xpath=ancestor::*[@data-claim-id="${outer}"]`)).toHaveCount(1);
  const outerStyle = await styleOf(article.highlight(outer));
  const innerStyle = await styleOf(article.highlight(inner));
  expect(outerStyle.backgroundImage).toContain(rgb(level('false').color));
  expect(innerStyle.backgroundImage).toContain(rgb(level('half-true').color));
  expect(innerStyle.backgroundImage).not.toContain(rgb(level('false').color));
  expect(parseFloat(innerStyle.paddingBottom)).toBeGreaterThan(parseFloat(outerStyle.paddingBottom));
  // Where the crossing claim overlaps the outer one it is drawn one level down; after the outer ends, at the top level.
  // Where the crossing claim overlaps the outer one, one of them is drawn inside the other: two lines, two colours, two depths.
  const overlap = await article.text.locator('.claim-highlight', { hasText: /^the lowest rate in a decade$/ }).evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-claim-id'), padding: parseFloat(getComputedStyle(el).paddingBottom), line: getComputedStyle(el).backgroundImage.split('), ')[0] })),
  );
  expect(new Set(overlap.map((o) => o.id))).toEqual(new Set([outer, crossing]));
  expect(new Set(overlap.map((o) => o.padding)).size).toBe(2);
  expect(new Set(overlap.map((o) => o.line)).size).toBe(2);

  // Each claim starts with a badge: its verdict glyph and number, drawn by CSS (not part of the text).
  for (const [id, glyph] of [
    [outer, '✗✗'],
    [inner, '~'],
    [crossing, '!'],
  ] as const) {
    const badge = article.text.locator(`[data-badge-for="${id}"]`);
    await expect(badge).toHaveCount(1);
    await expect(badge).toHaveAttribute('data-glyph', glyph);
    expect((await styleOf(badge, '::before')).content).toContain(glyph);
  }
  await expect(article.text).toContainText('four percent last year');
  expect(await article.text.textContent()).not.toContain('✗');

  // The list chips carry the same glyphs.
  const chips = article.listItems().getByTestId('verdict-chip');
  await expect(chips).toHaveCount(3);
  expect((await chips.evaluateAll((els) => els.map((el) => el.getAttribute('data-glyph')))).sort()).toEqual(['!', '~', '✗✗'].sort());

  // Open the inner claim from its highlight: every piece of it is outlined; the others are not.
  await article.highlight(inner).first().click();
  await expect(page.getByTestId('claim-detail')).toBeVisible();
  await expect(page.getByTestId('claim-detail').getByTestId('verdict-chip')).toHaveAttribute('data-glyph', '~');
  await expect(article.highlight(inner).first()).toHaveAttribute('data-active', 'true');
  const active = await styleOf(article.highlight(inner));
  expect(active.outlineStyle).toBe('solid');
  expect(parseFloat(active.outlineWidth)).toBeGreaterThanOrEqual(2);
  expect((await styleOf(article.highlight(outer))).outlineStyle).toBe('none');
  await expect(article.text.locator(`[data-badge-for="${inner}"]`)).toHaveAttribute('data-active', 'true');
  await page.screenshot({ path: path.join(ARTIFACTS, 'highlights-overlap.png') });
  await article.text.screenshot({ path: path.join(ARTIFACTS, 'highlights-overlap-text.png') });

  // Clicking the badge opens its claim too.
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  await article.text.locator(`[data-badge-for="${crossing}"]`).click();
  await expect(article.highlight(crossing).first()).toHaveAttribute('data-active', 'true');

  // The focused article text has a visible focus ring.
  await article.text.focus();
  await expect(article.text).toBeFocused();
  const ring = await styleOf(article.text);
  expect(ring.outlineStyle).toBe('solid');
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
  await article.text.screenshot({ path: path.join(ARTIFACTS, 'highlights-focus.png') });

  // Clean up: the claims were made through the API.
  article.created.push(outer, inner, crossing);
});

test('a two-part claim highlights both parts with one id; either opens it; the list says so', async ({ page }) => {
  await signIn(page, 'editor');
  const articleId = await importArticle(page, `Two-part highlight ${Date.now()}`, TEXT);
  const { article: meta } = (await (await page.request.get(`/api/articles/${articleId}?fields=meta`)).json()) as { article: { revision: number } };
  const first = 'unemployment fell to four percent';
  const second = 'exports doubled since 2019';
  const id = await claimOn(page, articleId, meta.revision, first);
  const { claim } = (await (await page.request.get(`/api/claims/${id}`)).json()) as { claim: { version: number } };
  const a = TEXT.indexOf(first);
  const b = TEXT.indexOf(second);
  const anchored = await page.request.put(`/api/claims/${id}/anchor`, {
    data: { version: claim.version, revision: meta.revision, parts: [{ start: a, end: a + first.length }, { start: b, end: b + second.length }] },
  });
  expect(anchored.status()).toBe(200);

  const article = new ArticlePage(page);
  article.created.push(id);
  await article.open(articleId);
  await expect(article.highlight(id)).toHaveCount(2);
  await expect(article.highlight(id).first()).toHaveText(first);
  await expect(article.highlight(id).last()).toHaveText(second);
  await expect(article.highlight(id).last()).toHaveAttribute('data-part', '2/2');
  await expect(article.text.locator(`[data-badge-for="${id}"]`)).toHaveCount(2);
  const row = article.listItems().filter({ hasText: first });
  await expect(row.getByTestId('claim-parts-count')).toHaveText('· 2 parts');
  await expect(row).toContainText(`${first} … ${second}`);

  // The second part opens the claim and both parts are marked as open.
  await article.highlight(id).last().click();
  await expect(page.getByTestId('claim-detail')).toBeVisible();
  for (const part of await article.highlight(id).all()) await expect(part).toHaveAttribute('data-active', 'true');
  await page.screenshot({ path: path.join(ARTIFACTS, 'highlights-two-parts.png') });
});

test('demo article: a screenshot of the highlights for people to look at', async ({ page }) => {
  await signIn(page, 'reviewer');
  const article = new ArticlePage(page);
  await article.open(await demoArticleId(page));
  await expect(article.text.locator('.claim-badge').first()).toBeVisible();
  await article.text.screenshot({ path: path.join(ARTIFACTS, 'highlights-demo.png') });
});
