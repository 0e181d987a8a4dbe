import { z } from 'zod';
import { REPLY_METHODS } from '@/lib/domain/publishing';
import { isRealIsoDate, userText, versionSchema } from './common';

/**
 * The latest date an attempt (or a response) may carry: tomorrow in UTC. A day of slack, so a desk
 * ahead of UTC (whose "today" is already tomorrow there) can log what happened today.
 */
export function latestReplyDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const dateMessage = 'Use a date like 2017-11-21.';

function replyDate(what: string, { allowEmpty = false } = {}) {
  return z
    .string({ error: `${what} must be a date.` })
    .trim()
    .refine((value) => (allowEmpty && value === '') || isRealIsoDate(value), dateMessage)
    .refine((value) => value <= latestReplyDate(), `${what} cannot be in the future.`);
}

/** Right of reply: when and how the claimant was asked for comment, and what came back. */
const replyAttemptObject = z.object({
  contactedOn: replyDate('The contact date'),
  method: z.enum(REPLY_METHODS, { error: `Method must be one of: ${REPLY_METHODS.join(', ')}.` }),
  /** Who was contacted and how (internal: never published). */
  contact: userText('Contact').trim().max(300, 'Contact is too long (300 characters at most).').default(''),
  /** Empty or missing: no response (yet). */
  response: userText('Response')
    .trim()
    .max(4000, 'Response is too long (4,000 characters at most).')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  respondedOn: replyDate('The response date', { allowEmpty: true })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  showPublicly: z.boolean({ error: 'showPublicly must be true or false.' }).default(false),
});

function checkDates(v: { contactedOn: string; response: string | null; respondedOn: string | null }, ctx: z.RefinementCtx): void {
  if (v.respondedOn && v.respondedOn < v.contactedOn) ctx.addIssue({ code: 'custom', path: ['respondedOn'], message: 'The response date cannot be before the contact date.' });
  if (v.respondedOn && v.response === null) ctx.addIssue({ code: 'custom', path: ['respondedOn'], message: 'Add the response, or clear the response date.' });
}

export const replyAttemptFieldsSchema = replyAttemptObject.superRefine(checkDates);
export type ReplyAttemptFields = z.output<typeof replyAttemptFieldsSchema>;
/** What the form holds before parsing. */
export type ReplyAttemptInput = z.input<typeof replyAttemptFieldsSchema>;

/** PATCH: every field again (the form sends the whole attempt) and the version editing began from. */
export const updateReplyAttemptSchema = replyAttemptObject.extend({ version: versionSchema }).superRefine(checkDates);
export type UpdateReplyAttemptInput = z.output<typeof updateReplyAttemptSchema>;

export const deleteReplyAttemptSchema = z.object({ version: versionSchema });
