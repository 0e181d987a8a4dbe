import 'server-only';
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, claimVerdicts, memberships, reviewSessionItems, reviewSessions, workspaces } from '../schema';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { ArticleMetadata } from '@/lib/articles/metadata';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { ImportFormat } from '@/lib/domain/imports';
import { parseArticleDocInput } from '@/lib/editor/article-schema';
import { slugify, uniqueSlug } from '@/lib/text/slug';
import { reanchorArticleClaims } from './claim-anchoring';
import { recordRevision } from './article-revisions';
import { assertArticleWritable } from './article-lock';
import { recordHistory, type Tx } from './history';
import { canSeeDecision } from '@/lib/review/verdict-visibility';
import { textSaveSummary } from '@/lib/review/history-diff';
import { diffText, type TextChange } from '@/lib/text/diff';
import { computeBlockSplice, type BlockSplice } from '@/lib/editor/block-splice';
import type { ClaimException } from '@/lib/editor/text-delta';
import { getArticleTextCache } from '@/lib/server/article-text-cache';
import type { CodePointIndex } from '@/lib/anchoring/code-points';
import { indexArticleBlocks } from './search-index';

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
   * the claims they have given their own verdict on, so the progress cannot reveal the others; and
   * claims with an open review-session vote count only for those who set the final verdict.
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
    // Trashed articles are listed on the trash page only (db/queries/article-trash.ts).
    .where(isNull(articles.deletedAt))
    .orderBy(desc(articles.updatedAt), asc(articles.title));
  // Decided claims under an open vote, by article (running sessions only: a handful of rows).
  const underVote = await db
    .select({ articleId: claims.articleId, claimId: claims.id, mine: claimVerdicts.id })
    .from(reviewSessions)
    .innerJoin(reviewSessionItems, and(eq(reviewSessionItems.sessionId, reviewSessions.id), eq(reviewSessionItems.voteState, 'open')))
    .innerJoin(claims, eq(claims.id, reviewSessionItems.claimId))
    .leftJoin(claimVerdicts, and(eq(claimVerdicts.claimId, claims.id), eq(claimVerdicts.userId, userId)))
    .where(and(eq(reviewSessions.status, 'running'), isNotNull(claims.verdictId)));
  const ratedUnderVote = new Map<string, { rated: Set<string>; ratedAndVoted: Set<string> }>();
  for (const r of underVote) {
    const entry = ratedUnderVote.get(r.articleId) ?? { rated: new Set<string>(), ratedAndVoted: new Set<string>() };
    entry.rated.add(r.claimId);
    if (r.mine) entry.ratedAndVoted.add(r.claimId);
    ratedUnderVote.set(r.articleId, entry);
  }
  return rows.map(({ ratedCount, ratedAndVoted, blindReview, role, updatedAt, ...row }) => {
    const vote = ratedUnderVote.get(row.id);
    const seen = canSeeDecision(role, blindReview, false) ? ratedCount : ratedAndVoted;
    const hiddenByVote = !vote || canSeeDecision(role, blindReview, false, { voteOpen: true }) ? 0 : canSeeDecision(role, blindReview, false) ? vote.rated.size : vote.ratedAndVoted.size;
    return { ...row, ratedCount: seen - hiddenByVote, updatedAt: updatedAt.toISOString() };
  });
}

export interface NewArticle extends ArticleMetadata {
  workspaceId: string;
  /** Plain text, paragraphs separated by blank lines; or `doc`. */
  text?: string;
  /** An editor document (from an importer or the preview), checked here by the article schema; or `text`. */
  doc?: JSONContent;
  /** How the article came in (articles.import_format); `text` unless given. */
  importFormat?: ImportFormat;
  slug?: string;
  status?: ArticleStatus;
  createdBy: string | null;
}

export const EMPTY_ARTICLE_MESSAGE = 'The article has no text.';

/**
 * The document and canonical text a new article starts with: `doc` checked strictly by the
 * article schema (422 naming `doc` when invalid), or `text` split into paragraphs. An article with
 * no text at all is refused (422), so nothing is created that has nothing to check.
 */
function initialDoc(input: Pick<NewArticle, 'text' | 'doc'>): { doc: JSONContent; text: string; field: 'doc' | 'text' } {
  if (input.doc !== undefined) {
    const checked = parseArticleDocInput(input.doc);
    return { doc: checked.doc, text: checked.text, field: 'doc' };
  }
  const doc = plainTextToDocJson(input.text ?? '');
  return { doc, text: jsonDocToText(doc), field: 'text' };
}

export async function createArticle(db: Db, input: NewArticle) {
  // Checked before the transaction: a long document's check is CPU work that holds no lock.
  const initial = initialDoc(input);
  if (initial.text.trim() === '') throw new AppError('unprocessable', EMPTY_ARTICLE_MESSAGE, { fields: [{ path: initial.field, message: EMPTY_ARTICLE_MESSAGE }] });
  return transaction(db, async (tx) => {
    const taken = new Set((await tx.select({ slug: articles.slug }).from(articles).where(eq(articles.workspaceId, input.workspaceId))).map((r) => r.slug));
    const { doc, text: plainText } = initial;
    const { text, doc: inputDoc, slug, importFormat, ...metadata } = input;
    void text;
    void inputDoc;
    const [row] = await tx
      .insert(articles)
      .values({ ...metadata, importFormat: importFormat ?? 'text', slug: uniqueSlug(slug ?? slugify(input.title), taken), docJson: doc, plainText })
      .returning();
    if (!row) throw new Error('createArticle: the insert returned no row');
    await indexArticleBlocks(tx, row.id, row.workspaceId, doc, plainText);
    await recordRevision(tx, { articleId: row.id, revision: row.revision, changes: [], text: row.plainText, doc, actorId: input.createdBy, first: true });
    await recordHistory(tx, { workspaceId: row.workspaceId, articleId: row.id, claimId: null, entityType: 'article', entityId: row.id, action: 'create', actorId: input.createdBy, after: { title: row.title, slug: row.slug, importFormat: row.importFormat } });
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

export interface TextSaveResult {
  article: { id: string; workspaceId: string; version: number; revision: number };
  baseRevision: number;
  anchored: number;
  orphaned: number;
  /** Multi-part claims with some parts found (see reanchorArticleClaims). */
  partial: number;
  /** Claims with fewer parts found than before this save (anchored → partial/orphaned, partial → orphaned or fewer parts): what the saver is told. */
  newlyOrphaned: number;
  /** Claims whose selectors or state changed (the rows written). */
  rewritten: number;
  /** The plain-text change from baseRevision (lib/text/diff). */
  textChanges: TextChange[];
  /** The document change as top-level block splices; null when the document changed outside its blocks. */
  docChanges: BlockSplice[] | null;
  /** Claims not at their mapped old range (lib/editor/text-delta). */
  exceptions: ClaimException[];
}

const SAVED_ELSEWHERE = 'Someone else saved new text for this article since you started editing. Cancel, then redo your correction on their text.';

/**
 * Saves corrected article text and re-anchors every claim in the same transaction.
 * `baseRevision` is the text revision the editor started from: refused with 409 when someone
 * saved other text since (a status or settings change in between does not count). The text of a
 * published or retracted article is read-only (409, see assertArticleWritable).
 *
 * The new revision is stored once (article_revisions: its changes, sometimes a snapshot); the
 * history row holds a summary of the change, never the texts. The result is a delta (text
 * changes, block splices, claim exceptions) the route hands to the saver and to live viewers.
 */
export async function updateArticleText(
  db: Db,
  articleId: string,
  doc: JSONContent,
  baseRevision: number,
  actorId: string,
  /** jsonDocToText(doc), when the caller has it already (checkArticleDoc computes it). */
  plainText: string = jsonDocToText(doc),
): Promise<TextSaveResult> {
  const result = await transaction(db, async (tx) => {
    await assertArticleWritable(tx, articleId);
    const [current] = await tx
      .select({ workspaceId: articles.workspaceId, revision: articles.revision, version: articles.version })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (!current) throw notFound('Article');
    if (current.revision !== baseRevision) throw conflict(SAVED_ELSEWHERE, { version: current.version, revision: current.revision });
    // The revision was checked under the article row's lock: its text cannot change, so a cached copy is as good.
    const { text: oldText, index: oldIndex } = await textOfRevision(tx, articleId, current.revision);
    // The old document for the viewers' block splice: kept from the last save or check, else read
    // (before the UPDATE below replaces it).
    const oldDoc = storedDocs.get(articleId, current.revision) ?? (await docOfArticle(tx, articleId));
    const revision = current.revision + 1;
    // Guarded by the revision, not the version: a status change committed since our read (possible
    // on PostgreSQL) must not refuse the save; the version is bumped from whatever it is now.
    const [row] = await tx
      .update(articles)
      .set({ docJson: doc, plainText, revision, version: sql`${articles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(articles.id, articleId), eq(articles.revision, current.revision)))
      .returning({ id: articles.id, workspaceId: articles.workspaceId, version: articles.version, revision: articles.revision });
    // Another text save committed between our read and this UPDATE: theirs wins.
    if (!row) {
      const [latest] = await tx.select({ version: articles.version, revision: articles.revision }).from(articles).where(eq(articles.id, articleId)).limit(1);
      throw conflict(SAVED_ELSEWHERE, latest ?? null);
    }
    // Only the blocks this save changed are re-indexed for search.
    await indexArticleBlocks(tx, articleId, current.workspaceId, doc, plainText);
    const textChanges = diffText(oldText, plainText);
    const anchoring = await reanchorArticleClaims(tx, articleId, oldText, plainText, textChanges, revision, { old: oldIndex });
    await recordRevision(tx, { articleId, revision, changes: textChanges, text: plainText, doc, actorId });
    const summary = textSaveSummary(oldText, textChanges, current.revision, revision);
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId, claimId: null, entityType: 'article', entityId: articleId, action: 'update', actorId, before: { revision: current.revision }, after: summary });
    return { article: row, baseRevision: current.revision, ...anchoring, textChanges, oldDoc };
    // Long on a big article (re-anchoring every claim): commits alone, so writes that finished
    // before it are not held back for its whole run (db/transaction.ts, group commit).
  }, { groupCommit: false });
  // Committed: the new revision's text and document are final, keep them for the next claim or
  // save. The block splice for viewers needs no lock, so it is worked out after the commit.
  getArticleTextCache().set(articleId, result.article.revision, plainText);
  storedDocs.set(articleId, result.article.revision, doc);
  const { oldDoc, ...saved } = result;
  return { ...saved, docChanges: computeBlockSplice(oldDoc, doc) };
}

/**
 * The stored (checked) document of an article at `revision`, for checking an edit of it block by
 * block (lib/editor/article-schema checkArticleDoc): from the in-process copy kept by the last
 * save or read, else read from the row. null when the article is at another revision (the save
 * will answer 409 anyway) or gone. The object is shared: callers must not modify it.
 */
export async function getStoredDoc(db: Db, articleId: string, revision: number): Promise<JSONContent | null> {
  const kept = storedDocs.get(articleId, revision);
  if (kept) return kept;
  const [row] = await db
    .select({ docJson: articles.docJson })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.revision, revision)))
    .limit(1);
  if (!row) return null;
  const doc = readDoc(row.docJson);
  storedDocs.set(articleId, revision, doc);
  return doc;
}

async function docOfArticle(tx: Tx, articleId: string): Promise<JSONContent> {
  const [row] = await tx.select({ docJson: articles.docJson }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  return readDoc(row.docJson);
}

/**
 * Checked documents per (article, text revision), one revision per article, a few articles (a
 * 100,000-word document is ~5 MB of objects). A revision's document never changes, so an entry is
 * right for as long as its revision is the one asked for. Shared objects: never modified.
 */
const STORED_DOC_ENTRIES = 4;
const storedDocs = {
  entries: new Map<string, { revision: number; doc: JSONContent }>(),
  get(articleId: string, revision: number): JSONContent | undefined {
    const entry = this.entries.get(articleId);
    if (!entry || entry.revision !== revision) return undefined;
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    return entry.doc;
  },
  set(articleId: string, revision: number, doc: JSONContent): void {
    const entry = this.entries.get(articleId);
    if (entry && entry.revision > revision) return;
    this.entries.delete(articleId);
    this.entries.set(articleId, { revision, doc });
    while (this.entries.size > STORED_DOC_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  },
};

async function textOfRevision(tx: Tx, articleId: string, revision: number): Promise<{ text: string; index?: CodePointIndex }> {
  const cached = getArticleTextCache().get(articleId, revision);
  if (cached) return cached;
  const [row] = await tx.select({ text: articles.plainText }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  return { text: row.text };
}

/** The JSON column comes back parsed on both dialects; a string would be an old driver's raw text. */
function readDoc(value: unknown): JSONContent {
  return (typeof value === 'string' ? JSON.parse(value) : value) as JSONContent;
}
