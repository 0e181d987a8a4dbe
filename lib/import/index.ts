import type { JSONContent } from '@tiptap/core';
import type { ExtractedMetadata, ImportFormat } from '@/lib/domain/imports';
import { checkArticleDoc, InvalidArticleDocError } from '@/lib/editor/article-schema';
import { convertDocx } from './docx';
import { convertMarkdown } from './markdown';
import { EMPTY_METADATA, mergeMetadata } from './metadata';
import { convertPlainText } from './plain-text';
import type { SanitizeReport } from './sanitize';
import { ImportError, MAX_IMPORT_BYTES, type ImportedArticle, type ImportInput } from './types';
import { convertFragment, convertHtmlFile, convertWebPage } from './web-page';
import { plural } from '@/lib/format/plural';

/**
 * The one entry point of every import (paste, upload, URL, CLI): input → an article document the
 * article schema accepts (checked by checkArticleDoc), its canonical text, what the input said
 * about itself, and warnings for the person importing. Bad input throws ImportError with a
 * reader-facing message. Server only (jsdom): client code imports lib/import/types.ts at most.
 */
export async function convertImport(input: ImportInput): Promise<ImportedArticle> {
  checkSize(input);
  const warnings: string[] = [];
  let doc: JSONContent;
  let metadata: ExtractedMetadata = { ...EMPTY_METADATA };
  let report: SanitizeReport | null = null;
  switch (input.format) {
    case 'text':
      doc = convertPlainText(input.text);
      break;
    case 'markdown':
      ({ doc, metadata, report } = convertMarkdown(input.text));
      break;
    case 'rich-text': {
      ({ doc, report } = convertFragment(input.html));
      // The clipboard's HTML can be empty or useless (an image, an empty span): its plain text then.
      if (!hasText(doc) && input.text?.trim()) {
        doc = convertPlainText(input.text);
        report = null;
      }
      break;
    }
    case 'html': {
      const converted = convertHtmlFile(input.html, input.baseUrl);
      ({ doc, metadata, report } = converted);
      if (converted.usedWholePage) warnings.push(WHOLE_PAGE_WARNING);
      break;
    }
    case 'url': {
      const converted = convertWebPage(input.html, input.url);
      ({ doc, metadata, report } = converted);
      if (converted.usedWholePage) warnings.push(WHOLE_PAGE_WARNING);
      break;
    }
    case 'docx': {
      const converted = await convertDocx(input.data);
      ({ doc, metadata, report } = converted);
      if (converted.notes > 0) warnings.push(`${plural(converted.notes, 'footnote or endnote', 'footnotes or endnotes')} kept as text under "Notes" at the end, with "[1]"-style markers in the text.`);
      break;
    }
    default:
      throw new ImportError('Unknown import format.', 'unsupported');
  }
  if (report) warnings.unshift(...reportWarnings(report));
  if (!hasText(doc)) throw new ImportError(`No article text found in ${SOURCE_NAMES[input.format]}.`, 'empty');

  let checked;
  try {
    checked = checkArticleDoc(doc);
  } catch (error) {
    if (error instanceof InvalidArticleDocError) throw new ImportError(error.message, /too long/i.test(error.message) ? 'too-large' : 'invalid');
    throw error;
  }
  const title = metadata.title || firstHeadingText(checked.doc);
  return { format: input.format, doc: checked.doc, text: checked.text, metadata: mergeMetadata([{ ...metadata, title }]), warnings };
}

const WHOLE_PAGE_WARNING = 'The main story could not be told apart from the rest of the page, so the whole page was imported: remove menus and footers before saving.';

const SOURCE_NAMES: Record<ImportFormat, string> = {
  text: 'the text',
  'rich-text': 'the pasted content',
  markdown: 'the Markdown file',
  html: 'the HTML file',
  docx: 'the Word document',
  url: 'the page (it may need JavaScript or a login to show its text)',
};

function checkSize(input: ImportInput): void {
  const bytes = input.format === 'docx' ? input.data.byteLength : Buffer.byteLength(input.format === 'text' || input.format === 'markdown' ? input.text : input.html, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) throw new ImportError(`This is ${(bytes / (1024 * 1024)).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`, 'too-large');
}

function reportWarnings(report: SanitizeReport): string[] {
  const warnings: string[] = [];
  if (report.imagesDropped > 0) warnings.push(report.imagesDropped === 1 ? '1 image dropped; its description and caption were kept as text.' : `${plural(report.imagesDropped, 'image', 'images')} dropped; their descriptions and captions were kept as text.`);
  if (report.tablesFlattened > 0) warnings.push(`${plural(report.tablesFlattened, 'table', 'tables')} turned into plain paragraphs, one per row.`);
  if (report.linksDropped > 0) warnings.push(`${plural(report.linksDropped, 'link', 'links')} removed (not a web or e-mail address); the linked text was kept.`);
  return warnings;
}


function hasText(doc: JSONContent): boolean {
  if (doc.type === 'text') return (doc.text ?? '').trim() !== '';
  return (doc.content ?? []).some(hasText);
}

function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(inlineText).join('');
}

/** The text of the document's first level-1 heading (the title fallback), or ''. */
export function firstHeadingText(doc: JSONContent): string {
  const heading = (doc.content ?? []).find((block) => block.type === 'heading' && block.attrs?.level === 1);
  return heading ? inlineText(heading).trim() : '';
}

// ---------------------------------------------------------------------------------------------

const EXTENSION_FORMATS: Record<string, 'text' | 'markdown' | 'html' | 'docx'> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};

const CONTENT_TYPE_FORMATS: Record<string, 'text' | 'markdown' | 'html' | 'docx'> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export const ACCEPTED_FILES = '.txt, .md, .markdown, .html, .htm or .docx';

const ADVICE: Record<string, string> = {
  doc: 'Old Word files (.doc) are not accepted: open it in Word or LibreOffice and save it as .docx.',
  pdf: 'PDF files are not accepted: copy the text from the PDF and paste it, or import the original web page or Word file.',
  rtf: 'RTF files are not accepted: open it in Word or LibreOffice and save it as .docx.',
  odt: 'OpenDocument files (.odt) are not accepted: save it as .docx from LibreOffice.',
  pages: 'Pages files are not accepted: export it as Word (.docx) from Pages.',
};

/**
 * The import format of an uploaded file, by its extension first (browsers and OSes disagree on
 * content types), else its content type. Throws ImportError 'unsupported' naming what is accepted.
 */
export function importFormatOfFile(name: string, contentType?: string | null): 'text' | 'markdown' | 'html' | 'docx' {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  const byExtension = EXTENSION_FORMATS[extension];
  if (byExtension) return byExtension;
  const advice = ADVICE[extension];
  if (advice) throw new ImportError(advice, 'unsupported');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const byType = extension === '' ? CONTENT_TYPE_FORMATS[type] : undefined;
  if (byType) return byType;
  throw new ImportError(`${name ? `"${name}"` : 'This file'} is not a supported file type. Import a ${ACCEPTED_FILES} file, or paste the text.`, 'unsupported');
}

export { ImportError, MAX_IMPORT_BYTES } from './types';
export type { ImportedArticle, ImportInput } from './types';
