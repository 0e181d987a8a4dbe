import { CodePointIndex } from '@/lib/anchoring/code-points';

/**
 * The plain text of recently used articles with its code-point index, per (article, text revision).
 *
 * Every text edit bumps `articles.revision` (db/queries/articles.ts), so the text of one revision
 * never changes: a cached entry is valid for as long as the caller has checked, under the article
 * row's lock in its own transaction, that the revision is still current (createClaim does). A
 * claim on a 100,000-word article then costs no 635k-character read and no O(n) index scan.
 *
 * Memory: at most one revision per article (an older one is of no use to a writer: the revision
 * check refuses it), and a bounded LRU on both entries and total characters. A text longer than
 * the whole budget is handed back without being kept.
 */

export interface ArticleText {
  articleId: string;
  revision: number;
  text: string;
  index: CodePointIndex;
}

export interface ArticleTextCacheOptions {
  /** At most this many articles (default 16). */
  maxEntries?: number;
  /** At most this many UTF-16 code units of text in all (default 8 M: ~16 MB worst case, two-byte strings). */
  maxChars?: number;
}

export const DEFAULT_TEXT_CACHE_ENTRIES = 16;
export const DEFAULT_TEXT_CACHE_CHARS = 8_000_000;

export class ArticleTextCache {
  /** articleId → entry; Map order is the LRU order (oldest first). */
  private readonly entries = new Map<string, ArticleText>();
  private chars = 0;
  readonly maxEntries: number;
  readonly maxChars: number;

  constructor(options: ArticleTextCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_TEXT_CACHE_ENTRIES;
    this.maxChars = options.maxChars ?? DEFAULT_TEXT_CACHE_CHARS;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 0) throw new RangeError(`maxEntries must be a non-negative integer, got ${this.maxEntries}`);
    if (!Number.isFinite(this.maxChars) || this.maxChars < 0) throw new RangeError(`maxChars must be a non-negative number, got ${this.maxChars}`);
  }

  /** The text of exactly this revision, if kept (and marks it recently used). */
  get(articleId: string, revision: number): ArticleText | undefined {
    const entry = this.entries.get(articleId);
    if (!entry || entry.revision !== revision) return undefined;
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    return entry;
  }

  /**
   * Keeps `text` as the article's text at `revision` and returns it with its index. A newer
   * revision already kept stays (this one is returned but not kept); an older one is replaced.
   */
  set(articleId: string, revision: number, text: string): ArticleText {
    const current = this.entries.get(articleId);
    // Same revision and same text: keep the entry (and its index). A different text under the same
    // revision (a database restored under a running process) replaces it.
    if (current && current.revision === revision && current.text === text) return this.get(articleId, revision) ?? current;
    const entry: ArticleText = { articleId, revision, text, index: new CodePointIndex(text) };
    if (current && current.revision > revision) return entry;
    // Equal revision, other text: fall through and replace.
    if (current) this.remove(articleId, current);
    if (text.length > this.maxChars || this.maxEntries === 0) return entry;
    this.entries.set(articleId, entry);
    this.chars += text.length;
    this.evict();
    return entry;
  }

  /** Forgets the article (deleted, or its text replaced outside the revision scheme). */
  delete(articleId: string): void {
    const current = this.entries.get(articleId);
    if (current) this.remove(articleId, current);
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** UTF-16 code units kept. */
  get totalChars(): number {
    return this.chars;
  }

  private remove(articleId: string, entry: ArticleText): void {
    this.entries.delete(articleId);
    this.chars -= entry.text.length;
  }

  private evict(): void {
    for (const [articleId, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) return;
      this.remove(articleId, entry);
    }
  }
}

// One cache per process, on globalThis: Next.js may bundle this module into several chunks.
const globalForCache = globalThis as unknown as { claimdeskArticleTextCache?: ArticleTextCache };

export function getArticleTextCache(): ArticleTextCache {
  globalForCache.claimdeskArticleTextCache ??= new ArticleTextCache({
    maxEntries: positiveEnv('CLAIMDESK_TEXT_CACHE_ENTRIES') ?? DEFAULT_TEXT_CACHE_ENTRIES,
    maxChars: positiveEnv('CLAIMDESK_TEXT_CACHE_CHARS') ?? DEFAULT_TEXT_CACHE_CHARS,
  });
  return globalForCache.claimdeskArticleTextCache;
}

function positiveEnv(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
