import { storedClaimRanges, type AnchorableClaim } from './stored-claim-ranges';

export type TextRange = { start: number; end: number };

interface Entry<T extends AnchorableClaim> {
  /** The claim object the range was resolved for: a new object (a change) is resolved again. */
  claim: T;
  /** Null: orphaned, or not found. */
  range: TextRange | null;
}

/** Where each claim sits in one text, remembered per claim so a change to one claim re-resolves only it. */
export interface ClaimRangeCache<T extends AnchorableClaim = AnchorableClaim> {
  text: string;
  revision: number;
  entries: Map<string, Entry<T>>;
}

export interface RangeCacheUpdate<T extends AnchorableClaim> {
  cache: ClaimRangeCache<T>;
  /** Whether any claim's range (or the set of claims) differs from the cache's. */
  changed: boolean;
  /** Claims whose stored position does not hold: they need the fuzzy matcher (then recordRanges). */
  needsAnchoring: T[];
}

/**
 * Brings the cache up to `claims` on `text`: claims whose object is unchanged keep their range;
 * new or changed claims go through the stored-position check (storedClaimRanges); claims gone are
 * dropped. A different text or revision starts over. The entries map is updated in place, so keep
 * the returned cache and drop the old one.
 */
export function updateRangeCache<T extends AnchorableClaim>(cache: ClaimRangeCache<T> | null, text: string, revision: number, claims: readonly T[]): RangeCacheUpdate<T> {
  const fresh = !cache || cache.text !== text || cache.revision !== revision;
  const entries = fresh ? new Map<string, Entry<T>>() : cache.entries;
  let changed = fresh;
  const toResolve: T[] = [];
  const seen = new Set<string>();
  for (const claim of claims) {
    seen.add(claim.id);
    const entry = entries.get(claim.id);
    if (entry && entry.claim === claim) continue;
    toResolve.push(claim);
  }
  for (const id of [...entries.keys()]) {
    if (!seen.has(id)) {
      entries.delete(id);
      changed = true;
    }
  }
  const needsAnchoring: T[] = [];
  if (toResolve.length > 0) {
    const stored = storedClaimRanges(text, revision, toResolve);
    const needs = new Set(stored.needsAnchoring.map((c) => c.id));
    for (const claim of toResolve) {
      const range = stored.ranges.get(claim.id) ?? null;
      const old = entries.get(claim.id)?.range ?? null;
      if (needs.has(claim.id)) needsAnchoring.push(claim);
      if (!sameRange(old, range) || !entries.has(claim.id) || needs.has(claim.id)) changed = true;
      // A range already held stays until the fuzzy matcher answers (no flicker to "orphaned").
      entries.set(claim.id, { claim, range: needs.has(claim.id) || sameRange(old, range) ? old : range });
    }
  }
  return { cache: fresh ? { text, revision, entries } : cache, changed, needsAnchoring };
}

/** Records ranges found by the fuzzy matcher, for claims still held as the same objects. */
export function recordRanges<T extends AnchorableClaim>(cache: ClaimRangeCache<T>, claims: readonly T[], found: ReadonlyMap<string, TextRange>): void {
  for (const claim of claims) {
    const entry = cache.entries.get(claim.id);
    if (entry && entry.claim === claim) entry.range = found.get(claim.id) ?? null;
  }
}

/** The ranges as a map (claims without one left out). Unchanged claims keep their range objects. */
export function rangesOf(cache: ClaimRangeCache): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  for (const [id, entry] of cache.entries) if (entry.range) ranges.set(id, entry.range);
  return ranges;
}

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}
