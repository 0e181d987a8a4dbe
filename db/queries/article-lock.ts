import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { activeDialect } from '../dialect';
import { articles, claims } from '../schema';
import { AppError, notFound } from '@/lib/errors';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { articleLockMessage } from '@/lib/publishing/lock';
import type { Tx } from './history';

/**
 * Refuses (409, `{ locked: true, status }`) a write to a published or retracted article. Call it
 * inside the write's transaction, before its first write.
 *
 * The status is read under the article row's lock (lockArticleRow): a publish that commits first
 * is seen, and a publish that comes later waits for this write to commit, so it never snapshots
 * the article while a write it did not see is still on its way.
 */
export async function assertArticleWritable(tx: Tx, articleId: string): Promise<void> {
  refuseIfLocked((await lockArticleRow(tx, articleId)).status);
}

/**
 * The article's small columns, read so that no other write to the article (a publish, a text
 * save) can commit until this transaction ends. PostgreSQL: a no-op UPDATE, which takes the row
 * lock (like publish does, see db/queries/publications.ts); under read committed it waits for a
 * write under way and returns the row that write committed. SQLite: a plain read, since the
 * transaction holds the one writer already; an UPDATE there would rewrite the whole row, text and
 * document included (megabytes, tens of milliseconds on a 100,000-word article).
 */
export async function lockArticleRow(tx: Tx, articleId: string): Promise<ArticleLockRow> {
  const columns = {
    id: articles.id,
    workspaceId: articles.workspaceId,
    status: articles.status,
    revision: articles.revision,
    claimCounter: articles.claimCounter,
    publishedOn: articles.publishedOn,
    url: articles.url,
    deletedAt: articles.deletedAt,
  };
  const [row] =
    activeDialect() === 'postgres'
      ? await tx.update(articles).set({ status: sql`${articles.status}` }).where(eq(articles.id, articleId)).returning(columns)
      : await tx.select(columns).from(articles).where(eq(articles.id, articleId)).limit(1);
  // A trashed article is gone for every write (db/queries/article-trash.ts restores it first).
  if (!row || row.deletedAt) throw notFound('Article');
  const { deletedAt: _deletedAt, ...locked } = row;
  return locked;
}

export interface ArticleLockRow {
  id: string;
  workspaceId: string;
  status: ArticleStatus;
  revision: number;
  claimCounter: number;
  publishedOn: string | null;
  url: string | null;
}

/** The 409 of assertArticleWritable, for a write that has already taken the article row itself. */
export function refuseIfLocked(status: ArticleStatus): void {
  const message = articleLockMessage(status);
  if (message) throw new AppError('conflict', message, { locked: true, status });
}

/** assertArticleWritable for the article a claim belongs to. */
export async function assertClaimWritable(tx: Tx, claimId: string): Promise<void> {
  const [row] = await tx.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, claimId)).limit(1);
  if (!row) throw notFound('Claim');
  await assertArticleWritable(tx, row.articleId);
}

