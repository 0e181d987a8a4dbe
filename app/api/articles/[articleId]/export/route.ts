import { authorizeArticle } from '@/db/queries/access';
import { consume } from '@/db/queries/rate-limits';
import { buildReportViewModel } from '@/db/queries/report';
import { recordSecurityEvent } from '@/db/queries/security-events';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, parseInput } from '@/lib/server/api/handler';
import { AppError, tooManyRequests } from '@/lib/errors';
import { isPublicationFormat, parseExportFormat, type ExportFormat, type RenderOptions, type RenderedReport } from '@/lib/export';
import { renderExport } from '@/lib/export/worker';
import { claimReviewRefusal } from '@/lib/export/claimreview';
import { PDF_EXPORT_LIMIT, pdfExportKey, pdfLimitMessage, retryAfterSeconds } from '@/lib/export/pdf-quota';
import { toPublicationAudience } from '@/lib/export/publication-audience';
import type { ReportViewModel } from '@/lib/export/view-model';
import { exportQuerySchema } from '@/lib/validations/export';

// PDF export launches Chromium through playwright-core: Node only.
export const runtime = 'nodejs';

/**
 * GET ?format=html|pdf|md|csv|json|w3c|claimreview[&draft=1] → the report as a download.
 * html/pdf/md/csv/json are internal reports; w3c and claimreview are publication formats (public
 * audience). ClaimReview needs the article published: otherwise 409, unless draft=1 asks for a
 * draft (`creativeWorkStatus: "Draft"`, no datePublished).
 */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:export');
  const url = new URL(req.url);
  const format = parseExportFormat(url.searchParams.get('format'));
  const { draft } = parseInput(exportQuerySchema, { draft: url.searchParams.get('draft') ?? undefined });
  const refusal = format === 'claimreview' ? claimReviewRefusal(article.status, { draft }) : null;
  if (refusal) throw new AppError('conflict', refusal, { status: article.status, draftOption: 'draft=1' });
  if (format === 'pdf') {
    const quota = await consume(db, pdfExportKey(user.id), PDF_EXPORT_LIMIT);
    if (!quota.allowed) throw tooManyRequests(pdfLimitMessage(PDF_EXPORT_LIMIT, quota.retryAfterMs), retryAfterSeconds(quota.retryAfterMs));
  }
  const appUrl = process.env.NEXTAUTH_URL?.trim() || url.origin;
  const internal = await buildReportViewModel(db, article.id, { appUrl, viewer: { userId: user.id, role } });
  const vm = isPublicationFormat(format) ? toPublicationAudience(internal) : internal;
  // A published article's ClaimReview is the real thing even when draft=1 was sent along.
  const report = await render(vm, format, { claimReview: { draft: internal.article.status !== 'published' } });
  // Unpublished work leaving the app is worth a line in the workspace's security log.
  if (article.status !== 'published') {
    await recordSecurityEvent(db, { type: 'export_unpublished', workspaceId: article.workspaceId, userId: user.id, detail: { articleId: article.id, title: article.title, format }, client: clientInfo(req.headers) });
  }
  return new Response(typeof report.body === 'string' ? report.body : Buffer.from(report.body), {
    headers: {
      'Content-Type': report.contentType,
      'Content-Disposition': `attachment; filename="${report.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
});

/**
 * Large reports render on the export worker (lib/export/worker), small ones inline. AppErrors (no
 * browser for PDF → 503, a full export queue → 429) pass through; anything else becomes a message
 * about the export, not a save.
 */
async function render(vm: ReportViewModel, format: ExportFormat, options: RenderOptions): Promise<RenderedReport> {
  try {
    return await renderExport(vm, format, options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(error);
    if (format === 'pdf') throw new AppError('unavailable', 'The PDF could not be rendered. Try again, or export HTML and print it from your browser.');
    throw new AppError('internal', 'The report could not be rendered. Please try again.');
  }
}
