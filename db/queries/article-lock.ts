import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { articles, claims } from '../schema';
import { AppError, notFound } from '@/lib/errors';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { articleLockMessage } from '@/lib/publishing/lock';
import type { Tx } from './history';

/**
 * Refuses (409, `{ locked: true, status }`) a write to a published or retracted article. Call it
 * inside the write's transaction, before its first write.
 *
 * The status is read with a no-op UPDATE of the article row (portable; on PostgreSQL it takes the
 * row lock, like publish does, see db/queries/publications.ts): a publish that commits first is
 * seen (under read committed the UPDATE waits for it and returns the row it wrote), and a publish
 * that comes later waits for this write to commit, so it never snapshots the article while a
 * write it did not see is still on its way. On SQLite the transaction holds the one writer already.
 */
export async function assertArticleWritable(tx: Tx, articleId: string): Promise<void> {
  const [row] = await tx
    .update(articles)
    .set({ status: sql`${articles.status}` })
    .where(eq(articles.id, articleId))
    .returning({ status: articles.status });
  if (!row) throw notFound('Article');
  refuseIfLocked(row.status);
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

