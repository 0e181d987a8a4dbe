import { TRASH_RETENTION_DAYS } from '@/lib/domain/imports';
import type { ArticleStatus } from '@/lib/domain/statuses';

/**
 * The trash (articles.deleted_at): owners and editors move an article there and may restore it for
 * TRASH_RETENTION_DAYS; after that it is deleted for good (db/queries/article-trash.ts). Pure: the
 * trash page and the queries share these rules and words.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a trashed article can be restored, in milliseconds. */
export const TRASH_RETENTION_MS = TRASH_RETENTION_DAYS * DAY_MS;

/** When an article trashed at `deletedAt` is deleted for good. */
export function trashPurgeDate(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + TRASH_RETENTION_MS);
}

/** Trashed before this moment (strictly): due to be deleted for good at `now`. */
export function trashPurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_RETENTION_MS);
}

/** Whole days left before an article trashed at `deletedAt` is deleted for good (0 on its last day). */
export function trashDaysLeft(deletedAt: Date, now: Date): number {
  const left = trashPurgeDate(deletedAt).getTime() - now.getTime();
  return left <= 0 ? 0 : Math.floor(left / DAY_MS);
}

export const TRASH_PUBLISHED_MESSAGE = 'This fact-check is published, so it cannot be moved to the trash. Reopen or unpublish it first (Publish dialog), then delete it.';
export const TRASH_RETRACTED_MESSAGE = 'This fact-check was retracted: its public retraction notice stays online, so it cannot be moved to the trash.';

/**
 * Why an article in `status` cannot go to the trash, or null when it can. Published: its public
 * page is live (reopen it first; a reopened article can be trashed, and its public page goes with
 * it). Retracted: the retraction notice is the public record of a withdrawn fact-check and that
 * status is final, so a retracted article is never trashed.
 */
export function trashRefusal(status: ArticleStatus): string | null {
  if (status === 'published') return TRASH_PUBLISHED_MESSAGE;
  if (status === 'retracted') return TRASH_RETRACTED_MESSAGE;
  return null;
}
