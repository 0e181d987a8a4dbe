import 'server-only';
import { eq } from 'drizzle-orm';
import { articles, claims } from '../schema';
import { AppError, notFound } from '@/lib/errors';
import { articleLockMessage } from '@/lib/publishing/lock';
import type { Tx } from './history';

/**
 * Refuses (409, `{ locked: true, status }`) a write to a published or retracted article. Call it
 * inside the write's transaction, so a publish that commits first is seen (publish takes the
 * article row, see db/queries/publications.ts).
 */
export async function assertArticleWritable(tx: Tx, articleId: string): Promise<void> {
  const [row] = await tx.select({ status: articles.status }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  const message = articleLockMessage(row.status);
  if (message) throw new AppError('conflict', message, { locked: true, status: row.status });
}

/** assertArticleWritable for the article a claim belongs to. */
export async function assertClaimWritable(tx: Tx, claimId: string): Promise<void> {
  const [row] = await tx.select({ status: articles.status }).from(claims).innerJoin(articles, eq(articles.id, claims.articleId)).where(eq(claims.id, claimId)).limit(1);
  if (!row) throw notFound('Claim');
  const message = articleLockMessage(row.status);
  if (message) throw new AppError('conflict', message, { locked: true, status: row.status });
}
