import { anchor } from '@/lib/anchoring';

import type { AnchorableClaim } from './stored-claim-ranges';

export type { AnchorableClaim };

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

export { orderClaimsByText } from './claim-order';
