/**
 * Export rendering that keeps the event loop free: large reports are rendered on the export
 * worker (pool.ts, one worker_threads worker reused for the process), small ones inline where a
 * round trip would cost more than the render. PDFs: the worker renders the HTML, and this thread
 * drives the shared Chromium (pdf.ts), which is I/O here.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { exportFileName, renderReport, type RenderOptions, type RenderedReport } from '../index';
import { FORMAT_INFO, type ExportFormat } from '../formats';
import type { ReportViewModel } from '../view-model';
import { ExportWorkerPool } from './pool';

/** Below this much article text and these many claims a report renders inline (a few ms). */
export const INLINE_MAX_TEXT = 60_000;
export const INLINE_MAX_CLAIMS = 150;

export function rendersInline(vm: ReportViewModel): boolean {
  return vm.article.text.length <= INLINE_MAX_TEXT && vm.claims.length <= INLINE_MAX_CLAIMS;
}

/**
 * Whether this module runs from its TypeScript source (vitest, tsx) rather than a Next.js bundle.
 * Not import.meta.url alone: Turbopack keeps the source file's URL in it.
 */
function runningFromSource(): boolean {
  return !process.env.NEXT_RUNTIME && typeof import.meta.url === 'string' && import.meta.url.endsWith('.ts');
}

export function createRenderWorker(): Worker {
  if (runningFromSource()) {
    // Plain paths, not `new URL(...)`: bundlers follow that form (below) and would copy these too.
    const here = fileURLToPath(import.meta.url);
    return new Worker(here.replace(/index\.ts$/, 'dev-bootstrap.mjs'), { workerData: { entry: pathToFileURL(here.replace(/index\.ts$/, 'render-worker.ts')).href } });
  }
  return new Worker(new URL('./render-worker.ts', import.meta.url));
}

// One pool per process, kept on globalThis so dev-mode reloads reuse it.
const registry = globalThis as unknown as { claimdeskExportPool?: ExportWorkerPool };

export function exportWorkerPool(): ExportWorkerPool {
  return (registry.claimdeskExportPool ??= new ExportWorkerPool({ createWorker: createRenderWorker }));
}

export interface RenderExportOptions extends RenderOptions {
  /** Force the worker (true) or inline rendering (false); default: by size (rendersInline). */
  worker?: boolean;
  /** The pool to use; default the process's one. */
  pool?: ExportWorkerPool;
}

/**
 * The same report as renderReport (lib/export/index.ts), rendered off the event loop when large;
 * then a text format's body is its UTF-8 bytes rather than a string (a Response takes either).
 */
export async function renderExport(vm: ReportViewModel, format: ExportFormat, options: RenderExportOptions = {}): Promise<RenderedReport> {
  const useWorker = options.worker ?? !rendersInline(vm);
  if (!useWorker) return renderReport(vm, format, options);
  const pool = options.pool ?? exportWorkerPool();
  if (format === 'pdf') {
    const html = await pool.render({ vm, format: 'html' });
    const { renderPdf } = await import('../pdf');
    const body = await renderPdf(String(html.body), { title: vm.article.title, ...options.pdf });
    return { body, contentType: FORMAT_INFO.pdf.contentType, fileName: exportFileName(vm, 'pdf', options) };
  }
  // Text formats come back as UTF-8 bytes, ready to send: no multi-megabyte string to copy here.
  return pool.render({ vm, format, claimReview: options.claimReview, output: 'bytes' });
}
