import type { MaybePromise } from './bus';
import type { PresenceViewer } from './types';

/**
 * Coalesces presence changes per article: at most one `presence.changed` per `intervalMs`, and
 * only when the snapshot really differs from the last one sent. The first change after a quiet
 * period goes out at once; changes inside the window are sent together when it ends. The window
 * grows with the article's audience (intervalFor), so presence costs a bounded number of stream
 * writes per second: 1,000 tabs joining cost O(streams) work, not one fan-out per join (O(streams²)).
 */

/** Schedules `run` after `ms`; returns a function that cancels it. */
export type ScheduleFn = (run: () => void, ms: number) => () => void;

export interface PresenceBroadcasterOptions {
  /** The article's viewers now: from memory, or (several instances) read from the database. */
  snapshot: (articleId: string) => MaybePromise<PresenceViewer[]>;
  publish: (workspaceId: string, articleId: string, viewers: PresenceViewer[]) => void;
  /** Minimum time between two broadcasts on one article. */
  intervalMs: number;
  /**
   * A longer gap for some articles (a crowded one), so that presence costs a bounded number of
   * stream writes per second however many tabs are open. Never shortens `intervalMs`.
   */
  intervalFor?: (articleId: string) => number;
  now?: () => number;
  schedule?: ScheduleFn;
}

const realSchedule: ScheduleFn = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** What a viewer sees change; `lastSeen` moves on every heartbeat and is not worth a broadcast. */
export function presenceKey(viewers: readonly PresenceViewer[]): string {
  return JSON.stringify(viewers.map((v) => [v.userId, v.name, v.openClaimId, v.connections]));
}

interface ArticleState {
  workspaceId: string;
  lastFlushAt: number;
  lastKey: string | null;
  cancel: (() => void) | null;
}

export class PresenceBroadcaster {
  private readonly articles = new Map<string, ArticleState>();
  private readonly now: () => number;
  private readonly schedule: ScheduleFn;

  constructor(private readonly options: PresenceBroadcasterOptions) {
    if (!Number.isFinite(options.intervalMs) || options.intervalMs < 0) throw new RangeError(`Presence interval must be a non-negative number of milliseconds, got ${options.intervalMs}.`);
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? realSchedule;
  }

  /** Someone joined, left or opened a claim on the article: broadcast soon, coalesced. */
  markChanged(workspaceId: string, articleId: string): void {
    if (!workspaceId || !articleId) throw new TypeError('Presence changes need a workspace and an article id.');
    let state = this.articles.get(articleId);
    if (!state) {
      state = { workspaceId, lastFlushAt: Number.NEGATIVE_INFINITY, lastKey: null, cancel: null };
      this.articles.set(articleId, state);
    }
    if (state.cancel) return; // a broadcast is already due; it will read the latest snapshot
    const wait = state.lastFlushAt + this.interval(articleId) - this.now();
    if (wait <= 0) return this.flush(articleId);
    state.cancel = this.schedule(() => this.flush(articleId), wait);
  }

  /** Articles with a broadcast due (for tests and diagnostics). */
  get pendingCount(): number {
    let n = 0;
    for (const state of this.articles.values()) if (state.cancel) n += 1;
    return n;
  }

  /** No stream here shows the article any more: drop its pending broadcast and its state. */
  forget(articleId: string): void {
    this.articles.get(articleId)?.cancel?.();
    this.articles.delete(articleId);
  }

  /** Cancels every pending broadcast (shutdown, tests). */
  dispose(): void {
    for (const state of this.articles.values()) state.cancel?.();
    this.articles.clear();
  }

  private interval(articleId: string): number {
    const longer = this.options.intervalFor?.(articleId) ?? 0;
    return Number.isFinite(longer) ? Math.max(this.options.intervalMs, longer) : this.options.intervalMs;
  }

  private flush(articleId: string): void {
    const state = this.articles.get(articleId);
    if (!state) return;
    state.cancel = null;
    state.lastFlushAt = this.now();
    let viewers: MaybePromise<PresenceViewer[]>;
    try {
      viewers = this.options.snapshot(articleId);
    } catch (error) {
      console.error('Could not read presence', error);
      return;
    }
    if (viewers instanceof Promise) {
      viewers.then(
        (read) => this.send(articleId, state, read),
        (error: unknown) => console.error('Could not read presence', error),
      );
    } else {
      this.send(articleId, state, viewers);
    }
  }

  private send(articleId: string, state: ArticleState, viewers: PresenceViewer[]): void {
    const key = presenceKey(viewers);
    if (key !== state.lastKey) {
      try {
        this.options.publish(state.workspaceId, articleId, viewers);
        state.lastKey = key; // only once sent: after a failure the next change retries
      } catch (error) {
        console.error('Could not publish presence', error);
      }
    }
    // Nobody left: forget the article (its throttle window too) so idle articles cost no memory.
    if (viewers.length === 0 && !state.cancel && this.articles.get(articleId) === state) this.articles.delete(articleId);
  }
}
