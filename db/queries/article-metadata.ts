import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, historyEntries, users } from '../schema';
import type { Role } from '@/lib/domain/roles';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { ImportFormat } from '@/lib/domain/imports';
import { can } from '@/lib/auth/permissions';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { ARTICLE_METADATA_FIELDS, changedMetadata, type ArticleMetadata, type ArticleMetadataField, type ArticleMetadataPatch } from '@/lib/articles/metadata';
import { describeHistoryEntry, diffRecords } from '@/lib/review/history-diff';
import { labelledChanges } from '@/lib/review/history-labels';
import { notTrashed } from './access';
import { lockArticleRow, refuseIfLocked } from './article-lock';
import { recordHistory, type Tx } from './history';

/** What the Details dialog shows and edits: the article's metadata and the row's versions. */
export interface ArticleDetails extends ArticleMetadata {
  id: string;
  workspaceId: string;
  slug: string;
  status: ArticleStatus;
  blindReview: boolean;
  version: number;
  revision: number;
  importFormat: ImportFormat;
  createdAt: string;
}

const STALE = 'Someone else changed this article since you opened it. The form now shows the current details.';

/** The article's details (not trashed), read on `tx` or the database; 404 when unknown or trashed. */
export async function readArticleDetails(tx: Db | Tx, articleId: string): Promise<ArticleDetails> {
  const [row] = await tx
    .select({
      id: articles.id,
      workspaceId: articles.workspaceId,
      slug: articles.slug,
      status: articles.status,
      blindReview: articles.blindReview,
      version: articles.version,
      revision: articles.revision,
      importFormat: articles.importFormat,
      createdAt: articles.createdAt,
      title: articles.title,
      outlet: articles.outlet,
      byline: articles.byline,
      url: articles.url,
      publishedOn: articles.publishedOn,
      language: articles.language,
      sourceCredit: articles.sourceCredit,
    })
    .from(articles)
    .where(and(eq(articles.id, articleId), notTrashed()))
    .limit(1);
  if (!row) throw notFound('Article');
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export interface MetadataChange {
  article: ArticleDetails;
  /** False for a no-op (nothing differs): no new version, no history, no event. */
  changed: boolean;
  fields: ArticleMetadataField[];
}

/**
 * Edits an article's metadata (title, outlet, byline, URL, publication date, language, source
 * credit): editors and owners. Refused like a text edit while the article is published or
 * retracted (409 `{ locked }`, checked first: that is what the editor must act on), then 409 with
 * the current details when `version` is stale. The slug (public address) never changes here.
 * The history row holds the changed fields only, before and after.
 */
export async function updateArticleMetadata(db: Db, input: { articleId: string; version: number; patch: ArticleMetadataPatch; role: Role; actorId: string }): Promise<MetadataChange> {
  if (!can(input.role, 'article:edit')) throw forbidden(`Your role (${input.role}) cannot edit the article’s details.`);
  return transaction(db, async (tx) => {
    const lock = await lockArticleRow(tx, input.articleId);
    refuseIfLocked(lock.status);
    const current = await readArticleDetails(tx, input.articleId);
    if (current.version !== input.version) throw conflict(STALE, current);
    const { before, after, fields } = changedMetadata(current, input.patch);
    if (fields.length === 0) return { article: current, changed: false, fields };
    const updated = await tx
      .update(articles)
      .set({ ...after, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(articles.id, input.articleId), eq(articles.version, input.version)))
      .returning({ id: articles.id });
    if (updated.length !== 1) throw conflict(STALE, await readArticleDetails(tx, input.articleId));
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.id, claimId: null, entityType: 'article', entityId: current.id, action: 'update', actorId: input.actorId, before, after });
    return { article: await readArticleDetails(tx, input.articleId), changed: true, fields };
  });
}

/** Fields of article history rows shown as before → after (a text save's summary is described in words instead). */
const LISTED_FIELDS: ReadonlySet<string> = new Set([...ARTICLE_METADATA_FIELDS, 'status', 'blindReview', 'slug']);

export interface ArticleHistoryItem {
  id: string;
  at: string;
  actorName: string | null;
  action: 'create' | 'update' | 'delete';
  summary: string;
  changes: Array<{ field: string; label: string; before: string; after: string }>;
}

/**
 * The article's own history (not its claims'), newest first: created, details edited, text saved,
 * status moves, publication steps, trash and restore. What the Details dialog lists.
 */
export async function listArticleHistory(db: Db, articleId: string, limit = 50): Promise<ArticleHistoryItem[]> {
  const rows = await db
    .select({ entry: historyEntries, actorName: users.name })
    .from(historyEntries)
    .leftJoin(users, eq(users.id, historyEntries.actorId))
    .where(and(eq(historyEntries.articleId, articleId), eq(historyEntries.entityType, 'article')))
    .orderBy(desc(historyEntries.createdAt), desc(historyEntries.id))
    .limit(limit);
  return rows.map(({ entry, actorName }) => {
    let changes: ArticleHistoryItem['changes'] = [];
    try {
      changes = entry.action === 'update' ? labelledChanges(diffRecords(entry.before, entry.after).filter((c) => LISTED_FIELDS.has(c.field))) : [];
    } catch {
      changes = [];
    }
    let summary: string;
    try {
      summary = describeHistoryEntry({ entityType: entry.entityType, action: entry.action, actorName, before: entry.before, after: entry.after });
    } catch {
      summary = `${actorName ?? 'Someone'} changed the article`;
    }
    return { id: entry.id, at: entry.createdAt.toISOString(), actorName, action: entry.action, summary, changes };
  });
}
