import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { sampleDocx } from '../lib/import/fixtures/make-docx';
import { ARTIFACTS, expect, signIn, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * Importing an article in two steps: bring it in (paste, upload, web address) → check the
 * extracted title, metadata and structure → import. Pages come from the local `web` fixture server.
 */

const STEP_1 = 'Step 1 of 2: Bring the article in';
const STEP_2 = 'Step 2 of 2: Check before saving';

async function openImport(page: Page): Promise<Locator> {
  if (new URL(page.url()).pathname !== '/articles') await page.goto('/articles');
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an article' });
  await expect(dialog.getByRole('heading', { name: STEP_1 })).toBeFocused();
  return dialog;
}

/** Picks one of step 1's cards by clicking it, as a mouse user would. */
async function chooseSource(dialog: Locator, name: 'Paste' | 'Upload a file' | 'From a web address'): Promise<void> {
  await dialog.getByText(name, { exact: true }).click();
  await expect(dialog.getByRole('radio', { name })).toBeChecked();
}

/** A real paste event carrying the clipboard's text/html and text/plain, as a browser fires it. */
async function pasteRichText(dialog: Locator, html: string, text: string): Promise<void> {
  await dialog.getByTestId('import-paste-area').evaluate(
    (area, data) => {
      const clipboard = new DataTransfer();
      clipboard.setData('text/html', data.html);
      clipboard.setData('text/plain', data.text);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** The error shown for a field: the last id its aria-describedby names. */
async function fieldError(page: Page, field: Locator): Promise<Locator> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  return page.locator(`[id="${ids.at(-1)}"]`);
}

async function continueToReview(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('heading', { name: STEP_2 })).toBeFocused();
}

async function claimQuotes(page: Page, articleId: string): Promise<string[]> {
  const body = (await (await page.request.get(`/api/articles/${articleId}/claims`)).json()) as { claims: Array<{ quote: { exact: string } }> };
  return body.claims.map((c) => c.quote.exact);
}

const RICH_HTML =
  '<meta charset="utf-8"><h2 style="color:red" onclick="alert(1)">Budget grew</h2><p>The council said the budget grew by <b>12 percent</b>, as <a href="https://example.org/report" onmouseover="alert(2)">the report</a> shows.</p><script>alert(3)</script><ul><li>Roads</li><li>Schools</li></ul><p><img src="x" onerror="alert(4)" alt="A chart of the budget">Critics disputed the figure.</p>';
const RICH_TEXT = 'Budget grew\nThe council said the budget grew by 12 percent, as the report shows.\nRoads\nSchools\nCritics disputed the figure.';

test.describe('importing an article', () => {
  test('an editor pastes rich text, checks it, imports it, and marks a claim across a heading and a paragraph', async ({ page, article }) => {
    await signIn(page, 'editor');
    const dialog = await openImport(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const textField = dialog.getByLabel('Article text');
    await expect(await fieldError(page, textField)).toHaveText('Paste or type the article text.');

    await pasteRichText(dialog, RICH_HTML, RICH_TEXT);
    // Only a text excerpt is shown: the pasted HTML never becomes part of the page.
    await expect(dialog.getByTestId('import-pasted')).toContainText('Budget grew');
    await expect(dialog.getByTestId('import-paste-area').locator('*')).toHaveCount(0);
    await expect(textField).toBeDisabled();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step1-paste.png') });

    await continueToReview(dialog);
    const preview = dialog.getByTestId('import-preview');
    await expect(preview.locator('h2')).toHaveText('Budget grew');
    await expect(preview.locator('h2')).toHaveAttribute('dir', 'auto');
    await expect(preview.locator('a[href="https://example.org/report"]')).toHaveText('the report');
    await expect(preview.locator('li')).toHaveText(['Roads', 'Schools']);
    await expect(preview.locator('script, img, [onclick], [onmouseover]')).toHaveCount(0);
    await expect(preview).toContainText('A chart of the budget');
    await expect(dialog.getByTestId('import-stats')).toContainText('1 heading · 1 link');
    // Links are shown, never followed from the preview.
    await preview.getByRole('link', { name: 'the report' }).click();
    await expect(page).toHaveURL(/\/articles$/);

    // Nothing was created yet; the title is required before anything is.
    await dialog.getByRole('button', { name: 'Import article' }).click();
    const title = dialog.getByLabel('Title');
    await expect(await fieldError(page, title)).toHaveText('Title is required.');
    const name = `Pasted budget story ${Date.now()}`;
    await title.fill(name);
    await dialog.getByLabel('Outlet').fill('The Daily Example');

    // Back keeps the paste; coming back keeps what was typed in step 2.
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(dialog.getByRole('heading', { name: STEP_1 })).toBeFocused();
    await expect(dialog.getByTestId('import-pasted')).toContainText('Budget grew');
    await continueToReview(dialog);
    await expect(dialog.getByLabel('Title')).toHaveValue(name);
    await expect(dialog.getByLabel('Outlet')).toHaveValue('The Daily Example');
    await expect(dialog.getByTestId('import-preview-title')).toHaveText(name);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step2-review.png') });

    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    const articleId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(article.text.locator('h2')).toHaveText('Budget grew');
    await expect(article.text.locator('a[href="https://example.org/report"]')).toHaveText('the report');
    await expect(article.text.locator('ul > li')).toHaveCount(2);

    // A claim from the heading into the next paragraph: the quote joins the blocks as the canonical text does.
    await article.markClaim('grewThe council said');
    await expect.poll(() => claimQuotes(page, articleId)).toEqual(['grew\n\nThe council said']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-pasted-article-claim.png') });
  });

  test('an editor pastes Persian plain text; the title and paragraphs run right to left', async ({ page, article }) => {
    await signIn(page, 'editor');
    const dialog = await openImport(page);
    await dialog.getByLabel('Article text').fill('رئیس‌جمهور گفت تورم به ۱۰ درصد رسید 📈.\n\nمنتقدان این رقم را رد کردند. The IMF disagreed.');
    await continueToReview(dialog);
    const title = `گزارش تورم ${Date.now()}`;
    await dialog.getByLabel('Title').fill(title);
    await expect(dialog.getByLabel('Title')).toHaveAttribute('dir', 'rtl');
    await expect(dialog.getByTestId('import-preview-title')).toHaveAttribute('dir', 'rtl');
    await dialog.getByLabel('Language').fill('fa');
    const paragraphs = dialog.getByTestId('import-preview').locator('p');
    await expect(paragraphs).toHaveCount(2);
    expect(await paragraphs.evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction))).toEqual(['rtl', 'rtl']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step2-rtl.png') });
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(article.text).toHaveAttribute('lang', 'fa');
    const quote = 'تورم به ۱۰ درصد رسید 📈';
    const claimId = await article.markClaim(quote);
    await article.expectHighlighted(claimId, quote);
    await expect(page.getByTestId('claim-quote')).toHaveText(quote);
  });

  test('an editor uploads a Markdown file and a Word document; other files are refused with a clear message', async ({ page }) => {
    await signIn(page, 'editor');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-'));
    const binary = path.join(dir, 'photo.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n%âãÏÓ\n');
    let dialog = await openImport(page);
    await chooseSource(dialog, 'Upload a file');
    const fileInput = page.getByTestId('article-file');
    for (const [file, message] of [
      [binary, /That file is not plain text/],
      [pdf, /pdf|PDF/],
    ] as const) {
      await fileInput.setInputFiles(file);
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await expect(await fieldError(page, fileInput)).toHaveText(message);
      await expect(dialog.getByRole('heading', { name: STEP_1 })).toBeVisible();
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step1-file-error.png') });

    // Markdown: headings, lists, quote and link; title, author and date from its front matter.
    await fileInput.setInputFiles(path.join(__dirname, 'fixtures', 'web', 'sample.md'));
    await expect(dialog.getByTestId('import-file-name')).toContainText('sample.md');
    await continueToReview(dialog);
    await expect(dialog.getByLabel('Title')).toHaveValue('Council approves the river bridge');
    await expect(dialog.getByLabel('Author')).toHaveValue('Dana Reporter');
    await expect(dialog.getByLabel('Published on')).toHaveValue('2026-03-12');
    const preview = dialog.getByTestId('import-preview');
    await expect(preview.locator('h2')).toHaveText('What the mayor said');
    await expect(preview.locator('blockquote')).toContainText('40 million euros');
    await expect(preview.locator('a[href="https://example.org/minutes"]')).toHaveText('the minutes');
    await expect(dialog.getByTestId('import-warnings')).toContainText('table');
    await dialog.getByLabel('Title').fill(`Bridge (Markdown) ${Date.now()}`);
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    let text = new ArticlePage(page).text;
    await expect(text.locator('h2')).toHaveText('What the mayor said');
    await expect(text.locator('ul li').first()).toContainText('Construction starts in');
    await expect(text.locator('strong')).toHaveText('7 to 2');

    // Word: title and author from its properties; lists, quote, link and notes.
    dialog = await openImport(page);
    await chooseSource(dialog, 'Upload a file');
    await page.getByTestId('article-file').setInputFiles({ name: 'bridge.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await sampleDocx() });
    await continueToReview(dialog);
    await expect(dialog.getByLabel('Title')).toHaveValue('Council approves the river bridge');
    await expect(dialog.getByLabel('Author')).toHaveValue('Dana Reporter');
    await expect(dialog.getByTestId('import-preview').locator('ol li')).toContainText(['First vote', 'Second vote']);
    await expect(dialog.getByTestId('import-warnings')).toContainText('Notes');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step2-docx.png') });
    await dialog.getByLabel('Title').fill(`Bridge (Word) ${Date.now()}`);
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    text = new ArticlePage(page).text;
    await expect(text.locator('blockquote')).toContainText('40 million euros');
    await expect(text.locator('ol li')).toContainText(['First vote', 'Second vote']);
    await expect(text.locator('a[href="https://example.org/minutes"]')).toHaveText('the minutes');
  });

  test('an editor imports a web page by its address, with its metadata filled in', async ({ page, web }) => {
    await signIn(page, 'editor');
    const dialog = await openImport(page);
    await chooseSource(dialog, 'From a web address');
    const url = `${web.origin}/news/story.html`;
    await dialog.getByLabel('Web address', { exact: true }).fill(url);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step1-url.png') });
    await continueToReview(dialog);
    await expect(dialog.getByLabel('Title')).toHaveValue('Council approves the river bridge after a long debate');
    await expect(dialog.getByLabel('Outlet')).toHaveValue('The Daily Example');
    await expect(dialog.getByLabel('Author')).toHaveValue('Dana Reporter, Sam Editor');
    await expect(dialog.getByLabel('Published on')).toHaveValue('2026-03-12');
    await expect(dialog.getByLabel('Language')).toHaveValue('en-GB');
    await expect(dialog.getByLabel('Original URL')).toHaveValue(url);
    await expect(dialog.getByLabel('Original URL')).toHaveAttribute('readonly', '');
    await expect(dialog.getByTestId('import-warnings')).toContainText('2 images dropped');
    const preview = dialog.getByTestId('import-preview');
    await expect(preview).toContainText('The city council voted 7 to 2');
    await expect(preview).not.toContainText('Politics');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step2-url.png') });
    const title = `Council approves the river bridge ${Date.now()}`;
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Import article' }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(new ArticlePage(page).text).toContainText('The city council voted 7 to 2');
  });

  test('bad input gets its message next to the field, and nothing is created', async ({ page, web }) => {
    await signIn(page, 'editor');
    const created: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/articles') created.push(r.url());
    });
    await web.setPage('/data.json', '{"figures": [1, 2, 3]}', 'application/json');
    const dialog = await openImport(page);

    await dialog.getByLabel('Article text').fill('   \n\n   ');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(await fieldError(page, dialog.getByLabel('Article text'))).toHaveText(/No article text found/);

    await chooseSource(dialog, 'From a web address');
    const address = dialog.getByLabel('Web address', { exact: true });
    for (const [url, message] of [
      ['http://127.0.0.1:9/closed-port', /.+/],
      [`${web.origin}/__loop`, /redirect/i],
      [`${web.origin}/data.json`, /HTML|web page/i],
      ['ftp://example.org/story', /http:\/\/ or https:\/\//],
    ] as const) {
      await address.fill(url);
      await dialog.getByRole('button', { name: 'Continue' }).click();
      const error = await fieldError(page, address);
      await expect(error).toHaveText(message);
      await expect(dialog.getByRole('heading', { name: STEP_1 })).toBeVisible();
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-step1-url-error.png') });
    expect(created).toEqual([]);
  });

  test('reviewers and viewers cannot import', async ({ page }) => {
    await signIn(page, 'reviewer');
    await expect(page.getByRole('button', { name: 'New article' })).toHaveCount(0);
    const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string }> };
    const workspaceId = workspaces[0]!.id;
    expect((await page.request.post('/api/articles', { data: { workspaceId, title: 'x', text: 'y' } })).status()).toBe(403);
    expect((await page.request.post('/api/imports/preview', { data: { workspaceId, format: 'text', text: 'y' } })).status()).toBe(403);
    const upload = await page.request.post(`/api/imports/preview?workspaceId=${workspaceId}`, { multipart: { workspaceId, file: { name: 'a.md', mimeType: 'text/markdown', buffer: Buffer.from('# A') } } });
    expect(upload.status()).toBe(403);
  });
});
