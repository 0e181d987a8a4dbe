'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { toast } from 'sonner';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { getJson } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import type { ArticleSuggestionsDto, SuggestionDto, SuggestionRunDto } from '@/lib/domain/check-worthiness';
import { toSuggestionView, type RunView, type SuggestionView } from './types';

export interface SuggestionsData {
  run: RunView | null;
  suggestions: SuggestionView[];
  threshold: number;
  languageSupport: ArticleSuggestionsDto['languageSupport'];
  /** The text revision the suggestions are anchored to. */
  revision: number;
}

const NONE: SuggestionView[] = [];

/**
 * The article's open suggestions and its latest Find claims run (GET …/suggestions). Live events
 * ('suggestions.updated') invalidate it; while a run is going it is also polled every two seconds,
 * so the progress moves even when the event stream is down.
 */
export function useSuggestionsQuery() {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: queryKeys.suggestions(articleId),
    queryFn: async (): Promise<SuggestionsData> => {
      const body = await getJson<ArticleSuggestionsDto>(`/api/articles/${articleId}/suggestions`);
      return { run: body.run, suggestions: body.suggestions.map(toSuggestionView), threshold: body.threshold, languageSupport: body.languageSupport, revision: body.revision };
    },
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.run?.status === 'running' ? 2000 : false),
  });
}

export function useSuggestions(): SuggestionView[] {
  return useSuggestionsQuery().data?.suggestions ?? NONE;
}

/** Suggestion writes: start a run, accept, dismiss. Each keeps the cache right at once (the live event refetches after). */
export function useSuggestionActions() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const openClaim = useWorkbench((s) => s.openClaim);
  const key = useMemo(() => queryKeys.suggestions(articleId), [articleId]);

  const drop = useCallback(
    (id: string) => client.setQueryData<SuggestionsData>(key, (data) => data && { ...data, suggestions: data.suggestions.filter((s) => s.id !== id) }),
    [client, key],
  );

  const findClaims = useCallback(async (): Promise<boolean> => {
    const result = await apiFetch<SuggestionRunDto | { run: SuggestionRunDto }>(`/api/articles/${articleId}/suggestions/runs`, { method: 'POST', body: {} });
    if (!result.ok) {
      notifyError(result.error.message);
      void client.invalidateQueries({ queryKey: key, exact: true });
      return false;
    }
    const run = 'run' in result.data ? result.data.run : result.data;
    client.setQueryData<SuggestionsData>(key, (data) => ({ suggestions: NONE, threshold: 0.5, languageSupport: null, revision: run.revision, ...data, run }));
    void client.invalidateQueries({ queryKey: key, exact: true });
    return true;
  }, [client, articleId, key]);

  /** Makes the suggestion a claim (claimant and claim date pre-filled by the server) and opens it, where both can be changed. */
  const accept = useCallback(
    async (suggestion: SuggestionView): Promise<boolean> => {
      const result = await apiFetch<{ suggestion: SuggestionDto; claim: ClaimDto }>(`/api/suggestions/${suggestion.id}/accept`, { method: 'POST', body: { version: suggestion.version } });
      if (!result.ok) {
        notifyError(result.error.message);
        void client.invalidateQueries({ queryKey: key, exact: true });
        return false;
      }
      const { claim } = result.data;
      drop(suggestion.id);
      client.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), (claims) => [...(claims ?? []).filter((c) => c.id !== claim.id), claim]);
      client.setQueryData<{ claim: ClaimDto }>(queryKeys.claim(claim.id), { claim });
      openClaim(claim.id);
      notifySuccess(claim.claimant ? `Claim ${claim.number} created. Check the claimant (${claim.claimant}) and the date.` : `Claim ${claim.number} created. Add the claimant and check the date.`);
      return true;
    },
    [client, articleId, key, drop, openClaim],
  );

  const dismiss = useCallback(
    async (suggestion: SuggestionView): Promise<boolean> => {
      const result = await apiFetch<SuggestionDto>(`/api/suggestions/${suggestion.id}/dismiss`, { method: 'POST', body: { version: suggestion.version } });
      if (!result.ok) {
        notifyError(result.error.message);
        void client.invalidateQueries({ queryKey: key, exact: true });
        return false;
      }
      drop(suggestion.id);
      const dismissed = result.data;
      // Undo puts it back as it was (POST …/restore); a later change to it makes that a 409, said in words.
      toast.success('Suggestion dismissed. It will not be suggested again for this article.', {
        testId: 'toast',
        action: {
          label: 'Undo',
          onClick: () => {
            void apiFetch<SuggestionDto>(`/api/suggestions/${dismissed.id}/restore`, { method: 'POST', body: { version: dismissed.version } }).then((restored) => {
              if (!restored.ok) notifyError(restored.error.message);
              void client.invalidateQueries({ queryKey: key, exact: true });
            });
          },
        },
      });
      return true;
    },
    [client, key, drop],
  );

  return { findClaims, accept, dismiss };
}
