import type { StreamHub } from './stream-hub';
import type { StreamClosedNotice } from './stream-limits';
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
 *   <bus events>  (live) … and `: heartbeat` comments (the hub's timer, every 15 s)
 *   revoked       (then closed)  no longer a member
 *   closed        (then closed)  a cap on open streams was reached and this was the oldest:
 *                                data = StreamClosedNotice; the client must not reconnect by itself
 */

/** A client this far behind is disconnected; it reconnects and catches up from the buffer. */
export const MAX_QUEUED_CHUNKS = 1000;
/** A client that has not read anything across this many heartbeats has stalled: the stream closes. */
export const STALLED_HEARTBEATS = 3;

export interface ArticleStreamOptions {
  /** Shared by all streams of the process: caps, heartbeat timer, presence broadcasts, access cache. */
  hub: StreamHub;
  workspaceId: string;
  articleId: string;
  user: { id: string; name: string };
  openClaimId: string | null;
  lastEventId: EventCursor | null | 'invalid';
  /**
   * Is the user still allowed to read this article? Reads the database; cached by the hub. Failing
   * closes the stream. Build it from ids only: the stream keeps it alive as long as it is open.
   */
  checkAccess: () => boolean | Promise<boolean>;
  signal?: AbortSignal;
  connectionId?: string;
  now?: () => number;
}

export function openArticleStream(options: ArticleStreamOptions): ReadableStream<Uint8Array> {
  const { hub, workspaceId, articleId, user, signal } = options;
  const { bus, presence } = hub;
  const connectionId = options.connectionId ?? crypto.randomUUID();
  const filter = { workspaceId, articleId };
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let lastSentSeq = -1;
  let stalledHeartbeats = 0;
  /** Live events wait here until the catch-up is sent, so the client gets them in seq order. */
  let held: WorkspaceEvent[] | null = [];
  /** Events are handled one after another (each awaits the access check), never overtaking. */
  let handling: Promise<void> = Promise.resolve();

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

  const send = (text: string | Uint8Array) => {
    if (closed || !controller) return;
    if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED_CHUNKS) return close();
    try {
      controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
    } catch {
      // The stream errored underneath us (the client went away): a failed write ends it.
      close();
    }
  };

  const revoke = () => {
    send(formatSseMessage({ event: 'revoked', data: { reason: 'You are no longer a member of this workspace.' } }));
    close();
  };

  /** False (and the stream closed) when the user lost access or the check failed. */
  const stillAllowed = async (): Promise<boolean> => {
    try {
      if (await hub.checkAccess(user.id, articleId, options.checkAccess)) return true;
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
    send(formatSseEventOnce(event, bus.epoch));
  };

  const handle = async (event: WorkspaceEvent) => {
    if (closed) return;
    if (event.type === 'member.removed' && event.userId === user.id) return revoke();
    if (await stillAllowed()) deliver(event);
  };

  const onEvent = (event: WorkspaceEvent) => {
    if (closed) return;
    // Presence snapshots have no place in the seq order: only durable events wait for the catch-up.
    if (held && event.seq !== null) {
      held.push(event);
      return;
    }
    handling = handling.then(() => handle(event));
  };

  const heartbeat = () => {
    if (closed || !controller) return;
    // Chunks still queued from before: the client is not reading. Several beats in a row means it is gone.
    stalledHeartbeats = controller.desiredSize !== null && controller.desiredSize <= 0 ? stalledHeartbeats + 1 : 0;
    if (stalledHeartbeats >= STALLED_HEARTBEATS) return close();
    handling = handling.then(async () => {
      if (closed || !(await stillAllowed())) return;
      await presence.touch(articleId, connectionId);
      send(formatSseComment(`heartbeat ${new Date(options.now?.() ?? Date.now()).toISOString()}`));
    });
  };

  const closeBecause = (notice: StreamClosedNotice) => {
    send(formatSseMessage({ event: 'closed', data: notice }));
    close();
  };

  /** Catch-up, registration and presence; live events meanwhile wait in `held`. */
  const begin = async () => {
    const missed = options.lastEventId === null ? [] : options.lastEventId === 'invalid' ? 'resync' : await bus.replay(options.lastEventId, filter);
    if (closed) return;
    if (missed === 'resync') send(formatSseMessage({ event: 'resync', data: { reason: 'Some updates are no longer available. Reload the data.' } }));
    else missed.forEach(deliver);

    // Caps: this stream counts from now on; the oldest ones over a cap are closed with a notice.
    hub.open({ id: connectionId, userId: user.id, workspaceId, articleId, heartbeat, closeBecause });
    cleanups.push(() => hub.close(connectionId));

    await presence.join(articleId, { connectionId, workspaceId, userId: user.id, name: user.name, openClaimId: options.openClaimId });
    const leave = () => {
      void (async () => {
        try {
          if (await presence.leave(articleId, connectionId)) hub.presenceChanged(workspaceId, articleId);
        } catch (error) {
          console.error('Could not record leaving the article', error);
        }
      })();
    };
    // Closed while the join was under way (evicted, aborted): the cleanups already ran, so leave now.
    if (closed) return leave();
    cleanups.push(leave);
    hub.presenceChanged(workspaceId, articleId);

    // The client remembers the newest of: what it was sent, and where the stream is now. An event
    // still on its way (another instance committed it a moment ago) arrives after and is sent then.
    const now = await bus.cursor();
    const viewers = await presence.snapshot(articleId);
    if (closed) return;
    const cursor = { epoch: now.epoch, seq: Math.max(now.seq, lastSentSeq) };
    send(formatSseMessage({ id: formatCursor(cursor), event: 'ready', data: { connectionId, cursor: formatCursor(cursor), presence: viewers } }));

    const waiting = (held ?? []).sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    held = null;
    for (const event of waiting) handling = handling.then(() => handle(event));
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) return close();
      send(formatRetry());
      if (signal) {
        signal.addEventListener('abort', close, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', close));
      }

      // Subscribed before the catch-up is read, so nothing falls between the two.
      cleanups.push(bus.subscribe(filter, onEvent));
      begin().catch((error: unknown) => {
        console.error('Could not open the live stream', error);
        close();
      });
    },
    cancel() {
      close();
    },
  });
}

// The same event object goes to every stream of the article: format and encode it once, not once
// per stream. The bytes are shared by every stream's queue and never written to.
const formatted = new WeakMap<WorkspaceEvent, { epoch: string; bytes: Uint8Array }>();
const sharedEncoder = new TextEncoder();

export function formatSseEventOnce(event: WorkspaceEvent, epoch: string): Uint8Array {
  const cached = formatted.get(event);
  if (cached?.epoch === epoch) return cached.bytes;
  const bytes = sharedEncoder.encode(formatSseEvent(event, epoch));
  formatted.set(event, { epoch, bytes });
  return bytes;
}
