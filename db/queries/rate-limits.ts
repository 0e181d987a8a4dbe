import 'server-only';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { activeDialect } from '../dialect';
import { rateLimits } from '../schema';
import { transaction } from '../transaction';
import type { Tx } from './history';
import type { RateLimit, Counter } from '@/lib/domain/rate-limits';

/**
 * Rate limits kept in the database, so they hold across restarts and processes. Each check is one
 * transaction that first takes the lock of its counters, then reads, decides and writes: parallel
 * requests for the same key queue on that lock and each sees the count the previous one committed,
 * so none can race past the limit. SQLite: every transaction holds the one write lock from its start
 * (BEGIN IMMEDIATE). PostgreSQL: a transaction-scoped advisory lock per key (a key may have no row
 * yet, so a row lock would not do), taken in key order; reads at read committed then see the
 * latest committed count, without the retries a serializable transaction would need under load.
 */

export interface RateLimitResult {
  allowed: boolean;
  /** 0 when allowed; otherwise how long until the next attempt may pass. */
  retryAfterMs: number;
  /** Attempts left in this window after this one. */
  remaining: number;
}

// Namespace of the two-integer advisory locks (key 2: hashtext of the counter key). A hash collision
// only makes two unrelated counters wait for each other.
const COUNTER_LOCKS = 7_240_313;

/**
 * Holds the counters of `keys` until the caller's transaction ends, so nobody else reads or writes
 * them meanwhile. Call before `readCounter` when the read decides a write.
 */
export async function lockCounters(tx: Tx, keys: readonly string[]): Promise<void> {
  // SQLite: the transaction holds the database's write lock already.
  if (activeDialect() !== 'postgres') return;
  // On PostgreSQL the handle is node-postgres Drizzle's, which runs raw SQL with execute().
  const pgTx = tx as unknown as { execute: (query: SQL) => Promise<unknown> };
  for (const key of [...new Set(keys)].sort()) await pgTx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(String(COUNTER_LOCKS))}, hashtext(${key}))`);
}

/** Reads the counter of `key` inside the caller's transaction; an expired window starts over at 0. */
export async function readCounter(tx: Tx, key: string, windowMs: number, now: Date): Promise<Counter> {
  const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row) return { key, count: 0, windowStartedAt: now, blockedUntil: null };
  const blockedUntil = row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
  if (now.getTime() - row.windowStartedAt.getTime() >= windowMs) return { key, count: 0, windowStartedAt: now, blockedUntil };
  return { key, count: row.count, windowStartedAt: row.windowStartedAt, blockedUntil };
}

/** Writes (inserts or replaces) a counter inside the caller's transaction. */
export async function writeCounter(tx: Tx, counter: Counter, now: Date): Promise<void> {
  const values = { count: counter.count, windowStartedAt: counter.windowStartedAt, blockedUntil: counter.blockedUntil, updatedAt: now };
  await transaction(tx, async (t) => {
    await t
      .insert(rateLimits)
      .values({ key: counter.key, ...values })
      .onConflictDoUpdate({ target: rateLimits.key, set: values });
  });
}

/** Runs `fn` in one transaction that holds the counters of `keys` from its start (no read-then-write race). */
export async function lockedTransaction<T>(db: Db, keys: readonly string[], fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, async (tx) => {
    await lockCounters(tx, keys);
    return fn(tx);
  });
}

/** Counts one attempt against `key` and answers whether it may go ahead. Refused attempts are not counted. */
export async function consume(db: Db, key: string, limit: RateLimit, now = new Date()): Promise<RateLimitResult> {
  return lockedTransaction(db, [key], async (tx) => {
    const counter = await readCounter(tx, key, limit.windowMs, now);
    if (counter.blockedUntil) return { allowed: false, retryAfterMs: counter.blockedUntil.getTime() - now.getTime(), remaining: 0 };
    if (counter.count >= limit.limit) {
      return { allowed: false, retryAfterMs: Math.max(1, counter.windowStartedAt.getTime() + limit.windowMs - now.getTime()), remaining: 0 };
    }
    await writeCounter(tx, { ...counter, count: counter.count + 1 }, now);
    return { allowed: true, retryAfterMs: 0, remaining: limit.limit - counter.count - 1 };
  });
}

/** Gives back one attempt counted by `consume` (e.g. the attempt turned out not to count); never below zero. */
export async function refund(tx: Tx, key: string, windowMs: number, now = new Date()): Promise<void> {
  await lockedTransaction(tx, [key], async (t) => {
    const counter = await readCounter(t, key, windowMs, now);
    if (counter.count > 0) await writeCounter(t, { ...counter, count: counter.count - 1 }, now);
  });
}

/** Forgets the counters of the given keys. */
export async function reset(tx: Tx, ...keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await transaction(tx, async (t) => {
    await t.delete(rateLimits).where(inArray(rateLimits.key, keys));
  });
}
