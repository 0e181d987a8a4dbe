import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openArticleStream, STALLED_HEARTBEATS, type ArticleStreamOptions } from './article-stream';
import { InMemoryEventBus, setEventBus, type NewWorkspaceEvent, type WorkspaceEvent } from './bus';
import { emitEntity } from './emit';
import { PresenceRegistry, type PresenceStore } from './presence';
import { PRESENCE_FLUSH_MS, StreamHub } from './stream-hub';

interface Message {
  id?: string;
  event?: string;
  data?: unknown;
  comment?: string;
  retry?: number;
}

function parse(text: string): Message[] {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const message: Message = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(': ')) message.comment = line.slice(2);
        else if (line.startsWith('id: ')) message.id = line.slice(4);
        else if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: ')) message.data = JSON.parse(line.slice(6));
        else if (line.startsWith('retry: ')) message.retry = Number(line.slice(7));
      }
      return message;
    });
}

/** Reads the stream in the background; `messages()` parses what has arrived so far. */
function collect(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let text = '';
  let done = false;
  const reader = stream.getReader();
  void (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    done = true;
  })();
  return {
    messages: () => parse(text),
    events: () => parse(text).filter((m) => m.event).map((m) => m.event),
    isDone: () => done,
    cancel: () => reader.cancel(),
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const claimUpdated = (articleId = 'a1', workspaceId = 'w1', id = 'c1'): NewWorkspaceEvent => ({ type: 'claim.updated', workspaceId, articleId, claimId: id, entityId: id, version: 2, actorId: 'u2' });

describe('openArticleStream', () => {
  let bus: InMemoryEventBus;
  let presence: PresenceRegistry;
  let hub: StreamHub;
  let now: number;
  let member: boolean;
  let checks: number;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    bus = new InMemoryEventBus({ epoch: 'ep' });
    now = Date.parse('2026-01-01T00:00:00Z');
    presence = new PresenceRegistry(() => now);
    hub = new StreamHub({ bus, presence, now: () => now });
    member = true;
    checks = 0;
  });
  afterEach(() => {
    hub.dispose();
    vi.useRealTimers();
  });

  /** Lets the coalesced presence broadcast that is due go out. */
  function passPresenceWindow() {
    now += PRESENCE_FLUSH_MS;
    vi.advanceTimersByTime(PRESENCE_FLUSH_MS);
  }

  function open(overrides: Partial<ArticleStreamOptions> = {}) {
    return collect(
      openArticleStream({
        hub,
        workspaceId: 'w1',
        articleId: 'a1',
        user: { id: 'u1', name: 'Ana Souza' },
        openClaimId: 'c1',
        lastEventId: null,
        connectionId: 'conn-1',
        checkAccess: () => {
          checks += 1;
          return member;
        },
        now: () => now,
        ...overrides,
      }),
    );
  }

  it('starts with retry, registers presence and says ready with the current cursor', async () => {
    bus.publish(claimUpdated());
    const stream = open();
    await flush();
    // The own join's presence.changed now follows ready: it waits for the (async) access check, ready does not.
    const [retry, ready, presenceMsg] = stream.messages();
    expect(retry).toEqual({ retry: 3000 });
    expect(presenceMsg).toMatchObject({ event: 'presence.changed', data: { viewers: [{ userId: 'u1', openClaimId: 'c1', connections: 1 }] } });
    expect(presenceMsg!.id).toBeUndefined();
    expect(ready).toMatchObject({ id: 'ep:1', event: 'ready', data: { connectionId: 'conn-1', cursor: 'ep:1', presence: [{ userId: 'u1' }] } });
    expect(presence.isPresent('a1', 'u1')).toBe(true);
  });

  it('delivers this article’s events live, with their cursor as id, and nothing from elsewhere', async () => {
    const stream = open();
    bus.publish(claimUpdated('a1'));
    bus.publish(claimUpdated('a2'));
    bus.publish(claimUpdated('a9', 'w2'));
    await flush();
    const live = stream.messages().filter((m) => m.event === 'claim.updated');
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: 'ep:1', data: { articleId: 'a1', version: 2, seq: 1 } });
  });

  it('per viewer: a viewer without access is revoked and gets nothing, the others get the event', async () => {
    const allowed = new Map([
      ['u1', true],
      ['u2', false],
    ]);
    const check = (userId: string) => () => allowed.get(userId) ?? false;
    const ana = open({ connectionId: 'k1', checkAccess: check('u1') });
    const tom = open({ connectionId: 'k2', user: { id: 'u2', name: 'Tom Becker' }, checkAccess: check('u2') });
    await flush();
    bus.publish(claimUpdated());
    await flush();
    expect(ana.events()).toContain('claim.updated');
    expect(tom.events()).not.toContain('claim.updated');
    expect(tom.events()).toContain('revoked');
    expect(tom.isDone()).toBe(true);
  });

  it('encodes an event once: every stream is handed the same bytes', async () => {
    const chunks: Uint8Array[][] = [[], []];
    const streams = [0, 1].map((i) =>
      openArticleStream({ hub, workspaceId: 'w1', articleId: 'a1', user: { id: `u${i}`, name: `User ${i}` }, openClaimId: null, lastEventId: null, connectionId: `k${i}`, checkAccess: () => true, now: () => now }),
    );
    streams.forEach((stream, i) => {
      const reader = stream.getReader();
      void (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks[i]!.push(chunk.value);
      })();
    });
    await flush();
    bus.publish(claimUpdated());
    await flush();
    const decoder = new TextDecoder();
    const eventChunk = (list: Uint8Array[]) => list.find((c) => decoder.decode(c).includes('event: claim.updated'));
    expect(eventChunk(chunks[0]!)).toBeDefined();
    expect(eventChunk(chunks[0]!)).toBe(eventChunk(chunks[1]!));
  });

  it('receives events emitted by a route after the route returns, in the order they were emitted', async () => {
    setEventBus(bus);
    try {
      const stream = open();
      await flush();
      emitEntity('claim.created', { workspaceId: 'w1', articleId: 'a1' }, { id: 'c7', version: 1 }, 'u2');
      emitEntity('source.created', { workspaceId: 'w1', articleId: 'a1', claimId: 'c7' }, { id: 's1', version: 1 }, 'u2');
      emitEntity('claim.updated', { workspaceId: 'w1', articleId: 'a1' }, { id: 'c7', version: 2 }, 'u2');
      // Nothing yet: the emitting handler has not returned.
      expect(stream.events().filter((e) => e !== 'ready' && e !== 'presence.changed')).toEqual([]);
      await flush();
      await flush();
      const live = stream.messages().filter((m) => m.event && m.event !== 'ready' && m.event !== 'presence.changed');
      expect(live.map((m) => m.event)).toEqual(['claim.created', 'source.created', 'claim.updated']);
      expect(live.map((m) => (m.data as { seq: number }).seq)).toEqual([1, 2, 3]);
    } finally {
      setEventBus(undefined);
    }
  });

  it('catches up from Last-Event-ID before saying ready', async () => {
    bus.publish(claimUpdated('a1', 'w1', 'c1'));
    const seen = bus.cursor();
    bus.publish(claimUpdated('a1', 'w1', 'c2'));
    bus.publish(claimUpdated('a2', 'w1', 'c3'));
    bus.publish(claimUpdated('a1', 'w1', 'c4'));
    const stream = open({ lastEventId: seen });
    await flush();
    const msgs = stream.messages();
    expect(msgs.filter((m) => m.event === 'claim.updated').map((m) => [m.id, (m.data as WorkspaceEvent).entityId])).toEqual([
      ['ep:2', 'c2'],
      ['ep:4', 'c4'],
    ]);
    // The own join's presence.changed now follows ready: it waits for the (async) access check, ready does not.
    expect(stream.events()).toEqual(['claim.updated', 'claim.updated', 'ready', 'presence.changed']);
    expect(msgs.find((m) => m.event === 'ready')!.id).toBe('ep:4');
  });

  it('tells the client to resync when the cursor is unusable', async () => {
    bus.publish(claimUpdated());
    const foreign = open({ lastEventId: { epoch: 'before-restart', seq: 1 } });
    const garbage = open({ lastEventId: 'invalid', connectionId: 'conn-2' });
    await flush();
    expect(foreign.events()[0]).toBe('resync');
    expect(garbage.events()[0]).toBe('resync');
    expect(foreign.messages().find((m) => m.event === 'ready')!.id).toBe('ep:1');
  });

  it('closes with "revoked" at once when this user is removed from the workspace', async () => {
    const stream = open();
    const others: WorkspaceEvent[] = [];
    bus.subscribe({ workspaceId: 'w1', articleId: 'a1' }, (e) => others.push(e));
    bus.publish({ type: 'member.removed', workspaceId: 'w1', articleId: null, entityId: 'u1', userId: 'u1', version: null, actorId: 'owner' });
    passPresenceWindow();
    await flush();
    expect(stream.events().at(-1)).toBe('revoked');
    expect(stream.isDone()).toBe(true);
    expect(presence.isPresent('a1', 'u1')).toBe(false);
    expect(others.map((e) => e.type)).toEqual(['member.removed', 'presence.changed']);
    expect(bus.subscriberCount('w1')).toBe(1);
    bus.publish(claimUpdated());
    await flush();
    expect(stream.events().at(-1)).toBe('revoked');
  });

  it('passes on another member’s removal without closing', async () => {
    const stream = open();
    bus.publish({ type: 'member.removed', workspaceId: 'w1', articleId: null, entityId: 'u9', userId: 'u9', version: null, actorId: 'owner' });
    await flush();
    expect(stream.events().at(-1)).toBe('member.removed');
    expect(stream.isDone()).toBe(false);
  });

  it('re-checks membership on events at most every few seconds, and closes when it is gone', async () => {
    const stream = open();
    await flush();
    bus.publish(claimUpdated());
    bus.publish(claimUpdated());
    await flush();
    expect(checks).toBe(1);
    member = false;
    now += 4_000;
    bus.publish(claimUpdated());
    await flush();
    expect(checks).toBe(1);
    now += 1_000;
    bus.publish(claimUpdated());
    await flush();
    expect(checks).toBe(2);
    expect(stream.events().filter((e) => e === 'claim.updated')).toHaveLength(3);
    expect(stream.events().at(-1)).toBe('revoked');
    expect(stream.isDone()).toBe(true);
  });

  it('sends heartbeats every 15 s and closes on the heartbeat after access is lost', async () => {
    const stream = open();
    await flush();
    now += 15_000;
    vi.advanceTimersByTime(15_000);
    await flush();
    expect(stream.messages().at(-1)!.comment).toBe('heartbeat 2026-01-01T00:00:15.000Z');
    member = false;
    now += 15_000;
    vi.advanceTimersByTime(15_000);
    await flush();
    expect(stream.events().at(-1)).toBe('revoked');
    expect(stream.isDone()).toBe(true);
  });

  it('closes (without "revoked") when the access check itself fails', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stream = open({
      checkAccess: () => {
        throw new Error('database is locked');
      },
    });
    bus.publish(claimUpdated());
    await flush();
    expect(stream.isDone()).toBe(true);
    expect(stream.events()).not.toContain('revoked');
    spy.mockRestore();
  });

  it('cleans up when the request is aborted: unsubscribes, leaves presence, stops the heartbeat', async () => {
    const abort = new AbortController();
    const watcher: WorkspaceEvent[] = [];
    const announced: string[] = [];
    bus.subscribe({ workspaceId: 'w1' }, (e) => watcher.push(e));
    bus.onPresenceAnnounced((_workspaceId, articleId) => announced.push(articleId));
    const stream = open({ signal: abort.signal });
    expect(bus.subscriberCount('w1')).toBe(2);
    await flush();
    expect(watcher.at(-1)).toMatchObject({ type: 'presence.changed', viewers: [{ userId: 'u1' }] });
    announced.length = 0;
    abort.abort();
    passPresenceWindow();
    await flush();
    expect(stream.isDone()).toBe(true);
    expect(bus.subscriberCount('w1')).toBe(1);
    expect(presence.snapshot('a1')).toEqual([]);
    // The leave is announced to every instance; this one has no stream left on a1, so it sends no snapshot itself.
    expect(announced).toEqual(['a1']);
    expect(watcher.filter((e) => e.type === 'presence.changed')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets the article’s presence broadcasts once its last stream here is gone', async () => {
    const first = open();
    const second = open({ connectionId: 'conn-2', user: { id: 'u2', name: 'Tom Becker' } });
    await flush();
    expect(vi.getTimerCount()).toBe(2); // the heartbeat, and the coalesced broadcast of the second join
    await first.cancel();
    await second.cancel();
    await flush();
    expect(hub.streamCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tells the other streams on the article when a stream leaves', async () => {
    const abort = new AbortController();
    const other = open({ connectionId: 'conn-2', user: { id: 'u2', name: 'Tom Becker' } });
    open({ signal: abort.signal });
    await flush();
    passPresenceWindow();
    await flush();
    expect(other.messages().filter((m) => m.event === 'presence.changed').at(-1)!.data).toMatchObject({ viewers: [{ userId: 'u1' }, { userId: 'u2' }] });
    abort.abort();
    passPresenceWindow();
    await flush();
    expect(other.messages().filter((m) => m.event === 'presence.changed').at(-1)!.data).toMatchObject({ viewers: [{ userId: 'u2' }] });
    expect((other.messages().filter((m) => m.event === 'presence.changed').at(-1)!.data as { viewers: unknown[] }).viewers).toHaveLength(1);
  });

  it('leaves no presence behind when aborted while it is still opening', async () => {
    const abort = new AbortController();
    let joined = false;
    // A shared store answers later: the stream is aborted while its join is under way.
    const slow: PresenceStore = {
      join: async (articleId, input) => {
        await flush();
        presence.join(articleId, input);
        joined = true;
      },
      leave: (articleId, connectionId) => presence.leave(articleId, connectionId),
      update: (articleId, userId, openClaimId, connectionId) => presence.update(articleId, userId, openClaimId, connectionId),
      touch: (articleId, connectionId) => presence.touch(articleId, connectionId),
      isPresent: (articleId, userId) => presence.isPresent(articleId, userId),
      snapshot: (articleId) => presence.snapshot(articleId),
      prune: (maxAgeMs) => presence.prune(maxAgeMs),
    };
    hub.dispose();
    hub = new StreamHub({ bus, presence: slow, now: () => now });
    const stream = open({ signal: abort.signal });
    abort.abort();
    expect(joined).toBe(false);
    await flush();
    await flush();
    expect(joined).toBe(true);
    expect(stream.isDone()).toBe(true);
    expect(presence.isPresent('a1', 'u1')).toBe(false);
    expect(hub.streamCount).toBe(0);
    expect(stream.events()).not.toContain('ready');
  });

  it('cleans up when the client cancels the stream', async () => {
    const stream = open();
    await flush();
    await stream.cancel();
    passPresenceWindow();
    expect(bus.subscriberCount('w1')).toBe(0);
    expect(presence.isPresent('a1', 'u1')).toBe(false);
    expect(hub.streamCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing for a request already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const stream = open({ signal: abort.signal });
    await flush();
    expect(stream.isDone()).toBe(true);
    expect(presence.isPresent('a1', 'u1')).toBe(false);
    expect(bus.subscriberCount('w1')).toBe(0);
  });

  it('drops streams of others that stopped heartbeating, on its own heartbeat', async () => {
    presence.join('a1', { connectionId: 'ghost', userId: 'u7', name: 'Ghost', openClaimId: null });
    const stream = open();
    for (let i = 0; i < 4; i += 1) {
      now += 15_000;
      vi.advanceTimersByTime(15_000);
      await flush(); // the client reads between heartbeats, so it does not count as stalled
    }
    expect(presence.snapshot('a1').map((v) => v.userId)).toEqual(['u1']);
    const last = stream.messages().filter((m) => m.event === 'presence.changed').at(-1);
    expect((last!.data as { viewers: unknown[] }).viewers).toHaveLength(1);
  });

  describe('caps and shared work across streams', () => {
    beforeEach(() => {
      hub.dispose();
      hub = new StreamHub({ bus, presence, now: () => now, limits: { perUserPerArticle: 2, perUser: 3, perArticle: 50 } });
    });

    it('two tabs of one person both stay live; a third closes the oldest with a "closed" notice, and it stays closed', async () => {
      const first = open({ connectionId: 'tab-1' });
      const second = open({ connectionId: 'tab-2' });
      await flush();
      expect(first.isDone()).toBe(false);
      expect(second.isDone()).toBe(false);
      const third = open({ connectionId: 'tab-3' });
      passPresenceWindow();
      await flush();
      const notice = first.messages().at(-1)!;
      expect(notice.event).toBe('closed');
      expect(notice.data).toEqual({ reason: 'too_many_streams', limit: 'perUserPerArticle', message: expect.stringContaining('more than 2 of your tabs') as unknown });
      expect(first.isDone()).toBe(true);
      expect([second.isDone(), third.isDone()]).toEqual([false, false]);
      expect(presence.snapshot('a1')).toMatchObject([{ userId: 'u1', connections: 2 }]);
      expect(hub.streamCount).toBe(2);
      // The closed tab gets nothing more, and nothing of it lingers.
      bus.publish(claimUpdated());
      await flush();
      expect(first.messages().at(-1)!.event).toBe('closed');
      expect(second.messages().at(-1)!.event).toBe('claim.updated');
      expect(bus.subscriberCount('w1')).toBe(2);
    });

    it('caps a person across articles too, closing their oldest stream anywhere', async () => {
      const onA1 = open({ connectionId: 'x1', articleId: 'a1' });
      open({ connectionId: 'x2', articleId: 'a2' });
      open({ connectionId: 'x3', articleId: 'a3' });
      open({ connectionId: 'x4', articleId: 'a4' });
      await flush();
      expect(onA1.messages().at(-1)).toMatchObject({ event: 'closed', data: { limit: 'perUser' } });
      expect(presence.isPresent('a1', 'u1')).toBe(false);
    });

    it('many people joining at once cost a couple of presence broadcasts, not one per join', async () => {
      const watcher: WorkspaceEvent[] = [];
      bus.subscribe({ workspaceId: 'w1', articleId: 'a1' }, (e) => watcher.push(e));
      const streams = Array.from({ length: 40 }, (_, i) => open({ connectionId: `c${i}`, user: { id: `u${i}`, name: `User ${i}` } }));
      passPresenceWindow();
      await flush();
      const broadcasts = watcher.filter((e) => e.type === 'presence.changed');
      // Streams open asynchronously now: all 40 joins are in before the first (immediate) broadcast, which
      // lists them all; the one the window coalesced reads the same snapshot and is skipped as unchanged.
      expect(broadcasts).toHaveLength(1);
      expect(broadcasts.at(-1)).toMatchObject({ viewers: expect.arrayContaining([expect.objectContaining({ userId: 'u39' })]) as unknown });
      expect((broadcasts.at(-1) as { viewers: unknown[] }).viewers).toHaveLength(40);
      // Each stream sees only that one (plus its own ready snapshot).
      expect(streams[0]!.events().filter((e) => e === 'presence.changed')).toHaveLength(1);
    });

    it('one heartbeat timer serves every stream, and one access check serves a person’s streams', async () => {
      open({ connectionId: 'k1' });
      open({ connectionId: 'k2' });
      open({ connectionId: 'k3', user: { id: 'u2', name: 'Tom Becker' } });
      await flush();
      passPresenceWindow();
      await flush();
      expect(vi.getTimerCount()).toBe(1);
      bus.publish(claimUpdated());
      await flush();
      expect(checks).toBe(2); // three streams, two people: one database read each
    });

    it('closes a stream whose client stopped reading, after a few heartbeats, and drops its presence', async () => {
      // Never read: chunks pile up in the queue, as when a client vanished without a reset.
      const silent = openArticleStream({ hub, workspaceId: 'w1', articleId: 'a1', user: { id: 'u9', name: 'Gone' }, openClaimId: null, lastEventId: null, connectionId: 'silent', checkAccess: () => true, now: () => now });
      const live = open();
      for (let i = 0; i < STALLED_HEARTBEATS; i += 1) {
        now += 15_000;
        vi.advanceTimersByTime(15_000);
        await flush();
      }
      expect(presence.isPresent('a1', 'u9')).toBe(false);
      expect(hub.streamCount).toBe(1);
      expect(live.isDone()).toBe(false);
      expect(silent.locked).toBe(false); // nobody ever read it
    });

    it('expires a presence entry without heartbeats even when its close was never reported', async () => {
      open();
      presence.join('a1', { connectionId: 'ghost', userId: 'u7', name: 'Ghost', openClaimId: null });
      for (let i = 0; i < 4; i += 1) {
        now += 15_000;
        vi.advanceTimersByTime(15_000);
        await flush();
      }
      expect(presence.snapshot('a1').map((v) => v.userId)).toEqual(['u1']);
    });
  });
});

