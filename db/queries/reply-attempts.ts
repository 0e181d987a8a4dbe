import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, replyAttempts, users } from '../schema';
import { conflict, notFound } from '@/lib/errors';
import type { ReplyAttemptDto } from '@/lib/domain/publishing';
import type { ReplyAttemptFields, UpdateReplyAttemptInput } from '@/lib/validations/replies';
import { assertClaimWritable } from './article-lock';
import { recordHistory, type Tx } from './history';

/**
 * Right of reply: a claim's log of attempts to reach the claimant for comment. Writes are refused
 * (409) on a published or retracted article, like every other change to a claim.
 */

type ReplyAttemptRow = typeof replyAttempts.$inferSelect;

const STALE = 'Someone else changed this right-of-reply entry since you opened it.';

export function toReplyAttemptDto(row: ReplyAttemptRow, createdByName: string | null): ReplyAttemptDto {
  return {
    id: row.id,
    claimId: row.claimId,
    contactedOn: row.contactedOn,
    method: row.method,
    contact: row.contact,
    response: row.response,
    respondedOn: row.respondedOn,
    showPublicly: row.showPublicly,
    createdBy: row.createdBy,
    createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const withAuthor = { attempt: replyAttempts, createdByName: users.name } as const;

/** The attempts of some claims, oldest contact first (then in the order they were logged). */
export async function listReplyAttemptsForClaims(db: Db | Tx, claimIds: string[]): Promise<ReplyAttemptDto[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .select(withAuthor)
    .from(replyAttempts)
    .leftJoin(users, eq(users.id, replyAttempts.createdBy))
    .where(inArray(replyAttempts.claimId, claimIds))
    .orderBy(asc(replyAttempts.contactedOn), asc(replyAttempts.createdAt), asc(replyAttempts.id));
  return rows.map((r) => toReplyAttemptDto(r.attempt, r.createdByName));
}

/** One claim's right-of-reply log, oldest contact first. */
export function listReplyAttempts(db: Db | Tx, claimId: string): Promise<ReplyAttemptDto[]> {
  return listReplyAttemptsForClaims(db, [claimId]);
}

async function readAttempt(db: Db | Tx, replyId: string): Promise<ReplyAttemptDto | null> {
  const [row] = await db.select(withAuthor).from(replyAttempts).leftJoin(users, eq(users.id, replyAttempts.createdBy)).where(eq(replyAttempts.id, replyId)).limit(1);
  return row ? toReplyAttemptDto(row.attempt, row.createdByName) : null;
}

/** Where an attempt belongs, for authorising a request about it (404 when there is no such attempt). */
export async function getReplyAttemptScope(db: Db, replyId: string) {
  const [row] = await db
    .select({ attempt: replyAttempts, workspaceId: claims.workspaceId, articleId: claims.articleId, claimVersion: claims.version })
    .from(replyAttempts)
    .innerJoin(claims, eq(claims.id, replyAttempts.claimId))
    // An attempt on a trashed article is gone with it (db/queries/article-trash.ts).
    .innerJoin(articles, and(eq(articles.id, claims.articleId), isNull(articles.deletedAt)))
    .where(eq(replyAttempts.id, replyId))
    .limit(1);
  if (!row) throw notFound('Reply attempt');
  return row;
}

export async function createReplyAttempt(db: Db, input: { claimId: string; fields: ReplyAttemptFields; actorId: string }): Promise<ReplyAttemptDto> {
  return transaction(db, async (tx) => {
    await assertClaimWritable(tx, input.claimId);
    const [claim] = await tx.select({ workspaceId: claims.workspaceId, articleId: claims.articleId }).from(claims).where(eq(claims.id, input.claimId)).limit(1);
    if (!claim) throw notFound('Claim');
    const [row] = await tx
      .insert(replyAttempts)
      .values({ ...input.fields, workspaceId: claim.workspaceId, claimId: input.claimId, createdBy: input.actorId })
      .returning();
    if (!row) throw new Error('createReplyAttempt: the insert returned no row');
    await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: input.claimId, entityType: 'reply_attempt', entityId: row.id, action: 'create', actorId: input.actorId, after: row });
    return (await readAttempt(tx, row.id))!;
  });
}

/** Replaces an attempt's fields; 409 with the current attempt when `version` is stale. */
export async function updateReplyAttempt(db: Db, replyId: string, input: UpdateReplyAttemptInput, actorId: string): Promise<ReplyAttemptDto> {
  return transaction(db, async (tx) => {
    const [current] = await tx.select().from(replyAttempts).where(eq(replyAttempts.id, replyId)).limit(1);
    if (!current) throw notFound('Reply attempt');
    await assertClaimWritable(tx, current.claimId);
    if (current.version !== input.version) throw conflict(STALE, await readAttempt(tx, replyId));
    const { version, ...fields } = input;
    const [row] = await tx
      .update(replyAttempts)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(replyAttempts.id, replyId), eq(replyAttempts.version, version)))
      .returning();
    if (!row) throw conflict(STALE, await readAttempt(tx, replyId));
    const [claim] = await tx.select({ workspaceId: claims.workspaceId, articleId: claims.articleId }).from(claims).where(eq(claims.id, row.claimId)).limit(1);
    if (claim) await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: row.claimId, entityType: 'reply_attempt', entityId: replyId, action: 'update', actorId, before: current, after: row });
    return (await readAttempt(tx, replyId))!;
  });
}

/** Deletes an attempt; 409 with the current attempt when `version` is stale. Returns what was deleted. */
export async function deleteReplyAttempt(db: Db, replyId: string, version: number, actorId: string): Promise<ReplyAttemptDto> {
  return transaction(db, async (tx) => {
    const current = await readAttempt(tx, replyId);
    if (!current) throw notFound('Reply attempt');
    await assertClaimWritable(tx, current.claimId);
    if (current.version !== version) throw conflict(STALE, current);
    const deleted = await tx
      .delete(replyAttempts)
      .where(and(eq(replyAttempts.id, replyId), eq(replyAttempts.version, version)))
      .returning();
    if (deleted.length !== 1) throw conflict(STALE, await readAttempt(tx, replyId));
    const [claim] = await tx.select({ workspaceId: claims.workspaceId, articleId: claims.articleId }).from(claims).where(eq(claims.id, current.claimId)).limit(1);
    if (claim) await recordHistory(tx, { workspaceId: claim.workspaceId, articleId: claim.articleId, claimId: current.claimId, entityType: 'reply_attempt', entityId: replyId, action: 'delete', actorId, before: deleted[0] });
    return current;
  });
}
