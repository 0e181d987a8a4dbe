/**
 * PDF exports per user: each one drives a real browser for a second or more, so a script (or a
 * stuck button) must not be able to queue hundreds. Counted in the database (db/queries/rate-limits.ts),
 * so the limit holds across restarts.
 */
import type { RateLimit } from '@/lib/domain/rate-limits';

export const PDF_EXPORT_LIMIT: RateLimit = { limit: 10, windowMs: 10 * 60_000 };

export function pdfExportKey(userId: string): string {
  return `pdf-export:user:${userId}`;
}

/** Whole seconds for Retry-After (at least 1). */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

export function pdfLimitMessage(limit: RateLimit, retryAfterMs: number): string {
  const seconds = retryAfterSeconds(retryAfterMs);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  const window = limit.windowMs % 60_000 === 0 ? `${limit.windowMs / 60_000} minutes` : `${Math.round(limit.windowMs / 1000)} seconds`;
  return `You have exported ${limit.limit} PDF${limit.limit === 1 ? '' : 's'} in the last ${window}, the most allowed. Try again in ${wait}, or export HTML and print it from your browser.`;
}
