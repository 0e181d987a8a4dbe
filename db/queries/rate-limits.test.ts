import { describe, expect, it } from 'vitest';
import { createTestDb } from '../client';
import { consume, readCounter, refund, reset } from './rate-limits';

const LIMIT = { limit: 3, windowMs: 60_000 };
const T0 = new Date(1_700_000_000_000);
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('rate limits', () => {
  it('allows up to the limit in a window, then refuses with the time left', () => {
    const db = createTestDb();
    expect(consume(db, 'k', LIMIT, at(0))).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
    expect(consume(db, 'k', LIMIT, at(1000)).remaining).toBe(1);
    expect(consume(db, 'k', LIMIT, at(2000)).remaining).toBe(0);
    expect(consume(db, 'k', LIMIT, at(10_000))).toEqual({ allowed: false, retryAfterMs: 50_000, remaining: 0 });
  });

  it('starts a new window once the old one is over', () => {
    const db = createTestDb();
    for (let i = 0; i < 3; i += 1) consume(db, 'k', LIMIT, at(i));
    expect(consume(db, 'k', LIMIT, at(59_999)).allowed).toBe(false);
    expect(consume(db, 'k', LIMIT, at(60_000))).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
  });

  it('does not count refused attempts', () => {
    const db = createTestDb();
    for (let i = 0; i < 10; i += 1) consume(db, 'k', LIMIT, at(i));
    expect(readCounter(db, 'k', LIMIT.windowMs, at(20)).count).toBe(3);
  });

  it('keeps keys apart', () => {
    const db = createTestDb();
    for (let i = 0; i < 3; i += 1) consume(db, 'a', LIMIT, at(i));
    expect(consume(db, 'a', LIMIT, at(5)).allowed).toBe(false);
    expect(consume(db, 'b', LIMIT, at(5)).allowed).toBe(true);
  });

  it('survives a new connection to the same file (no in-memory state)', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createDb, migrateDb } = await import('../client');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rate-limits-')), 'db.sqlite');
    const first = createDb(file);
    migrateDb(first);
    for (let i = 0; i < 3; i += 1) consume(first, 'k', LIMIT, at(i));
    first.$client.close();
    const second = createDb(file);
    expect(consume(second, 'k', LIMIT, at(10)).allowed).toBe(false);
    second.$client.close();
  });

  it('refund gives one attempt back, never below zero; reset forgets', () => {
    const db = createTestDb();
    for (let i = 0; i < 3; i += 1) consume(db, 'k', LIMIT, at(i));
    refund(db, 'k', LIMIT.windowMs, at(10));
    expect(consume(db, 'k', LIMIT, at(11)).allowed).toBe(true);
    refund(db, 'fresh', LIMIT.windowMs, at(12));
    expect(readCounter(db, 'fresh', LIMIT.windowMs, at(12)).count).toBe(0);
    reset(db, 'k');
    expect(readCounter(db, 'k', LIMIT.windowMs, at(13)).count).toBe(0);
  });

  it('a blocked counter refuses until the block ends', async () => {
    const db = createTestDb();
    const { writeCounter } = await import('./rate-limits');
    writeCounter(db, { key: 'k', count: 0, windowStartedAt: at(0), blockedUntil: at(5000) }, at(0));
    expect(consume(db, 'k', LIMIT, at(1000))).toEqual({ allowed: false, retryAfterMs: 4000, remaining: 0 });
    expect(consume(db, 'k', LIMIT, at(5000)).allowed).toBe(true);
  });
});
