import type { StatusFilter, VerdictFilter } from '@/lib/review/claim-filters';

/**
 * The claim list's filters in the article's URL (`?verdict=…&status=…`), so a filtered list can be
 * linked and survives a reload. "all" is left out; other parameters (`claim`, `tab`, `at`) are kept. Pure.
 */

export interface ClaimFilterValues {
  verdict: VerdictFilter;
  status: StatusFilter;
}

export const NO_CLAIM_FILTERS: ClaimFilterValues = { verdict: 'all', status: 'all' };

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'open', 'in_review', 'resolved', 'orphaned', 'hidden'];
const VERDICT_KEYWORDS: readonly string[] = ['all', 'pending', 'hidden'];

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The filters a URL asks for; anything unknown (a level of another scale, a typo) means "all". */
export function readClaimFilters(raw: { verdict?: string | string[]; status?: string | string[] }, levelIds: readonly string[]): ClaimFilterValues {
  const verdict = first(raw.verdict);
  const status = first(raw.status);
  return {
    verdict: verdict !== undefined && (VERDICT_KEYWORDS.includes(verdict) || levelIds.includes(verdict)) ? verdict : 'all',
    status: status !== undefined && (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : 'all',
  };
}

/** The query string (with its `?`, or '' when empty) of `search` with these filters set, everything else kept. */
export function withClaimFilters(search: string, filters: ClaimFilterValues): string {
  const params = new URLSearchParams(search);
  for (const key of ['verdict', 'status'] as const) {
    if (filters[key] === 'all') params.delete(key);
    else params.set(key, filters[key]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
