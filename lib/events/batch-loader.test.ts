import { describe, expect, it } from 'vitest';
import { BatchLoader } from './batch-loader';

describe('BatchLoader', () => {
  it('answers lookups of one tick with one load per group, each caller its own key', async () => {
    const loads: Array<[string, string[]]> = [];
    const loader = new BatchLoader<string, string, string>(async (group, keys) => {
      loads.push([group, keys]);
      return new Map(keys.filter((k) => k !== 'nobody').map((k) => [k, `${group}:${k}`]));
    });
    const answers = await Promise.all([loader.get('a1', 'u1'), loader.get('a1', 'u2'), loader.get('a1', 'u1'), loader.get('a2', 'u1'), loader.get('a1', 'nobody')]);
    expect(answers).toEqual(['a1:u1', 'a1:u2', 'a1:u1', 'a2:u1', undefined]);
    expect(loads).toEqual([
      ['a1', ['u1', 'u2', 'nobody']],
      ['a2', ['u1']],
    ]);
    // A later tick is a new batch.
    expect(await loader.get('a1', 'u3')).toBe('a1:u3');
    expect(loads).toHaveLength(3);
  });

  it('splits large batches, and hands a failed load to every caller of that batch', async () => {
    const sizes: number[] = [];
    const loader = new BatchLoader<string, number, number>(async (_group, keys) => {
      sizes.push(keys.length);
      if (keys.includes(4)) throw new Error('database down');
      return new Map(keys.map((k) => [k, k * 2]));
    }, 3);
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => loader.get('g', k)));
    expect(sizes).toEqual([3, 2]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([2, 4, 6, 'failed', 'failed']);
  });
});
