import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

function throttle() {
  let clock = 1_000_000;
  const t = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, now: () => clock });
  return { t, advance: (ms: number) => (clock += ms) };
}

describe('SignInThrottle', () => {
  it('allows attempts until the limit, then refuses for the rest of the window', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 3; i += 1) {
      expect(t.retryAfter('ana')).toBe(0);
      t.recordFailure('ana');
      advance(1000);
    }
    expect(t.retryAfter('ana')).toBe(57_000);
    advance(57_000);
    expect(t.retryAfter('ana')).toBe(0);
  });

  it('keeps accounts apart and forgets failures after a success', () => {
    const { t } = throttle();
    for (let i = 0; i < 3; i += 1) t.recordFailure('ana');
    expect(t.retryAfter('kofi')).toBe(0);
    t.recordSuccess('ana');
    expect(t.retryAfter('ana')).toBe(0);
  });
});
