import { AccessCache } from './access-cache';
import { getEventBus, type EventBus } from './bus';
import { getPresence, type PresenceStore } from './presence';
import { PresenceBroadcaster, type ScheduleFn } from './presence-broadcaster';
import { DEFAULT_STREAM_LIMITS, parseStreamLimits, streamClosedNotice, type StreamClosedNotice, type StreamLimits } from './stream-limits';
import { StreamRegistry } from './stream-registry';

/**
 * Everything the open streams of one process share: the caps (oldest stream closed first), one
 * heartbeat timer for all of them, presence broadcasts coalesced per article, the presence sweep
 * and the membership cache. One instance per process (getStreamHub); tests build their own.
 */

/** Heartbeat comment on every stream: keeps proxies from closing idle connections, finds dead ones. */
export const HEARTBEAT_MS = 15_000;
/** Membership is re-read at most this often per (person, article); removal also closes streams at once via member.removed. */
export const ACCESS_CACHE_MS = 5_000;
/** A presence entry no heartbeat refreshed for this long is dropped (its close was never reported). */
export const PRESENCE_STALE_MS = 3 * HEARTBEAT_MS;
/** At most one presence broadcast per article per this many milliseconds… */
export const PRESENCE_FLUSH_MS = 250;
/** …and fewer on crowded articles: presence writes at most this many stream messages per second per article. */
export const PRESENCE_WRITES_PER_SECOND = 1000;

/** What the hub needs from an open stream (lib/events/article-stream.ts). */
export interface LiveStream {
  id: string;
  userId: string;
  workspaceId: string;
  articleId: string;
  /** Called every HEARTBEAT_MS: re-check access, refresh presence, write the heartbeat comment. */
  heartbeat(): void;
  /** Made room for a newer stream: tell the client why, then close. */
  closeBecause(notice: StreamClosedNotice): void;
}

export interface StreamHubOptions {
  bus: EventBus;
  presence: PresenceStore;
  limits?: StreamLimits;
  heartbeatMs?: number;
  accessCacheMs?: number;
  presenceStaleMs?: number;
  presenceFlushMs?: number;
  now?: () => number;
  schedule?: ScheduleFn;
}

export class StreamHub {
  readonly bus: EventBus;
  readonly presence: PresenceStore;
  readonly limits: StreamLimits;
  private readonly registry: StreamRegistry;
  private readonly streams = new Map<string, LiveStream>();
  /** articleId → its workspace and how many streams are open on it (to address presence broadcasts). */
  private readonly articles = new Map<string, { workspaceId: string; streams: number }>();
  private readonly broadcaster: PresenceBroadcaster;
  private readonly access: AccessCache;
  private readonly heartbeatMs: number;
  private readonly presenceStaleMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly now: () => number;
  private readonly stopListening: () => void;

  constructor(options: StreamHubOptions) {
    this.bus = options.bus;
    this.now = options.now ?? Date.now;
    this.presence = options.presence;
    this.limits = options.limits ?? { ...DEFAULT_STREAM_LIMITS };
    this.registry = new StreamRegistry(this.limits);
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    this.presenceStaleMs = options.presenceStaleMs ?? PRESENCE_STALE_MS;
    this.access = new AccessCache(options.accessCacheMs ?? ACCESS_CACHE_MS, options.now);
    this.broadcaster = new PresenceBroadcaster({
      snapshot: (articleId) => this.presence.snapshot(articleId),
      // Each instance reads the snapshot and tells its own streams (one read per instance, not per stream).
      publish: (workspaceId, articleId, viewers) => {
        this.bus.deliverLocal({ type: 'presence.changed', seq: null, at: new Date(this.now()).toISOString(), workspaceId, articleId, entityId: articleId, version: null, viewers, actorId: null });
      },
      intervalMs: options.presenceFlushMs ?? PRESENCE_FLUSH_MS,
      // 100 viewers: every 250 ms; 1,000: every second.
      intervalFor: (articleId) => ((this.articles.get(articleId)?.streams ?? 0) * 1000) / PRESENCE_WRITES_PER_SECOND,
      now: options.now,
      schedule: options.schedule,
    });
    // A change announced by any instance (this one included) is broadcast here only if streams here show that article.
    this.stopListening = this.bus.onPresenceAnnounced((workspaceId, articleId) => {
      if (this.articles.has(articleId)) this.broadcaster.markChanged(workspaceId, articleId);
    });
  }

  /** Registers a stream; closes the oldest ones (with a `closed` notice) when a cap is reached. */
  open(stream: LiveStream): void {
    const evictions = this.registry.add(stream);
    this.streams.set(stream.id, stream);
    const article = this.articles.get(stream.articleId) ?? { workspaceId: stream.workspaceId, streams: 0 };
    article.streams += 1;
    this.articles.set(stream.articleId, article);
    for (const { id, limit } of evictions) {
      const victim = this.streams.get(id);
      this.forget(id);
      try {
        victim?.closeBecause(streamClosedNotice(limit, this.limits));
      } catch (error) {
        console.error('Could not close an evicted stream', error);
      }
    }
    this.timer ??= startInterval(() => this.tick(), this.heartbeatMs);
  }

  /** The stream ended (client gone, revoked, evicted): forget it. Safe to call twice. */
  close(id: string): void {
    this.registry.remove(id);
    this.forget(id);
  }

  /** Someone joined, left or opened a claim: a coalesced `presence.changed` follows, on every instance. */
  presenceChanged(workspaceId: string, articleId: string): void {
    this.bus.announcePresence(workspaceId, articleId);
  }

  /** May the user still read the article? Shared by their streams, cached for ACCESS_CACHE_MS. */
  checkAccess(userId: string, articleId: string, read: () => boolean | Promise<boolean>): Promise<boolean> {
    return this.access.check(userId, articleId, read);
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** Stops the timers (tests, shutdown); open streams are left as they are. */
  dispose(): void {
    this.stopListening();
    this.broadcaster.dispose();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Drops streams whose close was never reported (here, or on an instance that died). */
  private async prunePresence(): Promise<void> {
    try {
      for (const articleId of await this.presence.prune(this.presenceStaleMs)) {
        const article = this.articles.get(articleId);
        if (article) this.presenceChanged(article.workspaceId, articleId);
      }
    } catch (error) {
      console.error('Presence sweep failed', error);
    }
  }

  private forget(id: string): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    this.streams.delete(id);
    const article = this.articles.get(stream.articleId);
    if (article && --article.streams <= 0) {
      this.articles.delete(stream.articleId);
      // Announcements for it are ignored from now on, so nothing would ever clear its broadcast state.
      this.broadcaster.forget(stream.articleId);
    }
    if (this.streams.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private tick(): void {
    // Copy: a heartbeat may close its stream (access lost, client stalled), which edits the map.
    for (const stream of [...this.streams.values()]) {
      try {
        stream.heartbeat();
      } catch (error) {
        console.error('Stream heartbeat failed', error);
      }
    }
    void this.prunePresence();
    this.access.sweep();
  }
}

function startInterval(run: () => void, ms: number): ReturnType<typeof setInterval> {
  const timer = setInterval(run, ms);
  // Open streams keep the server busy anyway; the timer alone must not keep a process alive.
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

const globalForHub = globalThis as unknown as { claimdeskStreamHub?: StreamHub };

/** The process's hub, on globalThis so dev-mode module reloads share it (like the bus and presence). */
export function getStreamHub(): StreamHub {
  if (!globalForHub.claimdeskStreamHub) {
    const { limits, errors } = parseStreamLimits(process.env);
    for (const error of errors) console.error(`Live stream limits: ${error}`);
    globalForHub.claimdeskStreamHub = new StreamHub({ bus: getEventBus(), presence: getPresence(), limits });
  }
  return globalForHub.claimdeskStreamHub;
}
