import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { reviewSessionNotes } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { checkSessionOp } from '@/lib/review-sessions/policy';
import { assertAllowed, loadItem, lockSession, openAttendance } from './review-session-core';
import type { SessionWriteResult } from './review-session-ops';
import type { Tx } from './history';

/** Notes on agenda items (who wrote what): reviewers and up write; each edits or deletes only their own. */

async function guard(tx: Tx, sessionId: string, userId: string, role: Role) {
  const session = await lockSession(tx, sessionId);
  const joined = (await openAttendance(tx, session.id, userId)) !== null;
  assertAllowed(checkSessionOp('writeNote', { role, status: session.status, isLead: session.leadId === userId, joined }));
  return session;
}

const done = (s: { id: string; workspaceId: string; articleId: string; version: number }): SessionWriteResult => ({ sessionId: s.id, workspaceId: s.workspaceId, articleId: s.articleId, version: s.version, claimId: null });

export async function createSessionNote(db: Db, args: { sessionId: string; itemId: string; userId: string; role: Role; body: string }): Promise<SessionWriteResult & { noteId: string }> {
  return transaction(db, async (tx) => {
    const session = await guard(tx, args.sessionId, args.userId, args.role);
    await loadItem(tx, session.id, args.itemId);
    const [note] = await tx.insert(reviewSessionNotes).values({ sessionId: session.id, itemId: args.itemId, authorId: args.userId, body: args.body }).returning({ id: reviewSessionNotes.id });
    return { ...done(session), noteId: note!.id };
  });
}

/** The note, if it is this session's; only its author may change it (403), at its current version (409). */
async function ownNote(tx: Tx, sessionId: string, noteId: string, userId: string, version: number) {
  const [note] = await tx.select().from(reviewSessionNotes).where(and(eq(reviewSessionNotes.id, noteId), eq(reviewSessionNotes.sessionId, sessionId))).limit(1);
  if (!note) throw notFound('Note');
  if (note.authorId !== userId) throw forbidden('You can only change your own notes.');
  if (note.version !== version) throw conflict('This note was changed elsewhere since you opened it.', { id: note.id, body: note.body, version: note.version });
  return note;
}

export async function updateSessionNote(db: Db, args: { sessionId: string; noteId: string; userId: string; role: Role; body: string; version: number }): Promise<SessionWriteResult> {
  return transaction(db, async (tx) => {
    const session = await guard(tx, args.sessionId, args.userId, args.role);
    await ownNote(tx, session.id, args.noteId, args.userId, args.version);
    const updated = await tx
      .update(reviewSessionNotes)
      .set({ body: args.body, version: args.version + 1, updatedAt: new Date() })
      .where(and(eq(reviewSessionNotes.id, args.noteId), eq(reviewSessionNotes.version, args.version)))
      .returning({ id: reviewSessionNotes.id });
    if (updated.length !== 1) throw new AppError('conflict', 'This note was changed elsewhere since you opened it.');
    return done(session);
  });
}

export async function deleteSessionNote(db: Db, args: { sessionId: string; noteId: string; userId: string; role: Role; version: number }): Promise<SessionWriteResult> {
  return transaction(db, async (tx) => {
    const session = await guard(tx, args.sessionId, args.userId, args.role);
    await ownNote(tx, session.id, args.noteId, args.userId, args.version);
    const deleted = await tx
      .delete(reviewSessionNotes)
      .where(and(eq(reviewSessionNotes.id, args.noteId), eq(reviewSessionNotes.version, args.version)))
      .returning({ id: reviewSessionNotes.id });
    if (deleted.length !== 1) throw new AppError('conflict', 'This note was changed elsewhere since you opened it.');
    return done(session);
  });
}
