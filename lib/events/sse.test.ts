import { describe, expect, it } from 'vitest';
import { eventsSince, formatCursor, formatRetry, formatSseComment, formatSseEvent, formatSseMessage, parseLastEventId, SSE_HEADERS, type ReplayBuffer } from './sse';
import type { DurableEvent, WorkspaceEvent } from './types';

function event(seq: number): DurableEvent {
  return { type: 'comment.created', seq, at: '2026-01-01T00:00:00.000Z', workspaceId: 'w1', articleId: 'a1', claimId: 'c1', entityId: `k${seq}`, version: 1, actorId: 'u1' };
}

describe('formatSseEvent', () => {
  it('writes id, event and one data line, ending with a blank line', () => {
    const text = formatSseEvent(event(7), 'ab12');
    expect(text).toBe(`id: ab12:7\nevent: comment.created\ndata: ${JSON.stringify(event(7))}\n\n`);
  });
  it('keeps multi-line content on one data line (JSON escapes newlines)', () => {
    const text = formatSseMessage({ event: 'x', data: { body: 'a\nb\r\nc' } });
    expect(text.split('\n').filter((l) => l.startsWith('data:'))).toHaveLength(1);
    expect(text).toBe('event: x\ndata: {"body":"a\\nb\\r\\nc"}\n\n');
  });
  it('omits the id for presence (never replayed)', () => {
    const presence: WorkspaceEvent = { type: 'presence.changed', seq: null, at: '', workspaceId: 'w1', articleId: 'a1', entityId: 'a1', version: null, viewers: [], actorId: null };
    expect(formatSseEvent(presence, 'e')).toMatch(/^event: presence.changed\n/);
  });
  it('refuses a newline in the event name or id (field injection)', () => {
    expect(() => formatSseMessage({ event: 'a\ndata: x', data: 1 })).toThrow(/single-line/);
    expect(() => formatSseMessage({ id: '1\nevent: y', event: 'a', data: 1 })).toThrow(/single-line/);
  });
  it('formats comments, retry and cursors', () => {
    expect(formatSseComment('heart\nbeat')).toBe(': heart beat\n\n');
    expect(formatRetry(2500)).toBe('retry: 2500\n\n');
    expect(formatRetry()).toBe('retry: 3000\n\n');
    expect(formatCursor({ epoch: 'e', seq: 0 })).toBe('e:0');
  });
  it('sends the headers that stop proxies buffering', () => {
    expect(SSE_HEADERS['Content-Type']).toMatch(/^text\/event-stream/);
    expect(SSE_HEADERS['Cache-Control']).toBe('no-cache, no-transform');
    expect(SSE_HEADERS['X-Accel-Buffering']).toBe('no');
  });
});

describe('parseLastEventId', () => {
  it('reads epoch:seq from the first value given (header, then query)', () => {
    expect(parseLastEventId('ab12:42', 'zz:1')).toEqual({ epoch: 'ab12', seq: 42 });
    expect(parseLastEventId(null, ' ab12:3 ')).toEqual({ epoch: 'ab12', seq: 3 });
    expect(parseLastEventId(undefined, '')).toBeNull();
    expect(parseLastEventId()).toBeNull();
  });
  it('flags anything else as invalid', () => {
    for (const bad of ['42', 'ab:', ':1', 'ab:-1', 'ab:1.5', 'a b:1', 'ab:1:2', 'ab:9999999999999999']) {
      expect(parseLastEventId(bad), bad).toBe('invalid');
    }
  });
});

describe('eventsSince', () => {
  const buffer: ReplayBuffer = { epoch: 'e', latestSeq: 10, events: [6, 7, 8, 9, 10].map(event) };

  it('returns the events after the cursor', () => {
    expect(eventsSince(buffer, { epoch: 'e', seq: 8 })).toEqual([event(9), event(10)]);
    expect(eventsSince(buffer, { epoch: 'e', seq: 5 })).toHaveLength(5);
  });
  it('returns nothing when the client is up to date', () => {
    expect(eventsSince(buffer, { epoch: 'e', seq: 10 })).toEqual([]);
    expect(eventsSince({ epoch: 'e', latestSeq: 0, events: [] }, { epoch: 'e', seq: 0 })).toEqual([]);
  });
  it('asks for a resync when the gap is older than the buffer', () => {
    expect(eventsSince(buffer, { epoch: 'e', seq: 4 })).toBe('resync');
    expect(eventsSince({ epoch: 'e', latestSeq: 3, events: [] }, { epoch: 'e', seq: 1 })).toBe('resync');
  });
  it('asks for a resync for another epoch (server restarted) or a cursor from the future', () => {
    expect(eventsSince(buffer, { epoch: 'old', seq: 9 })).toBe('resync');
    expect(eventsSince(buffer, { epoch: 'e', seq: 11 })).toBe('resync');
  });
});
