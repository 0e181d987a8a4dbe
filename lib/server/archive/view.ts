import type { SourceArchiveRow } from '@/db/queries/source-archives';
import { escapeHtml, safeHttpUrl } from '@/lib/export/escape';
import { formatTakenAt } from './readable';

/**
 * How a stored copy is served (the members' route and the public one): the PDF inline; the
 * readable text in a small page of our own that says what it is; the page as fetched (members
 * only) sandboxed: no script, no plugin, nothing loaded from anywhere but data: images.
 */

export type ArchiveView = 'pdf' | 'text' | 'page';
// The PDF gets no CSP of its own: browsers' PDF viewers do not run in a sandboxed document, and a
// PDF runs no script in the app's origin (viewers keep it in their own context).

export function parseArchiveView(value: string | null, allowed: readonly ArchiveView[]): ArchiveView | null {
  const view = (value ?? 'text') as ArchiveView;
  return allowed.includes(view) ? view : null;
}

/** The fetched page as stored: served only under this policy. */
export const ARCHIVED_PAGE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/** Our own readable-text page (no script, inline styles only). */
export const ARCHIVE_TEXT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function fileName(row: SourceArchiveRow): string {
  let host = 'source';
  try {
    host = new URL(row.finalUrl ?? row.requestedUrl).hostname.replace(/[^A-Za-z0-9.-]/g, '') || host;
  } catch {
    // keep the default
  }
  const day = (row.takenAt ?? row.createdAt).toISOString().slice(0, 10);
  return `archived-${host}-${day}.pdf`;
}

const TEXT_STYLES = `body{margin:0;font:16px/1.6 system-ui,"Noto Sans","DejaVu Sans",sans-serif;color:#111;background:#fff}
.banner{background:#fff7d6;border-bottom:1px solid #d4b84a;padding:10px 16px;font-size:14px}
.banner p{margin:2px 0}
main{max-width:42rem;margin:24px auto;padding:0 16px}
h1{font-size:1.6rem;line-height:1.3}
blockquote{border-inline-start:3px solid #ccc;margin-inline:0;padding-inline-start:12px;color:#333}
a{color:#1d4ed8;overflow-wrap:anywhere}`;

/** The readable copy in a page that says where it came from and when. */
export function archiveTextPage(row: SourceArchiveRow): string {
  const url = row.finalUrl ?? row.requestedUrl;
  const href = safeHttpUrl(url);
  const link = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(url)}</a>` : escapeHtml(url);
  const when = row.takenAt ? formatTakenAt(row.takenAt) : 'an unknown time';
  const requested = row.finalUrl && row.finalUrl !== row.requestedUrl ? `<p>Asked for ${escapeHtml(row.requestedUrl)}; the site sent the page above.</p>` : '';
  const body = row.readableHtml?.trim() ? row.readableHtml : '<p><em>No readable text was found on this page.</em></p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Archived copy: ${escapeHtml(row.title || url)}</title><style>${TEXT_STYLES}</style></head>
<body><div class="banner" role="note"><p><strong>Archived copy</strong> of ${link}, taken at ${escapeHtml(when)}.</p>${requested}<p>This is the text Claimdesk kept; the page may have changed or gone since.</p></div>
<main dir="auto">${row.title ? `<h1>${escapeHtml(row.title)}</h1>` : ''}${body}</main></body></html>`;
}

/** The Response for one view of a done copy, or null when that view is not stored. */
export function archiveViewResponse(row: SourceArchiveRow, view: ArchiveView, extraHeaders: Record<string, string> = {}): Response | null {
  const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer', ...extraHeaders };
  if (view === 'pdf') {
    if (!row.pdf) return null;
    const bytes = new Uint8Array(row.pdf);
    // A PDF the source itself was (fetched as is, made by a third party) is downloaded rather than
    // shown from this origin; the PDF Claimdesk rendered (scripts off) is shown inline.
    const disposition = row.contentType === 'application/pdf' ? 'attachment' : 'inline';
    return new Response(bytes, { headers: { ...common, 'Content-Type': 'application/pdf', 'Content-Length': String(bytes.byteLength), 'Content-Disposition': `${disposition}; filename="${fileName(row)}"` } });
  }
  if (view === 'text') {
    if (row.readableText === null) return null;
    return new Response(archiveTextPage(row), { headers: { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': ARCHIVE_TEXT_CSP } });
  }
  if (row.html === null) return null;
  return new Response(row.html, { headers: { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': ARCHIVED_PAGE_CSP } });
}
