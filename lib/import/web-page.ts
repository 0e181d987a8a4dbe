import { Readability } from '@mozilla/readability';
import type { JSONContent } from '@tiptap/core';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractedMetadata } from '@/lib/domain/imports';
import { untrustedHtmlToDoc } from './html-to-doc';
import { combineMetadata, EMPTY_METADATA, extractPageMetadata, headMetadata } from './metadata';
import type { SanitizeReport } from './sanitize';

/**
 * Web pages and HTML: a fetched page (format 'url') or an uploaded whole page ('html') goes through
 * @mozilla/readability over a jsdom document (scripts never run, nothing is loaded: jsdom's
 * defaults, and a silent console) to keep the story and drop navigation, footers, ads; an HTML
 * fragment (an .html snippet, the clipboard's HTML) is converted as it is. Everything then goes
 * through the sanitizer (lib/import/sanitize.ts).
 */

export interface ConvertedHtml {
  doc: JSONContent;
  metadata: ExtractedMetadata;
  report: SanitizeReport;
  /** Readability found no main text and the whole page body was used. */
  usedWholePage: boolean;
}

/** Readability's main text shorter than this (characters) is not trusted when the page says more. */
const MIN_MAIN_TEXT = 200;

function pageDom(html: string, url?: string): JSDOM {
  const options: ConstructorParameters<typeof JSDOM>[1] = { virtualConsole: new VirtualConsole() };
  if (url && /^https?:\/\//i.test(url)) {
    try {
      options.url = new URL(url).href;
    } catch {
      // an unusable URL: no base, relative links are dropped
    }
  }
  return new JSDOM(html, options);
}

/** A whole page (fetched or uploaded): metadata from its head, its main content through Readability. */
export function convertWebPage(html: string, url?: string): ConvertedHtml {
  const dom = pageDom(html, url);
  const document = dom.window.document;
  const baseUrl = baseUrlOf(document, url);
  // Metadata first: Readability rewrites the document it reads.
  const head = headMetadata(document, baseUrl);
  const bodyHtml = document.body?.innerHTML ?? '';
  const bodyTextLength = (document.body?.textContent ?? '').trim().length;
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document, { charThreshold: 300 }).parse();
  } catch {
    article = null; // Readability gives up on some broken pages; the body is used instead
  }
  const mainText = (article?.textContent ?? '').trim().length;
  const usedWholePage = !article?.content || (mainText < MIN_MAIN_TEXT && bodyTextLength > mainText * 2);
  const { doc, report } = untrustedHtmlToDoc(usedWholePage ? bodyHtml : article!.content!, { baseUrl });
  const metadata = combineMetadata(head, article);
  dom.window.close();
  return { doc, metadata, report, usedWholePage };
}

/** The base URL links resolve against: the document's own (its <base href> counts, as in a browser) when it has one. */
function baseUrlOf(document: Document, url?: string): string | undefined {
  if (!url) return undefined;
  const base = document.baseURI;
  return /^https?:\/\//i.test(base) ? base : url;
}

/** An uploaded .html file with <html>, <head> or <body> (or a doctype) is a page; anything else a fragment. */
export function looksLikeWholePage(html: string): boolean {
  return /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(html.slice(0, 100_000));
}

/** An uploaded .html file: a whole page like a fetched one (metadata from its head), a fragment as it is. */
export function convertHtmlFile(html: string, baseUrl?: string): ConvertedHtml {
  if (looksLikeWholePage(html)) return convertWebPage(html, baseUrl);
  return convertFragment(html, baseUrl);
}

/** An HTML fragment: no Readability, no metadata but a first heading's text (left to the caller). */
export function convertFragment(html: string, baseUrl?: string): ConvertedHtml {
  const { doc, report } = untrustedHtmlToDoc(html, { baseUrl });
  return { doc, metadata: { ...EMPTY_METADATA }, report, usedWholePage: false };
}

/** Reads a page's metadata without converting it (for callers that only need the head). */
export function pageMetadata(html: string, url?: string): ExtractedMetadata {
  const dom = pageDom(html, url);
  try {
    return extractPageMetadata(dom.window.document, { url });
  } finally {
    dom.window.close();
  }
}
