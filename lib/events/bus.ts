import { RingBuffer } from './ring-buffer';
import { eventsSince } from './sse';
import type { DurableEvent, EventCursor, NewWorkspaceEvent, WorkspaceEvent } from './types';

export * from './types';

/**
 * The event bus: publishers (route handlers, after their transaction commits) and subscribers
 * (open SSE streams) meet here. One SQLite process uses the in-memory bus below; on PostgreSQL,
 * several instances share one through LISTEN/NOTIFY and an events table (lib/server/live/pg-bus.ts).
 * Another backend (Redis pub/sub + a stream) would implement this same interface
 * (docs/architecture.md, "Live updates and the event bus").
 */
export type MaybePromise<T> = T | Promise<T>;

export interface EventBus {
  /** Names the event-id space: a Last-Event-ID from another epoch (a restarted in-memory bus) is refused. */
  readonly epoch: string;
  /** Stamps `seq` (durable events) and `at`, keeps it for replay, and delivers it to matching subscribers on every instance. */
  publish(event: NewWorkspaceEvent): MaybePromise<unknown>;
  /** Listens to one workspace, or one article of it, on this instance; returns the unsubscribe function. */
  subscribe(filter: EventFilter, listener: EventListener): () => void;
  /** Hands an event to this instance's subscribers only (presence snapshots, computed per instance). */
  deliverLocal(event: WorkspaceEvent): void;
  /** Someone joined, left or opened a claim on the article: every instance's presence listeners hear it. */
  announcePresence(workspaceId: string, articleId: string): void;
  onPresenceAnnounced(listener: PresenceAnnouncedListener): () => void;
  /** Durable events after `cursor` matching `filter`, or 'resync' if some can no longer be listed. */
  replay(cursor: EventCursor, filter: EventFilter): MaybePromise<DurableEvent[] | 'resync'>;
  /** Where the stream is now: what a fresh client should remember as its last event id. */
  cursor(): MaybePromise<EventCursor>;
}

export type PresenceAnnouncedListener = (workspaceId: string, articleId: string) => void;

export interface EventFilter {
  workspaceId: string;
  /** When set, only this article's events, plus workspace-wide ones (articleId null: member.removed). */
  articleId?: string;
}

export type EventListener = (event: WorkspaceEvent) => void;

export function matchesFilter(filter: EventFilter, event: WorkspaceEvent): boolean {
  if (event.workspaceId !== filter.workspaceId) return false;
  return filter.articleId === undefined || event.articleId === null || event.articleId === filter.articleId;
}

export const DEFAULT_BUFFER_SIZE = 1000;

interface Subscription {
  filter: EventFilter;
  listener: EventListener;
}

/** Single-process bus: listeners in memory, the last `capacity` durable events in a ring buffer. */
export class InMemoryEventBus implements EventBus {
  readonly epoch: string;
  private seq = 0;
  private readonly buffer: RingBuffer<DurableEvent>;
  // Indexed by workspace so a publish only walks that workspace's subscribers.
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private readonly now: () => Date;
  private readonly pending: WorkspaceEvent[] = [];
  private delivering = false;
  private readonly presenceListeners = new Set<PresenceAnnouncedListener>();

  constructor(options: { capacity?: number; epoch?: string; now?: () => Date } = {}) {
    this.buffer = new RingBuffer(options.capacity ?? DEFAULT_BUFFER_SIZE);
    this.epoch = options.epoch ?? crypto.randomUUID().slice(0, 8);
    this.now = options.now ?? (() => new Date());
  }

  publish(input: NewWorkspaceEvent): WorkspaceEvent {
    const at = this.now().toISOString();
    const event = (input.type === 'presence.changed' ? { ...input, seq: null, at } : { ...input, seq: ++this.seq, at }) as WorkspaceEvent;
    if (event.seq !== null) this.buffer.push(event as DurableEvent);
    this.deliverLocal(event);
    return event;
  }

  deliverLocal(event: WorkspaceEvent): void {
    this.pending.push(event);
    // A listener may publish while we deliver (a closing stream announces presence). Queue it so
    // every subscriber still sees events in seq order; the outermost publish drains the queue.
    if (!this.delivering) {
      this.delivering = true;
      try {
        for (let next = this.pending.shift(); next; next = this.pending.shift()) this.deliver(next);
      } finally {
        this.delivering = false;
      }
    }
  }

  announcePresence(workspaceId: string, articleId: string): void {
    for (const listener of [...this.presenceListeners]) {
      try {
        listener(workspaceId, articleId);
      } catch (error) {
        console.error('Presence listener failed', error);
      }
    }
  }

  onPresenceAnnounced(listener: PresenceAnnouncedListener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  private deliver(event: WorkspaceEvent): void {
    // Copy first: a listener may unsubscribe (a stream closing) while we deliver.
    for (const sub of [...(this.subscriptions.get(event.workspaceId) ?? [])]) {
      if (!matchesFilter(sub.filter, event)) continue;
      try {
        sub.listener(event);
      } catch (error) {
        // One broken subscriber must not stop delivery to the others, nor fail the publisher's request.
        console.error('Event listener failed', error);
      }
    }
  }

  subscribe(filter: EventFilter, listener: EventListener): () => void {
    const sub: Subscription = { filter, listener };
    const set = this.subscriptions.get(filter.workspaceId) ?? new Set<Subscription>();
    set.add(sub);
    this.subscriptions.set(filter.workspaceId, set);
    return () => {
      set.delete(sub);
      if (set.size === 0 && this.subscriptions.get(filter.workspaceId) === set) this.subscriptions.delete(filter.workspaceId);
    };
  }

  replay(cursor: EventCursor, filter: EventFilter): DurableEvent[] | 'resync' {
    const events = eventsSince({ epoch: this.epoch, latestSeq: this.seq, events: this.buffer.toArray() }, cursor);
    return events === 'resync' ? events : events.filter((e) => matchesFilter(filter, e));
  }

  cursor(): EventCursor {
    return { epoch: this.epoch, seq: this.seq };
  }

  /** Number of live subscriptions (for tests and diagnostics). */
  subscriberCount(workspaceId?: string): number {
    if (workspaceId !== undefined) return this.subscriptions.get(workspaceId)?.size ?? 0;
    let n = 0;
    for (const set of this.subscriptions.values()) n += set.size;
    return n;
  }
}

// One bus per server process; kept on globalThis so dev-mode module reloads share it (like db/index.ts).
const globalForBus = globalThis as unknown as { claimdeskEventBus?: EventBus };

export function getEventBus(): EventBus {
  globalForBus.claimdeskEventBus ??= new InMemoryEventBus();
  return globalForBus.claimdeskEventBus;
}

/** Installs another implementation (a Redis-backed bus at startup, or a fresh one in tests). */
export function setEventBus(bus: EventBus | undefined): void {
  globalForBus.claimdeskEventBus = bus;
}
