import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimits } from '../schema';
import type { Tx } from './history';
import type { RateLimit, Counter } from '@/lib/domain/rate-limits';

/**
 * Rate limits kept in the database, so they hold across restarts and processes. Each check is one
 * synchronous IMMEDIATE transaction (read, decide, write): parallel requests queue on SQLite's
 * write lock and each sees the count the previous one wrote, so none can race past the limit.
 */

export interface RateLimitResult {
  allowed: boolean;
  /** 0 when allowed; otherwise how long until the next attempt may pass. */
  retryAfterMs: number;
  /** Attempts left in this window after this one. */
  remaining: number;
}

/** Reads the counter of `key` inside the caller's transaction; an expired window starts over at 0. */
export function readCounter(tx: Tx, key: string, windowMs: number, now: Date): Counter {
  const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
  if (!row) return { key, count: 0, windowStartedAt: now, blockedUntil: null };
  const blockedUntil = row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
  if (now.getTime() - row.windowStartedAt.getTime() >= windowMs) return { key, count: 0, windowStartedAt: now, blockedUntil };
  return { key, count: row.count, windowStartedAt: row.windowStartedAt, blockedUntil };
}

/** Writes (inserts or replaces) a counter inside the caller's transaction. */
export function writeCounter(tx: Tx, counter: Counter, now: Date): void {
  const values = { count: counter.count, windowStartedAt: counter.windowStartedAt, blockedUntil: counter.blockedUntil, updatedAt: now };
  tx.insert(rateLimits)
    .values({ key: counter.key, ...values })
    .onConflictDoUpdate({ target: rateLimits.key, set: values })
    .run();
}

/** Runs `fn` in one synchronous transaction that takes the write lock first (no read-then-upgrade race). */
export function lockedTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction((tx) => fn(tx), { behavior: 'immediate' });
}

/** Counts one attempt against `key` and answers whether it may go ahead. Refused attempts are not counted. */
export function consume(db: Db, key: string, limit: RateLimit, now = new Date()): RateLimitResult {
  return lockedTransaction(db, (tx) => {
    const counter = readCounter(tx, key, limit.windowMs, now);
    if (counter.blockedUntil) return { allowed: false, retryAfterMs: counter.blockedUntil.getTime() - now.getTime(), remaining: 0 };
    if (counter.count >= limit.limit) {
      return { allowed: false, retryAfterMs: Math.max(1, counter.windowStartedAt.getTime() + limit.windowMs - now.getTime()), remaining: 0 };
    }
    writeCounter(tx, { ...counter, count: counter.count + 1 }, now);
    return { allowed: true, retryAfterMs: 0, remaining: limit.limit - counter.count - 1 };
  });
}

/** Gives back one attempt counted by `consume` (e.g. the attempt turned out not to count); never below zero. */
export function refund(tx: Tx, key: string, windowMs: number, now = new Date()): void {
  const counter = readCounter(tx, key, windowMs, now);
  if (counter.count > 0) writeCounter(tx, { ...counter, count: counter.count - 1 }, now);
}

/** Forgets the counters of the given keys. */
export function reset(tx: Tx, ...keys: string[]): void {
  if (keys.length > 0) tx.delete(rateLimits).where(inArray(rateLimits.key, keys)).run();
}
