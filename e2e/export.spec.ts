import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { CLAIMREVIEW_DRAFT_LABEL, EXPORT_FORMATS, FORMAT_INFO, exportMenuEntries, type ExportFormat } from '../lib/export/formats';
import { PDF_EXPORT_LIMIT, pdfExportKey } from '../lib/export/pdf-quota';
import { ARTIFACTS, USERS, demoArticleId, expect, importArticle, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';
import { useUpAttempts } from './rate-limit-helpers';

const TITLE = 'Khamenei Says U.S. Created ISIS And Iran Defeated It';
const DEMO_CLAIMS = 7;
const DEMO_RATED_CLAIMS = 6;
const NOT_PUBLISHED = 'This fact-check is not published. Publish it first, or export a draft (draft=1).';
const ANNOTATION_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

function exportButton(page: Page) {
  return page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Export', exact: true });
}

/** The seeded, already published demo fact-check (db/seed/city-budget.ts). */
async function publishedDemoArticleId(page: Page): Promise<string> {
  await page.goto('/articles');
  const href = await page.getByRole('link', { name: /Riverton council approves/ }).getAttribute('href');
  if (!href) throw new Error('Published demo article link not found');
  return href.split('/').pop()!;
}

async function articleStatus(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/api/articles/${id}?fields=meta`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { article: { status: string } }).article.status;
}

/** Export → menu item through the menu; the downloaded file, saved under the test's output folder. */
async function exportFromMenu(page: Page, format: ExportFormat, testInfo: TestInfo, label = FORMAT_INFO[format].label): Promise<{ file: string; name: string }> {
  const downloading = page.waitForEvent('download');
  await exportButton(page).click();
  await page.getByRole('menuitem', { name: label }).click();
  const download = await downloading;
  const name = download.suggestedFilename();
  const file = testInfo.outputPath(name);
  await download.saveAs(file);
  return { file, name };
}

/** Data rows of an RFC 4180 CSV (quoted fields may hold line breaks). */
function csvRecords(csv: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return records;
}

/** Page 1 of a PDF as PNG (for people) and the share of its pixels with ink (for the assertion). */
function rasterizeFirstPage(pdfFile: string): { png: string; inkRatio: number } {
  const prefix = pdfFile.replace(/\.pdf$/, '-page1');
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  // The same page as 8-bit greyscale PGM: a header and one byte per pixel, simple to read.
  execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write an 8-bit PGM');
  const pixels = pgm.subarray(header[0].length);
  expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return { png: `${prefix}.png`, inkRatio: ink / pixels.length };
}

test.describe('export', () => {
  test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  test('a reviewer exports every format from the Export menu', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    // The demo article is not published: ClaimReview comes only as a draft.
    expect(await articleStatus(page, id)).not.toBe('published');
    await new ArticlePage(page).open(id);

    await exportButton(page).click();
    const menu = page.getByRole('menu');
    const entries = exportMenuEntries('in_review');
    await expect(menu.getByRole('menuitem')).toHaveText(entries.map((e) => new RegExp(e.label.replace(/[()]/g, '\\$&'))));
    // The real ClaimReview says it needs publication and cannot be chosen; the draft can.
    const claimReviewItem = menu.getByTestId('export-claimreview');
    await expect(claimReviewItem).toContainText('needs publication');
    await expect(claimReviewItem).toHaveAttribute('aria-disabled', 'true');
    await expect(menu.getByTestId('export-claimreview-draft')).toHaveText(new RegExp(CLAIMREVIEW_DRAFT_LABEL.replace(/[()]/g, '\\$&')));
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-menu.png') });
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    const downloads = {} as Record<ExportFormat, { file: string; name: string }>;
    for (const format of EXPORT_FORMATS) {
      const draft = format === 'claimreview';
      downloads[format] = await exportFromMenu(page, format, testInfo, draft ? CLAIMREVIEW_DRAFT_LABEL : FORMAT_INFO[format].label);
      const { extension, fileSuffix } = FORMAT_INFO[format];
      expect(downloads[format].name).toMatch(new RegExp(`^claimdesk-demo-\\d{4}-\\d{2}-\\d{2}${fileSuffix}${draft ? '-draft' : ''}\\.${extension}$`));
    }
    const text = (format: ExportFormat) => readFileSync(downloads[format].file, 'utf8');

    const json = JSON.parse(text('json')) as { format: string; audience: string; article: { title: string }; claims: Array<{ id: string; number: number; finalVerdict: unknown }> };
    expect(json.format).toBe('claimdesk-report');
    expect(json.audience).toBe('internal');
    expect(json.article.title).toBe(TITLE);
    expect(json.claims).toHaveLength(DEMO_CLAIMS);
    // Stable numbers (creation order), listed in text order.
    const numbers = json.claims.map((c) => c.number);
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const html = text('html');
    expect(html).toContain(TITLE);
    expect(html).not.toMatch(/<script/i);
    for (const n of numbers) expect(html).toContain(`id="claim-${n}"`);
    expect(html).not.toContain('id="claim-8"');

    expect(text('md')).toMatch(new RegExp(`^# Fact-check report: ${TITLE.replace(/\./g, '\\.')}`));

    const [header, ...rows] = csvRecords(text('csv').replace(/^\uFEFF/, ''));
    expect(header?.slice(0, 4)).toEqual(['number', 'id', 'quote', 'claim']);
    expect(header).toEqual(expect.arrayContaining(['excluded_reason', 'source_visibility', 'right_of_reply']));
    expect(rows.map((r) => r[0])).toEqual(numbers.map(String));
    expect(rows.map((r) => r[1])).toEqual(json.claims.map((c) => c.id));

    const w3c = JSON.parse(text('w3c')) as { type: string; total: number; first: { items: Array<{ id: string }> } };
    expect(w3c.type).toBe('AnnotationCollection');
    expect(w3c.total).toBe(DEMO_CLAIMS);
    expect(w3c.first.items).toHaveLength(DEMO_CLAIMS);
    for (const annotation of w3c.first.items) expect(new URL(annotation.id).pathname).toMatch(/^\/annotations\/[0-9a-f-]{36}$/);

    const reviews = JSON.parse(text('claimreview')) as Array<{ '@type': string; creativeWorkStatus?: string; datePublished?: string }>;
    expect(reviews).toHaveLength(DEMO_RATED_CLAIMS);
    expect(reviews.every((r) => r['@type'] === 'ClaimReview' && r.creativeWorkStatus === 'Draft' && r.datePublished === undefined)).toBe(true);

    const pdf = readFileSync(downloads.pdf.file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const report = rasterizeFirstPage(downloads.pdf.file);
    copyFileSync(report.png, path.join(ARTIFACTS, 'report-page-1.png'));
    // A blank A4 page rendered the same way: the report must carry real ink, the blank none.
    const blankPdf = testInfo.outputPath('blank.pdf');
    const blankPage = await page.context().newPage();
    await blankPage.setContent('<!doctype html><title>blank</title>');
    writeFileSync(blankPdf, await blankPage.pdf({ format: 'A4' }));
    await blankPage.close();
    const blank = rasterizeFirstPage(blankPdf);
    expect(blank.inkRatio).toBeLessThan(0.001);
    expect(report.inkRatio).toBeGreaterThan(0.02);
    expect(readFileSync(report.png).length).toBeGreaterThan(3 * readFileSync(blank.png).length);

    // How the HTML report looks in a browser, for people to review.
    const viewer = await page.context().newPage();
    await viewer.setViewportSize({ width: 1100, height: 900 });
    await viewer.setContent(html);
    await viewer.screenshot({ path: path.join(ARTIFACTS, 'report-html.png'), fullPage: true });
    await viewer.close();
  });

  test('the menu works with the keyboard', async ({ page }) => {
    await signIn(page, 'reviewer');
    await new ArticlePage(page).open(await demoArticleId(page));
    const trigger = exportButton(page);
    await expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');

    await trigger.focus();
    await page.keyboard.press('Enter');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const items = page.getByRole('menu').getByRole('menuitem');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(items.first()).toBeFocused();
    const axe = await new AxeBuilder({ page }).include('[role="toolbar"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');

    // Space opens it too, and Enter on an item downloads that format.
    await page.keyboard.press(' ');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(2)).toBeFocused();
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await downloading).suggestedFilename()).toMatch(/\.md$/);
  });

  test('shows progress while the PDF renders, and errors instead of downloading them', async ({ page }) => {
    await signIn(page, 'reviewer');
    await new ArticlePage(page).open(await demoArticleId(page));

    // Hold the PDF response until the progress indicator has been checked.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/export?format=pdf', async (route) => {
      await held;
      await route.continue();
    });
    const downloading = page.waitForEvent('download');
    await exportButton(page).click();
    await page.getByRole('menuitem', { name: FORMAT_INFO.pdf.label }).click();
    const status = page.getByRole('status').filter({ hasText: 'Rendering PDF…' });
    await expect(status).toBeVisible();
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(exportButton(page)).toBeDisabled();
    release();
    expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
    await expect(status).toHaveCount(0);
    await expect(exportButton(page)).toBeEnabled();
    await page.unroute('**/export?format=pdf');

    // A server without Chromium answers 503 with a message: it is shown, nothing is downloaded.
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.route('**/export?format=pdf', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'PDF export is unavailable: no Chromium executable at /usr/bin/chromium.' } }) }),
    );
    await exportButton(page).click();
    await page.getByRole('menuitem', { name: FORMAT_INFO.pdf.label }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'PDF export is unavailable' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss export error' }).click();
    await expect(page.getByTestId('export-error')).toHaveCount(0);
    expect(downloaded).toBe(false);
  });

  test('ClaimReview follows publication: 409 for an unpublished article, dated markup for a published one', async ({ page }, testInfo) => {
    await signIn(page, 'reviewer');
    const demoId = await demoArticleId(page);
    const refused = await page.request.get(`/api/articles/${demoId}/export?format=claimreview`);
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(NOT_PUBLISHED);
    const draft = await page.request.get(`/api/articles/${demoId}/export?format=claimreview&draft=1`);
    expect(draft.status()).toBe(200);
    expect(draft.headers()['content-disposition']).toMatch(/-claimreview-draft\.jsonld"$/);
    expect((await page.request.get(`/api/articles/${demoId}/export?format=claimreview&draft=perhaps`)).status()).toBe(422);

    // The seeded published fact-check: the menu offers ClaimReview itself, and no draft.
    const publishedId = await publishedDemoArticleId(page);
    await new ArticlePage(page).open(publishedId);
    await exportButton(page).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByTestId('export-claimreview')).not.toHaveAttribute('aria-disabled', 'true');
    await expect(menu.getByTestId('export-claimreview')).not.toContainText('needs publication');
    await expect(menu.getByTestId('export-claimreview-draft')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    const { file, name } = await exportFromMenu(page, 'claimreview', testInfo);
    expect(name).toMatch(/-claimreview\.jsonld$/);
    const reviews = JSON.parse(readFileSync(file, 'utf8')) as Array<{ '@type': string; url: string; datePublished?: string; creativeWorkStatus?: string }>;
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review.creativeWorkStatus).toBeUndefined();
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.url).toMatch(/#claim-\d+$|\/claims\/\d+$/);
    }
  });

  test('W3C annotation ids dereference: public for a published fact-check, members only otherwise', async ({ page, request }) => {
    await signIn(page, 'reviewer');
    const publishedId = await publishedDemoArticleId(page);
    const demoId = await demoArticleId(page);
    const idsOf = async (articleId: string) =>
      ((await (await page.request.get(`/api/articles/${articleId}/export?format=w3c`)).json()) as { first: { items: Array<{ id: string }> } }).first.items.map((a) => a.id);

    // Published: anyone, signed out (the `request` fixture carries no session), gets the same annotation.
    const [publishedAnnotation] = await idsOf(publishedId);
    expect(publishedAnnotation).toBeDefined();
    const publicPath = new URL(publishedAnnotation!).pathname;
    const signedOut = await request.get(publicPath, { maxRedirects: 0 });
    expect(signedOut.status()).toBe(200);
    expect(signedOut.headers()['content-type']).toBe(ANNOTATION_CONTENT_TYPE);
    const annotation = (await signedOut.json()) as { '@context': string; id: string; type: string; target: { selector: Array<{ type: string }> } };
    expect(annotation).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: publishedAnnotation, type: 'Annotation' });
    expect(annotation.target.selector.map((s) => s.type)).toContain('TextQuoteSelector');

    // Unpublished: the signed-in member gets it; a signed-out visitor a 404 that reveals nothing.
    const [draftAnnotation] = await idsOf(demoId);
    const draftPath = new URL(draftAnnotation!).pathname;
    const member = await page.request.get(draftPath, { maxRedirects: 0 });
    expect(member.status()).toBe(200);
    expect(((await member.json()) as { id: string }).id).toBe(draftAnnotation);
    const hidden = await request.get(draftPath, { maxRedirects: 0 });
    expect(hidden.status()).toBe(404);
    const unknown = await request.get(`/annotations/${crypto.randomUUID()}`, { maxRedirects: 0 });
    expect(unknown.status()).toBe(404);
    expect(await hidden.text()).toBe(await unknown.text());
    expect((await request.get('/annotations/not-a-claim-id', { maxRedirects: 0 })).status()).toBe(404);
  });

  test('a two-part claim with a quoted passage in the exports: one W3C target per part, joined quote, passage links', async ({ page }) => {
    await signIn(page, 'editor');
    const text = ['The minister said unemployment fell to 4 percent last year.', 'Later he added that exports doubled since 2019.'].join('\n\n');
    const id = await importArticle(page, `Two parts ${Date.now()}`, text);
    const { article: meta } = (await (await page.request.get(`/api/articles/${id}?fields=meta`)).json()) as { article: { revision: number } };
    const first = 'unemployment fell to 4 percent';
    const second = 'exports doubled';
    const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const created = await page.request.post('/api/claims', { data: { articleId: id, revision: meta.revision, ...span(first) } });
    expect(created.status()).toBe(201);
    const { claim } = (await created.json()) as { claim: { id: string; version: number; number: number } };
    const anchored = await page.request.put(`/api/claims/${claim.id}/anchor`, { data: { version: claim.version, revision: meta.revision, parts: [span(first), span(second)] } });
    expect(anchored.status()).toBe(200);
    const passage = { excerpt: 'unemployment rose to 8.2%, year-on-year', excerptPrefix: 'In 2023', excerptSuffix: 'according to' };
    expect((await page.request.post(`/api/claims/${claim.id}/sources`, { data: { url: 'https://stats.example.org/jobs', title: 'Labour survey', isPublic: true, ...passage } })).status()).toBe(201);
    const exported = (format: ExportFormat) => page.request.get(`/api/articles/${id}/export?format=${format}`);

    const w3c = (await (await exported('w3c')).json()) as { first: { items: Array<{ target: unknown; body: unknown[] }> } };
    const [annotation] = w3c.first.items;
    const targets = annotation!.target as Array<{ type: string; selector: Array<{ type: string; exact?: string }> }>;
    expect(targets.map((t) => t.type)).toEqual(['SpecificResource', 'SpecificResource']);
    expect(targets.map((t) => t.selector.find((s) => s.type === 'TextQuoteSelector')?.exact)).toEqual([first, second]);
    expect(annotation!.body).toContainEqual({
      type: 'SpecificResource',
      source: 'https://stats.example.org/jobs',
      purpose: 'linking',
      selector: { type: 'TextQuoteSelector', exact: passage.excerpt, prefix: passage.excerptPrefix, suffix: passage.excerptSuffix },
    });

    const html = await (await exported('html')).text();
    expect(html).toContain(`<p>${first} … ${second}</p>`);
    expect(html.match(new RegExp(`data-claim="${claim.number}"`, 'g'))).toHaveLength(2);
    expect(html).toContain('href="https://stats.example.org/jobs#:~:text=In%202023-,unemployment%20rose%20to%208.2%25%2C%20year%2Don%2Dyear,-according%20to"');
    expect(await (await exported('md')).text()).toContain(`> ${first} … ${second}`);
    expect(await (await exported('csv')).text()).toContain(`${first} … ${second}`);
  });

  test('a viewer can export', async ({ page }, testInfo) => {
    await signIn(page, 'viewer');
    const id = await demoArticleId(page);
    await new ArticlePage(page).open(id);
    const { file } = await exportFromMenu(page, 'md', testInfo);
    expect(readFileSync(file, 'utf8')).toContain(TITLE);
    expect((await page.request.get(`/api/articles/${id}/export?format=json`)).status()).toBe(200);
  });

  test('the API refuses outsiders, signed-out users and unknown formats', async ({ page, browser, request }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);

    const response = await page.request.get(`/api/articles/${id}/export?format=csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="claimdesk-demo-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers()['cache-control']).toBe('no-store');

    const bad = await page.request.get(`/api/articles/${id}/export?format=docx`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('Unknown export format "docx". Valid formats: html, pdf, md, csv, json, w3c, claimreview.');
    expect((await page.request.get(`/api/articles/${id}/export`)).status()).toBe(400);
    expect((await page.request.get('/api/articles/no-such-article/export?format=md')).status()).toBe(404);

    expect((await request.get(`/api/articles/${id}/export?format=md`)).status()).toBe(401);

    const context = await browser.newContext();
    const outsider = await context.newPage();
    await signIn(outsider, 'outsider');
    const refused = await outsider.request.get(`/api/articles/${id}/export?format=md`);
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain(TITLE);
    await context.close();
  });
});

test.describe('export safeguards', () => {
  test('PDF exports are limited per user: the 11th in 10 minutes answers 429 with Retry-After, and the menu says why', async ({ page }) => {
    await signIn(page, 'reviewer2');
    const id = await demoArticleId(page);
    // One real render counts like any other; the other nine are counted straight in the database
    // (ten real renders starve the other worker's browser of CPU).
    expect((await page.request.get(`/api/articles/${id}/export?format=pdf`)).status()).toBe(200);
    await useUpAttempts(USERS.reviewer2, pdfExportKey, PDF_EXPORT_LIMIT, 9);
    const refused = await page.request.get(`/api/articles/${id}/export?format=pdf`);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers()['retry-after'])).toBeLessThanOrEqual(600);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    // Other formats are not limited.
    expect((await page.request.get(`/api/articles/${id}/export?format=html`)).status()).toBe(200);

    await new ArticlePage(page).open(id);
    await exportButton(page).click();
    await page.getByRole('menuitem', { name: FORMAT_INFO.pdf.label }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'You have exported 10 PDFs in the last 10 minutes' })).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-pdf-limit.png') });
  });

  test('exporting an unpublished article is written to the workspace security log, with who, what and the format', async ({ page, browser }) => {
    await signIn(page, 'viewer');
    const id = await demoArticleId(page);
    expect((await page.request.get(`/api/articles/${id}/export?format=csv`, { headers: { 'User-Agent': 'export-audit-check' } })).status()).toBe(200);

    const owner = await browser.newPage();
    await signIn(owner, 'owner');
    const workspaces = (await (await owner.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
    const workspaceId = workspaces.workspaces.find((w) => w.slug === 'demo-desk')!.id;
    const log = (await (await owner.request.get(`/api/workspaces/${workspaceId}/security-events?limit=200`)).json()) as { events: Array<{ type: string; detail: Record<string, unknown> | null; userAgent: string | null }> };
    const exported = log.events.find((e) => e.type === 'export_unpublished' && e.userAgent === 'export-audit-check');
    expect(exported?.detail).toEqual({ articleId: id, title: TITLE, format: 'csv' });
    await owner.close();
  });

  test('a deleted comment leaves “deleted by X” in the thread, the history and the JSON export — never its text', async ({ page }) => {
    await signIn(page, 'reviewer');
    const id = await demoArticleId(page);
    const article = new ArticlePage(page);
    await article.open(id);
    await article.listItems().first().click();
    const detail = page.getByTestId('claim-detail');
    await detail.getByRole('tab', { name: 'Discussion' }).click();
    const secret = `Off the record, my source is the cousin ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Add a comment' }).fill(secret);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comment = page.getByTestId('comment').filter({ hasText: secret });
    await expect(comment).toHaveCount(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await comment.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('comment-deleted').last()).toContainText('Comment deleted by Ana Souza');
    await expect(page.getByTestId('comment-thread')).not.toContainText(secret);

    await detail.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByTestId('history-entry').first()).toContainText('Ana Souza deleted a comment');
    await expect(page.getByTestId('claim-history')).not.toContainText('cousin');
    await page.screenshot({ path: path.join(ARTIFACTS, 'deleted-comment-history.png') });

    const json = await (await page.request.get(`/api/articles/${id}/export?format=json`)).text();
    expect(json).not.toContain('cousin');
    const report = JSON.parse(json) as { claims: Array<{ comments: Array<{ body: string; deleted: { by: { name: string } | null; at: string } | null }> }> };
    const deleted = report.claims.flatMap((c) => c.comments).filter((c) => c.deleted !== null);
    expect(deleted.at(-1)).toMatchObject({ body: '', deleted: { by: { name: 'Ana Souza' }, at: expect.any(String) } });
  });
});
