import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { convertDocx, coreProperties, rewriteNotes } from './docx';
import { makeDocx, sampleDocx } from './fixtures/make-docx';
import { ImportError } from './types';

function blocks(doc: JSONContent): string[] {
  return (doc.content ?? []).map((block) => `${block.type}${block.attrs?.level ? block.attrs.level : ''}`);
}

function hrefs(node: JSONContent, out: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) hrefs(child, out);
  return out;
}

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('convertDocx', { timeout: 30_000 }, () => {
  it('keeps headings, quotes, lists, links, bold/italic and notes as text', async () => {
    const { doc, metadata, notes } = await convertDocx(await sampleDocx());
    expect(blocks(doc)).toEqual(['heading1', 'paragraph', 'heading1', 'blockquote', 'bulletList', 'orderedList', 'paragraph', 'heading2', 'orderedList']);
    const checked = checkArticleDoc(doc);
    expect(checked.text).toBe(
      [
        'Council approves the river bridge',
        'The city council voted 7 to 2 on Tuesday to fund the bridge, according to the minutes.[1]',
        'What the mayor said',
        '“The bridge will cost 40 million euros,” the mayor said.',
        'Construction starts in May',
        'It takes two years[2]',
        'First vote',
        'Second vote',
        'Unemployment fell to 4 percent last year, the mayor added.',
        'Notes',
        'Minutes of the council meeting, 12 March 2026.',
        'The contractor estimates 22 months.',
      ].join('\n\n'),
    );
    expect(hrefs(doc)).toEqual(['https://example.org/minutes']);
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"bold"}]');
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"italic"}]');
    expect(JSON.stringify(doc)).not.toContain('↑');
    expect(notes).toBe(2);
    expect(metadata).toEqual({ title: 'Council approves the river bridge', byline: 'Dana Reporter', outlet: '', publishedOn: '2026-03-14', language: 'en-GB', canonicalUrl: null });
  });

  it('maps Subtitle, Intense Quote, nested lists, tables and images', async () => {
    const data = await makeDocx({
      blocks: [
        { kind: 'p', style: 'Subtitle', runs: ['A subtitle'] },
        { kind: 'p', style: 'IntenseQuote', runs: ['Intense'] },
        { kind: 'li', runs: ['outer'] },
        { kind: 'li', level: 1, runs: ['inner'] },
        { kind: 'table', rows: [['Item', 'Cost'], ['Bridge', '40 M']] },
        { kind: 'image', alt: 'A drawing of the bridge' },
        { kind: 'p', runs: [{ text: 'struck', strike: true }, ' and a ', { text: 'mail', link: 'mailto:desk@example.org' }, ' and ', { text: 'bad', link: 'javascript:alert(1)' }] },
      ],
    });
    const { doc, report } = await convertDocx(data);
    expect(blocks(doc)).toEqual(['heading2', 'blockquote', 'bulletList', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(doc.content![2]!.content![0]!.content![1]!.type).toBe('bulletList');
    const text = checkArticleDoc(doc).text;
    expect(text).toContain('Item | Cost\n\nBridge | 40 M');
    expect(text).toContain('A drawing of the bridge');
    expect(report.tablesFlattened).toBe(1);
    expect(report.imagesDropped).toBe(1);
    expect(hrefs(doc)).toEqual(['mailto:desk@example.org']);
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"strike"}]');
  });

  it('keeps a Persian document’s text and order', async () => {
    const persian = 'شورای شهر روز سه‌شنبه با هفت رأی موافق بودجهٔ پل را تصویب کرد (Statistics Centre: ۵٫۱ درصد).\u200F';
    const data = await makeDocx({ core: { language: 'fa-IR' }, blocks: [{ kind: 'p', style: 'Heading1', rtl: true, runs: ['پل جدید'] }, { kind: 'p', rtl: true, runs: [persian] }] });
    const { doc, metadata } = await convertDocx(data);
    expect(checkArticleDoc(doc).text).toBe(`پل جدید\n\n${persian}`);
    expect(metadata.language).toBe('fa-IR');
  });

  it('refuses a zip without word/document.xml, and a damaged file', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const notWord = await refusal(async () => convertDocx(await zip.generateAsync({ type: 'uint8array' })));
    expect(notWord.reason).toBe('corrupt');
    expect(notWord.message).toContain('no word/document.xml');
    const garbage = await refusal(() => convertDocx(new TextEncoder().encode('{\\rtf1 not a docx}')));
    expect(garbage.message).toBe('This .docx file is damaged or is not a Word document.');
  });

  it('refuses a document.xml that is not XML', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', '<<< not xml');
    const error = await refusal(async () => convertDocx(await zip.generateAsync({ type: 'uint8array' })));
    expect(error.reason).toBe('corrupt');
  });
});

describe('rewriteNotes', { timeout: 30_000 }, () => {
  it('drops back-links, adds a Notes heading and removes the empty lists mammoth writes', () => {
    const { html, notes } = rewriteNotes('<p>Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p> Note. <a href="#footnote-ref-1">↑</a></p></li></ol><dl></dl>');
    expect(notes).toBe(1);
    expect(html).toBe('<p>Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><h2>Notes</h2><ol><li id="footnote-1"><p> Note.</p></li></ol>');
  });

  it('leaves a document without notes alone', () => {
    expect(rewriteNotes('<p>a</p><ol></ol><dl></dl>')).toEqual({ html: '<p>a</p>', notes: 0 });
  });
});

describe('coreProperties', { timeout: 30_000 }, () => {
  it('reads title, creator, created and language', () => {
    const xml = '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title> A  title </dc:title><dc:creator>Ann</dc:creator><dcterms:created>2024-05-06T07:08:09Z</dcterms:created><dc:language>en_US</dc:language></cp:coreProperties>';
    expect(coreProperties(xml)).toEqual({ title: 'A title', byline: 'Ann', outlet: '', publishedOn: '2024-05-06', language: 'en-US', canonicalUrl: null });
  });

  it('gives empty metadata for broken XML', () => {
    expect(coreProperties('<not xml')).toEqual({ title: '', byline: '', outlet: '', publishedOn: null, language: null, canonicalUrl: null });
  });
});
