import type { EventBus } from './bus';
import type { PresenceRegistry } from './presence';
import { formatCursor, formatRetry, formatSseComment, formatSseEvent, formatSseMessage } from './sse';
import type { EventCursor, WorkspaceEvent } from './types';

/**
 * The live channel of one article for one user, as a ReadableStream of SSE bytes. The route
 * handler authenticates and authorises, then hands over; this module keeps the stream honest
 * while it is open: it replays missed events, re-checks membership, heartbeats and tracks presence.
 *
 * Messages the client sees, in order:
 *   retry                        reconnect delay for EventSource
 *   resync        (if needed)    the missed events are gone: refetch everything
 *   <bus events>  (catch-up)     what happened since Last-Event-ID
 *   ready                        id = current cursor; data = { connectionId, cursor, presence }
 *   <bus events>  (live) … and `: heartbeat` comments
 *   revoked       (then closed)  no longer a member
 */

export const HEARTBEAT_MS = 15_000;
/** Membership is re-read at most this often; removal also closes the stream at once via member.removed. */
export const ACCESS_CACHE_MS = 5_000;
/** A stream silent for this long (no heartbeat touched it) is dropped from presence. */
export const PRESENCE_STALE_MS = 3 * HEARTBEAT_MS;
/** A client this far behind is disconnected; it reconnects and catches up from the buffer. */
export const MAX_QUEUED_CHUNKS = 1000;

export interface ArticleStreamOptions {
  bus: EventBus;
  presence: PresenceRegistry;
  workspaceId: string;
  articleId: string;
  user: { id: string; name: string };
  openClaimId: string | null;
  lastEventId: EventCursor | null | 'invalid';
  /** Is the user still allowed to read this article? Reads the database; cached here. Throwing closes the stream. */
  checkAccess: () => boolean;
  signal?: AbortSignal;
  connectionId?: string;
  heartbeatMs?: number;
  accessCacheMs?: number;
  now?: () => number;
}

/** Memoises a boolean check for `ttlMs`, so a burst of events does not hit the database per event. */
export function cachedCheck(check: () => boolean, ttlMs: number, now: () => number = Date.now): () => boolean {
  let value = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return () => {
    const t = now();
    if (t - checkedAt >= ttlMs) {
      value = check();
      checkedAt = t;
    }
    return value;
  };
}

export function openArticleStream(options: ArticleStreamOptions): ReadableStream<Uint8Array> {
  const { bus, presence, workspaceId, articleId, user, signal } = options;
  const connectionId = options.connectionId ?? crypto.randomUUID();
  const filter = { workspaceId, articleId };
  const hasAccess = cachedCheck(options.checkAccess, options.accessCacheMs ?? ACCESS_CACHE_MS, options.now);
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let lastSentSeq = -1;

  const close = () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error('Event stream cleanup failed', error);
      }
    }
    try {
      controller?.close();
    } catch {
      // Already closed or cancelled by the client.
    }
  };

  const send = (text: string) => {
    if (closed || !controller) return;
    if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED_CHUNKS) return close();
    controller.enqueue(encoder.encode(text));
  };

  const revoke = () => {
    send(formatSseMessage({ event: 'revoked', data: { reason: 'You are no longer a member of this workspace.' } }));
    close();
  };

  /** False (and the stream closed) when the user lost access or the check failed. */
  const stillAllowed = (): boolean => {
    try {
      if (hasAccess()) return true;
      revoke();
    } catch (error) {
      console.error('Event stream access check failed', error);
      close();
    }
    return false;
  };

  const deliver = (event: WorkspaceEvent) => {
    // Subscribed before replaying, so an event could arrive both ways: send each seq once.
    if (event.seq !== null) {
      if (event.seq <= lastSentSeq) return;
      lastSentSeq = event.seq;
    }
    send(formatSseEvent(event, bus.cursor().epoch));
  };

  const onEvent = (event: WorkspaceEvent) => {
    if (closed) return;
    if (event.type === 'member.removed' && event.userId === user.id) return revoke();
    if (stillAllowed()) deliver(event);
  };

  const publishPresence = () => {
    try {
      bus.publish({ type: 'presence.changed', workspaceId, articleId, entityId: articleId, version: null, viewers: presence.snapshot(articleId), actorId: user.id });
    } catch (error) {
      console.error('Could not publish presence', error);
    }
  };

  const heartbeat = () => {
    if (closed || !stillAllowed()) return;
    presence.touch(articleId, connectionId);
    if (presence.prune(PRESENCE_STALE_MS, articleId).length) publishPresence();
    send(formatSseComment(`heartbeat ${new Date(options.now?.() ?? Date.now()).toISOString()}`));
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) return close();
      send(formatRetry());

      cleanups.push(bus.subscribe(filter, onEvent));

      const missed = options.lastEventId === null ? [] : options.lastEventId === 'invalid' ? 'resync' : bus.replay(options.lastEventId, filter);
      if (missed === 'resync') send(formatSseMessage({ event: 'resync', data: { reason: 'Some updates are no longer available. Reload the data.' } }));
      else missed.forEach(deliver);

      presence.join(articleId, { connectionId, userId: user.id, name: user.name, openClaimId: options.openClaimId });
      cleanups.push(() => {
        if (presence.leave(articleId, connectionId)) publishPresence();
      });
      publishPresence();

      // Everything up to here was replayed or is not for this article: live delivery continues after it.
      const now = bus.cursor();
      lastSentSeq = Math.max(lastSentSeq, now.seq);
      send(formatSseMessage({ id: formatCursor(now), event: 'ready', data: { connectionId, cursor: formatCursor(now), presence: presence.snapshot(articleId) } }));

      const timer = setInterval(heartbeat, options.heartbeatMs ?? HEARTBEAT_MS);
      cleanups.push(() => clearInterval(timer));

      if (signal) {
        signal.addEventListener('abort', close, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', close));
      }
    },
    cancel() {
      close();
    },
  });
}
