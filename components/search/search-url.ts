import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from '@/lib/search/params';

/** The largest offset lib/search/params.ts accepts. */
const SEARCH_MAX_OFFSET = 10_000;

/**
 * The search page's URL: what the form's fields are called and the links it builds (paging,
 * "Clear filters"). Pure. The values are read back as typed, so the form shows them even when
 * they do not parse (the page then says what is wrong).
 */

/** Filter fields, in the order the form shows them (`q`, `offset` and `limit` are not filters); names as lib/search/params.ts reads them. */
export const FILTER_KEYS = ['workspace', 'verdict', 'status', 'claimant', 'reviewer', 'articleStatus', 'from', 'to', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** What the form shows: one string a field, `kind` may repeat. */
export interface SearchFormValues {
  q: string;
  workspace: string;
  verdict: string;
  status: string;
  claimant: string;
  reviewer: string;
  articleStatus: string;
  from: string;
  to: string;
  kind: string[];
  /** Paging through result groups (lib/search/params.ts checks the numbers). */
  offset: number;
  limit: number;
}

/** Longer values are cut: a form field never echoes megabytes back. */
const MAX_VALUE = 500;

function first(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.slice(0, MAX_VALUE) : '';
}

function all(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.filter((v) => v !== '').slice(0, 20).map((v) => v.slice(0, MAX_VALUE));
}

function count(value: string | string[] | undefined, fallback: number, max: number): number {
  const text = first(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : fallback;
  return Math.min(n, max);
}

export function readFormValues(raw: RawSearchParams): SearchFormValues {
  return {
    q: first(raw.q),
    workspace: first(raw.workspace),
    verdict: first(raw.verdict),
    status: first(raw.status),
    claimant: first(raw.claimant),
    reviewer: first(raw.reviewer),
    articleStatus: first(raw.articleStatus),
    from: first(raw.from),
    to: first(raw.to),
    kind: all(raw.kind),
    offset: count(raw.offset, 0, SEARCH_MAX_OFFSET),
    limit: Math.max(1, count(raw.limit, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT)),
  };
}

export function hasFilters(values: SearchFormValues): boolean {
  return FILTER_KEYS.some((key) => (key === 'kind' ? values.kind.length > 0 : values[key].trim() !== ''));
}

/** /search with these values (empty ones and defaults left out). */
export function searchHref(values: SearchFormValues): string {
  const params = new URLSearchParams();
  if (values.q) params.set('q', values.q);
  for (const key of FILTER_KEYS) {
    if (key === 'kind') for (const kind of values.kind) params.append('kind', kind);
    else if (values[key]) params.set(key, values[key]);
  }
  if (values.limit !== SEARCH_DEFAULT_LIMIT) params.set('limit', String(values.limit));
  if (values.offset > 0) params.set('offset', String(values.offset));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/** The same search without any filter. */
export function clearFiltersHref(values: SearchFormValues): string {
  return searchHref({ ...values, workspace: '', verdict: '', status: '', claimant: '', reviewer: '', articleStatus: '', from: '', to: '', kind: [], offset: 0 });
}

/** The page of groups that starts at `offset`. */
export function offsetHref(values: SearchFormValues, offset: number): string {
  return searchHref({ ...values, offset: Math.max(0, Math.floor(offset)) });
}
