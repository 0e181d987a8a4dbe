import { z } from 'zod';
import { SEARCH_DOC_KINDS, type SearchDocKind } from '@/lib/domain/search';
import { ARTICLE_STATUSES, CLAIM_STATUSES } from '@/lib/domain/statuses';
import type { SearchParams } from './types';

/**
 * The search page's URL and GET /api/search read one schema: `q`, the filters and paging as
 * URL parameters (`/search?q=inflation&verdict=…&status=resolved&from=2026-01-01&kind=claim&kind=rationale`).
 * Pure: the page reads its URL with it on the client too.
 */

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;
/** The query text is capped later (lib/search/query.ts); this only refuses absurd URLs. */
const MAX_Q = 10_000;
const MAX_OFFSET = 10_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const id = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => ISO_DATE.test(v) && isRealDate(v), { message: `${name} must be a date as YYYY-MM-DD` });

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `${name} must be between ${min} and ${max}` });

/** The raw URL parameters (all strings; `kind` may repeat or be comma-separated). Unknown parameters are ignored. */
export const searchParamsSchema = z
  .object({
    q: z.string().max(MAX_Q, `q is longer than ${MAX_Q} characters`).optional(),
    verdict: id.optional(),
    status: z.enum(CLAIM_STATUSES, { error: `status must be one of ${CLAIM_STATUSES.join(', ')}` }).optional(),
    claimant: z.string().trim().min(1, 'claimant must not be empty').max(200, 'claimant is too long').optional(),
    reviewer: id.optional(),
    articleStatus: z.enum(ARTICLE_STATUSES, { error: `articleStatus must be one of ${ARTICLE_STATUSES.join(', ')}` }).optional(),
    from: isoDate('from').optional(),
    to: isoDate('to').optional(),
    kind: z
      .array(z.string())
      .optional()
      .transform((values, ctx) => {
        if (!values) return undefined;
        const kinds = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
        const bad = kinds.filter((k) => !(SEARCH_DOC_KINDS as readonly string[]).includes(k));
        if (bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: `kind must be among ${SEARCH_DOC_KINDS.join(', ')} (got ${bad.slice(0, 3).join(', ')})` });
          return z.NEVER;
        }
        return kinds.length > 0 ? ([...new Set(kinds)] as SearchDocKind[]) : undefined;
      }),
    workspace: id.optional(),
    limit: intParam('limit', 1, SEARCH_MAX_LIMIT).optional(),
    offset: intParam('offset', 0, MAX_OFFSET).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] });

export type SearchParamsResult = { ok: true; params: SearchParams } | { ok: false; error: string };

/** Reads the search parameters of a URL (or Next's `searchParams` object); a clear message on bad input. */
export function parseSearchParams(input: URLSearchParams | Record<string, string | string[] | undefined>): SearchParamsResult {
  const raw: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    if (key === 'kind') raw.kind = [...((raw.kind as string[] | undefined) ?? []), value];
    else if (!(key in raw)) raw[key] = value;
  };
  if (input instanceof URLSearchParams) {
    for (const [key, value] of input) add(key, value);
  } else {
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  // Empty filter fields in a submitted form mean "no filter".
  for (const key of Object.keys(raw)) {
    if (key !== 'q' && key !== 'kind' && raw[key] === '') delete raw[key];
  }
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const message = issue?.message ?? 'Invalid search parameters';
    return { ok: false, error: field && !message.startsWith(String(field)) ? `${String(field)}: ${message}` : message };
  }
  const v = parsed.data;
  const params: SearchParams = { q: v.q ?? '' };
  if (v.verdict) params.verdictId = v.verdict;
  if (v.status) params.claimStatus = v.status;
  if (v.claimant) params.claimant = v.claimant;
  if (v.reviewer) params.reviewerId = v.reviewer;
  if (v.articleStatus) params.articleStatus = v.articleStatus;
  if (v.from) params.from = v.from;
  if (v.to) params.to = v.to;
  if (v.kind) params.kinds = v.kind;
  if (v.workspace) params.workspaceId = v.workspace;
  if (v.limit !== undefined) params.limit = v.limit;
  if (v.offset !== undefined) params.offset = v.offset;
  return { ok: true, params };
}

/** The URL parameters of a search (the inverse of parseSearchParams; empty filters left out). */
export function searchParamsToUrl(params: Partial<SearchParams>): URLSearchParams {
  const url = new URLSearchParams();
  if (params.q) url.set('q', params.q);
  if (params.verdictId) url.set('verdict', params.verdictId);
  if (params.claimStatus) url.set('status', params.claimStatus);
  if (params.claimant) url.set('claimant', params.claimant);
  if (params.reviewerId) url.set('reviewer', params.reviewerId);
  if (params.articleStatus) url.set('articleStatus', params.articleStatus);
  if (params.from) url.set('from', params.from);
  if (params.to) url.set('to', params.to);
  for (const kind of params.kinds ?? []) url.append('kind', kind);
  if (params.workspaceId) url.set('workspace', params.workspaceId);
  if (params.limit !== undefined && params.limit !== SEARCH_DEFAULT_LIMIT) url.set('limit', String(params.limit));
  if (params.offset) url.set('offset', String(params.offset));
  return url;
}
