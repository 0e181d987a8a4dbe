import { z } from 'zod';
import { userText, versionSchema } from './common';

/** Request bodies of the publication route (POST /api/articles/:id/publication) and the article's public address. */

export const MAX_CORRECTION_NOTE_CHARS = 2000;
export const MAX_PUBLICATION_REASON_CHARS = 1000;
export const MAX_SLUG_CHARS = 80;

/** Optional free text: trimmed; blank, null or missing all mean "not given". */
function optionalText(field: string, max: number, tooLong: string) {
  return z
    .union([z.null(), userText(field).trim().max(max, tooLong)])
    .optional()
    .transform((value) => (value ? value : undefined));
}

function requiredText(field: string, max: number, missing: string, tooLong: string) {
  return userText(field, { required: missing }).trim().min(1, missing).max(max, tooLong);
}

const publishSchema = z.object({
  action: z.literal('publish'),
  version: versionSchema,
  /** Required when the article was published before (a republication is a correction). */
  correctionNote: optionalText('The correction note', MAX_CORRECTION_NOTE_CHARS, `Keep the correction note under ${MAX_CORRECTION_NOTE_CHARS.toLocaleString('en')} characters.`),
  /** An owner's reason for publishing despite blockers. */
  overrideReason: optionalText('The override reason', MAX_PUBLICATION_REASON_CHARS, `Keep the reason under ${MAX_PUBLICATION_REASON_CHARS.toLocaleString('en')} characters.`),
});

const reopenSchema = z.object({
  action: z.literal('reopen'),
  version: versionSchema,
  reason: requiredText('The reason', MAX_PUBLICATION_REASON_CHARS, 'Say why the fact-check is reopened (what needs correcting).', `Keep the reason under ${MAX_PUBLICATION_REASON_CHARS.toLocaleString('en')} characters.`),
});

const retractSchema = z.object({
  action: z.literal('retract'),
  version: versionSchema,
  reason: requiredText('The reason', MAX_PUBLICATION_REASON_CHARS, 'Say why the fact-check is retracted: readers will see this reason.', `Keep the reason under ${MAX_PUBLICATION_REASON_CHARS.toLocaleString('en')} characters.`),
});

export const publicationActionSchema = z.discriminatedUnion('action', [publishSchema, reopenSchema, retractSchema], {
  error: 'action must be publish, reopen or retract.',
});

export type PublicationAction = z.output<typeof publicationActionSchema>;

/** An article's address in public URLs: lowercase letters, digits and single hyphens, 1–80 characters. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const articleSlugSchema = z
  .string({ error: 'The address must be text.' })
  .trim()
  .min(1, 'Enter an address (lowercase letters, digits and hyphens).')
  .max(MAX_SLUG_CHARS, `Keep the address under ${MAX_SLUG_CHARS} characters.`)
  .regex(SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens only (no spaces, no hyphen at the start or end), e.g. budget-speech-2024.');
