import { anchor } from '@/lib/anchoring';

export interface AnchorableClaim {
  id: string;
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points (W3C TextPositionSelector). */
  position: { start: number; end: number };
  anchorState: 'anchored' | 'orphaned';
}

/**
 * Where each claim sits in `text` (UTF-16 offsets). Orphaned claims are left out: the server
 * found their words gone, and the client must not re-attach them to other words.
 */
export function resolveClaimRanges(text: string, claims: readonly AnchorableClaim[]): Map<string, { start: number; end: number }> {
  const ranges = new Map<string, { start: number; end: number }>();
  for (const claim of claims) {
    if (claim.anchorState === 'orphaned') continue;
    const range = anchor(text, [
      { type: 'TextQuoteSelector', exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix },
      { type: 'TextPositionSelector', start: claim.position.start, end: claim.position.end },
    ]);
    if (range) ranges.set(claim.id, range);
  }
  return ranges;
}

/**
 * Claims in reading order: by start, the longer first when two start together (so an outer claim
 * precedes the one nested in it), claims with no place in the text (orphans) last. The workbench's
 * numbering and every report use this, so claim numbers never differ between them.
 */
export function orderClaimsByText<T extends { id: string }>(claims: readonly T[], ranges: ReadonlyMap<string, { start: number; end: number }>): T[] {
  const placed = claims.filter((c) => ranges.has(c.id));
  placed.sort((a, b) => ranges.get(a.id)!.start - ranges.get(b.id)!.start || ranges.get(b.id)!.end - ranges.get(a.id)!.end);
  return [...placed, ...claims.filter((c) => !ranges.has(c.id))];
}
