import { z } from 'zod';
import { IMPORT_FORMATS } from '@/lib/domain/imports';
import { ARTICLE_STATUSES } from '@/lib/domain/statuses';
import { idSchema, isoDateSchema, optionalHttpUrlSchema, userText, versionSchema } from './common';

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

/**
 * A new article: its metadata and either its plain `text` (paragraphs separated by blank lines) or
 * a `doc` from the import preview (POST /api/imports/preview) with the `importFormat` it came from.
 * The doc's content is checked by the editor schema on the server (lib/editor/article-schema).
 */
const createArticleFields = articleMetadataSchema.extend({
  text: userText('The article text')
    .max(MAX_ARTICLE_CHARS, 'The article is too long (2,000,000 characters at most).')
    .refine((t) => t.trim().length > 0, 'Paste or upload the article text.')
    .optional(),
  doc: tiptapDocSchema.optional(),
  importFormat: z.enum(IMPORT_FORMATS, { error: 'Unknown import format.' }).optional(),
});

function textOrDoc(input: z.output<typeof createArticleFields>, ctx: z.RefinementCtx): void {
  if (input.text === undefined && input.doc === undefined) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Paste or upload the article text.' });
  if (input.text !== undefined && input.doc !== undefined) ctx.addIssue({ code: 'custom', path: ['doc'], message: 'Send the article as text or as a document, not both.' });
  if (input.doc !== undefined && input.importFormat === undefined) ctx.addIssue({ code: 'custom', path: ['importFormat'], message: 'Say which format the document was imported from.' });
  if (input.text !== undefined && input.importFormat !== undefined && input.importFormat !== 'text') ctx.addIssue({ code: 'custom', path: ['importFormat'], message: 'Plain text is imported as "text".' });
}

export const createArticleSchema = createArticleFields.superRefine(textOrDoc);

/** POST /api/articles: a new article and the workspace it goes to. */
export const createArticleRequestSchema = createArticleFields.extend({ workspaceId: idSchema }).superRefine(textOrDoc);

export const updateArticleStatusSchema = z.object({ version: versionSchema, status: z.enum(ARTICLE_STATUSES) });
