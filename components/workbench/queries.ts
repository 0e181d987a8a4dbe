'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { PublicationStateDto } from '@/lib/domain/publishing';
import { isArticleLocked } from '@/lib/publishing/lock';
import type { ArticleAgreement, AssignmentDto, CommentDto, TimelineEntry, VerdictList } from '@/lib/domain/review';
import { mergeClaimLists } from './claims-cache';
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

export type ArticleMeta = Pick<WorkbenchArticle, 'id' | 'version' | 'revision' | 'status' | 'blindReview'>;
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

export function useClaims(): ClaimDto[] {
  const articleId = useWorkbench((s) => s.articleId);
  const deletedIds = useWorkbench((s) => s.deletedIds);
  return useQuery({
    queryKey: queryKeys.claims(articleId),
    queryFn: async () => (await getJson<{ claims: ClaimDto[] }>(`/api/articles/${articleId}/claims`)).claims,
    // A refetch never rolls a claim back or brings a deleted one back.
    structuralSharing: (held, fresh) => mergeClaimLists(held as ClaimDto[] | undefined, fresh as ClaimDto[], deletedIds),
    ...LIVE,
  }).data!;
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

/** Server data the page rendered with: the cache starts from it instead of fetching it again. */
export function seedWorkbenchCache(client: QueryClient, article: WorkbenchArticle, claims: ClaimDto[], assignments: AssignmentDto[]): void {
  const { id, version, revision, status, blindReview, doc } = article;
  client.setQueryData<ArticleMeta>(queryKeys.article(id), { id, version, revision, status, blindReview });
  client.setQueryData<ArticleText>(queryKeys.articleText(id), { revision, doc });
  client.setQueryData<ClaimDto[]>(queryKeys.claims(id), claims);
  client.setQueryData<AssignmentDto[]>(queryKeys.assignments(id), assignments);
}

/** Cache writes shared by the claim components (own writes land here with their new version). */
export function useClaimCache() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  return {
    client,
    articleId,
    updateClaims: (update: (claims: ClaimDto[]) => ClaimDto[]) => client.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), (claims) => update(claims ?? [])),
  };
}
