import { renderPdf } from '@/lib/export/pdf';
import type { ArchiveRenderer } from './job';
import { formatTakenAt } from './readable';

/**
 * The app's renderer of archived pages: the PDF export's Chromium (lib/export/pdf.ts), which runs
 * with JavaScript off and aborts every network request, so the page is drawn from the HTML that
 * was fetched and nothing else (a page cannot call home, nor reach the server's network).
 */
export const renderArchivePdf: ArchiveRenderer = (html, { url, takenAt }) => renderPdf(html, { title: `Archived copy of ${url}, taken at ${formatTakenAt(takenAt)}`, timeoutMs: 30_000 });
