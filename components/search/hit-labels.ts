import type { SearchDocKind } from '@/lib/domain/search';
import type { SearchHit } from '@/lib/search/types';

/** What each kind of indexed text is called on the search page (filters and hit labels). */
export const SEARCH_KIND_LABELS: Readonly<Record<SearchDocKind, string>> = {
  title: 'Title',
  block: 'Article text',
  claim: 'Claim',
  rationale: 'Rationale',
  verdict_reason: 'Reviewer’s reason',
  source: 'Source',
  comment: 'Comment',
  library: 'External fact-check',
};

/** The label of one hit: a claim says its number ("Claim #3"), the rest say what they are. */
export function hitKindLabel(hit: Pick<SearchHit, 'kind' | 'claim'>): string {
  const label = SEARCH_KIND_LABELS[hit.kind] ?? 'Match';
  if (hit.kind === 'claim' && hit.claim) return `Claim #${hit.claim.number}`;
  return label;
}

/** A group's leftover hits, in words: "+3 more in this article". */
export function moreHitsLabel(count: number, type: 'article' | 'library'): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return `+${Math.floor(count)} more in this ${type === 'library' ? 'fact-check' : 'article'}`;
}
