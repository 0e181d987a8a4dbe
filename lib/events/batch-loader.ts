/**
 * Coalesces lookups asked for in the same tick into one call per group: when an event reaches the
 * streams of 100 people whose cached access has expired, their 100 membership checks become one
 * query (`WHERE user_id IN (…)`), not 100. Each caller gets its own key's answer, or the load's error.
 */
export class BatchLoader<G, K, V> {
  private readonly pending = new Map<G, Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>>();
  private scheduled = false;

  constructor(
    private readonly load: (group: G, keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 500,
  ) {}

  get(group: G, key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const keys = this.pending.get(group) ?? new Map();
      this.pending.set(group, keys);
      const waiting = keys.get(key) ?? [];
      keys.set(key, waiting);
      waiting.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [group, keys] of batches) {
      const all = [...keys.keys()];
      for (let i = 0; i < all.length; i += this.maxBatch) void this.run(group, all.slice(i, i + this.maxBatch), keys);
    }
  }

  private async run(group: G, keys: K[], waiting: Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>): Promise<void> {
    try {
      const found = await this.load(group, keys);
      for (const key of keys) for (const w of waiting.get(key) ?? []) w.resolve(found.get(key));
    } catch (error) {
      for (const key of keys) for (const w of waiting.get(key) ?? []) w.reject(error);
    }
  }
}
