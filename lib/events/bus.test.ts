import { afterEach, describe, expect, it, vi } from 'vitest';
import { getEventBus, InMemoryEventBus, matchesFilter, setEventBus, type NewWorkspaceEvent, type WorkspaceEvent } from './bus';
import { emitArticleUpdated, emitEntity, emitMemberRemoved } from './emit';
import { RingBuffer } from './ring-buffer';

const claimEvent = (workspaceId = 'w1', articleId = 'a1', id = 'c1'): NewWorkspaceEvent => ({
  type: 'claim.updated',
  workspaceId,
  articleId,
  claimId: id,
  entityId: id,
  version: 2,
  actorId: 'u1',
});

describe('RingBuffer', () => {
  it('keeps the newest items, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    [1, 2, 3, 4, 5].forEach((n) => ring.push(n));
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
  });
  it('rejects a useless capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});

describe('InMemoryEventBus', () => {
  it('stamps increasing seqs and the time; presence gets no seq', () => {
    const bus = new InMemoryEventBus({ epoch: 'e1', now: () => new Date('2026-01-01T00:00:00Z') });
    const a = bus.publish(claimEvent());
    const b = bus.publish(claimEvent());
    const p = bus.publish({ type: 'presence.changed', workspaceId: 'w1', articleId: 'a1', entityId: 'a1', version: null, viewers: [], actorId: 'u1' });
    const c = bus.publish(claimEvent());
    expect([a.seq, b.seq, p.seq, c.seq]).toEqual([1, 2, null, 3]);
    expect(a.at).toBe('2026-01-01T00:00:00.000Z');
    expect(bus.cursor()).toEqual({ epoch: 'e1', seq: 3 });
  });

  it('delivers only to subscribers of the same workspace (and article, when filtered)', () => {
    const bus = new InMemoryEventBus();
    const seen: Record<string, string[]> = { ws: [], article: [], otherArticle: [], otherWs: [] };
    const record = (key: string) => (e: WorkspaceEvent) => seen[key]!.push(`${e.type}:${e.entityId}`);
    bus.subscribe({ workspaceId: 'w1' }, record('ws'));
    bus.subscribe({ workspaceId: 'w1', articleId: 'a1' }, record('article'));
    bus.subscribe({ workspaceId: 'w1', articleId: 'a2' }, record('otherArticle'));
    bus.subscribe({ workspaceId: 'w2' }, record('otherWs'));
    bus.publish(claimEvent('w1', 'a1', 'c1'));
    bus.publish(claimEvent('w2', 'a9', 'c9'));
    bus.publish({ type: 'member.removed', workspaceId: 'w1', articleId: null, entityId: 'u7', userId: 'u7', version: null, actorId: 'u1' });
    expect(seen).toEqual({
      ws: ['claim.updated:c1', 'member.removed:u7'],
      article: ['claim.updated:c1', 'member.removed:u7'],
      otherArticle: ['member.removed:u7'],
      otherWs: ['claim.updated:c9'],
    });
  });

  it('unsubscribes, even from inside a listener, and survives a throwing listener', () => {
    const bus = new InMemoryEventBus();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const got: number[] = [];
    bus.subscribe({ workspaceId: 'w1' }, () => {
      throw new Error('boom');
    });
    const off = bus.subscribe({ workspaceId: 'w1' }, (e) => {
      got.push(e.seq ?? -1);
      off();
    });
    bus.subscribe({ workspaceId: 'w1' }, (e) => got.push((e.seq ?? -1) * 10));
    bus.publish(claimEvent());
    bus.publish(claimEvent());
    expect(got).toEqual([1, 10, 20]);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(bus.subscriberCount('w1')).toBe(2);
    spy.mockRestore();
  });

  it('replays what a client missed, filtered to its scope', () => {
    const bus = new InMemoryEventBus({ epoch: 'e1' });
    bus.publish(claimEvent('w1', 'a1', 'c1'));
    const cursor = bus.cursor();
    bus.publish(claimEvent('w1', 'a2', 'c2'));
    bus.publish(claimEvent('w2', 'a9', 'c9'));
    bus.publish(claimEvent('w1', 'a1', 'c3'));
    const missed = bus.replay(cursor, { workspaceId: 'w1', articleId: 'a1' });
    expect(missed === 'resync' ? missed : missed.map((e) => e.entityId)).toEqual(['c3']);
    expect(bus.replay(bus.cursor(), { workspaceId: 'w1' })).toEqual([]);
  });

  it('asks for a resync when the missed events were evicted or the cursor is from another process', () => {
    const bus = new InMemoryEventBus({ epoch: 'e1', capacity: 2 });
    const start = bus.cursor();
    for (let i = 0; i < 3; i += 1) bus.publish(claimEvent());
    expect(bus.replay(start, { workspaceId: 'w1' })).toBe('resync');
    expect(bus.replay({ epoch: 'e1', seq: 1 }, { workspaceId: 'w1' })).toHaveLength(2);
    expect(bus.replay({ epoch: 'old', seq: 1 }, { workspaceId: 'w1' })).toBe('resync');
  });
});

describe('matchesFilter', () => {
  it('never crosses workspaces', () => {
    const event = { ...claimEvent('w2'), seq: 1, at: '' } as WorkspaceEvent;
    expect(matchesFilter({ workspaceId: 'w1' }, event)).toBe(false);
    expect(matchesFilter({ workspaceId: 'w2', articleId: 'a1' }, event)).toBe(true);
  });
});

describe('singleton and emit helpers', () => {
  afterEach(() => setEventBus(undefined));

  it('keeps one bus per process on globalThis', () => {
    setEventBus(undefined);
    expect(getEventBus()).toBe(getEventBus());
    const mine = new InMemoryEventBus();
    setEventBus(mine);
    expect(getEventBus()).toBe(mine);
  });

  it('builds events in one call, published after the handler returns, in order', async () => {
    const bus = new InMemoryEventBus();
    setEventBus(bus);
    const got: WorkspaceEvent[] = [];
    bus.subscribe({ workspaceId: 'w1' }, (e) => got.push(e));
    emitEntity('claim.created', { workspaceId: 'w1', articleId: 'a1' }, { id: 'c1', version: 1 }, 'u1');
    emitEntity('source.deleted', { workspaceId: 'w1', articleId: 'a1', claimId: 'c1' }, { id: 's1' }, 'u1');
    emitEntity('assignment.created', { workspaceId: 'w1', articleId: 'a1' }, { id: 'as1' }, 'u1');
    emitArticleUpdated({ id: 'a1', workspaceId: 'w1', version: 4, revision: 2 }, ['text'], 'u1');
    emitMemberRemoved('w1', 'u2', 'u1');
    // Published after the route's handler returns, not inside it.
    expect(got).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(got.map(({ at: _at, ...e }) => e)).toEqual([
      { type: 'claim.created', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', entityId: 'c1', version: 1, actorId: 'u1', seq: 1 },
      { type: 'source.deleted', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', entityId: 's1', version: null, actorId: 'u1', seq: 2 },
      { type: 'assignment.created', workspaceId: 'w1', articleId: 'a1', claimId: null, entityId: 'as1', version: null, actorId: 'u1', seq: 3 },
      { type: 'article.updated', workspaceId: 'w1', articleId: 'a1', entityId: 'a1', version: 4, fields: ['text'], revision: 2, actorId: 'u1', seq: 4 },
      { type: 'member.removed', workspaceId: 'w1', articleId: null, entityId: 'u2', userId: 'u2', version: null, actorId: 'u1', seq: 5 },
    ]);
  });

  it('never throws into the route when publishing fails', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    setEventBus({
      epoch: 'x',
      publish: () => {
        throw new Error('redis down');
      },
      subscribe: () => () => {},
      deliverLocal: () => {},
      announcePresence: () => {},
      onPresenceAnnounced: () => () => {},
      replay: () => [],
      cursor: () => ({ epoch: 'x', seq: 0 }),
    });
    expect(() => emitEntity('claim.updated', { workspaceId: 'w1', articleId: 'a1' }, { id: 'c1', version: 2 }, 'u1')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(spy).toHaveBeenCalledWith('Could not publish claim.updated', expect.any(Error));
    spy.mockRestore();
  });

  it('never fails the route when an asynchronous publish rejects (the database bus)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    setEventBus({
      epoch: 'x',
      publish: () => Promise.reject(new Error('database down')),
      subscribe: () => () => {},
      deliverLocal: () => {},
      announcePresence: () => {},
      onPresenceAnnounced: () => () => {},
      replay: () => Promise.resolve([]),
      cursor: () => Promise.resolve({ epoch: 'x', seq: 0 }),
    });
    expect(() => emitMemberRemoved('w1', 'u2', 'u1')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(spy).toHaveBeenCalledWith('Could not publish member.removed', expect.any(Error));
    spy.mockRestore();
  });
});

describe('re-entrant publishing', () => {
  it('delivers events published by a listener after the current one, in seq order for everyone', () => {
    const bus = new InMemoryEventBus();
    const first: number[] = [];
    const second: number[] = [];
    bus.subscribe({ workspaceId: 'w1' }, (e) => {
      first.push(e.seq ?? -1);
      if (e.seq === 1) bus.publish(claimEvent());
    });
    bus.subscribe({ workspaceId: 'w1' }, (e) => second.push(e.seq ?? -1));
    const published = bus.publish(claimEvent());
    expect(published.seq).toBe(1);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });
});
