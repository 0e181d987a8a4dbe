import { articleMetadataSchema } from '@/lib/validations/articles';
import { versionSchema } from '@/lib/validations/common';

/**
 * Editing an article's metadata after import (PATCH /api/articles/:id). The slug is not among the
 * fields: it is the public address, and changing it is a setting of its own (…/settings).
 */
export const ARTICLE_METADATA_FIELDS = ['title', 'outlet', 'byline', 'url', 'publishedOn', 'language', 'sourceCredit'] as const;
export type ArticleMetadataField = (typeof ARTICLE_METADATA_FIELDS)[number];

export interface ArticleMetadata {
  title: string;
  outlet: string;
  byline: string;
  url: string | null;
  publishedOn: string | null;
  language: string;
  sourceCredit: string;
}

/**
 * The PATCH body: the article version it was edited from and any of the metadata fields (the
 * same rules as on import). Unknown fields (a slug, the text) are refused.
 */
export const updateArticleMetadataSchema = articleMetadataSchema.partial().extend({ version: versionSchema }).strict();

export type ArticleMetadataPatch = Partial<ArticleMetadata>;

/**
 * The fields a parsed body really carries: zod fills absent fields with their defaults ('' for the
 * outlet, null for the URL), which must not overwrite what the article holds. `raw` is the body as
 * sent, `parsed` the same after updateArticleMetadataSchema.
 */
export function metadataPatchOf(raw: unknown, parsed: Partial<Record<ArticleMetadataField, unknown>>): ArticleMetadataPatch {
  const sent = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const patch: Record<string, unknown> = {};
  for (const field of ARTICLE_METADATA_FIELDS) {
    if (Object.hasOwn(sent, field) && sent[field] !== undefined && parsed[field] !== undefined) patch[field] = parsed[field];
  }
  return patch as ArticleMetadataPatch;
}

/** The fields of `patch` that differ from `current`, in ARTICLE_METADATA_FIELDS order. */
export function changedMetadata(current: ArticleMetadata, patch: ArticleMetadataPatch): { before: ArticleMetadataPatch; after: ArticleMetadataPatch; fields: ArticleMetadataField[] } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const fields: ArticleMetadataField[] = [];
  for (const field of ARTICLE_METADATA_FIELDS) {
    if (!Object.hasOwn(patch, field)) continue;
    const next = patch[field] ?? (field === 'url' || field === 'publishedOn' ? null : '');
    if (next === current[field]) continue;
    before[field] = current[field];
    after[field] = next;
    fields.push(field);
  }
  return { before: before as ArticleMetadataPatch, after: after as ArticleMetadataPatch, fields };
}

/** The form's values from the article (null URL and date shown as empty fields). */
export function metadataFormValues(article: ArticleMetadata): Record<ArticleMetadataField, string> {
  return {
    title: article.title,
    outlet: article.outlet,
    byline: article.byline,
    url: article.url ?? '',
    publishedOn: article.publishedOn ?? '',
    language: article.language,
    sourceCredit: article.sourceCredit,
  };
}
