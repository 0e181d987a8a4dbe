import type { MaybePromise } from './bus';
import type { PresenceViewer } from './types';

export type { PresenceViewer } from './types';

/**
 * Where presence is kept: this process's memory (PresenceRegistry, one SQLite instance) or a
 * table every instance reads (lib/server/live/pg-presence.ts). Callers always await.
 */
export interface PresenceStore {
  join(articleId: string, input: JoinInput): MaybePromise<void>;
  leave(articleId: string, connectionId: string): MaybePromise<boolean>;
  update(articleId: string, userId: string, openClaimId: string | null, connectionId?: string): MaybePromise<boolean>;
  touch(articleId: string, connectionId: string): MaybePromise<void>;
  isPresent(articleId: string, userId: string): MaybePromise<boolean>;
  snapshot(articleId: string): MaybePromise<PresenceViewer[]>;
  /** Drops connections no heartbeat refreshed for `maxAgeMs`; returns the articles whose snapshot changed. */
  prune(maxAgeMs: number): MaybePromise<string[]>;
}

/**
 * Who is looking at which article right now, per open stream (tab). One person with two tabs
 * counts once, with `connections: 2`; the claim shown for them is the one they opened last among
 * the tabs that have a claim open (a second tab on the bare article does not hide the first's claim).
 * PresenceRegistry keeps them in this process's memory (one SQLite instance); several instances
 * share a table instead (lib/server/live/pg-presence.ts).
 */

type Connection = PresenceConnection;

export interface JoinInput {
  connectionId: string;
  /** The article's workspace (a shared store announces changes per workspace). */
  workspaceId?: string;
  userId: string;
  name: string;
  openClaimId: string | null;
}

export class PresenceRegistry implements PresenceStore {
  // articleId → connectionId → connection
  private readonly articles = new Map<string, Map<string, Connection>>();
  private tick = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers an open stream. Always changes the snapshot (a viewer or a connection count). */
  join(articleId: string, input: JoinInput): void {
    const connections = this.articles.get(articleId) ?? new Map<string, Connection>();
    const time = this.now();
    connections.set(input.connectionId, { userId: input.userId, name: input.name, openClaimId: input.openClaimId, changedAt: this.stamp(), lastSeen: time });
    this.articles.set(articleId, connections);
  }

  /** Removes a stream; true if it was registered (so the snapshot changed). */
  leave(articleId: string, connectionId: string): boolean {
    const connections = this.articles.get(articleId);
    if (!connections?.delete(connectionId)) return false;
    if (connections.size === 0) this.articles.delete(articleId);
    return true;
  }

  /**
   * Records which claim a person has open: on one connection if given (and theirs), otherwise on
   * all their connections to the article. True if the snapshot changed.
   */
  update(articleId: string, userId: string, openClaimId: string | null, connectionId?: string): boolean {
    const connections = this.articles.get(articleId);
    if (!connections) return false;
    const before = JSON.stringify(this.snapshot(articleId).map((v) => [v.userId, v.openClaimId]));
    const time = this.now();
    const stamp = this.stamp();
    for (const [id, connection] of connections) {
      if (connection.userId !== userId || (connectionId !== undefined && id !== connectionId)) continue;
      if (connection.openClaimId !== openClaimId) {
        connection.openClaimId = openClaimId;
        connection.changedAt = stamp;
      }
      connection.lastSeen = time;
    }
    return JSON.stringify(this.snapshot(articleId).map((v) => [v.userId, v.openClaimId])) !== before;
  }

  /** Marks a stream alive (heartbeats). */
  touch(articleId: string, connectionId: string): void {
    const connection = this.articles.get(articleId)?.get(connectionId);
    if (connection) connection.lastSeen = this.now();
  }

  /** True if the user has at least one stream open on the article. */
  isPresent(articleId: string, userId: string): boolean {
    return [...(this.articles.get(articleId)?.values() ?? [])].some((c) => c.userId === userId);
  }

  /** One entry per person, sorted by name. */
  snapshot(articleId: string): PresenceViewer[] {
    return summarizePresence(this.articles.get(articleId)?.values() ?? []);
  }

  /**
   * Drops streams not seen for `maxAgeMs`: a safety net for a stream whose close was never
   * reported. Only `articleId` when given. Returns the articles whose snapshot changed.
   */
  prune(maxAgeMs: number, articleId?: string): string[] {
    const cutoff = this.now() - maxAgeMs;
    const changed: string[] = [];
    for (const [article, connections] of this.articles) {
      if (articleId !== undefined && article !== articleId) continue;
      let removed = false;
      for (const [connectionId, c] of connections) {
        if (c.lastSeen < cutoff) {
          connections.delete(connectionId);
          removed = true;
        }
      }
      if (connections.size === 0) this.articles.delete(article);
      if (removed) changed.push(article);
    }
    return changed;
  }

  /** A strictly increasing counter: two updates in the same millisecond still order correctly. */
  private stamp(): number {
    this.tick += 1;
    return this.tick;
  }
}

export interface PresenceConnection {
  userId: string;
  name: string;
  openClaimId: string | null;
  /** Orders claim changes: the latest opened claim is shown for the person. */
  changedAt: number;
  lastSeen: number;
}

/**
 * One entry per person, sorted by name: a person with two tabs counts once, with `connections: 2`;
 * a tab with a claim open beats one without, and among those the latest opened wins.
 */
export function summarizePresence(connections: Iterable<PresenceConnection>): PresenceViewer[] {
  const byUser = new Map<string, { viewer: PresenceViewer; changedAt: number; lastSeen: number }>();
  for (const c of connections) {
    const entry = byUser.get(c.userId);
    if (!entry) {
      byUser.set(c.userId, { viewer: { userId: c.userId, name: c.name, openClaimId: c.openClaimId, connections: 1, lastSeen: '' }, changedAt: c.changedAt, lastSeen: c.lastSeen });
      continue;
    }
    entry.viewer.connections += 1;
    entry.lastSeen = Math.max(entry.lastSeen, c.lastSeen);
    const better = c.openClaimId !== null && (entry.viewer.openClaimId === null || c.changedAt > entry.changedAt);
    if (better) {
      entry.changedAt = c.changedAt;
      entry.viewer.openClaimId = c.openClaimId;
    }
  }
  return [...byUser.values()]
    .map(({ viewer, lastSeen }) => ({ ...viewer, lastSeen: new Date(lastSeen).toISOString() }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

const globalForPresence = globalThis as unknown as { claimdeskPresence?: PresenceStore };

export function getPresence(): PresenceStore {
  globalForPresence.claimdeskPresence ??= new PresenceRegistry();
  return globalForPresence.claimdeskPresence;
}

/** Installs another store (the PostgreSQL one at start-up, or a fresh one in tests). */
export function setPresence(store: PresenceStore | undefined): void {
  globalForPresence.claimdeskPresence = store;
}
