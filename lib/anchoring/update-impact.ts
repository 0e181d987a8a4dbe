/**
 * Which claims a text change touches, before it is saved (story updates: "Check for updates").
 * Pure. A dry run of the re-anchoring a text save does (db/queries/claim-anchoring.ts
 * reanchorArticleClaims): the same reanchorAll call over every part of every claim, the same
 * rule that two parts of one claim never share words, and the same movedParts/nextAnchor that
 * decide a part's new selectors, so what the editor is shown is what accepting will do.
 */
import type { ClaimPart } from '@/lib/domain/claims';
import { PART_QUOTE_SEPARATOR } from '@/lib/claims/parts';
import { mapClaimRange, movedParts } from '@/lib/editor/text-delta';
import { diffText, type TextChange } from '@/lib/text/diff';
import { CodePointIndex } from './code-points';
import { reanchorAll } from './reanchor-all';
import type { Selector, TextRange } from './types';

/**
 * - unchanged: its words are where the change left them (not touched, or only their surroundings);
 * - moved: the same words, found somewhere else (a paragraph moved);
 * - edited: found, but its words changed (the fuzzy match accepted them);
 * - partial: a multi-part claim that lost some parts;
 * - orphaned: lost (every part);
 * - found: an orphaned (or partly orphaned) claim whose lost words are back.
 */
export const IMPACT_KINDS = ['unchanged', 'moved', 'edited', 'partial', 'orphaned', 'found'] as const;
export type ImpactKind = (typeof IMPACT_KINDS)[number];

export interface ImpactClaim {
  id: string;
  number: number;
  /** Its parts as stored before the change. */
  parts: readonly ClaimPart[];
}

export interface ClaimImpact {
  id: string;
  number: number;
  kind: ImpactKind;
  /** The claim's words before (parts joined with ' … '). */
  quote: string;
  /** Its words in the new text (found parts only), or null when none was found. */
  newQuote: string | null;
  /** Where it was and where it will be (code points, first to last found part); null when not anchored. */
  oldPosition: { start: number; end: number } | null;
  newPosition: { start: number; end: number } | null;
  partsFound: number;
  partsTotal: number;
}

export interface UpdateImpact {
  /** Every claim, by number. */
  claims: ClaimImpact[];
  counts: Record<ImpactKind, number>;
}

/**
 * The impact of `oldText` → `newText` on `claims` (whose parts' positions address oldText).
 * `changes` as diffText(oldText, newText) gives them (computed when omitted). TypeError on bad input.
 */
export function updateImpact(oldText: string, newText: string, claims: readonly ImpactClaim[], changes?: readonly TextChange[]): UpdateImpact {
  if (typeof oldText !== 'string' || typeof newText !== 'string') throw new TypeError('updateImpact: the texts must be strings');
  if (!Array.isArray(claims as unknown)) throw new TypeError('updateImpact: claims must be an array');
  claims.forEach((claim, i) => {
    if (!claim || typeof claim.id !== 'string' || !Number.isInteger(claim.number) || !Array.isArray(claim.parts) || claim.parts.length === 0) {
      throw new TypeError(`updateImpact: claims[${i}] must have an id, a number and at least one part`);
    }
  });
  const edit = changes ?? diffText(oldText, newText);
  const oldIndex = new CodePointIndex(oldText);
  const newIndex = new CodePointIndex(newText);
  const counts = Object.fromEntries(IMPACT_KINDS.map((kind) => [kind, 0])) as Record<ImpactKind, number>;
  if (claims.length === 0) return { claims: [], counts };

  // Every part of every claim in one reanchorAll call, as the save does.
  const selectors: Selector[][] = [];
  const first: number[] = [];
  for (const claim of claims) {
    first.push(selectors.length);
    for (const part of claim.parts) {
      selectors.push([
        { type: 'TextQuoteSelector', exact: part.quote.exact, prefix: part.quote.prefix, suffix: part.quote.suffix },
        { type: 'TextPositionSelector', start: part.position.start, end: part.position.end },
      ]);
    }
  }
  const found = reanchorAll(oldText, newText, selectors, { changes: edit, oldIndex, newIndex });

  const result = claims.map((claim, c): ClaimImpact => {
    const ranges = withoutSharedWords(claim.parts.map((_, p) => found[first[c]! + p] ?? null));
    const next = movedParts(claim.parts, ranges, newText, newIndex);
    const before = claim.parts.filter((p) => p.anchorState === 'anchored').length;
    const after = next.parts.filter((p) => p.anchorState === 'anchored').length;
    let kind: ImpactKind;
    if (after < before) kind = after === 0 ? 'orphaned' : 'partial';
    else if (after > before) kind = 'found';
    else if (after === 0) kind = 'unchanged';
    else {
      const edited = claim.parts.some((part, p) => part.anchorState === 'anchored' && ranges[p] && newText.slice(ranges[p]!.start, ranges[p]!.end) !== part.quote.exact);
      const moved = claim.parts.some((part, p) => {
        if (part.anchorState !== 'anchored' || !ranges[p]) return false;
        const mapped = mappedRange(oldText, oldIndex, edit, part.position);
        return !mapped || mapped.start !== ranges[p]!.start || mapped.end !== ranges[p]!.end;
      });
      kind = edited ? 'edited' : moved ? 'moved' : 'unchanged';
    }
    counts[kind] += 1;
    const foundNow = next.parts.filter((p) => p.anchorState === 'anchored');
    const wasAnchored = claim.parts.filter((p) => p.anchorState === 'anchored');
    return {
      id: claim.id,
      number: claim.number,
      kind,
      quote: claim.parts.map((p) => p.quote.exact).join(PART_QUOTE_SEPARATOR),
      newQuote: foundNow.length > 0 ? foundNow.map((p) => p.quote.exact).join(PART_QUOTE_SEPARATOR) : null,
      oldPosition: span(wasAnchored),
      newPosition: span(foundNow),
      partsFound: foundNow.length,
      partsTotal: claim.parts.length,
    };
  });
  result.sort((a, b) => a.number - b.number);
  return { claims: result, counts };
}

/**
 * The found ranges with every range overlapping an earlier part's (in the parts' order) set to
 * null: not found. Two parts quoting the same words, one of them deleted, would otherwise both land
 * on the other's words. Shared with the save (db/queries/claim-anchoring.ts).
 */
export function withoutSharedWords(ranges: ReadonlyArray<TextRange | null>): Array<TextRange | null> {
  const placed: TextRange[] = [];
  return ranges.map((range) => {
    if (!range) return null;
    if (placed.some((p) => range.start < p.end && p.start < range.end)) return null;
    placed.push(range);
    return range;
  });
}

/** A part's old place (code points) mapped through the changes into the new text (UTF-16), as the save checks it. */
function mappedRange(oldText: string, oldIndex: CodePointIndex, changes: readonly TextChange[], position: { start: number; end: number }): TextRange | null {
  const start = oldIndex.toUtf16(position.start);
  const end = oldIndex.toUtf16(position.end);
  if (start === null || end === null || end > oldText.length) return null;
  return mapClaimRange(changes, start, end);
}

function span(parts: readonly { position: { start: number; end: number } }[]): { start: number; end: number } | null {
  if (parts.length === 0) return null;
  return { start: Math.min(...parts.map((p) => p.position.start)), end: Math.max(...parts.map((p) => p.position.end)) };
}
