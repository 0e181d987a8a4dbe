/**
 * The HTML report. lib/export/report-html/ defines it as React components (escaping user text by
 * default, shared with the public pages); report-string.ts writes the same markup byte for byte
 * straight to a string, which is what exports use: renderToStaticMarkup of a 100,000-word article
 * with 2,000 claim cards took most of a second. report-string.test.ts keeps the two identical.
 * The PDF prints this same document.
 */
import { renderReportDocumentString } from './report-string';
import type { ReportViewModel } from './view-model';

export async function renderHtmlReport(vm: ReportViewModel): Promise<string> {
  return renderHtmlReportSync(vm);
}

export function renderHtmlReportSync(vm: ReportViewModel): string {
  return `<!doctype html>\n${renderReportDocumentString(vm)}\n`;
}

/** The report through React (report-html/): the reference the string renderer is tested against. */
export async function renderHtmlReportWithReact(vm: ReportViewModel): Promise<string> {
  // Loaded on demand: Next.js refuses a static import of react-dom/server anywhere under an App
  // Route (its guard for Server Components), and the export route is one.
  const [{ renderToStaticMarkup }, { createElement }, { ReportDocument }] = await Promise.all([import('react-dom/server'), import('react'), import('./report-html/document')]);
  return `<!doctype html>\n${renderToStaticMarkup(createElement(ReportDocument, { vm }))}\n`;
}
