import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceBroadcaster, presenceKey } from './presence-broadcaster';
import type { PresenceViewer } from './types';

const viewer = (userId: string, openClaimId: string | null = null, connections = 1, lastSeen = '2026-01-01T00:00:00.000Z'): PresenceViewer => ({ userId, name: userId, openClaimId, connections, lastSeen });

describe('PresenceBroadcaster', () => {
  let now: number;
  let viewers: Map<string, PresenceViewer[]>;
  let sent: Array<{ workspaceId: string; articleId: string; viewers: PresenceViewer[] }>;
  let broadcaster: PresenceBroadcaster;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    now = 0;
    viewers = new Map();
    sent = [];
    broadcaster = new PresenceBroadcaster({
      snapshot: (articleId) => viewers.get(articleId) ?? [],
      publish: (workspaceId, articleId, list) => sent.push({ workspaceId, articleId, viewers: list }),
      intervalMs: 250,
      now: () => now,
    });
  });
  afterEach(() => {
    broadcaster.dispose();
    vi.useRealTimers();
  });

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends the first change at once', () => {
    viewers.set('a1', [viewer('ana')]);
    broadcaster.markChanged('w1', 'a1');
    expect(sent).toEqual([{ workspaceId: 'w1', articleId: 'a1', viewers: [viewer('ana')] }]);
  });

  it('coalesces a burst into one broadcast per window, carrying the latest snapshot', () => {
    viewers.set('a1', [viewer('u0')]);
    broadcaster.markChanged('w1', 'a1');
    for (let i = 1; i <= 1000; i += 1) {
      viewers.set('a1', [viewer('u0', null, i + 1)]);
      broadcaster.markChanged('w1', 'a1');
    }
    expect(sent).toHaveLength(1);
    expect(broadcaster.pendingCount).toBe(1);
    advance(249);
    expect(sent).toHaveLength(1);
    advance(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.viewers[0]!.connections).toBe(1001);
    expect(broadcaster.pendingCount).toBe(0);
  });

  it('never sends more than one broadcast per window for a steady stream of changes', () => {
    for (let ms = 0; ms < 10_000; ms += 10) {
      viewers.set('a1', [viewer('ana', `c${ms}`)]);
      broadcaster.markChanged('w1', 'a1');
      advance(10);
    }
    // 10 s at 250 ms: 40 windows (+1 for the leading edge).
    expect(sent.length).toBeLessThanOrEqual(41);
    expect(sent.length).toBeGreaterThanOrEqual(39);
  });

  it('spaces broadcasts further apart on a crowded article, never closer than the minimum', () => {
    let audience = 2000;
    const crowded = new PresenceBroadcaster({
      snapshot: () => [viewer('ana', null, audience)],
      publish: (workspaceId, articleId, list) => sent.push({ workspaceId, articleId, viewers: list }),
      intervalMs: 250,
      intervalFor: () => audience, // 1 ms per listener
      now: () => now,
    });
    crowded.markChanged('w1', 'a1');
    audience += 1;
    crowded.markChanged('w1', 'a1');
    advance(1999);
    expect(sent).toHaveLength(1);
    advance(2);
    expect(sent).toHaveLength(2);
    audience = 3; // small again: the 250 ms minimum applies
    crowded.markChanged('w1', 'a1');
    advance(249);
    expect(sent).toHaveLength(2);
    advance(1);
    expect(sent).toHaveLength(3);
    crowded.dispose();
  });

  it('skips a broadcast when nothing a viewer sees changed (a heartbeat only moves lastSeen)', () => {
    viewers.set('a1', [viewer('ana')]);
    broadcaster.markChanged('w1', 'a1');
    viewers.set('a1', [viewer('ana', null, 1, '2026-01-01T00:00:15.000Z')]);
    advance(300);
    broadcaster.markChanged('w1', 'a1');
    advance(300);
    expect(sent).toHaveLength(1);
  });

  it('keeps articles apart, and forgets an article once nobody is left', () => {
    viewers.set('a1', [viewer('ana')]);
    viewers.set('a2', [viewer('tom')]);
    broadcaster.markChanged('w1', 'a1');
    broadcaster.markChanged('w2', 'a2');
    expect(sent.map((s) => [s.workspaceId, s.articleId])).toEqual([
      ['w1', 'a1'],
      ['w2', 'a2'],
    ]);
    viewers.set('a1', []);
    broadcaster.markChanged('w1', 'a1');
    advance(250);
    expect(sent.at(-1)).toEqual({ workspaceId: 'w1', articleId: 'a1', viewers: [] });
    // Forgotten: the next join is news again and goes out at once.
    viewers.set('a1', [viewer('kofi')]);
    broadcaster.markChanged('w1', 'a1');
    expect(sent.at(-1)!.viewers[0]!.userId).toBe('kofi');
  });

  it('survives a failing publish and keeps broadcasting later changes', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const flaky = new PresenceBroadcaster({
      snapshot: () => [viewer('ana')],
      publish: () => {
        if (fail) throw new Error('bus down');
        sent.push({ workspaceId: 'w1', articleId: 'a1', viewers: [] });
      },
      intervalMs: 0,
      now: () => now,
    });
    flaky.markChanged('w1', 'a1');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    fail = false;
    flaky.markChanged('w1', 'a1');
    expect(sent).toHaveLength(1); // the snapshot that failed to go out is sent on the next change
  });

  it('rejects bad input', () => {
    expect(() => broadcaster.markChanged('', 'a1')).toThrow('workspace and an article id');
    expect(() => broadcaster.markChanged('w1', '')).toThrow(TypeError);
    expect(() => new PresenceBroadcaster({ snapshot: () => [], publish: () => {}, intervalMs: -1 })).toThrow(RangeError);
    expect(() => new PresenceBroadcaster({ snapshot: () => [], publish: () => {}, intervalMs: Number.NaN })).toThrow('non-negative');
  });

  it('forget drops an article: its pending broadcast and what was last sent', () => {
    viewers.set('a1', [viewer('ana')]);
    broadcaster.markChanged('w1', 'a1');
    broadcaster.markChanged('w1', 'a1');
    expect(broadcaster.pendingCount).toBe(1);
    broadcaster.forget('a1');
    expect(broadcaster.pendingCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    advance(1000);
    expect(sent).toHaveLength(1);
    // Forgotten: the same snapshot is news again (a stream opened here later has not seen it).
    broadcaster.markChanged('w1', 'a1');
    expect(sent).toHaveLength(2);
  });

  it('dispose cancels what is due', () => {
    viewers.set('a1', [viewer('ana')]);
    broadcaster.markChanged('w1', 'a1');
    broadcaster.markChanged('w1', 'a1');
    broadcaster.dispose();
    advance(1000);
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('presenceKey', () => {
  it('ignores lastSeen but not who, where or how many tabs', () => {
    const base = presenceKey([viewer('ana', 'c1', 1, 'x')]);
    expect(presenceKey([viewer('ana', 'c1', 1, 'y')])).toBe(base);
    expect(presenceKey([viewer('ana', 'c2', 1)])).not.toBe(base);
    expect(presenceKey([viewer('ana', 'c1', 2)])).not.toBe(base);
    expect(presenceKey([])).toBe('[]');
  });
});
