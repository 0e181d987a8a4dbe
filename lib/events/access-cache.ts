/**
 * Remembers "may this user still read this article?" for `ttlMs`, shared by all of that person's
 * streams on the article. An event fanned out to 1,000 streams then costs one database read per
 * (person, article), not one per stream. Removal from the workspace does not wait for the TTL:
 * the `member.removed` event closes the streams at once.
 */
export class AccessCache {
  private readonly entries = new Map<string, { allowed: Promise<boolean>; checkedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isFinite(ttlMs) || ttlMs < 0) throw new RangeError(`Access cache TTL must be a non-negative number of milliseconds, got ${ttlMs}.`);
  }

  /**
   * The cached answer, or `read()`'s (then cached). Streams asking while a read is under way share
   * it, so a fan-out to many streams of one person still costs one read. A failing `read` is not
   * cached: the caller decides.
   */
  check(userId: string, articleId: string, read: () => boolean | Promise<boolean>): Promise<boolean> {
    const key = `${userId}\u0000${articleId}`;
    const t = this.now();
    const entry = this.entries.get(key);
    if (entry && t - entry.checkedAt < this.ttlMs) return entry.allowed;
    let allowed: Promise<boolean>;
    try {
      allowed = Promise.resolve(read());
    } catch (error) {
      allowed = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const fresh = { allowed, checkedAt: t };
    this.entries.set(key, fresh);
    allowed.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
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
