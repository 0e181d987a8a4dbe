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

/**
 * Formats meant for publication (pasted into a website, sent to an annotation server): rendered for
 * the public audience — public sources only, no excluded claims. The others are the desk's own
 * internal reports. ClaimReview also needs the article published (or an explicit draft).
 */
export const PUBLICATION_FORMATS: readonly ExportFormat[] = ['w3c', 'claimreview'];

export function isPublicationFormat(format: ExportFormat): boolean {
  return PUBLICATION_FORMATS.includes(format);
}

/** One item of the workbench's Export menu. */
export interface ExportMenuEntry {
  /** Unique per menu (the draft ClaimReview shares its format with the real one). */
  key: string;
  format: ExportFormat;
  label: string;
  /** Ask for a draft (`draft=1`): the ClaimReview of an article that is not published. */
  draft: boolean;
  /** Why the item cannot be used now (shown with it), or null. */
  unavailable: string | null;
}

export const CLAIMREVIEW_DRAFT_LABEL = 'ClaimReview (draft)';
export const CLAIMREVIEW_NEEDS_PUBLICATION = 'needs publication';
export const CLAIMREVIEW_RETRACTED_NOTE = 'retracted';

/**
 * The Export menu for an article in this status: every format; ClaimReview only once published —
 * before that it says it needs publication and a "ClaimReview (draft)" item follows it.
 */
export function exportMenuEntries(status: 'draft' | 'in_review' | 'ready' | 'published' | 'retracted'): ExportMenuEntry[] {
  return EXPORT_FORMATS.flatMap((format): ExportMenuEntry[] => {
    const entry = { key: format, format, label: FORMAT_INFO[format].label, draft: false, unavailable: null };
    if (format !== 'claimreview' || status === 'published') return [entry];
    if (status === 'retracted') return [{ ...entry, unavailable: CLAIMREVIEW_RETRACTED_NOTE }];
    return [
      { ...entry, unavailable: CLAIMREVIEW_NEEDS_PUBLICATION },
      { key: 'claimreview-draft', format, label: CLAIMREVIEW_DRAFT_LABEL, draft: true, unavailable: null },
    ];
  });
}
