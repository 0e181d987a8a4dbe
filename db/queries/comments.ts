import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, comments, historyEntries, memberships, mentions, users } from '../schema';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { scrubDeletedCommentAudit } from '@/lib/review/deleted-comments';
import { mentionedUserIds, mentionsOutside } from '@/lib/review/mention-tokens';
import { MAX_COMMENT_CHARS } from '@/lib/validations/review';
import { recordHistory, type Tx } from './history';
import type { CommentDto } from '@/lib/domain/review';

type CommentRow = typeof comments.$inferSelect;

function toDto(row: CommentRow, authorName: string | null, mentioned: Array<{ userId: string; name: string }>): CommentDto {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    claimId: row.claimId,
    authorId: row.authorId,
    authorName,
    body: deleted ? '' : row.body,
    deleted,
    edited: !deleted && row.version > 1,
    isPublic: row.isPublic,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    mentions: deleted ? [] : mentioned,
  };
}

async function mentionsOf(db: Db | Tx, commentIds: string[]): Promise<Map<string, Array<{ userId: string; name: string }>>> {
  const byComment = new Map<string, Array<{ userId: string; name: string }>>();
  if (commentIds.length === 0) return byComment;
  const rows = await db
    .select({ commentId: mentions.commentId, userId: mentions.userId, name: users.name })
    .from(mentions)
    .innerJoin(users, eq(users.id, mentions.userId))
    .where(inArray(mentions.commentId, commentIds))
    .orderBy(asc(users.name), asc(users.id));
  for (const r of rows) byComment.set(r.commentId, [...(byComment.get(r.commentId) ?? []), { userId: r.userId, name: r.name }]);
  return byComment;
}

/** The claim's thread, oldest first; deleted comments stay as placeholders. */
export async function listComments(db: Db, claimId: string): Promise<CommentDto[]> {
  const rows = await db
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.claimId, claimId))
    // createdAt is strictly increasing per process (db/schema/clock.ts); id only makes the order total.
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const byComment = await mentionsOf(db, rows.map((r) => r.comment.id));
  return rows.map((r) => toDto(r.comment, r.authorName, byComment.get(r.comment.id) ?? []));
}

export async function getComment(db: Db | Tx, commentId: string): Promise<CommentDto> {
  const [row] = await db.select({ comment: comments, authorName: users.name }).from(comments).leftJoin(users, eq(users.id, comments.authorId)).where(eq(comments.id, commentId)).limit(1);
  if (!row) throw notFound('Comment');
  return toDto(row.comment, row.authorName, (await mentionsOf(db, [commentId])).get(commentId) ?? []);
}

/** The comment with the workspace and article it belongs to, for authorisation and events. */
export async function getCommentScope(db: Db, commentId: string) {
  const [row] = await db
    .select({ comment: comments, workspaceId: claims.workspaceId, articleId: claims.articleId })
    .from(comments)
    .innerJoin(claims, eq(claims.id, comments.claimId))
    // A comment on a trashed article is gone with it (db/queries/article-trash.ts).
    .innerJoin(articles, and(eq(articles.id, claims.articleId), isNull(articles.deletedAt)))
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!row) throw notFound('Comment');
  return row;
}

/**
 * The people a body's mention tokens name, minus its author (no self-notifications). Every one must
 * be a member of the workspace: a mention of anyone else (unknown id, another workspace's member) is
 * refused with a 422 naming the mention as written, so the client's own label, never our data.
 */
async function mentionedIn(tx: Tx, workspaceId: string, body: string, authorId: string): Promise<string[]> {
  const ids = mentionedUserIds(body);
  if (ids.length === 0) return [];
  const memberIds = new Set(
    (await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)))
    ).map((m) => m.userId),
  );
  const outside = mentionsOutside(body, memberIds);
  if (outside.length > 0) {
    const names = outside.map((m) => `@${m.label || 'someone'}`).join(', ');
    throw new AppError('unprocessable', `You can only mention members of this workspace; ${names} ${outside.length === 1 ? 'is' : 'are'} not.`, { field: 'body' });
  }
  return ids.filter((id) => id !== authorId);
}

function cleanBody(body: string): string {
  const text = body.trim();
  if (text === '') throw new AppError('unprocessable', 'Write something before posting.');
  if (text.length > MAX_COMMENT_CHARS) throw new AppError('unprocessable', `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters.`);
  return text;
}

export interface CommentResult {
  comment: CommentDto;
  /** Users newly mentioned by this write (to notify). */
  mentionedUserIds: string[];
}

/**
 * Posts a comment: internal unless `isPublic` (a public one is published as a note from the desk).
 * Comments stay writable on a published article: the discussion goes on.
 */
export async function createComment(db: Db, input: { claimId: string; body: string; isPublic?: boolean; actorId: string }): Promise<CommentResult> {
  const body = cleanBody(input.body);
  const isPublic = input.isPublic ?? false;
  return transaction(db, async (tx) => {
    const [claim] = await tx.select().from(claims).where(eq(claims.id, input.claimId)).limit(1);
    if (!claim) throw notFound('Claim');
    const mentioned = await mentionedIn(tx, claim.workspaceId, body, input.actorId);
    const [row] = await tx.insert(comments).values({ claimId: claim.id, authorId: input.actorId, body, isPublic }).returning();
    if (mentioned.length) await tx.insert(mentions).values(mentioned.map((userId) => ({ commentId: row!.id, userId })));
    await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'comment', entityId: row!.id, action: 'create', actorId: input.actorId, after: { body, mentions: mentioned, ...(isPublic ? { isPublic } : {}) } });
    return { comment: await getComment(tx, row!.id), mentionedUserIds: mentioned };
  });
}

/** Loads a comment for a write by its author: 404, 422 if deleted, 403 if not theirs, 409 if stale. */
async function loadOwn(tx: Tx, commentId: string, actorId: string, version: number, verb: 'edit' | 'delete') {
  const [current] = await tx.select().from(comments).where(eq(comments.id, commentId)).limit(1);
  if (!current) throw notFound('Comment');
  if (current.deletedAt !== null) throw new AppError('unprocessable', 'This comment was deleted.');
  if (current.authorId !== actorId) throw forbidden(`You can only ${verb} your own comments.`);
  if (current.version !== version) throw conflict('This comment changed since you opened it.', await getComment(tx, commentId));
  const [claim] = await tx.select().from(claims).where(eq(claims.id, current.claimId)).limit(1);
  if (!claim) throw notFound('Claim');
  return { current, claim };
}

/** Edits your own comment's text and/or public flag (`body` or `isPublic` left out stays as it is). */
export async function updateComment(db: Db, commentId: string, input: { body?: string; isPublic?: boolean; version: number }, actorId: string): Promise<CommentResult> {
  const newBody = input.body === undefined ? undefined : cleanBody(input.body);
  return transaction(db, async (tx) => {
    const { current, claim } = await loadOwn(tx, commentId, actorId, input.version, 'edit');
    const body = newBody ?? current.body;
    const isPublic = input.isPublic ?? current.isPublic;
    const wanted = await mentionedIn(tx, claim.workspaceId, body, actorId);
    const existing = (await tx.select({ userId: mentions.userId }).from(mentions).where(eq(mentions.commentId, commentId))).map((m) => m.userId);
    const added = wanted.filter((id) => !existing.includes(id));
    const removed = existing.filter((id) => !wanted.includes(id));
    if (body === current.body && isPublic === current.isPublic && added.length === 0 && removed.length === 0) return { comment: await getComment(tx, commentId), mentionedUserIds: [] };
    const updated = await tx
      .update(comments)
      .set({ body, isPublic, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(comments.id, commentId), eq(comments.version, input.version)))
      .returning({ id: comments.id });
    if (updated.length !== 1) throw conflict('This comment changed since you opened it.', await getComment(tx, commentId));
    // Existing mentions keep their read state; only the difference changes.
    if (removed.length) await tx.delete(mentions).where(and(eq(mentions.commentId, commentId), inArray(mentions.userId, removed)));
    if (added.length) await tx.insert(mentions).values(added.map((userId) => ({ commentId, userId })));
    await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'comment', entityId: commentId, action: 'update', actorId, before: { body: current.body, mentions: existing, ...(isPublic !== current.isPublic ? { isPublic: current.isPublic } : {}) }, after: { body, mentions: wanted, ...(isPublic !== current.isPublic ? { isPublic } : {}) } });
    return { comment: await getComment(tx, commentId), mentionedUserIds: added };
  });
}

/**
 * Soft delete: the row stays as a placeholder and its text and mentions go, from the row and from
 * the history. The history keeps the fact (who posted it, who deleted it and when), not the words:
 * the delete entry carries no body, and the earlier create/edit entries are scrubbed.
 */
export async function deleteComment(db: Db, commentId: string, version: number, actorId: string): Promise<CommentDto> {
  return transaction(db, async (tx) => {
    const { current, claim } = await loadOwn(tx, commentId, actorId, version, 'delete');
    const deletedAt = new Date();
    const deleted = await tx
      .update(comments)
      .set({ body: '', deletedAt, version: current.version + 1, updatedAt: deletedAt })
      .where(and(eq(comments.id, commentId), eq(comments.version, version)))
      .returning({ id: comments.id });
    // A concurrent edit or delete committed between our read and this write (read committed).
    if (deleted.length !== 1) throw conflict('This comment changed since you opened it.', await getComment(tx, commentId));
    await tx.delete(mentions).where(eq(mentions.commentId, commentId));
    await scrubCommentHistory(tx, commentId);
    await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: claim.id, entityType: 'comment', entityId: commentId, action: 'delete', actorId, before: { authorId: current.authorId, createdAt: current.createdAt.toISOString() }, after: { deletedAt: deletedAt.toISOString() } });
    return getComment(tx, commentId);
  });
}

/** Removes a comment's text and mentions from every history entry already written about it. */
async function scrubCommentHistory(tx: Tx, commentId: string): Promise<void> {
  const entries = await tx
    .select({ id: historyEntries.id, before: historyEntries.before, after: historyEntries.after })
    .from(historyEntries)
    .where(and(eq(historyEntries.entityType, 'comment'), eq(historyEntries.entityId, commentId)));
  for (const entry of entries) await tx.update(historyEntries).set(scrubDeletedCommentAudit(entry)).where(eq(historyEntries.id, entry.id));
}
