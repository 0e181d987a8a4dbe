import { describe, expect, it } from 'vitest';
import { AccessCache } from './access-cache';

describe('AccessCache', () => {
  it('reads once per person and article per TTL, shared by all their streams', () => {
    let t = 0;
    let reads = 0;
    const cache = new AccessCache(5_000, () => t);
    const read = () => ++reads > 0;
    cache.check('ana', 'a1', read);
    cache.check('ana', 'a1', read);
    cache.check('tom', 'a1', read);
    expect(reads).toBe(2);
    t = 4_999;
    cache.check('ana', 'a1', read);
    expect(reads).toBe(2);
    t = 5_000;
    cache.check('ana', 'a1', read);
    expect(reads).toBe(3);
  });

  it('caches a refusal, but not a failure', () => {
    let t = 0;
    const cache = new AccessCache(5_000, () => t);
    expect(cache.check('ana', 'a1', () => false)).toBe(false);
    expect(cache.check('ana', 'a1', () => true)).toBe(false);
    expect(() =>
      cache.check('ana', 'a2', () => {
        throw new Error('database is locked');
      }),
    ).toThrow('database is locked');
    expect(cache.check('ana', 'a2', () => true)).toBe(true);
    t = 10_000;
    cache.sweep();
    expect(cache.size).toBe(0);
  });

  it('keeps ids apart that would collide when joined naively', () => {
    const cache = new AccessCache(5_000, () => 0);
    cache.check('a', 'b:c', () => true);
    expect(cache.check('a:b', 'c', () => false)).toBe(false);
  });

  it('rejects a bad TTL', () => {
    expect(() => new AccessCache(-1)).toThrow(RangeError);
    expect(() => new AccessCache(Number.NaN)).toThrow('non-negative');
  });
});
