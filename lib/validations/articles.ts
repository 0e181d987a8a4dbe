import { z } from 'zod';
import { ARTICLE_STATUSES } from '@/lib/domain/statuses';
import { isoDateSchema, optionalHttpUrlSchema, userText, versionSchema } from './common';

export const MAX_ARTICLE_CHARS = 2_000_000;

/** A Tiptap JSON document: checked for shape here, for content by the editor schema. */
export const tiptapDocSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.record(z.string(), z.unknown())).optional() })
  .passthrough();

/** Strict: a text save carries exactly these two fields (the doc itself is checked by lib/editor/article-schema.ts). */
export const updateArticleTextSchema = z.strictObject({
  /** The text revision the edit started from. */
  revision: z.number({ error: 'The text revision you edited is required.' }).int().positive(),
  doc: tiptapDocSchema,
});

export const articleMetadataSchema = z.object({
  title: userText('Title').trim().min(1, 'Title is required.').max(300),
  outlet: userText('Outlet').trim().max(200).default(''),
  byline: userText('Byline').trim().max(200).default(''),
  url: optionalHttpUrlSchema.optional().transform((v) => v ?? null),
  publishedOn: isoDateSchema.optional().transform((v) => v ?? null),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language code like en or fa.').default('en'),
  sourceCredit: userText('Source credit').trim().max(300).default(''),
});

export const createArticleSchema = articleMetadataSchema.extend({
  text: userText('The article text')
    .max(MAX_ARTICLE_CHARS, 'The article is too long (2,000,000 characters at most).')
    .refine((t) => t.trim().length > 0, 'Paste or upload the article text.'),
});

export const updateArticleStatusSchema = z.object({ version: versionSchema, status: z.enum(ARTICLE_STATUSES) });
