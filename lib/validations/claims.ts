import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/statuses';
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

export const deleteClaimSchema = z.object({ version: versionSchema });

const isPublicSchema = z.boolean({ error: 'isPublic must be true or false.' });

export const sourceFieldsSchema = z.object({
  url: httpUrlSchema,
  title: userText('Source title').trim().max(500).default(''),
  publisher: userText('Publisher').trim().max(200).default(''),
  excerpt: userText('Excerpt').trim().max(5000, 'Excerpt is too long (5,000 characters at most).').default(''),
  accessedOn: isoDateSchema.optional().transform((v) => v ?? null),
  /** Public sources are published with the fact-check; internal ones (the default) never leave the desk. */
  isPublic: isPublicSchema.default(false),
});
/** A source's fields; `isPublic` may be left out (a new source is then internal). */
export type SourceFields = Omit<z.infer<typeof sourceFieldsSchema>, 'isPublic'> & { isPublic?: boolean };

/** All fields are replaced, except `isPublic`: left out, the source keeps its current flag. */
export const updateSourceSchema = sourceFieldsSchema.extend({ isPublic: isPublicSchema.optional(), version: versionSchema });
export type UpdateSourceInput = Omit<SourceFields, 'isPublic'> & { isPublic?: boolean; version: number };
export const deleteSourceSchema = z.object({ version: versionSchema });
