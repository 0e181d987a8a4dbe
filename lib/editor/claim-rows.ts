import type { ClaimDto, SourceDto } from '@/lib/domain/claims';
import type { AnchorState, PartAnchorState } from '@/lib/domain/statuses';

/**
 * A claim as the workbench's list and highlights need it: no sources, rationale, dates or author.
 * The full claim (ClaimDto) is fetched when a claim is opened and then replaces its row in the list
 * cache, so a ClaimDto is always a valid ClaimRow (every field here is one of its fields, or optional).
 */
export interface ClaimRow {
  id: string;
  number: number;
  version: number;
  /** Code points, W3C TextPositionSelector. */
  position: { start: number; end: number };
  anchoredRevision: number;
  /** Claim level: all parts found, some (`partial`) or none. */
  anchorState: AnchorState;
  /**
   * Every part (in text order) when the claim has two or more; left out for a single-part claim,
   * whose part is `position`/`quote`/`anchorState` (rows stay slim). Read it with partsOfRow.
   */
  parts?: ClaimRowPart[];
  /**
   * The quoted words in full (the highlight checks them at the stored position). A row has no
   * prefix and suffix (a full claim does): the stored position holds at every later revision, and a
   * client whose text is not yet the claim's falls back to the quote near that position.
   */
  quote: { exact: string; prefix?: string; suffix?: string };
  /** The words as first marked (shortened), shown for an orphaned or partly orphaned claim; '' on an anchored row. */
  originalQuote: string;
  /** Shortened on a row (ROW_TEXT_LIMIT); complete on a full claim. */
  claimText: string;
  claimant: string;
  verdictId: string | null;
  status: ClaimDto['status'];
  exclusionReason: string | null;
  verdictHidden: boolean;
  /** How many sources: on a row. A full claim has `sources` instead. */
  sourceCount?: number;
  sources?: SourceDto[];
}

/** One part of a claim as a list row carries it (a full claim's ClaimPart also has the quote's context). */
export interface ClaimRowPart {
  /** Code points, W3C TextPositionSelector. */
  position: { start: number; end: number };
  quote: { exact: string; prefix?: string; suffix?: string };
  anchorState: PartAnchorState;
}

/** Longest claim text, claimant or original quote a row carries (the list clamps to two lines). */
export const ROW_TEXT_LIMIT = 160;

/** Shortens to `limit` UTF-16 units without splitting a surrogate pair, marking the cut with an ellipsis. */
export function shorten(text: string, limit = ROW_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The list row of a claim. */
export function toClaimRow(claim: ClaimDto): ClaimRow {
  return {
    id: claim.id,
    number: claim.number,
    version: claim.version,
    position: { start: claim.position.start, end: claim.position.end },
    anchoredRevision: claim.anchoredRevision,
    anchorState: claim.anchorState,
    quote: { exact: claim.quote.exact },
    ...(claim.parts.length >= 2 ? { parts: claim.parts.map((p) => ({ position: { start: p.position.start, end: p.position.end }, quote: { exact: p.quote.exact }, anchorState: p.anchorState })) } : {}),
    originalQuote: claim.anchorState !== 'anchored' ? shorten(claim.originalQuote) : '',
    claimText: shorten(claim.claimText),
    claimant: shorten(claim.claimant),
    verdictId: claim.verdictId,
    status: claim.status,
    exclusionReason: claim.exclusionReason,
    verdictHidden: claim.verdictHidden,
    sourceCount: claim.sources.length,
  };
}

/** One part as a claim of quote type Q holds it (a ClaimRowPart, a ClaimPart, an AnchorablePart). */
type PartOf<Q> = { quote: Q; position: { start: number; end: number }; anchorState: PartAnchorState };

/**
 * Every part of a claim (a list row, a full claim, anything anchorable), in text order, never
 * empty: its `parts` when it has several, else the one part its position and quote describe (found
 * unless the claim is orphaned).
 */
export function partsOfRow<Q extends { exact: string }>(row: { quote: Q; position: { start: number; end: number }; anchorState: AnchorState; parts?: readonly PartOf<Q>[] }): readonly PartOf<Q>[] {
  if (row.parts && row.parts.length > 0) return row.parts;
  return [{ position: row.position, quote: row.quote, anchorState: row.anchorState === 'anchored' ? 'anchored' : 'orphaned' }];
}

/** Whether the cache holds the full claim (opened, or written by this client) rather than its list row. */
export function isFullClaim(claim: ClaimRow): claim is ClaimRow & ClaimDto {
  return Array.isArray(claim.sources) && typeof (claim as Partial<ClaimDto>).rationale === 'string';
}

export function sourceCountOf(claim: ClaimRow): number {
  return claim.sources?.length ?? claim.sourceCount ?? 0;
}
