/**
 * Remembers "may this user still read this article?" for `ttlMs`, shared by all of that person's
 * streams on the article. An event fanned out to 1,000 streams then costs one database read per
 * (person, article), not one per stream. Removal from the workspace does not wait for the TTL:
 * the `member.removed` event closes the streams at once.
 */
export class AccessCache {
  private readonly entries = new Map<string, { allowed: boolean; checkedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isFinite(ttlMs) || ttlMs < 0) throw new RangeError(`Access cache TTL must be a non-negative number of milliseconds, got ${ttlMs}.`);
  }

  /** The cached answer, or `read()`'s (then cached). A throwing `read` is not cached: the caller decides. */
  check(userId: string, articleId: string, read: () => boolean): boolean {
    const key = `${userId}\u0000${articleId}`;
    const t = this.now();
    const entry = this.entries.get(key);
    if (entry && t - entry.checkedAt < this.ttlMs) return entry.allowed;
    const allowed = read();
    this.entries.set(key, { allowed, checkedAt: t });
    return allowed;
  }

  /** Drops expired answers, so people who left cost no memory. */
  sweep(): void {
    const t = this.now();
    for (const [key, entry] of this.entries) if (t - entry.checkedAt >= this.ttlMs) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
