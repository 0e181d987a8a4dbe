import type { DurableEvent, EventCursor, WorkspaceEvent } from './types';

/**
 * Server-Sent Events wire format and catch-up rules, kept pure so they can be unit-tested
 * apart from the route handler. Spec: https://html.spec.whatwg.org/multipage/server-sent-events.html
 */

export const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: proxies must not compress or buffer the stream.
  'Cache-Control': 'no-cache, no-transform',
  // nginx buffers responses by default, which would hold events back.
  'X-Accel-Buffering': 'no',
};

/** How long EventSource waits before reconnecting after a drop. */
export const RECONNECT_MS = 3000;

export function formatCursor(cursor: EventCursor): string {
  return `${cursor.epoch}:${cursor.seq}`;
}

const SINGLE_LINE = /^[^\r\n]*$/;

/**
 * One SSE message. `data` is JSON, which never contains a raw newline, so it fits one `data:`
 * line. `id` and `event` must be single-line: a newline there would let data forge fields.
 */
export function formatSseMessage(message: { id?: string; event: string; data: unknown }): string {
  if (!SINGLE_LINE.test(message.event) || (message.id !== undefined && !SINGLE_LINE.test(message.id))) {
    throw new Error('SSE event names and ids must be single-line.');
  }
  const json = JSON.stringify(message.data ?? null);
  return `${message.id !== undefined ? `id: ${message.id}\n` : ''}event: ${message.event}\ndata: ${json}\n\n`;
}

/** A bus event: durable events carry their cursor as the id; presence carries none (never replayed). */
export function formatSseEvent(event: WorkspaceEvent, epoch: string): string {
  return formatSseMessage({ id: event.seq === null ? undefined : formatCursor({ epoch, seq: event.seq }), event: event.type, data: event });
}

/** A comment line: ignored by EventSource, but keeps proxies and load balancers from timing out. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export function formatRetry(ms: number = RECONNECT_MS): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

const CURSOR = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/;

/**
 * Reads the client's last seen event id (the `Last-Event-ID` header EventSource sends on
 * reconnect, or `?lastEventId=` for a manual reconnect). Null when none was sent; 'invalid' when
 * it cannot be ours, which the stream answers with a resync.
 */
export function parseLastEventId(...values: Array<string | null | undefined>): EventCursor | null | 'invalid' {
  const value = values.find((v) => typeof v === 'string' && v.trim() !== '')?.trim();
  if (value === undefined) return null;
  const match = CURSOR.exec(value);
  if (!match) return 'invalid';
  const seq = Number(match[2]);
  if (!Number.isSafeInteger(seq)) return 'invalid';
  return { epoch: match[1]!, seq };
}

export interface ReplayBuffer {
  epoch: string;
  /** Seq of the newest event ever published (0 before any). */
  latestSeq: number;
  /** Buffered durable events, oldest first, consecutive seqs. */
  events: readonly DurableEvent[];
}

/**
 * Events after `cursor`, or 'resync' when they cannot all be listed: the cursor is from another
 * epoch (server restart), from the future, or older than the oldest buffered event (evicted).
 * On 'resync' the client refetches its state instead of replaying.
 */
export function eventsSince(buffer: ReplayBuffer, cursor: EventCursor): DurableEvent[] | 'resync' {
  if (cursor.epoch !== buffer.epoch || cursor.seq > buffer.latestSeq || cursor.seq < 0) return 'resync';
  if (cursor.seq === buffer.latestSeq) return [];
  const oldest = buffer.events[0];
  // The client needs every event from cursor.seq + 1 on; the buffer must still start there or earlier.
  if (!oldest || oldest.seq > cursor.seq + 1) return 'resync';
  return buffer.events.filter((e) => e.seq > cursor.seq);
}
