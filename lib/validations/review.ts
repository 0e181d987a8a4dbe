import { z } from 'zod';
import { ARTICLE_STATUSES } from '@/lib/domain/statuses';
import { mentionedUserIds } from '@/lib/review/mention-tokens';
import { idSchema, userText, versionSchema } from './common';
import { articleSlugSchema } from './publishing';

/** Request bodies of the team-review routes (comments, verdicts, assignments, workflow, presence). */

export const MAX_COMMENT_CHARS = 5000;
export const MAX_REASON_CHARS = 1000;
/** Different people one comment may @mention (each is a row and a notification). */
export const MAX_MENTIONS_PER_COMMENT = 20;

const commentBody = userText('The comment', { required: 'Write a comment.' })
  .trim()
  .min(1, 'Write something before posting.')
  .max(MAX_COMMENT_CHARS, `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters.`)
  .refine((body) => mentionedUserIds(body).length <= MAX_MENTIONS_PER_COMMENT, `Mention at most ${MAX_MENTIONS_PER_COMMENT} people in one comment.`);

/** Internal (false, the default) or public: a public comment is published as a note from the desk. */
const commentIsPublic = z.boolean({ error: 'isPublic must be true or false.' });

export const createCommentSchema = z.object({ body: commentBody, isPublic: commentIsPublic.default(false) });
/** Changes the text, the public flag, or both; what is left out stays as it is. */
export const updateCommentSchema = z
  .object({ body: commentBody.optional(), isPublic: commentIsPublic.optional(), version: versionSchema })
  .refine((v) => v.body !== undefined || v.isPublic !== undefined, { path: ['body'], message: 'Write a comment.' });
export const deleteCommentSchema = z.object({ version: versionSchema });

export const putMyVerdictSchema = z.object({
  verdictId: idSchema,
  reason: userText('The reason').trim().max(MAX_REASON_CHARS, `Keep the reason under ${MAX_REASON_CHARS.toLocaleString('en')} characters.`).default(''),
  /** The version of my verdict being replaced; omit when giving my first verdict on the claim. */
  version: versionSchema.optional(),
});

export const finalVerdictSchema = z.object({
  /** null clears the final verdict. */
  verdictId: idSchema.nullable(),
  version: versionSchema,
});

export const articleStatusSchema = z.object({
  status: z.enum(ARTICLE_STATUSES, { error: 'Status must be draft, in_review, ready or published.' }),
  version: versionSchema,
});

/** Article settings: blind review and/or the public address (slug); at least one. */
export const articleSettingsSchema = z
  .object({
    blindReview: z.boolean({ error: 'blindReview must be true or false.' }).optional(),
    /** The article's address in public URLs (/fact-checks/<workspace>/<slug>); old addresses redirect. */
    slug: articleSlugSchema.optional(),
    version: versionSchema,
  })
  .refine((input) => input.blindReview !== undefined || input.slug !== undefined, 'Nothing to change: send blindReview or slug.');

export const createAssignmentSchema = z.object({
  articleId: idSchema,
  /** Omit or null to assign the whole article. */
  claimId: idSchema.nullable().optional(),
  assigneeId: idSchema,
});

export const articleIdQuerySchema = z.object({ articleId: idSchema });

export const presenceSchema = z.object({
  openClaimId: idSchema.nullable(),
  /** The stream's id from its `ready` event, to update one tab only. */
  connectionId: z.string().uuid('Invalid connection id.').optional(),
});

/** Mark these mentions read, or all of mine when `ids` is omitted. */
/** `{ ids }`, `{ claimId }` (my mentions in that claim's discussion) or `{}` (all of mine). */
export const markMentionsReadSchema = z
  .object({ ids: z.array(idSchema).max(500, 'At most 500 at a time.').optional(), claimId: idSchema.optional() })
  .refine((v) => !(v.ids && v.claimId), 'Give mention ids or a claim, not both.');
