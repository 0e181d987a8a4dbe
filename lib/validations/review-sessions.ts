import { z } from 'zod';
import { MAX_AGENDA_ITEMS, MAX_SESSION_ACTION_CHARS, MAX_SESSION_NOTE_CHARS, MAX_TIMEBOX_SECONDS, SESSION_ACTION_KINDS } from '@/lib/domain/review-sessions';
import { idSchema, userText, versionSchema } from './common';

/** Request bodies of the review-session routes (app/api/articles/[articleId]/review-sessions, app/api/review-sessions). */

const timeboxSeconds = z
  .number({ error: 'The timebox must be a number of seconds.' })
  .int('The timebox must be whole seconds.')
  .positive('The timebox must be longer than 0 seconds.')
  .max(MAX_TIMEBOX_SECONDS, `A timebox can be at most ${MAX_TIMEBOX_SECONDS / 60} minutes.`);

const note = (field: string, required?: string) => {
  const text = userText(field, required ? { required } : {})
    .trim()
    .max(MAX_SESSION_NOTE_CHARS, `${field} can be at most ${MAX_SESSION_NOTE_CHARS.toLocaleString('en')} characters.`);
  return required ? text.min(1, required) : text;
};

/** POST /api/articles/:articleId/review-sessions */
export const startSessionSchema = z.object({
  /** The agenda in order; omitted: the proposal (lib/review-sessions/agenda.ts). */
  claimIds: z
    .array(idSchema, { error: 'claimIds must be a list of claim ids.' })
    .max(MAX_AGENDA_ITEMS, `An agenda can have at most ${MAX_AGENDA_ITEMS} items.`)
    .refine((ids) => new Set(ids).size === ids.length, 'A claim can be on the agenda only once.')
    .optional(),
  /** The default timebox of every item; null or omitted: none. */
  timeboxSeconds: timeboxSeconds.nullable().optional(),
});
export type StartSessionInput = z.output<typeof startSessionSchema>;

/** PATCH /api/review-sessions/:sessionId: one lead (or lead-taking) operation, by `op`. */
export const sessionOpSchema = z.discriminatedUnion(
  'op',
  [
    z.object({
      op: z.literal('reorder'),
      // Optional (kept for older clients): the agenda check is the permutation itself, not the session version.
      version: versionSchema.optional(),
      itemIds: z
        .array(idSchema, { error: 'itemIds must be a list of agenda item ids.' })
        .min(1, 'List the agenda items in their new order.')
        .max(MAX_AGENDA_ITEMS, `An agenda can have at most ${MAX_AGENDA_ITEMS} items.`),
    }),
    z.object({ op: z.literal('addItem'), claimId: idSchema }),
    z.object({ op: z.literal('dropItem'), itemId: idSchema, note: note('The note').optional() }),
    z.object({ op: z.literal('goto'), itemId: idSchema }),
    z.object({ op: z.literal('timebox'), itemId: idSchema, seconds: timeboxSeconds.nullable() }),
    z.object({ op: z.literal('callVote'), itemId: idSchema }),
    z.object({ op: z.literal('reveal'), itemId: idSchema }),
    z.object({
      op: z.literal('decide'),
      itemId: idSchema,
      verdictId: idSchema,
      rationale: userText('The rationale').trim().max(5000, 'Keep the rationale under 5,000 characters.').optional(),
      claimVersion: versionSchema,
    }),
    z.object({ op: z.literal('defer'), itemId: idSchema, note: note('The note', 'Say why the item is deferred.') }),
    z.object({ op: z.literal('takeLead') }),
    z.object({ op: z.literal('end') }),
  ],
  { error: 'Unknown session operation.' },
);
export type SessionOp = z.output<typeof sessionOpSchema>;
export type SessionOpName = SessionOp['op'];

export const ATTENDANCE_ACTIONS = ['join', 'leave', 'follow', 'breakAway'] as const;
export type AttendanceAction = (typeof ATTENDANCE_ACTIONS)[number];

/** POST /api/review-sessions/:sessionId/attendance */
export const attendanceSchema = z.object({ action: z.enum(ATTENDANCE_ACTIONS, { error: 'action must be join, leave, follow or breakAway.' }) });

/** POST /api/review-sessions/:sessionId/items/:itemId/notes */
export const createSessionNoteSchema = z.object({ body: note('The note', 'Write a note.') });
/** PATCH /api/review-sessions/:sessionId/notes/:noteId */
export const updateSessionNoteSchema = z.object({ body: note('The note', 'Write a note.'), version: versionSchema });
/** DELETE /api/review-sessions/:sessionId/notes/:noteId */
export const deleteSessionNoteSchema = z.object({ version: versionSchema });

/** POST /api/review-sessions/:sessionId/actions */
export const createSessionActionSchema = z
  .object({
    itemId: idSchema.nullable().optional(),
    kind: z.enum(SESSION_ACTION_KINDS, { error: 'kind must be claim or task.' }),
    assigneeId: idSchema,
    claimId: idSchema.nullable().optional(),
    text: userText('The action')
      .trim()
      .max(MAX_SESSION_ACTION_CHARS, `An action item can be at most ${MAX_SESSION_ACTION_CHARS.toLocaleString('en')} characters.`)
      .default(''),
  })
  .superRefine((v, ctx) => {
    // A claim action names its claim, or the agenda item whose claim it is.
    if (v.kind === 'claim' && !v.claimId && !v.itemId) ctx.addIssue({ code: 'custom', path: ['claimId'], message: 'Choose the claim to assign.' });
    if (v.kind === 'task' && v.text === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'Describe the task.' });
  });
export type CreateSessionActionInput = z.output<typeof createSessionActionSchema>;

/** PATCH /api/review-sessions/:sessionId/actions/:actionId */
export const updateSessionActionSchema = z.object({ done: z.boolean({ error: 'done must be true or false.' }), version: versionSchema });
