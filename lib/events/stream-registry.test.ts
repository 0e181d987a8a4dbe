import { describe, expect, it } from 'vitest';
import { StreamRegistry } from './stream-registry';

const limits = { perUserPerArticle: 2, perUser: 3, perArticle: 4 };

describe('StreamRegistry', () => {
  it('admits streams under every cap without closing any', () => {
    const registry = new StreamRegistry(limits);
    expect(registry.add({ id: 's1', userId: 'ana', articleId: 'a1' })).toEqual([]);
    expect(registry.add({ id: 's2', userId: 'ana', articleId: 'a1' })).toEqual([]);
    expect(registry.add({ id: 's3', userId: 'tom', articleId: 'a1' })).toEqual([]);
    expect(registry.size).toBe(3);
    expect(registry.countFor('ana', 'a1')).toBe(2);
    expect(registry.countOn('a1')).toBe(3);
  });

  it('closes the person’s oldest stream on the article when they open one too many there', () => {
    const registry = new StreamRegistry(limits);
    registry.add({ id: 's1', userId: 'ana', articleId: 'a1' });
    registry.add({ id: 's2', userId: 'ana', articleId: 'a1' });
    expect(registry.add({ id: 's3', userId: 'ana', articleId: 'a1' })).toEqual([{ id: 's1', limit: 'perUserPerArticle' }]);
    expect(registry.add({ id: 's4', userId: 'ana', articleId: 'a1' })).toEqual([{ id: 's2', limit: 'perUserPerArticle' }]);
    expect(registry.has('s1')).toBe(false);
    expect(registry.countFor('ana', 'a1')).toBe(2);
  });

  it('closes the person’s oldest stream anywhere when they exceed their overall cap', () => {
    const registry = new StreamRegistry(limits);
    registry.add({ id: 's1', userId: 'ana', articleId: 'a1' });
    registry.add({ id: 's2', userId: 'ana', articleId: 'a2' });
    registry.add({ id: 's3', userId: 'ana', articleId: 'a3' });
    expect(registry.add({ id: 's4', userId: 'ana', articleId: 'a4' })).toEqual([{ id: 's1', limit: 'perUser' }]);
    expect(registry.countFor('ana')).toBe(3);
    expect(registry.countOn('a1')).toBe(0);
  });

  it('per article, takes the oldest stream of whoever holds the most there, not someone’s only tab', () => {
    const registry = new StreamRegistry(limits);
    registry.add({ id: 'tom-1', userId: 'tom', articleId: 'a1' });
    registry.add({ id: 'ana-1', userId: 'ana', articleId: 'a1' });
    registry.add({ id: 'ana-2', userId: 'ana', articleId: 'a1' });
    registry.add({ id: 'kofi-1', userId: 'kofi', articleId: 'a1' });
    expect(registry.add({ id: 'vera-1', userId: 'vera', articleId: 'a1' })).toEqual([{ id: 'ana-1', limit: 'perArticle' }]);
    // Now everyone has one: the oldest of them all gives way.
    expect(registry.add({ id: 'omar-1', userId: 'omar', articleId: 'a1' })).toEqual([{ id: 'tom-1', limit: 'perArticle' }]);
    expect(registry.countOn('a1')).toBe(4);
  });

  it('applies several caps in one admission when needed', () => {
    const registry = new StreamRegistry({ perUserPerArticle: 1, perUser: 1, perArticle: 1 });
    registry.add({ id: 's1', userId: 'ana', articleId: 'a1' });
    registry.add({ id: 's2', userId: 'tom', articleId: 'a2' });
    expect(registry.add({ id: 's3', userId: 'tom', articleId: 'a1' })).toEqual([
      { id: 's2', limit: 'perUser' },
      { id: 's1', limit: 'perArticle' },
    ]);
    expect(registry.size).toBe(1);
  });

  it('removes streams once; an evicted stream’s own cleanup is a no-op', () => {
    const registry = new StreamRegistry(limits);
    registry.add({ id: 's1', userId: 'ana', articleId: 'a1' });
    expect(registry.remove('s1')).toBe(true);
    expect(registry.remove('s1')).toBe(false);
    expect(registry.remove('never')).toBe(false);
    expect(registry.size).toBe(0);
    expect(registry.countOn('a1')).toBe(0);
    expect(registry.countFor('ana')).toBe(0);
  });

  it('rejects bad input: empty ids, a duplicate id, caps below one', () => {
    const registry = new StreamRegistry(limits);
    expect(() => registry.add({ id: '', userId: 'ana', articleId: 'a1' })).toThrow('non-empty id');
    expect(() => registry.add({ id: 's1', userId: '', articleId: 'a1' })).toThrow('non-empty userId');
    registry.add({ id: 's1', userId: 'ana', articleId: 'a1' });
    expect(() => registry.add({ id: 's1', userId: 'ana', articleId: 'a1' })).toThrow('already registered');
    expect(() => new StreamRegistry({ ...limits, perArticle: 0 })).toThrow('perArticle must be a positive whole number');
    expect(() => new StreamRegistry({ ...limits, perUser: Number.NaN })).toThrow(RangeError);
  });

  it('stays linear: 10,000 streams of 50 people on one article cost no scan per stream', () => {
    const registry = new StreamRegistry({ perUserPerArticle: 100_000, perUser: 100_000, perArticle: 1_000 });
    let evicted = 0;
    for (let i = 0; i < 10_000; i += 1) evicted += registry.add({ id: `s${i}`, userId: `u${i % 50}`, articleId: 'a1' }).length;
    expect(evicted).toBe(9_000);
    expect(registry.countOn('a1')).toBe(1_000);
    // Fair share: everyone keeps the same number of streams.
    expect(registry.countFor('u0', 'a1')).toBe(20);
    expect(registry.countFor('u49', 'a1')).toBe(20);
  });
});
