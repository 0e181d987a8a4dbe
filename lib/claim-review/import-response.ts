import type { ParsedLibraryItem, ParseIssue } from './parse';

/** What an import did (or, in a preview, would do) per ClaimReview. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One ClaimReview of an import preview: its fields and what importing it would do, or its errors. */
export interface LibraryPreviewEntry {
  /** Position among the ClaimReviews found (1-based in messages, 0-based here). */
  index: number;
  item: ParsedLibraryItem | null;
  action: 'create' | 'update' | 'unchanged' | null;
  errors: string[];
  warnings: string[];
}

/** The answer of POST …/library?dryRun=1 (nothing written). */
export interface LibraryPreviewResponse {
  dryRun: true;
  found: number;
  valid: number;
  entries: LibraryPreviewEntry[];
  counts: ImportCounts;
}

/** The answer of an import. */
export interface LibraryImportResponse {
  dryRun: false;
  found: number;
  counts: ImportCounts;
  /** ClaimReviews with errors left out (only when the client chose to import the valid ones). */
  skipped: number;
}

/** Every ClaimReview found, in input order, with its errors and warnings. Pure. */
export function previewEntries(
  parsed: { items: ParsedLibraryItem[]; itemIndexes: number[]; errors: ParseIssue[]; warnings: ParseIssue[]; found: number },
  actions: readonly ('create' | 'update' | 'unchanged')[],
): LibraryPreviewEntry[] {
  const entries: LibraryPreviewEntry[] = Array.from({ length: parsed.found }, (_, index) => ({ index, item: null, action: null, errors: [], warnings: [] }));
  parsed.items.forEach((item, i) => {
    const entry = entries[parsed.itemIndexes[i]!];
    if (entry) Object.assign(entry, { item, action: actions[i] ?? null });
  });
  for (const error of parsed.errors) entries[error.index]?.errors.push(error.message);
  for (const warning of parsed.warnings) entries[warning.index]?.warnings.push(warning.message);
  return entries;
}
