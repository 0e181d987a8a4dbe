import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles } from '../schema';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { Role } from '@/lib/domain/roles';
import { can } from '@/lib/auth/permissions';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { canTransitionArticle } from '@/lib/review/workflow';
import { recordHistory, type Tx } from './history';

/** The review-relevant part of an article: what status and settings routes return (and 409s carry). */
export interface ArticleReviewState {
  id: string;
  workspaceId: string;
  status: ArticleStatus;
  blindReview: boolean;
  version: number;
  revision: number;
}

async function state(tx: Db | Tx, articleId: string): Promise<ArticleReviewState> {
  const [row] = await tx
    .select({ id: articles.id, workspaceId: articles.workspaceId, status: articles.status, blindReview: articles.blindReview, version: articles.version, revision: articles.revision })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!row) throw notFound('Article');
  return row;
}

export interface ReviewChange {
  article: ArticleReviewState;
  /** False for a no-op (already in that state): no new version, no history, no event. */
  changed: boolean;
}

/**
 * Moves an article along the workflow (lib/review/workflow.ts decides what `role` may do):
 * 403 for a step the role may not take, then 409 when stale, then 422 for a step that does not
 * exist. The role comes first, so a reviewer learns they cannot publish whatever their version.
 */
export async function setArticleStatus(db: Db, input: { articleId: string; status: ArticleStatus; version: number; role: Role; actorId: string }): Promise<ReviewChange> {
  // A role that can take no workflow step at all is refused outright, even for a no-op.
  if (!can(input.role, 'article:status') && !can(input.role, 'article:publish')) throw forbidden(`Your role (${input.role}) cannot change the article’s status.`);
  return transaction(db, async (tx) => {
    const current = await state(tx, input.articleId);
    if (current.status === input.status) {
      if (current.version !== input.version) throw conflict('Someone else changed this article since you opened it.', current);
      return { article: current, changed: false };
    }
    const allowed = canTransitionArticle(input.role, current.status, input.status);
    if (!allowed.ok && allowed.code === 'forbidden') throw forbidden(allowed.reason);
    // Stale before invalid: a client that saw an older status may have asked for a step that was
    // valid then; it needs the current state (409), not a lecture on the workflow (422).
    if (current.version !== input.version) throw conflict('Someone else changed this article since you opened it.', current);
    if (!allowed.ok) throw new AppError('unprocessable', allowed.reason);
    const updated = await tx
      .update(articles)
      .set({ status: input.status, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(articles.id, input.articleId), eq(articles.version, input.version)))
      .returning({ id: articles.id });
    if (updated.length !== 1) throw conflict('Someone else changed this article since you opened it.', await state(tx, input.articleId));
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.id, claimId: null, entityType: 'article', entityId: current.id, action: 'update', actorId: input.actorId, before: { status: current.status }, after: { status: input.status } });
    return { article: await state(tx, input.articleId), changed: true };
  });
}

/** Turns blind review on or off for an article (editors and owners). */
export async function setBlindReview(db: Db, input: { articleId: string; blindReview: boolean; version: number; role: Role; actorId: string }): Promise<ReviewChange> {
  if (!can(input.role, 'article:edit')) throw forbidden(`Your role (${input.role}) cannot change review settings.`);
  return transaction(db, async (tx) => {
    const current = await state(tx, input.articleId);
    if (current.version !== input.version) throw conflict('Someone else changed this article since you opened it.', current);
    if (current.blindReview === input.blindReview) return { article: current, changed: false };
    const updated = await tx
      .update(articles)
      .set({ blindReview: input.blindReview, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(articles.id, input.articleId), eq(articles.version, input.version)))
      .returning({ id: articles.id });
    if (updated.length !== 1) throw conflict('Someone else changed this article since you opened it.', await state(tx, input.articleId));
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.id, claimId: null, entityType: 'article', entityId: current.id, action: 'update', actorId: input.actorId, before: { blindReview: current.blindReview }, after: { blindReview: input.blindReview } });
    return { article: await state(tx, input.articleId), changed: true };
  });
}
