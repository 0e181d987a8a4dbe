import type { Db } from '@/db/client';
import { completeArchive, failArchive, getArchiveJob } from '@/db/queries/source-archives';
import { safeFetch } from '@/lib/server/fetch/safe-fetch';
import { FetchError, type SafeFetchOptions } from '@/lib/server/fetch/types';
import { printableHtml, readableCopy } from './readable';

/**
 * Takes one archived copy (a pending source_archives row): fetch the source's URL through the safe
 * fetcher, keep the page, its readable article and a PDF Chromium renders with scripts off and the
 * network cut. A PDF source is kept as it is. The result (or the reason it failed, for people) is
 * recorded on the row.
 */

/** Renders the fetched page to PDF (lib/server/archive/render.ts in the app; injected by tests). */
export type ArchiveRenderer = (html: string, info: { url: string; takenAt: Date; title: string }) => Promise<Uint8Array>;

export interface ArchiveJobOptions {
  fetchOptions?: SafeFetchOptions;
  /** null: no PDF (tests). */
  render: ArchiveRenderer | null;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export type ArchiveOutcome = { status: 'done' | 'failed'; sourceId: string } | { status: 'skipped' };

/** Archived page types: web pages, and PDFs kept as they are. */
export const ARCHIVE_ACCEPT: readonly string[] = ['text/html', 'application/xhtml+xml', 'application/pdf'];

function fileTitle(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : new URL(url).hostname;
  } catch {
    return '';
  }
}

export async function takeArchive(db: Db, archiveId: string, options: ArchiveJobOptions): Promise<ArchiveOutcome> {
  const job = await getArchiveJob(db, archiveId);
  if (!job || job.status !== 'pending') return { status: 'skipped' };
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[claimdesk] ${message}`, error ?? ''));
  const done = (ok: boolean, status: 'done' | 'failed'): ArchiveOutcome => (ok ? { status, sourceId: job.sourceId } : { status: 'skipped' });

  let page;
  try {
    page = await safeFetch(job.requestedUrl, { accept: ARCHIVE_ACCEPT, ...options.fetchOptions });
  } catch (error) {
    if (error instanceof FetchError) return done(await failArchive(db, archiveId, error.message), 'failed');
    log(`Archiving ${job.requestedUrl} failed`, error);
    return done(await failArchive(db, archiveId, `The page at ${job.requestedUrl} could not be copied (an internal error; try again).`), 'failed');
  }
  const takenAt = (options.now ?? (() => new Date()))();

  try {
    if (page.contentType === 'application/pdf') {
      const pdf = page.body ?? Buffer.alloc(0);
      if (!pdf.subarray(0, 5).toString('latin1').startsWith('%PDF')) return done(await failArchive(db, archiveId, `The file at ${job.requestedUrl} says it is a PDF but is not one.`, page.finalUrl), 'failed');
      const ok = await completeArchive(db, archiveId, { finalUrl: page.finalUrl, contentType: page.contentType, title: fileTitle(page.finalUrl), html: null, readableHtml: null, readableText: null, pdf, takenAt });
      return done(ok, 'done');
    }
    const readable = readableCopy(page.text, page.finalUrl);
    let pdf: Uint8Array | null = null;
    if (options.render) {
      try {
        pdf = await options.render(printableHtml(page.text, { url: page.finalUrl, takenAt }), { url: page.finalUrl, takenAt, title: readable.title });
      } catch (error) {
        // The page and its text are the evidence; a PDF that could not be drawn is logged, not fatal.
        log(`The PDF of ${page.finalUrl} could not be rendered`, error);
      }
    }
    const ok = await completeArchive(db, archiveId, {
      finalUrl: page.finalUrl,
      contentType: page.contentType,
      title: readable.title,
      html: page.text,
      readableHtml: readable.html,
      readableText: readable.text,
      pdf,
      takenAt,
    });
    return done(ok, 'done');
  } catch (error) {
    log(`Archiving ${page.finalUrl} failed`, error);
    return done(await failArchive(db, archiveId, `The page at ${job.requestedUrl} could not be copied (an internal error; try again).`, page.finalUrl), 'failed');
  }
}
