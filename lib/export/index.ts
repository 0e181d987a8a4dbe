/**
 * The export formats and a single dispatcher. Routes and the CLI call `parseExportFormat` on
 * user input, then `renderReport`. PDF rendering (and playwright-core) is only loaded on demand.
 */
import { AppError } from '../errors';
import { slugify } from '../text/slug';
import { isDraftClaimReview, renderClaimReviewsJson, type ClaimReviewOptions } from './claimreview';
import { renderCsvReport } from './csv';
import { isoDay } from './format';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from './formats';
import { renderHtmlReport } from './html';
import { renderJsonReport } from './json';
import { renderMarkdownReport } from './markdown';
import type { PdfOptions } from './pdf';
import type { ReportViewModel } from './view-model';
import { renderW3cAnnotationsJson } from './w3c';

export { EXPORT_FORMATS, FORMAT_INFO, PUBLICATION_FORMATS, isPublicationFormat, type ExportFormat, type FormatInfo } from './formats';

// A Map, not an object literal: user input like "__proto__" must not find inherited properties.
const ALIASES = new Map<string, ExportFormat>([
  ['markdown', 'md'],
  ['htm', 'html'],
  ['annotations', 'w3c'],
  ['claim-review', 'claimreview'],
]);

/** The format named by `input` (case-insensitive, a few aliases); a 400 AppError listing valid formats otherwise. */
export function parseExportFormat(input: unknown): ExportFormat {
  const name = typeof input === 'string' ? input.trim().toLowerCase() : '';
  const format = (EXPORT_FORMATS as readonly string[]).includes(name) ? (name as ExportFormat) : ALIASES.get(name);
  if (format) return format;
  const shown = typeof input === 'string' ? `"${input.slice(0, 40)}"` : String(typeof input);
  throw new AppError('bad_request', `Unknown export format ${shown}. Valid formats: ${EXPORT_FORMATS.join(', ')}.`);
}

/**
 * An ASCII-only file name such as `claimdesk-minister-claims-2024-03-08.pdf` (safe in a
 * Content-Disposition header without RFC 5987 encoding).
 */
export function exportFileName(vm: ReportViewModel, format: ExportFormat, options: Pick<RenderOptions, 'claimReview'> = {}): string {
  const info = FORMAT_INFO[format];
  const slug = slugify(vm.article.slug, slugify(vm.article.id));
  const day = isoDay(vm.generatedAt);
  // A draft ClaimReview says so in its name too, so it is not pasted into a live page by mistake.
  const draft = format === 'claimreview' && isDraftClaimReview(vm, options.claimReview) ? '-draft' : '';
  return `claimdesk-${slug}${day ? `-${day}` : ''}${info.fileSuffix}${draft}.${info.extension}`;
}

export interface RenderedReport {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

export interface RenderOptions {
  pdf?: PdfOptions;
  /** ClaimReview only: draft markup (see lib/export/claimreview.ts). */
  claimReview?: ClaimReviewOptions;
}

export async function renderReport(vm: ReportViewModel, format: ExportFormat, options: RenderOptions = {}): Promise<RenderedReport> {
  const { contentType } = FORMAT_INFO[format];
  const fileName = exportFileName(vm, format, options);
  return { body: await renderBody(vm, format, options), contentType, fileName };
}

async function renderBody(vm: ReportViewModel, format: ExportFormat, options: RenderOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderHtmlReport(vm);
    case 'pdf': {
      const { renderPdf } = await import('./pdf');
      return renderPdf(await renderHtmlReport(vm), { title: vm.article.title, ...options.pdf });
    }
    case 'md':
      return renderMarkdownReport(vm);
    case 'csv':
      return renderCsvReport(vm);
    case 'json':
      return renderJsonReport(vm);
    case 'w3c':
      return renderW3cAnnotationsJson(vm);
    case 'claimreview':
      return renderClaimReviewsJson(vm, options.claimReview);
  }
}
