import { z } from 'zod';
import { authorizeArticle } from '@/db/queries/access';
import { consume } from '@/db/queries/rate-limits';
import { getReviewSessionMinutes, minutesForViewer } from '@/db/queries/review-session-minutes';
import { recordSecurityEvent } from '@/db/queries/security-events';
import { clientInfo } from '@/lib/api/client-info';
import { AppError, notFound, tooManyRequests } from '@/lib/errors';
import { PDF_EXPORT_LIMIT, pdfExportKey, pdfLimitMessage, retryAfterSeconds } from '@/lib/export/pdf-quota';
import { REPORT_TIME_ZONE } from '@/lib/format/dates';
import { minutesFileName } from '@/lib/review-sessions/minutes';
import { minutesToHtml } from '@/lib/review-sessions/minutes-html';
import { minutesToMarkdown } from '@/lib/review-sessions/minutes-markdown';
import { apiRoute, parseInput } from '@/lib/server/api/handler';

// The PDF is printed by Chromium through playwright-core: Node only.
export const runtime = 'nodejs';

const minutesQuerySchema = z.object({
  format: z
    .enum(['markdown', 'md', 'pdf'], { error: 'format must be markdown or pdf.' })
    .optional()
    .transform((value) => (value === 'pdf' ? 'pdf' : 'markdown')),
});

/**
 * GET ?format=markdown|pdf (default markdown) → the minutes of an ended review session as a
 * download. Members of the session's workspace with 'article:export' (as the article's report);
 * anyone else, and unknown ids, get the same 404. 409 while the session is still running.
 * Times are in the reports' zone (UTC, named), like every export.
 */
export const GET = apiRoute<{ sessionId: string }>(async ({ req, params, user, db }) => {
  const record = await getReviewSessionMinutes(db, params.sessionId);
  if (!record) throw notFound('Review session');
  const { article, role } = await authorizeArticle(db, user.id, record.articleId, 'article:export').catch((error: unknown) => {
    // The same answer as an unknown id: a non-member learns nothing about the session.
    throw error instanceof AppError && error.code === 'not_found' ? notFound('Review session') : error;
  });
  if (article.workspaceId !== record.workspaceId) throw notFound('Review session');
  const { format } = parseInput(minutesQuerySchema, { format: new URL(req.url).searchParams.get('format') ?? undefined });
  if (record.status === 'running') {
    throw new AppError('conflict', 'This review session is still running. Its minutes are written when the lead ends it.', { status: record.status });
  }
  if (!record.minutes) throw new AppError('conflict', 'No minutes were recorded for this review session.', { status: record.status });
  const minutes = await minutesForViewer(db, record.minutes, record.articleId, { userId: user.id, role });

  let body: string | Uint8Array;
  if (format === 'pdf') {
    const quota = await consume(db, pdfExportKey(user.id), PDF_EXPORT_LIMIT);
    if (!quota.allowed) throw tooManyRequests(pdfLimitMessage(PDF_EXPORT_LIMIT, quota.retryAfterMs), retryAfterSeconds(quota.retryAfterMs));
    body = await renderMinutesPdf(minutesToHtml(minutes, { timeZone: REPORT_TIME_ZONE }), `Review session minutes: ${minutes.article.title}`);
  } else {
    body = minutesToMarkdown(minutes, { timeZone: REPORT_TIME_ZONE });
  }
  // Unpublished work leaving the app is worth a line in the workspace's security log (as the report export does).
  if (article.status !== 'published') {
    await recordSecurityEvent(db, {
      type: 'export_unpublished',
      workspaceId: article.workspaceId,
      userId: user.id,
      detail: { articleId: article.id, title: article.title, format: `session-minutes-${format}`, sessionId: minutes.sessionId },
      client: clientInfo(req.headers),
    });
  }
  const fileName = minutesFileName(minutes, record.articleSlug, format === 'pdf' ? 'pdf' : 'md', REPORT_TIME_ZONE);
  return new Response(typeof body === 'string' ? body : Buffer.from(body), {
    headers: {
      'Content-Type': format === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
});

/** The shared PDF browser (lib/export/pdf.ts); no browser → 503, anything else a message about the export. */
async function renderMinutesPdf(html: string, title: string): Promise<Uint8Array> {
  try {
    // Loaded on demand, like the report export's worker does: only PDF downloads need playwright-core.
    const { renderPdf } = await import('@/lib/export/pdf');
    return await renderPdf(html, { title });
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(error);
    throw new AppError('unavailable', 'The PDF could not be rendered. Try again, or download the Markdown minutes.');
  }
}
