import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Semaphore', () => {
  it('never runs more than the limit at once, and runs everything in order', async () => {
    const semaphore = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      semaphore.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        active -= 1;
        return i;
      }),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect(semaphore.pending).toBe(3);
    while (releases.length) {
      releases.shift()!();
      await tick();
      await tick();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.run(async () => 'next')).toBe('next');
  });

  it('rejects a bad limit', () => {
    expect(() => new Semaphore(0)).toThrow('positive integer');
    expect(() => new Semaphore(1.5)).toThrow('positive integer');
  });
});
