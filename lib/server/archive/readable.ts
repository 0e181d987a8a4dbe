import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { sanitizeArticleHtml } from '@/lib/import/sanitize';
import { escapeHtml } from '@/lib/export/escape';

/**
 * What an archived page is made of besides the page itself: its readable article (Readability over
 * jsdom, which never runs scripts nor loads anything; then the import sanitizer, so only article
 * markup with http(s)/mailto links is kept) and the HTML Chromium prints to PDF.
 */

export interface ReadableCopy {
  title: string;
  /** Sanitised article HTML (p, headings, lists, quotes, links, emphasis). */
  html: string;
  /** Its text, blocks separated by a blank line. */
  text: string;
}

function dom(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/** The readable article of a fetched page (the whole body when Readability finds none). */
export function readableCopy(html: string, url: string): ReadableCopy {
  const page = dom(html, url);
  try {
    const document = page.window.document;
    const pageTitle = (document.title ?? '').trim();
    const bodyHtml = document.body?.innerHTML ?? '';
    let article: ReturnType<Readability['parse']> = null;
    try {
      article = new Readability(document).parse();
    } catch {
      article = null; // Readability gives up on some broken pages: the body is used
    }
    const content = article?.content && (article.textContent ?? '').trim() ? article.content : bodyHtml;
    const clean = sanitizeArticleHtml(content, { baseUrl: url }).html;
    return { title: (article?.title ?? '').trim() || pageTitle, html: clean, text: htmlText(clean) };
  } finally {
    page.window.close();
  }
}

/** Plain text of sanitised article HTML: a blank line between blocks, line breaks kept. */
export function htmlText(html: string): string {
  const marked = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|h[1-6]|li|blockquote)>/gi, '$&\n\n');
  const text = JSDOM.fragment(`<div>${marked}</div>`).textContent ?? '';
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "26 Nov 2026, 11:40 UTC" */
export function formatTakenAt(date: Date): string {
  const text = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }).format(date);
  return `${text} UTC`;
}

/**
 * The fetched page as Chromium should print it: no <base> (nothing resolves elsewhere), no meta
 * refresh, no scripts (JavaScript is off anyway), no <link> at all (preconnect and dns-prefetch
 * hints reach the network without a request the renderer's router could refuse; stylesheets would
 * be refused anyway), and a banner on top saying what it is.
 */
export function printableHtml(html: string, info: { url: string; takenAt: Date }): string {
  const page = dom(html, info.url);
  try {
    const document = page.window.document;
    for (const el of document.querySelectorAll('base, script, meta[http-equiv], link, iframe, frame, object, embed')) el.remove();
    const banner = document.createElement('div');
    banner.setAttribute('style', 'all:initial;display:block;font:12px/1.4 system-ui,"DejaVu Sans",sans-serif;color:#111;background:#fff7d6;border-bottom:1px solid #d4b84a;padding:6px 10px;margin:0 0 8px;');
    banner.innerHTML = `Archived copy of <b>${escapeHtml(info.url)}</b>, taken at ${escapeHtml(formatTakenAt(info.takenAt))} by Claimdesk (scripts off, nothing loaded from the web).`;
    (document.body ?? document.documentElement).prepend(banner);
    return page.serialize();
  } finally {
    page.window.close();
  }
}
