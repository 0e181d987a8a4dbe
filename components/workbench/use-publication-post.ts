'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiFetch, type ApiResult } from '@/lib/api/client';
import type { PublicationStateDto, PublishBlocker } from '@/lib/domain/publishing';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { ArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import { useWorkbench } from './workbench-context';

/** The bodies POST /api/articles/:id/publication takes. */
export type PublicationAction =
  | { action: 'publish'; version: number; correctionNote?: string; overrideReason?: string }
  | { action: 'reopen'; version: number; reason: string }
  | { action: 'retract'; version: number; reason: string };

export interface PublicationWriteResult {
  article: { status: ArticleStatus; version: number };
  publication: PublicationStateDto;
}

/** What a refused publication step carries: the blockers now (409 on publish) or the article now (stale). */
export function refusalDetails(details: unknown): { blockers: PublishBlocker[] | null; current: { status?: ArticleStatus; version?: number } | null } {
  const d = (details ?? {}) as { blockers?: unknown; current?: unknown };
  return {
    blockers: Array.isArray(d.blockers) ? (d.blockers as PublishBlocker[]) : null,
    current: d.current && typeof d.current === 'object' ? (d.current as { status?: ArticleStatus; version?: number }) : null,
  };
}

/**
 * Publish, reopen or retract. A success lands in the cache at once (status and version in the
 * article row, the new publication state; useLockTransitions refetches the claims); a refusal
 * refreshes what it says changed, so the dialog shows the current blockers and version.
 */
export function usePublicationPost() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  return useCallback(
    async (body: PublicationAction): Promise<ApiResult<PublicationWriteResult>> => {
      const result = await apiFetch<PublicationWriteResult>(`/api/articles/${articleId}/publication`, { method: 'POST', body });
      if (result.ok) {
        const { article, publication } = result.data;
        client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, status: article.status, version: article.version });
        client.setQueryData<PublicationStateDto>(queryKeys.publication(articleId), publication);
        return result;
      }
      if (result.status === 409) {
        const { blockers, current } = refusalDetails(result.error.details);
        if (blockers) client.setQueryData<PublicationStateDto>(queryKeys.publication(articleId), (held) => held && { ...held, blockers });
        if (current?.version !== undefined && current.status !== undefined) {
          const { version, status } = current;
          client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && (meta.version < version ? { ...meta, status, version } : meta));
        }
        void client.invalidateQueries({ queryKey: queryKeys.article(articleId), exact: true });
        void client.invalidateQueries({ queryKey: queryKeys.publication(articleId), exact: true });
      }
      return result;
    },
    [client, articleId],
  );
}
