import { describe, expect, it } from 'vitest';
import { formatCountdown, timeboxRemainingSeconds } from './timebox';

const T0 = '2026-11-25T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

describe('timeboxRemainingSeconds', () => {
  it.each([
    { name: 'no timebox', itemStartedAt: T0, timeboxSeconds: null, serverNow: at(10), receivedAtMs: 0, nowMs: 0, want: null },
    { name: 'no current item', itemStartedAt: null, timeboxSeconds: 60, serverNow: at(10), receivedAtMs: 0, nowMs: 0, want: null },
    { name: 'just received', itemStartedAt: T0, timeboxSeconds: 300, serverNow: at(10), receivedAtMs: 5_000, nowMs: 5_000, want: 290 },
    { name: 'client time elapsed since receipt counts', itemStartedAt: T0, timeboxSeconds: 300, serverNow: at(10), receivedAtMs: 5_000, nowMs: 25_000, want: 270 },
    // The client clock is a day behind the server: only the difference nowMs - receivedAtMs matters.
    { name: 'client clock far behind the server', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(30), receivedAtMs: Date.parse(T0) - 86_400_000, nowMs: Date.parse(T0) - 86_400_000 + 10_000, want: 20 },
    { name: 'client clock far ahead', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(30), receivedAtMs: Date.parse(T0) + 86_400_000, nowMs: Date.parse(T0) + 86_400_000, want: 30 },
    { name: 'client clock stepped back since receipt', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(30), receivedAtMs: 50_000, nowMs: 40_000, want: 30 },
    { name: 'partial second rounds up', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(0.4), receivedAtMs: 0, nowMs: 0, want: 60 },
    { name: 'exactly up', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(60), receivedAtMs: 0, nowMs: 0, want: 0 },
    { name: 'half a second over is 0, never -0', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(60.5), receivedAtMs: 0, nowMs: 0, want: 0 },
    { name: 'over', itemStartedAt: T0, timeboxSeconds: 60, serverNow: at(72), receivedAtMs: 0, nowMs: 0, want: -12 },
    { name: 'bad dates', itemStartedAt: 'nope', timeboxSeconds: 60, serverNow: at(1), receivedAtMs: 0, nowMs: 0, want: null },
  ])('$name', ({ name: _name, want, ...args }) => {
    const got = timeboxRemainingSeconds(args);
    expect(got).toBe(want);
    if (got !== null) expect(Object.is(got, -0)).toBe(false);
  });
});

describe('formatCountdown', () => {
  it.each([
    [245, '4:05'],
    [60, '1:00'],
    [59, '0:59'],
    [0, '0:00'],
    [-0, '0:00'],
    [-12, '-0:12'],
    [-75, '-1:15'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [-3723, '-1:02:03'],
    [4.9, '0:04'],
    [Number.NaN, '0:00'],
  ])('%d → %s', (seconds, want) => {
    expect(formatCountdown(seconds)).toBe(want);
  });
});
