import { codePointIndex } from '@/lib/anchoring/code-points';
import type { AnchorState, PartAnchorState } from '@/lib/domain/statuses';
import { partsOfRow } from './claim-rows';

/** One separate span of a claim (a ClaimRowPart or a ClaimPart). */
export interface AnchorablePart {
  quote: { exact: string; prefix?: string; suffix?: string };
  /** Code points (W3C TextPositionSelector). */
  position: { start: number; end: number };
  anchorState: PartAnchorState;
}

export interface AnchorableClaim {
  id: string;
  /** The first part's words. A list row (ClaimRow) has no prefix and suffix; a full claim has both. */
  quote: { exact: string; prefix?: string; suffix?: string };
  /** The first part's place, in code points (W3C TextPositionSelector). */
  position: { start: number; end: number };
  /**
   * The text revision `position` was last changed at. It holds for every later revision too: each
   * text save re-anchors every claim and rewrites (with the new revision) those that moved.
   */
  anchoredRevision?: number;
  /** Claim level: all parts found, some (`partial`) or none (`orphaned`). */
  anchorState: AnchorState;
  /** Every part when the claim has several (a row carries them only then; a full claim always). */
  parts?: readonly AnchorablePart[];
}

/**
 * The key of part `index` of a claim with `count` parts in a ranges map: the claim id for a
 * single-part claim (as before multi-part claims), `${claimId}#${index}` for each part of one with
 * several. (The ranges the workbench keeps also hold, under the bare id, the first part found.)
 */
export function partKey(claimId: string, index: number, count: number): string {
  return count >= 2 ? `${claimId}#${index}` : claimId;
}

export interface StoredRanges {
  /** UTF-16 ranges, by part key (partKey), of the parts whose stored positions hold in `text`. */
  ranges: Map<string, { start: number; end: number }>;
  /** Claims anchored on another revision, or with a part whose quote is not at the stored place: they need the fuzzy matcher. */
  needsAnchoring: AnchorableClaim[];
}

/**
 * The cheap path of anchoring, without the fuzzy matcher: the server re-anchors claims whenever
 * the text is saved, so a claim anchored at the shown revision, or at an earlier one and left
 * alone since, sits exactly at its stored positions (the quotes are checked there all the same).
 * Orphaned claims and orphaned parts get no range (the server found their words gone).
 */
export function storedClaimRanges(text: string, revision: number, claims: readonly AnchorableClaim[]): StoredRanges {
  const ranges = new Map<string, { start: number; end: number }>();
  const needsAnchoring: AnchorableClaim[] = [];
  const index = codePointIndex(text);
  for (const claim of claims) {
    if (claim.anchorState === 'orphaned') continue;
    const current = claim.anchoredRevision !== undefined && claim.anchoredRevision <= revision;
    const parts = partsOfRow(claim);
    const found: Array<[string, { start: number; end: number }]> = [];
    let holds = true;
    parts.forEach((part, i) => {
      if (!holds || part.anchorState === 'orphaned') return;
      const start = current ? index.toUtf16(part.position.start) : null;
      const end = start === null ? null : index.toUtf16(part.position.end);
      if (start !== null && end !== null && end > start && text.slice(start, end) === part.quote.exact) found.push([partKey(claim.id, i, parts.length), { start, end }]);
      else holds = false;
    });
    if (holds) for (const [key, range] of found) ranges.set(key, range);
    else needsAnchoring.push(claim);
  }
  return { ranges, needsAnchoring };
}
