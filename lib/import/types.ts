import type { JSONContent } from '@tiptap/core';
import type { ExtractedMetadata, ImportFormat } from '@/lib/domain/imports';

/**
 * What an importer is given. Every importer (lib/import/*) turns its input into the same thing,
 * an ImportedArticle whose document the article schema accepts (lib/editor/article-schema).
 */
export type ImportInput =
  | { format: 'text'; text: string }
  /** What a browser puts on the clipboard: text/html, with its text/plain beside it when there. */
  | { format: 'rich-text'; html: string; text?: string }
  | { format: 'markdown'; text: string }
  /** An .html file; `baseUrl` resolves its relative links when known. */
  | { format: 'html'; html: string; baseUrl?: string }
  | { format: 'docx'; data: Uint8Array }
  /** A fetched web page: its HTML and the URL it was found at (after redirects). */
  | { format: 'url'; html: string; url: string };

export interface ImportedArticle {
  format: ImportFormat;
  /** The article as an editor document, already checked by checkArticleDoc. */
  doc: JSONContent;
  /** Its canonical plain text (lib/editor/doc-text). */
  text: string;
  /** What the input said about itself (HTML <title>/meta/JSON-LD, .docx properties); empty strings and nulls when it said nothing. */
  metadata: ExtractedMetadata;
  /** Things a person should know before saving ("2 images dropped; their descriptions were kept as text"). */
  warnings: string[];
}

/** Bad input, with a message for the person importing (never a stack trace). Routes answer 422. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    /** Which kind of problem, for tests and the CLI's exit status. */
    readonly reason: 'empty' | 'unsupported' | 'too-large' | 'corrupt' | 'invalid',
  ) {
    super(message);
  }
}

/** The largest file (or pasted text) an import accepts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
