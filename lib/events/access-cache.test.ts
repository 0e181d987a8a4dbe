import { describe, expect, it } from 'vitest';
import { AccessCache } from './access-cache';

describe('AccessCache', () => {
  it('reads once per person and article per TTL, shared by all their streams', async () => {
    let t = 0;
    let reads = 0;
    const cache = new AccessCache(5_000, () => t);
    const read = async () => ++reads > 0;
    await cache.check('ana', 'a1', read);
    await cache.check('ana', 'a1', read);
    await cache.check('tom', 'a1', read);
    expect(reads).toBe(2);
    t = 4_999;
    await cache.check('ana', 'a1', read);
    expect(reads).toBe(2);
    t = 5_000;
    await cache.check('ana', 'a1', read);
    expect(reads).toBe(3);
  });

  it('shares a read under way between the streams that ask meanwhile', async () => {
    let reads = 0;
    let finish!: (allowed: boolean) => void;
    const cache = new AccessCache(5_000, () => 0);
    const read = () => {
      reads += 1;
      return new Promise<boolean>((resolve) => (finish = resolve));
    };
    const answers = [cache.check('ana', 'a1', read), cache.check('ana', 'a1', read), cache.check('ana', 'a1', read)];
    finish(true);
    expect(await Promise.all(answers)).toEqual([true, true, true]);
    expect(reads).toBe(1);
  });

  it('caches a refusal, but not a failure', async () => {
    let t = 0;
    const cache = new AccessCache(5_000, () => t);
    expect(await cache.check('ana', 'a1', async () => false)).toBe(false);
    expect(await cache.check('ana', 'a1', async () => true)).toBe(false);
    await expect(cache.check('ana', 'a2', () => Promise.reject(new Error('database is locked')))).rejects.toThrow('database is locked');
    expect(await cache.check('ana', 'a2', async () => true)).toBe(true);
    t = 10_000;
    cache.sweep();
    expect(cache.size).toBe(0);
  });

  it('keeps ids apart that would collide when joined naively', async () => {
    const cache = new AccessCache(5_000, () => 0);
    await cache.check('a', 'b:c', async () => true);
    expect(await cache.check('a:b', 'c', async () => false)).toBe(false);
  });

  it('rejects a bad TTL', () => {
    expect(() => new AccessCache(-1)).toThrow(RangeError);
    expect(() => new AccessCache(Number.NaN)).toThrow('non-negative');
  });
});
