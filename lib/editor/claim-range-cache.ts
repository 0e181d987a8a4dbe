import { partKey, storedClaimRanges, type AnchorableClaim } from './stored-claim-ranges';
import { partsOfRow } from './claim-rows';

export type TextRange = { start: number; end: number };

export { partKey };

interface Entry<T extends AnchorableClaim> {
  /** The claim object the ranges were resolved for: a new object (a change) is resolved again. */
  claim: T;
  /** One per part, in the claim's part order; null: orphaned, or not found. */
  ranges: Array<TextRange | null>;
}

/** Where each claim sits in one text, remembered per claim so a change to one claim re-resolves only it. */
export interface ClaimRangeCache<T extends AnchorableClaim = AnchorableClaim> {
  text: string;
  revision: number;
  entries: Map<string, Entry<T>>;
}

export interface RangeCacheUpdate<T extends AnchorableClaim> {
  cache: ClaimRangeCache<T>;
  /** Whether any claim's ranges (or the set of claims) differ from the cache's. */
  changed: boolean;
  /** Claims whose stored positions do not hold: they need the fuzzy matcher (then recordRanges). */
  needsAnchoring: T[];
}

/** The ranges of a claim's parts, by part index, out of a map keyed by partKey. */
function partRangesOf(claim: AnchorableClaim, found: ReadonlyMap<string, TextRange>): Array<TextRange | null> {
  const count = partsOfRow(claim).length;
  return Array.from({ length: count }, (_, i) => found.get(partKey(claim.id, i, count)) ?? null);
}

/**
 * Brings the cache up to `claims` on `text`: claims whose object is unchanged keep their ranges;
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
      const ranges = partRangesOf(claim, stored.ranges);
      const old = entries.get(claim.id)?.ranges ?? null;
      const same = old !== null && sameRanges(old, ranges);
      if (needs.has(claim.id)) needsAnchoring.push(claim);
      if (!same || needs.has(claim.id)) changed = true;
      // Ranges already held stay until the fuzzy matcher answers (no flicker to "orphaned"), as do
      // equal ones (same objects: nothing downstream redraws). A claim whose part count changed starts over.
      const keep = old !== null && old.length === ranges.length && (needs.has(claim.id) || same);
      entries.set(claim.id, { claim, ranges: keep ? old : needs.has(claim.id) ? ranges.map(() => null) : ranges });
    }
  }
  return { cache: fresh ? { text, revision, entries } : cache, changed, needsAnchoring };
}

/** Records ranges (by part key) found by the fuzzy matcher, for claims still held as the same objects. */
export function recordRanges<T extends AnchorableClaim>(cache: ClaimRangeCache<T>, claims: readonly T[], found: ReadonlyMap<string, TextRange>): void {
  for (const claim of claims) {
    const entry = cache.entries.get(claim.id);
    if (entry && entry.claim === claim) entry.ranges = partRangesOf(claim, found);
  }
}

/**
 * The ranges as a map, for the highlights and the list: a single-part claim's range under its id;
 * a multi-part claim's under `${id}#${i}` for each part found, plus its first part found under the
 * bare id (what ordering, scrolling and "is it in the text" read). Claims with nothing found are
 * left out. Unchanged claims keep their range objects.
 */
export function rangesOf(cache: ClaimRangeCache): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  for (const [id, entry] of cache.entries) {
    const count = entry.ranges.length;
    let first: TextRange | null = null;
    entry.ranges.forEach((range, i) => {
      if (!range) return;
      first ??= range;
      if (count >= 2) ranges.set(partKey(id, i, count), range);
    });
    if (first) ranges.set(id, first);
  }
  return ranges;
}

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

function sameRanges(a: ReadonlyArray<TextRange | null>, b: ReadonlyArray<TextRange | null>): boolean {
  return a.length === b.length && a.every((r, i) => sameRange(r, b[i] ?? null));
}
