import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articleRevisions, articleUpdates, articles, claims, users } from '../schema';
import { AppError, notFound } from '@/lib/errors';
import type { ArticleUpdateStatus, ExtractedMetadata } from '@/lib/domain/imports';
import type { ImportedArticle } from '@/lib/import/types';
import { readClaimPartsOrColumns } from '@/lib/claims/parts';
import { updateImpact, type UpdateImpact } from '@/lib/anchoring/update-impact';
import { diffText, type TextChange } from '@/lib/text/diff';
import { sideBySide, type SideBySide } from '@/lib/text/side-by-side';
import { getArticleTextCache } from '@/lib/server/article-text-cache';
import { getTextAtRevision } from './article-revisions';
import { updateArticleText, type TextSaveResult } from './articles';
import { refuseIfLocked } from './article-lock';
import { claimAnchorColumns } from './claim-anchoring';

/**
 * Story updates ("Check for updates" on an article imported from a URL): the fetched version is
 * kept as a pending article_updates row when its text differs from the article's, shown as a
 * side-by-side diff with the claims it touches, and accepted through the same text save as a
 * manual edit (updateArticleText: claims re-anchor, a revision is stored, viewers get the delta)
 * or dismissed. Revisions of any article can be compared the same way.
 */

export interface ArticleUpdateDto {
  id: string;
  articleId: string;
  status: ArticleUpdateStatus;
  url: string;
  fetchedAt: string;
  baseRevision: number;
  acceptedRevision: number | null;
  metadata: ExtractedMetadata;
  note: string | null;
  createdByName: string | null;
  decidedAt: string | null;
}

export type CheckResult = { changed: false; checkedAt: string; revision: number } | { changed: true; update: ArticleUpdateDto };

/** The article's text at its current revision (the text cache, else the row). */
async function currentText(db: Db, articleId: string): Promise<{ text: string; revision: number; status: (typeof articles.$inferSelect)['status']; firstPublishedAt: Date | null; url: string | null }> {
  const [row] = await db
    .select({ revision: articles.revision, status: articles.status, firstPublishedAt: articles.firstPublishedAt, url: articles.url })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!row) throw notFound('Article');
  const cached = getArticleTextCache().get(articleId, row.revision);
  if (cached) return { ...row, text: cached.text };
  const [text] = await db.select({ text: articles.plainText, revision: articles.revision }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!text) throw notFound('Article');
  return { ...row, text: text.text, revision: text.revision };
}

/**
 * Records what a check for updates found (the caller fetched `fetched` from the article's URL):
 * the same text as the current revision → `{ changed: false }` and nothing stored; otherwise a
 * pending update (any older pending one of the article is dismissed: only the newest version
 * is offered).
 */
export async function recordUpdateCheck(db: Db, input: { articleId: string; url: string; fetched: ImportedArticle; actorId: string; now?: Date }): Promise<CheckResult> {
  const now = input.now ?? new Date();
  const current = await currentText(db, input.articleId);
  if (current.text === input.fetched.text) return { changed: false, checkedAt: now.toISOString(), revision: current.revision };
  const id = await transaction(db, async (tx) => {
    await tx
      .update(articleUpdates)
      .set({ status: 'dismissed', decidedAt: now, decidedBy: input.actorId })
      .where(and(eq(articleUpdates.articleId, input.articleId), eq(articleUpdates.status, 'pending')));
    const [row] = await tx
      .insert(articleUpdates)
      .values({
        articleId: input.articleId,
        baseRevision: current.revision,
        url: input.url,
        fetchedAt: now,
        docJson: input.fetched.doc,
        plainText: input.fetched.text,
        metadata: input.fetched.metadata,
        status: 'pending',
        createdBy: input.actorId,
      })
      .returning({ id: articleUpdates.id });
    if (!row) throw new Error('recordUpdateCheck: the insert returned no row');
    return row.id;
  });
  return { changed: true, update: await getArticleUpdate(db, input.articleId, id) };
}

const updateColumns = () => ({
  id: articleUpdates.id,
  articleId: articleUpdates.articleId,
  status: articleUpdates.status,
  url: articleUpdates.url,
  fetchedAt: articleUpdates.fetchedAt,
  baseRevision: articleUpdates.baseRevision,
  acceptedRevision: articleUpdates.acceptedRevision,
  metadata: articleUpdates.metadata,
  note: articleUpdates.note,
  createdByName: users.name,
  decidedAt: articleUpdates.decidedAt,
});

type UpdateRow = { [K in keyof ReturnType<typeof updateColumns>]: unknown };

function toDto(row: UpdateRow): ArticleUpdateDto {
  const metadata = (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata) as ExtractedMetadata;
  return {
    id: row.id as string,
    articleId: row.articleId as string,
    status: row.status as ArticleUpdateStatus,
    url: row.url as string,
    fetchedAt: (row.fetchedAt as Date).toISOString(),
    baseRevision: row.baseRevision as number,
    acceptedRevision: (row.acceptedRevision as number | null) ?? null,
    metadata,
    note: (row.note as string | null) ?? null,
    createdByName: (row.createdByName as string | null) ?? null,
    decidedAt: row.decidedAt ? (row.decidedAt as Date).toISOString() : null,
  };
}

/** One update of the article (404 when it is not that article's). */
export async function getArticleUpdate(db: Db, articleId: string, updateId: string): Promise<ArticleUpdateDto> {
  const [row] = await db
    .select(updateColumns())
    .from(articleUpdates)
    .leftJoin(users, eq(users.id, articleUpdates.createdBy))
    .where(and(eq(articleUpdates.id, updateId), eq(articleUpdates.articleId, articleId)))
    .limit(1);
  if (!row) throw notFound('Update');
  return toDto(row);
}

/** The article's updates, newest first (at most `limit`), without their texts. */
export async function listArticleUpdates(db: Db, articleId: string, limit = 20): Promise<ArticleUpdateDto[]> {
  const rows = await db
    .select(updateColumns())
    .from(articleUpdates)
    .leftJoin(users, eq(users.id, articleUpdates.createdBy))
    .where(eq(articleUpdates.articleId, articleId))
    .orderBy(desc(articleUpdates.createdAt))
    .limit(limit);
  return rows.map(toDto);
}

export interface ArticleUpdateView {
  update: ArticleUpdateDto;
  /** The revision the diff and the impact were worked out against: the article's current one. */
  revision: number;
  /** True when the article's text changed since the update was fetched (the diff is against the newer text). */
  revisionMoved: boolean;
  /** Whether accepting needs a correction note (the article was published before). */
  noteRequired: boolean;
  /** The article's status (accepting a published article needs Reopen first). */
  articleStatus: string;
  /** Metadata that differs from the article's: field, now, fetched. */
  metadataChanges: Array<{ field: 'title' | 'byline' | 'outlet' | 'publishedOn' | 'language'; current: string; fetched: string }>;
  diff: SideBySide;
  impact: UpdateImpact;
}

/** The update with its side-by-side diff against the article's CURRENT text and the claims it touches. */
export async function getArticleUpdateView(db: Db, articleId: string, updateId: string): Promise<ArticleUpdateView> {
  const update = await getArticleUpdate(db, articleId, updateId);
  const [row] = await db.select({ plainText: articleUpdates.plainText }).from(articleUpdates).where(eq(articleUpdates.id, updateId)).limit(1);
  if (!row) throw notFound('Update');
  const current = await currentText(db, articleId);
  const [meta] = await db
    .select({ title: articles.title, byline: articles.byline, outlet: articles.outlet, publishedOn: articles.publishedOn, language: articles.language })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  const changes = diffText(current.text, row.plainText);
  const claimRows = await db
    .select({ id: claims.id, number: claims.number, ...claimAnchorColumns() })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  const impact = updateImpact(
    current.text,
    row.plainText,
    claimRows.map((c) => ({ id: c.id, number: c.number, parts: readClaimPartsOrColumns(c) })),
    changes,
  );
  const metadataChanges: ArticleUpdateView['metadataChanges'] = [];
  if (meta) {
    for (const field of ['title', 'byline', 'outlet', 'publishedOn', 'language'] as const) {
      const fetched = update.metadata[field];
      const now = meta[field] ?? '';
      if (fetched && fetched.trim() && fetched.trim() !== now.trim()) metadataChanges.push({ field, current: now, fetched: fetched.trim() });
    }
  }
  return {
    update,
    revision: current.revision,
    revisionMoved: current.revision !== update.baseRevision,
    noteRequired: current.firstPublishedAt !== null,
    articleStatus: current.status,
    metadataChanges,
    diff: sideBySide(current.text, row.plainText, changes),
    impact,
  };
}

const UPDATE_DECIDED = (status: string) => `This update was ${status} already. Check for updates again to see the page as it is now.`;

/**
 * Accepts a pending update: the fetched document becomes the article's text through
 * updateArticleText (the same save as a manual edit), in one transaction with marking the update
 * accepted. `revision` is the revision the editor compared against (409 when the text moved on, like
 * a text save). Refused on a published or retracted article (reopen first); on an article
 * published before, `note` (the correction note, offered when it is republished) is required.
 */
export async function acceptArticleUpdate(db: Db, input: { articleId: string; updateId: string; revision: number; note?: string | null; actorId: string; now?: Date }): Promise<{ update: ArticleUpdateDto; save: TextSaveResult }> {
  const now = input.now ?? new Date();
  const note = input.note?.trim() || null;
  const save = await transaction(
    db,
    async (tx) => {
      const [article] = await tx.select({ status: articles.status, firstPublishedAt: articles.firstPublishedAt }).from(articles).where(eq(articles.id, input.articleId)).limit(1);
      if (!article) throw notFound('Article');
      refuseIfLocked(article.status);
      if (article.firstPublishedAt !== null && !note) {
        throw new AppError('unprocessable', 'This fact-check was published before, so accepting a new version of the story needs a correction note: what changed, for readers.', { fields: [{ path: 'note', message: 'Write a correction note.' }] });
      }
      // Taken first, so a second accept or a dismiss at the same time waits, then finds it decided.
      const [pending] = await tx
        .update(articleUpdates)
        .set({ status: sql`${articleUpdates.status}` })
        .where(and(eq(articleUpdates.id, input.updateId), eq(articleUpdates.articleId, input.articleId)))
        .returning({ status: articleUpdates.status, docJson: articleUpdates.docJson, plainText: articleUpdates.plainText });
      if (!pending) throw notFound('Update');
      if (pending.status !== 'pending') throw new AppError('conflict', UPDATE_DECIDED(pending.status), { status: pending.status });
      const doc = (typeof pending.docJson === 'string' ? JSON.parse(pending.docJson) : pending.docJson) as JSONContent;
      // Marked first, the save last: the save keeps the new text in the in-process caches once its
      // own part is done, so nothing may fail after it. It refuses unless the article is at
      // `revision`, so the revision it makes is revision + 1.
      await tx
        .update(articleUpdates)
        .set({ status: 'accepted', acceptedRevision: input.revision + 1, note, decidedBy: input.actorId, decidedAt: now })
        .where(eq(articleUpdates.id, input.updateId));
      return updateArticleText(tx, input.articleId, doc, input.revision, input.actorId, pending.plainText);
    },
    { groupCommit: false },
  );
  return { update: await getArticleUpdate(db, input.articleId, input.updateId), save };
}

/** Dismisses a pending update (409 when it was decided already). */
export async function dismissArticleUpdate(db: Db, input: { articleId: string; updateId: string; actorId: string; now?: Date }): Promise<ArticleUpdateDto> {
  const now = input.now ?? new Date();
  await transaction(db, async (tx) => {
    const [row] = await tx
      .select({ status: articleUpdates.status })
      .from(articleUpdates)
      .where(and(eq(articleUpdates.id, input.updateId), eq(articleUpdates.articleId, input.articleId)))
      .limit(1);
    if (!row) throw notFound('Update');
    const [done] = await tx
      .update(articleUpdates)
      .set({ status: 'dismissed', decidedBy: input.actorId, decidedAt: now })
      .where(and(eq(articleUpdates.id, input.updateId), eq(articleUpdates.status, 'pending')))
      .returning({ id: articleUpdates.id });
    if (!done) throw new AppError('conflict', UPDATE_DECIDED(row.status), { status: row.status });
  });
  return getArticleUpdate(db, input.articleId, input.updateId);
}

/** The note of the newest accepted update decided after `since` (the last publication), for the publish dialog. */
export async function latestUpdateNote(db: Db, articleId: string): Promise<{ note: string; decidedAt: string } | null> {
  const [row] = await db
    .select({ note: articleUpdates.note, decidedAt: articleUpdates.decidedAt })
    .from(articleUpdates)
    .where(and(eq(articleUpdates.articleId, articleId), eq(articleUpdates.status, 'accepted')))
    .orderBy(desc(articleUpdates.decidedAt))
    .limit(1);
  return row?.note && row.decidedAt ? { note: row.note, decidedAt: row.decidedAt.toISOString() } : null;
}

// ---------------------------------------------------------------------------------------------
// Revisions: list and compare (any article, not only URL ones).

export interface RevisionListItem {
  revision: number;
  createdAt: string;
  actorName: string | null;
  /** UTF-16 units inserted and deleted by this revision's save (0 for the first). */
  inserted: number;
  deleted: number;
  /** The story update this revision accepted, if any. */
  fromUpdate: boolean;
}

/** Every stored text revision of the article, newest first, with who saved it and how much it changed. */
export async function listRevisionSummaries(db: Db, articleId: string): Promise<RevisionListItem[]> {
  const rows = await db
    .select({ revision: articleRevisions.revision, createdAt: articleRevisions.createdAt, actorName: users.name, changes: articleRevisions.changes })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.actorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.revision));
  const revisions = rows.map((r) => r.revision);
  const accepted = revisions.length
    ? new Set(
        (
          await db
            .select({ revision: articleUpdates.acceptedRevision })
            .from(articleUpdates)
            .where(and(eq(articleUpdates.articleId, articleId), eq(articleUpdates.status, 'accepted'), inArray(articleUpdates.acceptedRevision, revisions)))
        ).map((r) => r.revision),
      )
    : new Set<number | null>();
  return rows.map((row) => {
    const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as TextChange[] | null;
    let inserted = 0;
    let deleted = 0;
    for (const change of Array.isArray(changes) ? changes : []) {
      inserted += typeof change.insert === 'string' ? change.insert.length : 0;
      deleted += Math.max(0, (change.to ?? 0) - (change.from ?? 0));
    }
    return { revision: row.revision, createdAt: row.createdAt.toISOString(), actorName: row.actorName ?? null, inserted, deleted, fromUpdate: accepted.has(row.revision) };
  });
}

/** Side-by-side rows between two revisions of the article (404 for a revision never stored). */
export async function compareRevisions(db: Db, articleId: string, from: number, to: number): Promise<{ from: number; to: number; diff: SideBySide }> {
  const [oldText, newText] = await Promise.all([getTextAtRevision(db, articleId, from), getTextAtRevision(db, articleId, to)]);
  return { from, to, diff: sideBySide(oldText, newText, diffText(oldText, newText)) };
}
