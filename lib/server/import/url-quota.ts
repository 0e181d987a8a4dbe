/**
 * URL imports per user: each one makes the server fetch a page from the web (up to 10 MB, 10 s),
 * so a script or a stuck button must not turn the app into a crawler. Counted in the database
 * (db/queries/rate-limits.ts), so the limit holds across restarts and instances.
 */
import type { RateLimit } from '@/lib/domain/rate-limits';

export const URL_IMPORT_LIMIT: RateLimit = { limit: 30, windowMs: 10 * 60_000 };

export function urlImportKey(userId: string): string {
  return `url-import:user:${userId}`;
}

/** Whole seconds for Retry-After (at least 1). */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/** "12 seconds" / "3 minutes": how long until the quota lets the next one through. */
function waitPhrase(retryAfterMs: number): string {
  const seconds = retryAfterSeconds(retryAfterMs);
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function urlImportLimitMessage(limit: RateLimit, retryAfterMs: number): string {
  const wait = waitPhrase(retryAfterMs);
  const window = limit.windowMs % 60_000 === 0 ? `${limit.windowMs / 60_000} minutes` : `${Math.round(limit.windowMs / 1000)} seconds`;
  return `You have fetched ${limit.limit} web address${limit.limit === 1 ? '' : 'es'} in the last ${window}, the most allowed. Try again in ${wait}, or save the page and upload it as an .html file.`;
}

/**
 * Previews of any kind per user (files, pasted text, URLs): each parses up to 10 MB with jsdom or
 * mammoth, seconds of CPU. Generous for a desk, a wall for a script.
 */
export const IMPORT_PREVIEW_LIMIT: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

export function importPreviewKey(userId: string): string {
  return `import-preview:user:${userId}`;
}

export function importPreviewLimitMessage(limit: RateLimit, retryAfterMs: number): string {
  return `You have previewed ${limit.limit} imports in the last ${limit.windowMs / 60_000} minutes, the most allowed. Try again in ${waitPhrase(retryAfterMs)}.`;
}
