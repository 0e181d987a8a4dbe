import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { isUniqueViolation, transaction } from '../transaction';
import { articles } from '../schema';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { Role } from '@/lib/domain/roles';
import { can } from '@/lib/auth/permissions';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { canTransitionArticle, publicationTargetMessage } from '@/lib/review/workflow';
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

/** The article's review state (status, version…), read on `tx` (or the database). 404 when unknown. */
export async function readArticleReviewState(tx: Db | Tx, articleId: string): Promise<ArticleReviewState> {
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
 * exist. The role comes first, so a reviewer learns they cannot move it whatever their version.
 * Publishing, reopening and retracting are not status changes: `published` and `retracted` are
 * refused with 422 naming the Publish dialog (db/queries/publications.ts does those steps).
 */
export async function setArticleStatus(db: Db, input: { articleId: string; status: ArticleStatus; version: number; role: Role; actorId: string }): Promise<ReviewChange> {
  // A role that can take no workflow step at all is refused outright, even for a no-op.
  if (!can(input.role, 'article:status')) throw forbidden(`Your role (${input.role}) cannot change the article’s status.`);
  const publicationStep = publicationTargetMessage(input.status);
  if (publicationStep) throw new AppError('unprocessable', publicationStep, { publicationDialog: true });
  return transaction(db, async (tx) => {
    const current = await readArticleReviewState(tx, input.articleId);
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
    if (updated.length !== 1) throw conflict('Someone else changed this article since you opened it.', await readArticleReviewState(tx, input.articleId));
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.id, claimId: null, entityType: 'article', entityId: current.id, action: 'update', actorId: input.actorId, before: { status: current.status }, after: { status: input.status } });
    return { article: await readArticleReviewState(tx, input.articleId), changed: true };
  });
}

/** Turns blind review on or off for an article (editors and owners). */
export async function setBlindReview(db: Db, input: { articleId: string; blindReview: boolean; version: number; role: Role; actorId: string }): Promise<ReviewChange> {
  const { article, changed } = await updateArticleSettings(db, input);
  return { article, changed };
}

export const SLUG_TAKEN = 'Another article in this workspace already uses that address.';

export interface SettingsChange extends ReviewChange {
  /** The article's slug after the change (its public address). */
  slug: string;
  /** What changed (empty for a no-op). */
  fields: Array<'blindReview' | 'slug'>;
}

/**
 * Article settings (editors and owners), in any status: blind review, and the slug of its public
 * address (/fact-checks/<workspace>/<slug>), unique in the workspace (409 on a clash). Renaming a
 * published article keeps its old address working: public pages redirect from the slugs recorded
 * with each publication step.
 */
export async function updateArticleSettings(db: Db, input: { articleId: string; version: number; role: Role; actorId: string; blindReview?: boolean; slug?: string }): Promise<SettingsChange> {
  if (!can(input.role, 'article:edit')) throw forbidden(`Your role (${input.role}) cannot change review settings.`);
  try {
    return await transaction(db, async (tx) => {
      const current = await readArticleReviewState(tx, input.articleId);
      const [{ slug: currentSlug } = { slug: '' }] = await tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, input.articleId)).limit(1);
      if (current.version !== input.version) throw conflict('Someone else changed this article since you opened it.', current);
      const set: { blindReview?: boolean; slug?: string } = {};
      if (input.blindReview !== undefined && input.blindReview !== current.blindReview) set.blindReview = input.blindReview;
      if (input.slug !== undefined && input.slug !== currentSlug) set.slug = input.slug;
      const fields = (Object.keys(set) as Array<'blindReview' | 'slug'>).sort();
      if (fields.length === 0) return { article: current, changed: false, slug: currentSlug, fields };
      if (set.slug !== undefined) {
        const [clash] = await tx
          .select({ id: articles.id })
          .from(articles)
          .where(and(eq(articles.workspaceId, current.workspaceId), eq(articles.slug, set.slug), ne(articles.id, current.id)))
          .limit(1);
        if (clash) throw new AppError('conflict', SLUG_TAKEN, { field: 'slug' });
      }
      const updated = await tx
        .update(articles)
        .set({ ...set, version: current.version + 1, updatedAt: new Date() })
        .where(and(eq(articles.id, input.articleId), eq(articles.version, input.version)))
        .returning({ id: articles.id, slug: articles.slug });
      if (updated.length !== 1) throw conflict('Someone else changed this article since you opened it.', await readArticleReviewState(tx, input.articleId));
      const before = { ...(set.blindReview !== undefined ? { blindReview: current.blindReview } : {}), ...(set.slug !== undefined ? { slug: currentSlug } : {}) };
      await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.id, claimId: null, entityType: 'article', entityId: current.id, action: 'update', actorId: input.actorId, before, after: set });
      return { article: await readArticleReviewState(tx, input.articleId), changed: true, slug: updated[0]!.slug, fields };
    });
  } catch (error) {
    // Two renames to one address at once: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(error)) throw new AppError('conflict', SLUG_TAKEN, { field: 'slug' });
    throw error;
  }
}
