import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/statuses';
import { MAX_CLAIM_PARTS } from '@/lib/claims/parts';
import { httpUrlSchema, idSchema, isoDateSchema, userText, versionSchema } from './common';

export const MAX_EXCLUSION_REASON_CHARS = 500;

export const createClaimSchema = z
  .object({
    articleId: idSchema,
    /** The article revision the selection was made on; a stale one is refused. */
    revision: z.number().int().positive(),
    /** UTF-16 offsets into the article's plain text. */
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'Select some text to mark as a claim.' });

export const updateClaimSchema = z.object({
  version: versionSchema,
  claimText: userText('The claim statement').trim().min(1, 'The claim statement cannot be empty.').max(2000).optional(),
  claimant: userText('Claimant').trim().max(200).optional(),
  claimDate: isoDateSchema.optional(),
  claimAppearance: userText('Where the claim appeared').trim().max(2000).nullable().optional(),
  verdictId: idSchema.nullable().optional(),
  rationale: userText('Rationale').max(20000, 'Rationale is too long (20,000 characters at most).').optional(),
  status: z.enum(CLAIM_STATUSES, { error: 'Status must be open, in review or resolved.' }).optional(),
  /** A reason excludes the claim from the fact-check ("not part of the fact-check"); null includes it again. */
  exclusionReason: userText('The reason for excluding the claim', { required: 'Give a reason for excluding the claim, or null to include it again.' })
    .trim()
    .min(1, 'Give a reason for excluding the claim from the fact-check.')
    .max(MAX_EXCLUSION_REASON_CHARS, `The reason for excluding the claim can be at most ${MAX_EXCLUSION_REASON_CHARS} characters.`)
    .nullable()
    .optional(),
});
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** One span of a claim: UTF-16 offsets into the article's plain text at the given revision. */
const claimPartRangeSchema = z
  .object({
    start: z.number({ error: 'Each part needs a start offset.' }).int('Offsets are whole numbers.').min(0, 'Offsets cannot be negative.'),
    end: z.number({ error: 'Each part needs an end offset.' }).int('Offsets are whole numbers.').min(0, 'Offsets cannot be negative.'),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'Each part must cover some words (its end must come after its start).' });

/**
 * A current part of the claim kept as it is (its stored selectors and state, orphaned or not): its
 * index in the claim's parts as last read (0-based; the version check keeps indices stable).
 */
const keptPartSchema = z
  .object({ keep: z.number({ error: 'keep is the index of one of the claim\'s current parts.' }).int('keep is a whole number.').min(0, 'keep counts the claim\'s parts from 0.') })
  .strict();

/**
 * One entry of the claim's new parts: `{ keep }` when it has a `keep` key, else new words
 * `{ start, end }`, each checked by its own schema (so the messages name the real problem).
 */
const claimPartEntrySchema = z.unknown().transform((value, ctx): z.infer<typeof keptPartSchema> | z.infer<typeof claimPartRangeSchema> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'Each part is new words { start, end } or a current part kept as it is { keep: index }.' });
    return z.NEVER;
  }
  const result = 'keep' in value ? keptPartSchema.safeParse(value) : claimPartRangeSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

/**
 * PUT /api/claims/:id/anchor: the claim's new parts, replacing all of its parts: each entry is
 * new words `{ start, end }` or a current part kept as it is `{ keep }` (change words: one range;
 * add a part: the old parts kept plus the new range; re-attach: the orphaned part's entry replaced
 * by a range, the others kept). Overlaps, kept indices and the text's bounds are checked against
 * the claim and the text (setClaimParts).
 */
export const setClaimPartsSchema = z.object({
  version: versionSchema,
  /** The article revision the offsets refer to; a stale one is refused (409). */
  revision: z.number({ error: 'The article revision is required.' }).int().positive(),
  parts: z
    .array(claimPartEntrySchema, {
      error: 'Give the parts of the claim as a list of { start, end } or { keep: index }.',
    })
    .min(1, 'Select the words of the claim.')
    .max(MAX_CLAIM_PARTS, `A claim can have at most ${MAX_CLAIM_PARTS} parts.`),
});
export type SetClaimPartsInput = z.infer<typeof setClaimPartsSchema>;

export const deleteClaimSchema = z.object({ version: versionSchema });

export const MAX_EXCERPT_CHARS = 5000;
export const MAX_EXCERPT_CONTEXT_CHARS = 200;

const isPublicSchema = z.boolean({ error: 'isPublic must be true or false.' });

export const sourceFieldsSchema = z.object({
  url: httpUrlSchema,
  title: userText('Source title').trim().max(500).default(''),
  publisher: userText('Publisher').trim().max(200).default(''),
  excerpt: userText('Excerpt').trim().max(MAX_EXCERPT_CHARS, 'Excerpt is too long (5,000 characters at most).').default(''),
  /**
   * Words just before / after the passage on the source page (W3C TextQuoteSelector prefix/suffix;
   * text fragment context), kept as given: not trimmed, so the space between them and the excerpt
   * ("said " + "taxes") stays part of the selector.
   */
  excerptPrefix: userText('The words before the excerpt').max(MAX_EXCERPT_CONTEXT_CHARS, `The words before the excerpt can be at most ${MAX_EXCERPT_CONTEXT_CHARS} characters.`).default(''),
  excerptSuffix: userText('The words after the excerpt').max(MAX_EXCERPT_CONTEXT_CHARS, `The words after the excerpt can be at most ${MAX_EXCERPT_CONTEXT_CHARS} characters.`).default(''),
  accessedOn: isoDateSchema.optional().transform((v) => v ?? null),
  /** Public sources are published with the fact-check; internal ones (the default) never leave the desk. */
  isPublic: isPublicSchema.default(false),
});
type OptionalOnWrite = 'isPublic' | 'excerptPrefix' | 'excerptSuffix';

/** A source's fields; `isPublic` may be left out (a new source is then internal), and so may the excerpt's context (''). */
export type SourceFields = Omit<z.infer<typeof sourceFieldsSchema>, OptionalOnWrite> & { isPublic?: boolean; excerptPrefix?: string; excerptSuffix?: string };

/**
 * All fields are replaced, except `isPublic` and the excerpt's context (`excerptPrefix`,
 * `excerptSuffix`): left out, the source keeps its current ones (the context only while the
 * excerpt is unchanged; a new excerpt without context has none).
 */
export const updateSourceSchema = sourceFieldsSchema.extend({
  isPublic: isPublicSchema.optional(),
  excerptPrefix: sourceFieldsSchema.shape.excerptPrefix.removeDefault().optional(),
  excerptSuffix: sourceFieldsSchema.shape.excerptSuffix.removeDefault().optional(),
  version: versionSchema,
});
export type UpdateSourceInput = SourceFields & { version: number };
export const deleteSourceSchema = z.object({ version: versionSchema });
