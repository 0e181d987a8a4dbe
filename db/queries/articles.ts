import 'server-only';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, claimVerdicts, memberships, workspaces } from '../schema';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import { conflict, notFound } from '@/lib/errors';
import { slugify, uniqueSlug } from '@/lib/text/slug';
import { reanchorClaims } from './claims';
import { assertArticleWritable } from './article-lock';
import { recordHistory } from './history';
import { canSeeOthersVerdicts } from '@/lib/review/verdict-visibility';

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  publishedOn: string | null;
  status: ArticleStatus;
  workspaceName: string;
  claimCount: number;
  /**
   * Claims with a final verdict that this user may see: under blind review a reviewer counts only
   * the claims they have given their own verdict on, so the progress cannot reveal the others.
   */
  ratedCount: number;
  updatedAt: string;
}

/** Articles of every workspace the user belongs to, newest first. */
export async function listArticlesForUser(db: Db, userId: string): Promise<ArticleListItem[]> {
  const myVerdicts = db.select({ claimId: claimVerdicts.claimId }).from(claimVerdicts).where(eq(claimVerdicts.userId, userId)).as('my_verdicts');
  const claimCounts = db
    .select({
      articleId: claims.articleId,
      n: count().as('n'),
      rated: count(claims.verdictId).as('rated'),
      ratedAndVoted: sql<number>`count(case when ${claims.verdictId} is not null and ${myVerdicts.claimId} is not null then 1 end)`.mapWith(Number).as('rated_and_voted'),
    })
    .from(claims)
    .leftJoin(myVerdicts, eq(myVerdicts.claimId, claims.id))
    .groupBy(claims.articleId)
    .as('claim_counts');
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
      status: articles.status,
      workspaceName: workspaces.name,
      // PostgreSQL returns counts as bigint strings: mapWith(Number) on both dialects.
      claimCount: sql<number>`coalesce(${claimCounts.n}, 0)`.mapWith(Number),
      ratedCount: sql<number>`coalesce(${claimCounts.rated}, 0)`.mapWith(Number),
      ratedAndVoted: sql<number>`coalesce(${claimCounts.ratedAndVoted}, 0)`.mapWith(Number),
      blindReview: articles.blindReview,
      role: memberships.role,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId)))
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .leftJoin(claimCounts, eq(claimCounts.articleId, articles.id))
    .orderBy(desc(articles.updatedAt), asc(articles.title));
  return rows.map(({ ratedCount, ratedAndVoted, blindReview, role, updatedAt, ...row }) => ({
    ...row,
    ratedCount: canSeeOthersVerdicts(role, blindReview, false) ? ratedCount : ratedAndVoted,
    updatedAt: updatedAt.toISOString(),
  }));
}

export interface NewArticle {
  workspaceId: string;
  title: string;
  outlet: string;
  byline: string;
  url: string | null;
  publishedOn: string | null;
  language: string;
  sourceCredit: string;
  text: string;
  slug?: string;
  status?: ArticleStatus;
  createdBy: string | null;
}

export async function createArticle(db: Db, input: NewArticle) {
  return transaction(db, async (tx) => {
    const taken = new Set((await tx.select({ slug: articles.slug }).from(articles).where(eq(articles.workspaceId, input.workspaceId))).map((r) => r.slug));
    const doc = plainTextToDocJson(input.text);
    const { text, slug, ...metadata } = input;
    void text;
    const [row] = await tx
      .insert(articles)
      .values({ ...metadata, slug: uniqueSlug(slug ?? slugify(input.title), taken), docJson: doc, plainText: jsonDocToText(doc) })
      .returning();
    if (!row) throw new Error('createArticle: the insert returned no row');
    await recordHistory(tx, { workspaceId: row.workspaceId, articleId: row.id, claimId: null, entityType: 'article', entityId: row.id, action: 'create', actorId: input.createdBy, after: { title: row.title, slug: row.slug } });
    return row;
  });
}

export async function getArticle(db: Db, articleId: string) {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  return row;
}

export async function findArticleBySlug(db: Db, workspaceId: string, slug: string) {
  return (await db.select().from(articles).where(and(eq(articles.workspaceId, workspaceId), eq(articles.slug, slug))).limit(1))[0];
}

/**
 * Saves corrected article text and re-anchors every claim in the same transaction.
 * `baseRevision` is the text revision the editor started from: refused with 409 when someone
 * saved other text since (a status or settings change in between does not count). The text of a
 * published or retracted article is read-only (409, see assertArticleWritable).
 */
export async function updateArticleText(db: Db, articleId: string, doc: JSONContent, baseRevision: number, actorId: string) {
  return transaction(db, async (tx) => {
    await assertArticleWritable(tx, articleId);
    const [current] = await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1);
    if (!current) throw notFound('Article');
    if (current.revision !== baseRevision) {
      throw conflict('Someone else saved new text for this article since you started editing. Cancel, then redo your correction on their text.', { version: current.version, revision: current.revision });
    }
    const plainText = jsonDocToText(doc);
    const revision = current.revision + 1;
    // Guarded by the revision, not the version: a status change committed since our read (possible
    // on PostgreSQL) must not refuse the save; the version is bumped from whatever it is now.
    const [row] = await tx
      .update(articles)
      .set({ docJson: doc, plainText, revision, version: sql`${articles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(articles.id, articleId), eq(articles.revision, current.revision)))
      .returning();
    // Another text save committed between our read and this UPDATE: theirs wins.
    if (!row) {
      const [latest] = await tx.select({ version: articles.version, revision: articles.revision }).from(articles).where(eq(articles.id, articleId)).limit(1);
      throw conflict('Someone else saved new text for this article since you started editing. Cancel, then redo your correction on their text.', latest ?? null);
    }
    const counts = await reanchorClaims(tx, articleId, plainText, revision);
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId, claimId: null, entityType: 'article', entityId: articleId, action: 'update', actorId, before: { revision: current.revision, plainText: current.plainText }, after: { revision, plainText } });
    return { article: row, ...counts };
  });
}
