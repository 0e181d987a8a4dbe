import type { ArticleStatus } from '@/lib/domain/statuses';

/**
 * Published and retracted articles are read-only: text, claims, verdicts, sources and replies.
 * Returns the message a 409 carries, or null when the article may be changed.
 */
export function articleLockMessage(status: ArticleStatus): string | null {
  if (status === 'published') return 'This fact-check is published, so it is read-only. An editor can reopen it for correction to change it.';
  if (status === 'retracted') return 'This fact-check was retracted, so it is read-only.';
  return null;
}

export function isArticleLocked(status: ArticleStatus): boolean {
  return articleLockMessage(status) !== null;
}
