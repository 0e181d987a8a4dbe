import { codePointIndex } from '@/lib/anchoring/code-points';

export interface AnchorableClaim {
  id: string;
  /** A list row (ClaimRow) has no prefix and suffix; a full claim has both. */
  quote: { exact: string; prefix?: string; suffix?: string };
  /** Code points (W3C TextPositionSelector). */
  position: { start: number; end: number };
  /**
   * The text revision `position` was last changed at. It holds for every later revision too: each
   * text save re-anchors every claim and rewrites (with the new revision) those that moved.
   */
  anchoredRevision?: number;
  anchorState: 'anchored' | 'orphaned';
}

export interface StoredRanges {
  /** UTF-16 ranges of the claims whose stored positions hold in `text`. */
  ranges: Map<string, { start: number; end: number }>;
  /** Claims anchored on another revision, or whose quote is not at the stored place: they need the fuzzy matcher. */
  needsAnchoring: AnchorableClaim[];
}

/**
 * The cheap path of anchoring, without the fuzzy matcher: the server re-anchors claims whenever
 * the text is saved, so a claim anchored at the shown revision, or at an earlier one and left
 * alone since, sits exactly at its stored position (the quote is checked there all the same).
 * Orphaned claims get no range (the server found their words gone).
 */
export function storedClaimRanges(text: string, revision: number, claims: readonly AnchorableClaim[]): StoredRanges {
  const ranges = new Map<string, { start: number; end: number }>();
  const needsAnchoring: AnchorableClaim[] = [];
  const index = codePointIndex(text);
  for (const claim of claims) {
    if (claim.anchorState === 'orphaned') continue;
    const start = claim.anchoredRevision !== undefined && claim.anchoredRevision <= revision ? index.toUtf16(claim.position.start) : null;
    const end = start === null ? null : index.toUtf16(claim.position.end);
    if (start !== null && end !== null && end > start && text.slice(start, end) === claim.quote.exact) ranges.set(claim.id, { start, end });
    else needsAnchoring.push(claim);
  }
  return { ranges, needsAnchoring };
}
