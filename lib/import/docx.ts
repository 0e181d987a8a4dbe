import type { JSONContent } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ExtractedMetadata } from '@/lib/domain/imports';
import { untrustedHtmlToDoc } from './html-to-doc';
import { EMPTY_METADATA, mergeMetadata } from './metadata';
import type { SanitizeReport } from './sanitize';
import { ImportError } from './types';
import { DAMAGED_DOCX_MESSAGE, inspectZip } from './zip-limits';

/**
 * .docx → article document: the zip is checked first (lib/import/zip-limits.ts: entry count,
 * declared and real unpacked sizes), then mammoth turns Word's structure into HTML (headings by
 * style name, lists, links, bold/italic, tables, footnotes/endnotes), which goes through the
 * sanitizer like any HTML. Footnote and endnote references become "[1]"-style text and the notes a
 * "Notes" list at the end; images are never read (their alt text is kept).
 */

export interface ConvertedDocx {
  doc: JSONContent;
  metadata: ExtractedMetadata;
  report: SanitizeReport;
  /** How many footnotes/endnotes were kept as text. */
  notes: number;
}

/** Word's built-in paragraph styles → HTML (mammoth already maps "Heading 1…6"). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
];

const DOCUMENT_PART = 'word/document.xml';
const CORE_PROPERTIES = 'docProps/core.xml';

export async function convertDocx(data: Uint8Array): Promise<ConvertedDocx> {
  // Every part but the images (never read), unpacked and checked: mammoth reads a zip rebuilt from
  // these, never the upload itself, so a part the check did not see (a second directory, a
  // trailing entry a lenient reader would pick up) cannot reach it.
  const zip = inspectZip(data, { keep: (name) => !name.startsWith('word/media/') });
  if (!zip.entries.some((entry) => entry.name === DOCUMENT_PART)) {
    throw new ImportError('This file is a zip archive but not a Word document (it has no word/document.xml). Save it as .docx from Word and try again.', 'corrupt');
  }
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: await rebuiltZip(zip.kept) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Never read image bytes (mammoth would inline them as data: URIs); only their alt text counts.
        convertImage: mammoth.images.imgElement(async () => {
          images += 1;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(DAMAGED_DOCX_MESSAGE, 'corrupt');
  }
  const { html: withNotes, notes } = rewriteNotes(html);
  const { doc, report } = untrustedHtmlToDoc(withNotes);
  // Images mammoth saw but the sanitizer never did (an image without alt text still counts).
  report.imagesDropped = Math.max(report.imagesDropped, images);
  const core = zip.kept.get(CORE_PROPERTIES);
  return { doc, metadata: core ? coreProperties(core.toString('utf8')) : { ...EMPTY_METADATA }, report, notes };
}

/**
 * mammoth writes a note reference as <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>
 * and the notes as a last <ol> of <li id="footnote-1">…<a href="#footnote-ref-1">↑</a></li>.
 * The reference keeps its "[1]" as plain text; the notes get a "Notes" heading and lose their
 * back-links; other fragment-only links (bookmarks) keep their text (the sanitizer drops "#…").
 */
export function rewriteNotes(html: string): { html: string; notes: number } {
  const fragment = JSDOM.fragment(html);
  const doc = fragment.ownerDocument;
  for (const link of Array.from(fragment.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) {
    const paragraph = link.parentElement;
    link.remove();
    // The " " mammoth puts before the back-link.
    const last = paragraph?.lastChild;
    if (last?.nodeType === 3) {
      last.nodeValue = (last.nodeValue ?? '').replace(/\s+$/, '');
      if (last.nodeValue === '') last.remove();
    }
  }
  const items = Array.from(fragment.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'));
  const lists = new Set(items.map((item) => item.parentElement).filter((list): list is HTMLElement => list !== null));
  for (const list of lists) {
    const heading = doc.createElement('h2');
    heading.textContent = 'Notes';
    list.before(heading);
  }
  // Empty trailing lists (no notes) and the empty comments list mammoth always writes.
  for (const list of Array.from(fragment.querySelectorAll('ol, dl'))) if (list.children.length === 0) list.remove();
  const container = doc.createElement('div');
  container.append(fragment);
  return { html: container.innerHTML, notes: items.length };
}

/** docProps/core.xml: dc:title, dc:creator, dcterms:created, dc:language. */
export function coreProperties(xml: string): ExtractedMetadata {
  let document: Document;
  try {
    document = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  } catch {
    return { ...EMPTY_METADATA }; // broken properties do not make the document unreadable
  }
  const read = (namespace: string, name: string) => document.getElementsByTagNameNS(namespace, name)[0]?.textContent ?? null;
  const DC = 'http://purl.org/dc/elements/1.1/';
  const DCTERMS = 'http://purl.org/dc/terms/';
  return mergeMetadata([{ title: read(DC, 'title'), byline: read(DC, 'creator'), publishedOn: read(DCTERMS, 'created'), language: read(DC, 'language') }]);
}

/** A stored (uncompressed) zip of exactly the checked parts. */
async function rebuiltZip(parts: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { binary: true, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
