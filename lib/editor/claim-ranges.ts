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
