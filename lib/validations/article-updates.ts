import { z } from 'zod';
import { userText } from './common';
import { MAX_CORRECTION_NOTE_CHARS } from './publishing';

/** The correction note has the publication's own limit (it is offered there when republishing). */
export const MAX_UPDATE_NOTE_CHARS = MAX_CORRECTION_NOTE_CHARS;

/** POST /api/articles/:id/updates/:updateId/accept: the revision the diff was shown against, and the correction note when required. */
export const acceptArticleUpdateSchema = z.strictObject({
  revision: z.number({ error: 'The text revision you compared with is required.' }).int().positive(),
  note: userText('The correction note').trim().max(MAX_UPDATE_NOTE_CHARS, `The correction note is too long (${MAX_UPDATE_NOTE_CHARS} characters at most).`).optional(),
});

const revisionParam = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a revision number.` })
    .int(`${what} must be a revision number.`)
    .positive(`${what} must be a revision number.`)
    // Revisions are 32-bit integers in the database (PostgreSQL refuses a larger one with an error, not "no such revision").
    .max(2_147_483_647, `${what} must be a revision number.`);

/** GET /api/articles/:id/revisions/compare?from=&to= */
export const compareRevisionsQuerySchema = z.object({ from: revisionParam('from'), to: revisionParam('to') });

/** Update ids in the path. */
export const updateIdSchema = z.string().uuid('Update not found.');
