/**
 * The HTML report: lib/export/report-html/ renders it as React components with
 * renderToStaticMarkup, so user text is escaped by default and no template string builds markup.
 * The PDF prints this same document.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportDocument } from './report-html/document';
import type { ReportViewModel } from './view-model';

export function renderHtmlReport(vm: ReportViewModel): string {
  return `<!doctype html>\n${renderToStaticMarkup(createElement(ReportDocument, { vm }))}\n`;
}
