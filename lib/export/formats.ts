/**
 * The export formats and how each is served. Kept apart from the renderers (index.ts) so
 * client components can list the formats without bundling them, or playwright-core.
 */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json', 'w3c', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  label: string;
  /** Without the dot. */
  extension: string;
  contentType: string;
  /** Added to the file name so formats sharing an extension do not collide. */
  fileSuffix: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  html: { label: 'HTML report', extension: 'html', contentType: 'text/html; charset=utf-8', fileSuffix: '' },
  pdf: { label: 'PDF report', extension: 'pdf', contentType: 'application/pdf', fileSuffix: '' },
  md: { label: 'Markdown', extension: 'md', contentType: 'text/markdown; charset=utf-8', fileSuffix: '' },
  csv: { label: 'CSV spreadsheet', extension: 'csv', contentType: 'text/csv; charset=utf-8', fileSuffix: '' },
  json: { label: 'Claimdesk JSON (full export)', extension: 'json', contentType: 'application/json', fileSuffix: '' },
  w3c: {
    label: 'W3C Web Annotations',
    extension: 'jsonld',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    fileSuffix: '-annotations',
  },
  claimreview: { label: 'ClaimReview (schema.org)', extension: 'jsonld', contentType: 'application/ld+json', fileSuffix: '-claimreview' },
};
