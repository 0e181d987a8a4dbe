import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, engineOf, openDb, type Db } from '../client';
import { activeDialect } from '../dialect';
import { createTestDb } from '../test-db';
import { transaction } from '../transaction';
import { consume, readCounter, refund, reset, writeCounter } from './rate-limits';

const LIMIT = { limit: 3, windowMs: 60_000 };
const T0 = new Date(1_700_000_000_000);
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

describe('rate limits', () => {
  it('allows up to the limit in a window, then refuses with the time left', async () => {
    expect(await consume(db, 'k', LIMIT, at(0))).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
    expect((await consume(db, 'k', LIMIT, at(1000))).remaining).toBe(1);
    expect((await consume(db, 'k', LIMIT, at(2000))).remaining).toBe(0);
    expect(await consume(db, 'k', LIMIT, at(10_000))).toEqual({ allowed: false, retryAfterMs: 50_000, remaining: 0 });
  });

  it('starts a new window once the old one is over', async () => {
    for (let i = 0; i < 3; i += 1) await consume(db, 'k', LIMIT, at(i));
    expect((await consume(db, 'k', LIMIT, at(59_999))).allowed).toBe(false);
    expect(await consume(db, 'k', LIMIT, at(60_000))).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
  });

  it('does not count refused attempts', async () => {
    for (let i = 0; i < 10; i += 1) await consume(db, 'k', LIMIT, at(i));
    expect((await readCounter(db, 'k', LIMIT.windowMs, at(20))).count).toBe(3);
  });

  it('keeps keys apart', async () => {
    for (let i = 0; i < 3; i += 1) await consume(db, 'a', LIMIT, at(i));
    expect((await consume(db, 'a', LIMIT, at(5))).allowed).toBe(false);
    expect((await consume(db, 'b', LIMIT, at(5))).allowed).toBe(true);
  });

  it('lets exactly the limit through when many requests for one key arrive at once', async () => {
    const limit = { limit: 5, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => consume(db, 'burst', limit, at(0))));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    // Each allowed attempt saw the count the previous one committed.
    expect(results.filter((r) => r.allowed).map((r) => r.remaining).sort()).toEqual([0, 1, 2, 3, 4]);
    expect((await readCounter(db, 'burst', limit.windowMs, at(1))).count).toBe(5);
  });

  // PostgreSQL: two pools, as two app instances would have. (Two SQLite handles in one process
  // would not show anything: the second one's BEGIN IMMEDIATE waits for the lock synchronously,
  // blocking the event loop the first one needs to finish; separate processes do not share one.)
  it.runIf(activeDialect() === 'postgres')('holds across separate connections (app instances) hitting the same key at once', async () => {
    const other = openDb(engineOf(db).config);
    try {
      const limit = { limit: 5, windowMs: 60_000 };
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => consume(i % 2 ? other : db, 'burst', limit, at(0))));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
    } finally {
      await closeDb(other);
    }
  });

  it('survives a new connection to the same database (no in-memory state)', async () => {
    const config = engineOf(db).config;
    const first = openDb(config);
    for (let i = 0; i < 3; i += 1) await consume(first, 'k', LIMIT, at(i));
    await closeDb(first);
    const second = openDb(config);
    try {
      expect((await consume(second, 'k', LIMIT, at(10))).allowed).toBe(false);
    } finally {
      await closeDb(second);
    }
  });

  it('refund gives one attempt back, never below zero; reset forgets', async () => {
    for (let i = 0; i < 3; i += 1) await consume(db, 'k', LIMIT, at(i));
    await transaction(db, (tx) => refund(tx, 'k', LIMIT.windowMs, at(10)));
    expect((await consume(db, 'k', LIMIT, at(11))).allowed).toBe(true);
    await transaction(db, (tx) => refund(tx, 'fresh', LIMIT.windowMs, at(12)));
    expect((await readCounter(db, 'fresh', LIMIT.windowMs, at(12))).count).toBe(0);
    await transaction(db, (tx) => reset(tx, 'k'));
    expect((await readCounter(db, 'k', LIMIT.windowMs, at(13))).count).toBe(0);
  });

  it('a blocked counter refuses until the block ends', async () => {
    await transaction(db, (tx) => writeCounter(tx, { key: 'k', count: 0, windowStartedAt: at(0), blockedUntil: at(5000) }, at(0)));
    expect(await consume(db, 'k', LIMIT, at(1000))).toEqual({ allowed: false, retryAfterMs: 4000, remaining: 0 });
    expect((await consume(db, 'k', LIMIT, at(5000))).allowed).toBe(true);
  });
});
