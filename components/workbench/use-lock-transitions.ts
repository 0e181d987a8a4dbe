'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useArticleLocked } from './queries';
import { queryKeys } from './query-keys';
import { useWorkbench } from './workbench-context';

/**
 * When the article becomes locked (published, retracted) or unlocked (reopened), by this user or
 * a colleague, the claims are refetched: publishing stamps each included claim's firstPublishedAt,
 * which decides whether it may still be deleted once the article is reopened. A plain workflow
 * step (draft ⇄ in review ⇄ ready) costs nothing here.
 */
export function useLockTransitions(): void {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const locked = useArticleLocked();
  const previous = useRef(locked);
  useEffect(() => {
    if (previous.current === locked) return;
    previous.current = locked;
    void client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true });
  }, [client, articleId, locked]);
}
