/**
 * The HTML report: lib/export/report-html/ renders it as React components with
 * renderToStaticMarkup, so user text is escaped by default and no template string builds markup.
 * The PDF prints this same document.
 */
import { createElement } from 'react';
import { ReportDocument } from './report-html/document';
import type { ReportViewModel } from './view-model';

export async function renderHtmlReport(vm: ReportViewModel): Promise<string> {
  // Loaded on demand: Next.js refuses a static import of react-dom/server anywhere under an App
  // Route (its guard for Server Components), and the export route is one.
  const { renderToStaticMarkup } = await import('react-dom/server');
  return `<!doctype html>\n${renderToStaticMarkup(createElement(ReportDocument, { vm }))}\n`;
}
