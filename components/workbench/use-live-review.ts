'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { notifyError } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import type { AssignmentDto, CommentDto, VerdictList } from '@/lib/domain/review';
import { upsertNewer } from './claims-cache';
import { planArticleUpdated, planEntityEvent, planResync, type HeldVersions, type LiveAction } from './live-event-plan';
import { ApiError, getJson, type ArticleMeta, type ArticleText } from './queries';
import { queryKeys } from './query-keys';
import type { ClaimDto, ClaimRow } from './types';
import { useArticleEvents } from './use-article-events';
import { applyTextDelta } from './use-text-editing';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

function heldVersions(client: QueryClient, articleId: string): HeldVersions {
  const claim = (claimId: string) => client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId))?.find((c) => c.id === claimId);
  return {
    article: () => client.getQueryData<ArticleMeta>(queryKeys.article(articleId))?.version,
    textRevision: () => client.getQueryData<ArticleText>(queryKeys.articleText(articleId))?.revision,
    claim: (claimId) => claim(claimId)?.version,
    // A list row has no sources (only an opened claim does): unknown, so the claim is fetched.
    source: (claimId, sourceId) => claim(claimId)?.sources?.find((s) => s.id === sourceId)?.version,
    comment: (claimId, commentId) => client.getQueryData<CommentDto[]>(queryKeys.comments(claimId))?.find((c) => c.id === commentId)?.version,
    verdict: (claimId, verdictId) => {
      const list = client.getQueryData<VerdictList>(queryKeys.verdicts(claimId));
      return [...(list?.mine ? [list.mine] : []), ...(list?.others ?? [])].find((v) => v.id === verdictId)?.version;
    },
    assignment: (assignmentId) => client.getQueryData<AssignmentDto[]>(queryKeys.assignments(articleId))?.some((a) => a.id === assignmentId) ?? false,
  };
}

/**
 * Fetches one claim and folds it into the article's claim list. A 404 means it was deleted; a copy
 * older than the held one (a late answer) is ignored; a deleted claim is never brought back.
 */
export function useRefetchClaim() {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  return useCallback(
    async (claimId: string): Promise<'updated' | 'gone'> => {
      const { articleId, deletedIds } = store.getState();
      try {
        const { claim } = await client.fetchQuery({ queryKey: queryKeys.claim(claimId), queryFn: () => getJson<{ claim: ClaimDto }>(`/api/claims/${claimId}`), staleTime: 0, retry: false });
        if (!deletedIds.has(claimId)) client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => upsertNewer<ClaimRow>(claims ?? [], claim));
        return 'updated';
      } catch (error) {
        return error instanceof ApiError && error.status === 404 ? 'gone' : 'updated';
      }
    },
    [client, store],
  );
}

/**
 * The team-review side of the workbench: turns live events into cache invalidations through the
 * normal, authorised routes (events carry ids only), skipping what this client already holds, and
 * keeps presence in the workbench store.
 */
export function useLiveReview(initialCursor: string | null): void {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  const articleId = useWorkbench((s) => s.articleId);
  const activeId = useWorkbench((s) => s.activeId);
  const refetchClaim = useRefetchClaim();
  const [connectionId, setConnectionId] = useState<string | null>(null);

  const removeClaim = useCallback(
    (claimId: string, actorId: string | null) => {
      const { user, activeId: open, claimDeleted } = store.getState();
      claimDeleted(claimId);
      client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => claims?.filter((c) => c.id !== claimId));
      client.removeQueries({ queryKey: queryKeys.claim(claimId) });
      if (open === claimId && actorId !== user.id) notifyError('A colleague deleted the claim you had open.');
    },
    [client, store, articleId],
  );

  const run = useCallback(
    function run(actions: LiveAction[]): void {
      for (const action of actions) {
        switch (action.type) {
          case 'invalidate':
            void client.invalidateQueries({ queryKey: action.queryKey, exact: true });
            break;
          case 'invalidateAll':
            void client.invalidateQueries({ queryKey: action.queryKey });
            break;
          case 'invalidateEachClaim':
            void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'claim' && q.queryKey[2] === action.part });
            break;
          case 'refetchClaim':
            void refetchClaim(action.claimId).then((outcome) => outcome === 'gone' && removeClaim(action.claimId, null));
            break;
          case 'removeClaim':
            removeClaim(action.claimId, action.actorId);
            break;
          case 'textChanged':
            if (store.getState().editing) notifyError('A colleague saved new article text while you are editing. Saving yours will be refused; copy your changes, cancel, and redo them on the new text.');
            break;
          case 'applyTextDelta':
            if (!applyTextDelta(client, store.getState().articleId, action.delta, action.version)) run(action.fallback);
            break;
        }
      }
    },
    [client, store, refetchClaim, removeClaim],
  );

  const liveStatus = useArticleEvents(articleId, initialCursor, {
    onEntity: (event) => run(planEntityEvent(event, heldVersions(client, articleId))),
    onArticleUpdated: (event) => run(planArticleUpdated(event, heldVersions(client, articleId))),
    onPresence: (viewers) => store.getState().setViewers(viewers),
    onResync: () => run(planResync(articleId)),
    onReady: setConnectionId,
  });

  useEffect(() => store.getState().setLiveStatus(liveStatus), [store, liveStatus]);

  // Tell the others which claim this tab has open.
  useEffect(() => {
    if (!connectionId) return;
    void apiFetch(`/api/articles/${articleId}/presence`, { method: 'POST', body: { openClaimId: activeId, connectionId } });
  }, [articleId, activeId, connectionId]);
}
