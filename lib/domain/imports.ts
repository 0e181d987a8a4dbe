/**
 * How an article's text came in (articles.import_format). `url` articles can be re-fetched
 * ("Check for updates"); the others are the text a person brought.
 */
export const IMPORT_FORMATS = ['text', 'rich-text', 'markdown', 'html', 'docx', 'url'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A re-fetched version of a URL article waiting for an editor (article_updates.status). */
export const ARTICLE_UPDATE_STATUSES = ['pending', 'accepted', 'dismissed'] as const;
export type ArticleUpdateStatus = (typeof ARTICLE_UPDATE_STATUSES)[number];

/** A source's archived copy (source_archives.status): taken in the background after the source is attached. */
export const ARCHIVE_STATUSES = ['pending', 'done', 'failed'] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

/** What the fetched page said about itself (meta tags, JSON-LD NewsArticle), all optional. */
export interface ExtractedMetadata {
  title: string;
  byline: string;
  outlet: string;
  /** ISO date YYYY-MM-DD, or null. */
  publishedOn: string | null;
  /** BCP 47 code (lower-case primary subtag), or null. */
  language: string | null;
  /** The canonical URL the page names (http/https), or null. */
  canonicalUrl: string | null;
}

/** Deleted articles stay in the trash this long before they are removed for good. */
export const TRASH_RETENTION_DAYS = 30;
