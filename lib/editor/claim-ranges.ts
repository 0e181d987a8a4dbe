import { anchor } from '@/lib/anchoring';

import { partKey, type AnchorableClaim } from './stored-claim-ranges';
import { partsOfRow } from './claim-rows';

export type { AnchorableClaim };

/**
 * Where each claim's parts sit in `text` (UTF-16 offsets), by part key (partKey: the claim id for
 * a single-part claim). Orphaned claims and orphaned parts are left out: the server found their
 * words gone, and the client must not re-attach them to other words.
 */
export function resolveClaimRanges(text: string, claims: readonly AnchorableClaim[]): Map<string, { start: number; end: number }> {
  const ranges = new Map<string, { start: number; end: number }>();
  for (const claim of claims) {
    if (claim.anchorState === 'orphaned') continue;
    const parts = partsOfRow(claim);
    parts.forEach((part, i) => {
      if (part.anchorState === 'orphaned') return;
      const range = anchor(text, [
        { type: 'TextQuoteSelector', exact: part.quote.exact, prefix: part.quote.prefix, suffix: part.quote.suffix },
        { type: 'TextPositionSelector', start: part.position.start, end: part.position.end },
      ]);
      if (range) ranges.set(partKey(claim.id, i, parts.length), range);
    });
  }
  return ranges;
}

export { orderClaimsByText } from './claim-order';
