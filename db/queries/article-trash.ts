import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, historyEntries, memberships, users, workspaces } from '../schema';
import type { Role } from '@/lib/domain/roles';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { can, rolesFor, type Action } from '@/lib/auth/permissions';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { trashPurgeCutoff, trashPurgeDate, trashRefusal } from '@/lib/articles/trash';
import { lockArticleRow } from './article-lock';
import { recordHistory } from './history';

/**
 * The trash. Deleting an article sets articles.deleted_at/deleted_by: from then on it is "not
 * found" to every route, page, list and public address (db/queries/access.ts notTrashed() and the
 * lists), except the trash page and restore below. After TRASH_RETENTION_DAYS it is deleted for
 * good (purgeExpiredTrash): the row goes, and every table that references it follows by its
 * ON DELETE CASCADE (claims and all hanging off them, assignments, revisions, publications,
 * story updates); its history rows (no foreign key) are removed with it.
 *
 * Slugs are unique per workspace including trashed rows (articles_workspace_slug_idx), so a
 * restored article always gets its own address back: nobody can have taken it meanwhile.
 */

export interface TrashedArticle {
  id: string;
  workspaceId: string;
  workspaceName: string;
  slug: string;
  title: string;
  outlet: string;
  status: ArticleStatus;
  claimCount: number;
  deletedAt: string;
  deletedByName: string | null;
  /** When it is deleted for good (deletedAt + TRASH_RETENTION_DAYS). */
  purgeAt: string;
}

export interface TrashChange {
  article: { id: string; workspaceId: string; slug: string; title: string; version: number; revision: number; deletedAt: string | null };
}

const STALE = 'Someone else changed this article since you opened it.';

/**
 * Moves an article to the trash (owners and editors): refused with 409 while it is published
 * (reopen it first) and when retracted (lib/articles/trash.ts trashRefusal says why), then 409
 * when `version` is stale. Trashing also purges whatever has been in the trash too long.
 */
export async function trashArticle(db: Db, input: { articleId: string; version: number; role: Role; actorId: string; now?: Date }): Promise<TrashChange> {
  if (!can(input.role, 'article:delete')) throw forbidden(`Your role (${input.role}) cannot delete articles.`);
  const now = input.now ?? new Date();
  const result = await transaction(db, async (tx) => {
    // Under the row's lock: a publish committing at the same time is seen (or waits for us).
    const lock = await lockArticleRow(tx, input.articleId);
    const refusal = trashRefusal(lock.status);
    if (refusal) throw new AppError('conflict', refusal, { locked: true, status: lock.status });
    const [current] = await tx
      .select({ id: articles.id, workspaceId: articles.workspaceId, slug: articles.slug, title: articles.title, status: articles.status, version: articles.version, revision: articles.revision })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .limit(1);
    if (!current) throw notFound('Article');
    if (current.version !== input.version) throw conflict(STALE, { id: current.id, version: current.version, status: current.status });
    const [row] = await tx
      .update(articles)
      .set({ deletedAt: now, deletedBy: input.actorId, version: current.version + 1, updatedAt: now })
      .where(and(eq(articles.id, input.articleId), eq(articles.version, input.version)))
      .returning({ id: articles.id, workspaceId: articles.workspaceId, slug: articles.slug, title: articles.title, version: articles.version, revision: articles.revision, deletedAt: articles.deletedAt });
    if (!row) throw conflict(STALE, null);
    await recordHistory(tx, {
      workspaceId: current.workspaceId,
      articleId: current.id,
      claimId: null,
      entityType: 'article',
      entityId: current.id,
      action: 'delete',
      actorId: input.actorId,
      before: { title: current.title, slug: current.slug, status: current.status },
      after: { deletedAt: now.toISOString() },
    });
    return { article: { ...row, deletedAt: row.deletedAt?.toISOString() ?? null } };
  });
  await purgeExpiredTrash(db, now);
  return result;
}

/**
 * The article in the trash and the user's role, for restore: not a member, unknown, or not in the
 * trash → "not found"; a role without `action` → forbidden.
 */
export async function authorizeTrashedArticle(db: Db, userId: string, articleId: string, action: Action): Promise<{ articleId: string; workspaceId: string; role: Role }> {
  const [row] = await db
    .select({ workspaceId: articles.workspaceId, deletedAt: articles.deletedAt, role: memberships.role })
    .from(articles)
    .leftJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId)))
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!row || !row.role || !row.deletedAt) throw notFound('Article in the trash');
  if (!can(row.role, action)) throw forbidden(`Your role (${row.role}) cannot restore articles.`);
  return { articleId, workspaceId: row.workspaceId, role: row.role };
}

/** Takes an article out of the trash (owners and editors), as it was: claims, history, address. */
export async function restoreArticle(db: Db, input: { articleId: string; role: Role; actorId: string }): Promise<TrashChange> {
  if (!can(input.role, 'article:delete')) throw forbidden(`Your role (${input.role}) cannot restore articles.`);
  return transaction(db, async (tx) => {
    const [current] = await tx
      .select({ id: articles.id, workspaceId: articles.workspaceId, deletedAt: articles.deletedAt, version: articles.version })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .limit(1);
    if (!current || !current.deletedAt) throw notFound('Article in the trash');
    const [row] = await tx
      .update(articles)
      .set({ deletedAt: null, deletedBy: null, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(articles.id, input.articleId), isNotNull(articles.deletedAt)))
      .returning({ id: articles.id, workspaceId: articles.workspaceId, slug: articles.slug, title: articles.title, version: articles.version, revision: articles.revision });
    if (!row) throw notFound('Article in the trash');
    await recordHistory(tx, {
      workspaceId: current.workspaceId,
      articleId: current.id,
      claimId: null,
      entityType: 'article',
      entityId: current.id,
      action: 'update',
      actorId: input.actorId,
      before: { deletedAt: current.deletedAt.toISOString() },
      after: { deletedAt: null },
    });
    return { article: { ...row, deletedAt: null } };
  });
}

/**
 * Trashed articles of the workspaces where `userId` may restore (owners and editors), most
 * recently trashed first.
 */
export async function listTrash(db: Db, userId: string): Promise<TrashedArticle[]> {
  const deleter = alias(users, 'deleter');
  const claimCounts = db.select({ articleId: claims.articleId, n: count().as('n') }).from(claims).groupBy(claims.articleId).as('claim_counts');
  const rows = await db
    .select({
      id: articles.id,
      workspaceId: articles.workspaceId,
      workspaceName: workspaces.name,
      slug: articles.slug,
      title: articles.title,
      outlet: articles.outlet,
      status: articles.status,
      claimCount: claimCounts.n,
      deletedAt: articles.deletedAt,
      deletedByName: deleter.name,
    })
    .from(articles)
    .innerJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId), inArray(memberships.role, rolesFor('article:delete'))))
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .leftJoin(deleter, eq(deleter.id, articles.deletedBy))
    .leftJoin(claimCounts, eq(claimCounts.articleId, articles.id))
    .where(isNotNull(articles.deletedAt))
    .orderBy(desc(articles.deletedAt), asc(articles.title));
  return rows.map(({ deletedAt, claimCount, ...row }) => ({
    ...row,
    // PostgreSQL returns counts as bigint strings.
    claimCount: Number(claimCount ?? 0),
    deletedAt: deletedAt!.toISOString(),
    purgeAt: trashPurgeDate(deletedAt!).toISOString(),
  }));
}

/**
 * Deletes for good every article trashed more than TRASH_RETENTION_DAYS before `now` (with all that
 * references it, by cascade, and its history rows). Run when the trash is read and when something
 * is trashed. Returns the ids removed.
 */
export async function purgeExpiredTrash(db: Db, now: Date = new Date()): Promise<string[]> {
  const cutoff = trashPurgeCutoff(now);
  return transaction(db, async (tx) => {
    const expired = (
      await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(isNotNull(articles.deletedAt), lt(articles.deletedAt, cutoff)))
    ).map((r) => r.id);
    if (expired.length === 0) return [];
    // Guarded again: a restore that committed since the read keeps its article.
    const removed = (
      await tx
        .delete(articles)
        .where(and(inArray(articles.id, expired), isNotNull(articles.deletedAt), lt(articles.deletedAt, cutoff)))
        .returning({ id: articles.id })
    ).map((r) => r.id);
    if (removed.length > 0) await tx.delete(historyEntries).where(inArray(historyEntries.articleId, removed));
    return removed;
  });
}
