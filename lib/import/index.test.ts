import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import { makeDocx, sampleDocx } from './fixtures/make-docx';
import { convertImport, firstHeadingText, importFormatOfFile } from './index';
import { convertPlainText } from './plain-text';
import { ImportError, MAX_IMPORT_BYTES } from './types';

const fixture = (path: string) => readFileSync(new URL(`../../e2e/fixtures/web/${path}`, import.meta.url), 'utf8');

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const PERSIAN = 'شورای شهر روز سه‌شنبه بودجهٔ پل را تصویب کرد.\u200F نرخ بیکاری (Statistics Centre) ۵٫۱ درصد است.';

describe('convertImport', { timeout: 30_000 }, () => {
  it('gives every format the same document for the same article', async () => {
    const expected = checkArticleDoc({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Bridge' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The council voted ' }, { type: 'text', text: '7 to 2', marks: [{ type: 'bold' }] }, { type: 'text', text: '.' }] },
      ],
    }).doc;
    const results = await Promise.all([
      convertImport({ format: 'markdown', text: '# Bridge\n\nThe council voted **7 to 2**.' }),
      convertImport({ format: 'rich-text', html: '<meta charset="utf-8"><h1>Bridge</h1><p>The council voted <b>7 to 2</b>.</p>' }),
      convertImport({ format: 'html', html: '<h1>Bridge</h1><p>The council voted <strong>7 to 2</strong>.</p>' }),
      convertImport({ format: 'docx', data: await makeDocx({ blocks: [{ kind: 'p', style: 'Heading1', runs: ['Bridge'] }, { kind: 'p', runs: ['The council voted ', { text: '7 to 2', bold: true }, '.'] }] }) }),
    ]);
    for (const result of results) {
      expect(result.doc).toEqual(expected);
      expect(result.text).toBe('Bridge\n\nThe council voted 7 to 2.');
      expect(result.metadata.title).toBe('Bridge'); // first h1 when nothing else names it
    }
  });

  it('plain text: today’s paragraphs and line breaks', async () => {
    const result = await convertImport({ format: 'text', text: '\uFEFFFirst line\nsecond line\n\n\n  Indented para  \n' });
    expect(result.text).toBe('First line\nsecond line\n\n  Indented para');
    expect(result.doc).toEqual(plainTextToDocJson('First line\nsecond line\n\n\n  Indented para  \n'));
    expect(jsonDocToText(convertPlainText('a\u0000b\u0007c'))).toBe('abc');
  });

  it('rich text falls back to the clipboard’s plain text when its HTML is useless', async () => {
    const result = await convertImport({ format: 'rich-text', html: '<img src="x.png"><span> </span>', text: 'Plain one\n\nPlain two' });
    expect(result.text).toBe('Plain one\n\nPlain two');
    expect(result.warnings).toEqual([]);
  });

  it('url: metadata and warnings', async () => {
    const result = await convertImport({ format: 'url', html: fixture('news/story.html'), url: 'https://daily.example/news/story' });
    expect(result.format).toBe('url');
    expect(result.metadata.byline).toBe('Dana Reporter, Sam Editor');
    expect(result.warnings.some((warning) => /images? dropped/.test(warning))).toBe(true);
  });

  it('docx: notes warning', async () => {
    const result = await convertImport({ format: 'docx', data: await sampleDocx() });
    expect(result.warnings).toContain('2 footnotes or endnotes kept as text under "Notes" at the end, with "[1]"-style markers in the text.');
  });

  it.each([
    ['text', { format: 'text' as const, text: PERSIAN }],
    ['rich-text', { format: 'rich-text' as const, html: `<p dir="rtl">${PERSIAN}</p>` }],
    ['markdown', { format: 'markdown' as const, text: PERSIAN }],
    ['html', { format: 'html' as const, html: `<!DOCTYPE html><html lang="fa" dir="rtl"><body><p>${PERSIAN}</p></body></html>` }],
  ])('keeps Persian text, RLM and ZWNJ unchanged (%s)', async (_, input) => {
    expect((await convertImport(input)).text).toBe(PERSIAN);
  });

  it('keeps Persian text unchanged (docx, url)', async () => {
    expect((await convertImport({ format: 'docx', data: await makeDocx({ blocks: [{ kind: 'p', rtl: true, runs: [PERSIAN] }] }) })).text).toBe(PERSIAN);
    const url = await convertImport({ format: 'url', html: fixture('fa/story.html'), url: 'https://fa.example/1' });
    expect(url.text).toContain('می‌شود');
    expect(url.metadata.language).toBe('fa');
  });

  it.each([
    [{ format: 'text' as const, text: '  \n\n ' }, 'No article text found in the text.'],
    [{ format: 'markdown' as const, text: '---\n\n<img src="x.png">\n\n***' }, 'No article text found in the Markdown file.'],
    [{ format: 'html' as const, html: '<script>alert(1)</script><style>p{}</style>' }, 'No article text found in the HTML file.'],
    [{ format: 'rich-text' as const, html: '<img src="x">' }, 'No article text found in the pasted content.'],
    [{ format: 'url' as const, html: '<html><body><script>render()</script></body></html>', url: 'https://spa.example/' }, 'No article text found in the page (it may need JavaScript or a login to show its text).'],
  ])('refuses an empty result %#', async (input, message) => {
    const error = await refusal(() => convertImport(input));
    expect(error.reason).toBe('empty');
    expect(error.message).toBe(message);
  });

  it('refuses an empty Word document', async () => {
    const error = await refusal(async () => convertImport({ format: 'docx', data: await makeDocx({ blocks: [{ kind: 'p', runs: ['   '] }] }) }));
    expect(error).toMatchObject({ reason: 'empty', message: 'No article text found in the Word document.' });
  });

  it('refuses input over the size limit, in bytes', async () => {
    const big = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1); // 2 bytes each in UTF-8
    expect((await refusal(() => convertImport({ format: 'text', text: big }))).reason).toBe('too-large');
    expect((await refusal(() => convertImport({ format: 'docx', data: new Uint8Array(MAX_IMPORT_BYTES + 1) }))).reason).toBe('too-large');
  });

  it('refuses a corrupt .docx', async () => {
    const error = await refusal(() => convertImport({ format: 'docx', data: new TextEncoder().encode('PK not really') }));
    expect(error).toMatchObject({ reason: 'corrupt', message: 'This .docx file is damaged or is not a Word document.' });
  });

  it('refuses a document nested too deeply for the schema with a message', async () => {
    const error = await refusal(() => convertImport({ format: 'html', html: '<blockquote>'.repeat(80) + 'deep' + '</blockquote>'.repeat(80) }));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/nested deeper/);
  });
});

describe('firstHeadingText', { timeout: 30_000 }, () => {
  it('reads the first level-1 heading only', () => {
    expect(firstHeadingText({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'two' }] }, { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'one' }, { type: 'hardBreak' }, { type: 'text', text: 'more' }] }] })).toBe('one more');
    expect(firstHeadingText({ type: 'doc', content: [] })).toBe('');
  });
});

describe('importFormatOfFile', { timeout: 30_000 }, () => {
  it.each([
    ['story.txt', 'text/plain', 'text'],
    ['Story.MD', '', 'markdown'],
    ['notes.markdown', 'application/octet-stream', 'markdown'],
    ['page.htm', 'text/html', 'html'],
    ['page.html', '', 'html'],
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['no-extension', 'text/markdown; charset=utf-8', 'markdown'],
  ])('%s (%s) → %s', (name, type, format) => expect(importFormatOfFile(name, type)).toBe(format));

  it.each([
    ['old.doc', /save it as \.docx/],
    ['scan.pdf', /PDF files are not accepted/],
    ['letter.rtf', /RTF files are not accepted/],
    ['photo.jpg', /Import a \.txt, \.md, \.markdown, \.html, \.htm or \.docx file/],
    ['archive', /not a supported file type/],
  ])('refuses %s', (name, message) => {
    let error: unknown;
    try {
      importFormatOfFile(name, 'application/octet-stream');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe('unsupported');
    expect((error as ImportError).message).toMatch(message);
  });
});
