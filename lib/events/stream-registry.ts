import type { StreamLimitName, StreamLimits } from './stream-limits';

/**
 * Which live streams are open, indexed so that enforcing the caps costs O(1) per stream (plus the
 * number of people on the article for the per-article cap), never a scan of every stream.
 * Pure bookkeeping: the caller closes the streams `add` hands back.
 */

export interface StreamKey {
  id: string;
  userId: string;
  articleId: string;
}

export interface Eviction {
  id: string;
  /** The cap that made room for the new stream. */
  limit: StreamLimitName;
}

interface Entry extends StreamKey {
  /** Opening order: a lower number is older. */
  order: number;
}

export class StreamRegistry {
  // Sets and Maps iterate in insertion order, so the first id of each is the oldest.
  private readonly byId = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** articleId → userId → stream ids */
  private readonly byArticle = new Map<string, Map<string, Set<string>>>();
  private readonly articleCounts = new Map<string, number>();
  private opened = 0;

  constructor(private readonly limits: StreamLimits) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Stream limit ${name} must be a positive whole number, got ${String(value)}.`);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Open streams of one person (on one article if given). */
  countFor(userId: string, articleId?: string): number {
    if (articleId === undefined) return this.byUser.get(userId)?.size ?? 0;
    return this.byArticle.get(articleId)?.get(userId)?.size ?? 0;
  }

  countOn(articleId: string): number {
    return this.articleCounts.get(articleId) ?? 0;
  }

  /**
   * Registers a new stream and returns the streams that must close so every cap holds, oldest
   * first. They are already removed here. Per article, the stream that gives way belongs to
   * whoever holds the most streams there, so one person's many tabs never push out someone's only one.
   */
  add(stream: StreamKey): Eviction[] {
    for (const field of ['id', 'userId', 'articleId'] as const) {
      if (typeof stream[field] !== 'string' || stream[field] === '') throw new TypeError(`A stream needs a non-empty ${field}.`);
    }
    if (this.byId.has(stream.id)) throw new Error(`Stream ${stream.id} is already registered.`);
    const evictions: Eviction[] = [];
    const evict = (id: string, limit: StreamLimitName) => {
      this.remove(id);
      evictions.push({ id, limit });
    };

    for (let ids = this.ids(stream.userId, stream.articleId); ids.size >= this.limits.perUserPerArticle; ) evict(first(ids), 'perUserPerArticle');
    for (let ids = this.byUser.get(stream.userId); ids && ids.size >= this.limits.perUser; ) evict(first(ids), 'perUser');
    while (this.countOn(stream.articleId) >= this.limits.perArticle) evict(this.oldestOfBusiest(stream.articleId), 'perArticle');

    const entry: Entry = { ...stream, order: this.opened++ };
    this.byId.set(entry.id, entry);
    setOf(this.byUser, entry.userId).add(entry.id);
    setOf(mapOf(this.byArticle, entry.articleId), entry.userId).add(entry.id);
    this.articleCounts.set(entry.articleId, this.countOn(entry.articleId) + 1);
    return evictions;
  }

  /** Forgets a stream; false if it was not registered (already evicted or removed). */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.delete(id);
    deleteFrom(this.byUser, entry.userId, id);
    const users = this.byArticle.get(entry.articleId);
    if (users) {
      deleteFrom(users, entry.userId, id);
      if (users.size === 0) this.byArticle.delete(entry.articleId);
    }
    const count = this.countOn(entry.articleId) - 1;
    if (count > 0) this.articleCounts.set(entry.articleId, count);
    else this.articleCounts.delete(entry.articleId);
    return true;
  }

  private ids(userId: string, articleId: string): Set<string> {
    return this.byArticle.get(articleId)?.get(userId) ?? new Set();
  }

  /** The oldest stream of the person with the most streams on the article (the older one on a tie). */
  private oldestOfBusiest(articleId: string): string {
    let best: Entry | undefined;
    let bestCount = 0;
    for (const ids of this.byArticle.get(articleId)?.values() ?? []) {
      const oldest = this.byId.get(first(ids));
      if (!oldest) continue;
      if (ids.size > bestCount || (ids.size === bestCount && best !== undefined && oldest.order < best.order)) {
        best = oldest;
        bestCount = ids.size;
      }
    }
    if (!best) throw new Error(`No stream to close on article ${articleId}.`);
    return best.id;
  }
}

function first(ids: Set<string>): string {
  const { value } = ids.values().next();
  if (value === undefined) throw new Error('Empty stream set.');
  return value;
}

function setOf<K>(map: Map<K, Set<string>>, key: K): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function mapOf<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function deleteFrom<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
