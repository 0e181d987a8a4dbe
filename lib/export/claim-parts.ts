/**
 * Multi-part claims and quoted passages as every export reads them: a claim's parts (always ≥ 1,
 * also for single-part claims and old snapshots that have no `parts`), the quote shown for it
 * (the parts joined by ' … ', lib/claims/parts.ts), and the link to a source's passage (a URL
 * text fragment, lib/sources/text-fragment.ts).
 */
import { PART_QUOTE_SEPARATOR, joinPartQuotes } from '@/lib/claims/parts';
import { textFragmentUrl } from '@/lib/sources/text-fragment';
import type { ReportClaim, ReportClaimPart, ReportSource } from './view-model';

export { PART_QUOTE_SEPARATOR };

/** What an orphaned part of a partly orphaned claim is marked with where the quote is shown. */
export const ORPHANED_PART_LABEL = 'no longer in the article';

/** The note on a claim some of whose parts are gone (the rest is still highlighted). */
export const PARTIAL_NOTE = 'Part of the quoted text is no longer in the article: the marked part was removed or changed in a later revision.';

type PartsOf = Pick<ReportClaim, 'quote' | 'position' | 'start' | 'end' | 'orphaned' | 'parts'>;

/** The claim's spans in text order: its `parts`, or the one span of a single-part claim. */
export function claimParts(claim: PartsOf): ReportClaimPart[] {
  if (Array.isArray(claim.parts) && claim.parts.length > 0) return claim.parts;
  return [{ quote: claim.quote, position: claim.position, start: claim.start, end: claim.end, orphaned: claim.orphaned }];
}

/** Covers more than one span. */
export function isMultiPart(claim: PartsOf): boolean {
  return claimParts(claim).length > 1;
}

/** Some parts found, some gone. */
export function isPartial(claim: PartsOf): boolean {
  const parts = claimParts(claim);
  const gone = parts.filter((p) => p.orphaned).length;
  return gone > 0 && gone < parts.length;
}

/** The claim's words as one quote: the parts' exact quotes joined by ' … '. */
export function claimQuote(claim: PartsOf): string {
  return joinPartQuotes(claimParts(claim));
}

/**
 * The quote as pieces to render, each saying whether it is a part whose words are gone (marked
 * only in a partly orphaned claim: in a wholly orphaned one the claim's note says it already).
 */
export function quotePieces(claim: PartsOf): Array<{ text: string; orphaned: boolean }> {
  const partial = isPartial(claim);
  return claimParts(claim).map((p) => ({ text: p.quote.exact, orphaned: partial && p.orphaned }));
}

/**
 * Where a source's link goes: its URL with a text fragment for the quoted passage (the reader
 * lands on it), the plain URL when there is no passage, or null when the URL is not http(s).
 */
export function sourcePassageUrl(source: Pick<ReportSource, 'url' | 'excerpt' | 'excerptPrefix' | 'excerptSuffix'>): string | null {
  return textFragmentUrl(source.url, { exact: source.excerpt ?? '', prefix: source.excerptPrefix ?? '', suffix: source.excerptSuffix ?? '' });
}
