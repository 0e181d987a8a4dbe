import type { JSONContent } from '@tiptap/core';
import type { ExtractedMetadata, ImportFormat } from './imports';

/** What the review step tells the importer about the document before it is saved. */
export interface DocStats {
  /** Words of the canonical text (runs of letters, digits and joiners between spaces/punctuation). */
  words: number;
  /** Paragraph nodes (in lists and quotes too). */
  paragraphs: number;
  headings: number;
  /** Links: runs of text under the same link mark (a link split by bold counts once). */
  links: number;
}

/** POST /api/imports/preview's answer: what the review step shows before anything is saved. */
export interface ImportPreview {
  format: ImportFormat;
  /** The article document (checked by the article schema); POST /api/articles takes it back as `doc`. */
  doc: JSONContent;
  /** What the input said about itself; a file's name stands in for a missing title. */
  metadata: ExtractedMetadata;
  warnings: string[];
  stats: DocStats;
  /** For a URL import, where the page was fetched from after redirects: the article's URL. */
  url: string | null;
}
