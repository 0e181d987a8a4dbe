'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiFetch } from '@/lib/api/client';
import type { PublicationStateDto } from '@/lib/domain/publishing';
import { isArticleLocked } from '@/lib/publishing/lock';
import type { ArticleAgreement, AssignmentDto, CommentDto, TimelineEntry, VerdictList } from '@/lib/domain/review';
import { partsOfRow, type ClaimRow } from '@/lib/editor/claim-rows';
import { mergeClaimLists, upsertNewer } from './claims-cache';
import { queryKeys } from './query-keys';
import type { ClaimDto, WorkbenchArticle } from './types';
import { useWorkbench } from './workbench-context';

/** An API error as a thrown value (queries fail by throwing); `status` 404 means gone. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const result = await apiFetch<T>(url);
  if (!result.ok) throw new ApiError(result.error.message, result.status);
  return result.data;
}

/** The light row: versions, workflow state and the metadata the header shows (the Details dialog edits it). */
export type ArticleMeta = Pick<WorkbenchArticle, 'id' | 'version' | 'revision' | 'status' | 'blindReview' | 'title' | 'outlet' | 'byline' | 'url' | 'publishedOn' | 'language' | 'sourceCredit'>;
export interface ArticleText {
  revision: number;
  doc: Record<string, unknown>;
}

/** Article-wide data changes only through live events (which invalidate it) or own writes. */
const LIVE = { staleTime: Infinity } as const;

export function useArticleMeta(): ArticleMeta {
  const articleId = useWorkbench((s) => s.articleId);
  const query = useQuery({
    queryKey: queryKeys.article(articleId),
    queryFn: async () => (await getJson<{ article: ArticleMeta }>(`/api/articles/${articleId}?fields=meta`)).article,
    ...LIVE,
  });
  // Seeded by the page before anything renders (seedWorkbenchCache), so always present.
  return query.data!;
}

/**
 * Published and retracted articles are read-only (the server refuses writes with 409): every
 * editing affordance reads this. Comments and assignments stay open.
 */
export function useArticleLocked(): boolean {
  return isArticleLocked(useArticleMeta().status);
}

/** The same, read from the cache at the moment of an action (shortcuts, mark claim). */
export function isLockedNow(client: QueryClient, articleId: string): boolean {
  const meta = client.getQueryData<ArticleMeta>(queryKeys.article(articleId));
  return meta ? isArticleLocked(meta.status) : false;
}

/** GET /api/articles/:id/publication (the state itself, or wrapped as `{ publication }`). */
export async function fetchPublication(articleId: string): Promise<PublicationStateDto> {
  const body = await getJson<PublicationStateDto | { publication: PublicationStateDto }>(`/api/articles/${articleId}/publication`);
  return 'publication' in body ? body.publication : body;
}

/**
 * The article's publication state: blockers, public address, the log. Loaded only where it is
 * shown: for an article that is or was published (banner, history), and in the Publish dialog
 * (`fresh`: refetched on open, the blockers must be current). Status events invalidate it.
 */
export function usePublication({ fresh = false }: { fresh?: boolean } = {}) {
  const articleId = useWorkbench((s) => s.articleId);
  const publishedBefore = useWorkbench((s) => s.firstPublishedAt !== null);
  const locked = useArticleLocked();
  return useQuery({
    queryKey: queryKeys.publication(articleId),
    queryFn: () => fetchPublication(articleId),
    enabled: (query) => fresh || locked || publishedBefore || query.state.data?.everPublished === true,
    ...LIVE,
    ...(fresh ? { refetchOnMount: 'always' as const } : {}),
  });
}

export function useArticleText(): ArticleText | undefined {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: queryKeys.articleText(articleId),
    queryFn: async () => {
      const { article } = await getJson<{ article: ArticleText }>(`/api/articles/${articleId}?fields=text`);
      return { revision: article.revision, doc: article.doc };
    },
    ...LIVE,
  }).data;
}

const NO_CLAIMS: ClaimRow[] = [];

function useClaimsQuery() {
  const articleId = useWorkbench((s) => s.articleId);
  const deletedIds = useWorkbench((s) => s.deletedIds);
  return useQuery({
    queryKey: queryKeys.claims(articleId),
    queryFn: async () => (await getJson<{ claims: ClaimRow[] }>(`/api/articles/${articleId}/claims`)).claims,
    // A refetch never rolls a claim back or brings a deleted one back.
    structuralSharing: (held, fresh) => mergeClaimLists(held as ClaimRow[] | undefined, fresh as ClaimRow[], deletedIds),
    ...LIVE,
  });
}

/**
 * The article's claims as list rows (ClaimRow; a claim opened or written here is held in full).
 * Empty until the list has loaded: a long list is not part of the page (see useClaimsLoaded).
 */
export function useClaims(): ClaimRow[] {
  return useClaimsQuery().data ?? NO_CLAIMS;
}

/** Whether the claim list is there (seeded by the page, or fetched). */
export function useClaimsLoaded(): boolean {
  return useClaimsQuery().data !== undefined;
}

export function useAssignments(): AssignmentDto[] {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: queryKeys.assignments(articleId),
    queryFn: async () => (await getJson<{ assignments: AssignmentDto[] }>(`/api/articles/${articleId}/assignments`)).assignments,
    ...LIVE,
  }).data!;
}

export function useAgreement() {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: queryKeys.agreement(articleId),
    queryFn: async () => (await getJson<{ agreement: ArticleAgreement }>(`/api/articles/${articleId}/agreement`)).agreement,
  });
}

export function useComments(claimId: string) {
  return useQuery({ queryKey: queryKeys.comments(claimId), queryFn: async () => (await getJson<{ comments: CommentDto[] }>(`/api/claims/${claimId}/comments`)).comments });
}

export function useVerdicts(claimId: string) {
  return useQuery({ queryKey: queryKeys.verdicts(claimId), queryFn: async () => (await getJson<{ verdicts: VerdictList }>(`/api/claims/${claimId}/verdicts`)).verdicts });
}

export function useHistory(claimId: string) {
  return useQuery({ queryKey: queryKeys.history(claimId), queryFn: async () => (await getJson<{ entries: TimelineEntry[] }>(`/api/claims/${claimId}/history`)).entries });
}

/**
 * Server data the page rendered with: the cache starts from it instead of fetching it again.
 * `claims` null: a long list the page left out, fetched by useClaims. `openClaim`: the claim the URL
 * asked for, in full, kept where the claim panel looks before fetching a claim (fetchFullClaim).
 */
export function seedWorkbenchCache(client: QueryClient, article: WorkbenchArticle, claims: ClaimRow[] | null, assignments: AssignmentDto[], openClaim: ClaimDto | null = null): void {
  const { id, version, revision, status, blindReview, doc, title, outlet, byline, url, publishedOn, language, sourceCredit } = article;
  client.setQueryData<ArticleMeta>(queryKeys.article(id), { id, version, revision, status, blindReview, title, outlet, byline, url, publishedOn, language, sourceCredit });
  client.setQueryData<ArticleText>(queryKeys.articleText(id), { revision, doc });
  if (claims) client.setQueryData<ClaimRow[]>(queryKeys.claims(id), openClaim ? upsertNewer<ClaimRow>(claims, openClaim) : claims);
  if (openClaim) client.setQueryData<{ claim: ClaimDto }>(queryKeys.claim(openClaim.id), { claim: openClaim });
  client.setQueryData<AssignmentDto[]>(queryKeys.assignments(id), assignments);
}

/**
 * The full claim behind a list row, folded into the list (a held copy at least as new as the row
 * is used without asking the server). Resolves to false when the claim is gone (404).
 */
export async function fetchFullClaim(client: QueryClient, articleId: string, row: ClaimRow, deleted: ReadonlySet<string>): Promise<boolean> {
  const held = client.getQueryData<{ claim: ClaimDto }>(queryKeys.claim(row.id))?.claim;
  let claim: ClaimDto;
  if (held && held.version >= row.version && held.verdictHidden === row.verdictHidden) claim = held;
  else {
    try {
      claim = (await client.fetchQuery({ queryKey: queryKeys.claim(row.id), queryFn: () => getJson<{ claim: ClaimDto }>(`/api/claims/${row.id}`), staleTime: 0, retry: false })).claim;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false;
      throw error;
    }
  }
  if (deleted.has(row.id)) return false;
  // A text save moves claims without a new version, and one may have landed while we fetched: the
  // anchoring comes from whichever is newer, the list's row as it is now or the fetched claim.
  client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => {
    if (!claims) return claims;
    const current = claims.find((c) => c.id === row.id) ?? row;
    const anchoring = claim.anchoredRevision > current.anchoredRevision ? claim : current;
    const full: ClaimDto =
      anchoring === claim
        ? claim
        : {
            ...claim,
            position: anchoring.position,
            anchoredRevision: anchoring.anchoredRevision,
            anchorState: anchoring.anchorState,
            quote: { ...claim.quote, exact: anchoring.quote.exact },
            // Every part moves with the row too (a row's parts carry no context: the fetched one's is kept).
            parts: partsOfRow(anchoring).map((p, i) => ({ quote: { ...(claim.parts[i]?.quote ?? claim.quote), exact: p.quote.exact }, position: p.position, anchorState: p.anchorState })),
          };
    return upsertNewer<ClaimRow>(claims, full);
  });
  return true;
}

/** Cache writes shared by the claim components (own writes land here with their new version). */
export function useClaimCache() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  return {
    client,
    articleId,
    updateClaims: (update: (claims: ClaimRow[]) => ClaimRow[]) => client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => update(claims ?? [])),
  };
}

/**
 * PUT /api/claims/:id/anchor: every part of the claim after the change (1–20): new words as UTF-16
 * ranges into the article's plain text at `revision`, or `{ keep: i }` for the claim's current part i
 * kept as stored (an orphaned part stays orphaned instead of being dropped).
 */
export interface SetClaimPartsBody {
  version: number;
  revision: number;
  parts: Array<{ start: number; end: number } | { keep: number }>;
}

export type SetClaimPartsResult =
  | { ok: true; claim: ClaimDto }
  /** `conflict`: a 409 for a stale claim version (details.current) or stale text (details.revision), not another refusal. */
  | { ok: false; status: number; message: string; conflict: boolean };

/**
 * Puts a claim on new words (change words, add or remove a part, re-attach an orphaned part): the
 * parts sent replace all of the claim's. The saved claim (in full) replaces its row in the list and
 * its cached copy; on a stale version the current claim does, on a stale revision the text and the
 * claims are fetched again (the caller shows the message either way).
 */
export function useSetClaimParts() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  return useCallback(
    async (claim: Pick<ClaimRow, 'id'>, body: SetClaimPartsBody): Promise<SetClaimPartsResult> => {
      const result = await apiFetch<{ claim: ClaimDto }>(`/api/claims/${claim.id}/anchor`, { method: 'PUT', body });
      const hold = (full: ClaimDto) => {
        client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => upsertNewer<ClaimRow>(claims ?? [], full));
        client.setQueryData<{ claim: ClaimDto }>(queryKeys.claim(full.id), { claim: full });
      };
      if (result.ok) {
        hold(result.data.claim);
        void client.invalidateQueries({ queryKey: queryKeys.history(claim.id), exact: true });
        return { ok: true, claim: result.data.claim };
      }
      const details = result.error.details as { current?: ClaimDto | null; revision?: number } | undefined;
      let conflict = false;
      if (result.status === 409 && details?.current && typeof details.current === 'object' && 'id' in details.current) {
        hold(details.current);
        conflict = true;
      } else if (result.status === 409 && typeof details?.revision === 'number') {
        void client.invalidateQueries({ queryKey: queryKeys.articleText(articleId), exact: true });
        void client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true });
        conflict = true;
      }
      return { ok: false, status: result.status, message: result.error.message, conflict };
    },
    [client, articleId],
  );
}
