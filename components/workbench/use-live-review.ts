'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssignmentDto } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';
import type { ArticleUpdatedEvent, EntityEvent, PresenceViewer } from '@/lib/events/types';
import type { ClaimDto } from './types';
import { useArticleEvents, type LiveStatus } from './use-article-events';

export interface RefreshKeys {
  comments: number;
  verdicts: number;
  history: number;
}

export interface LiveReviewOptions {
  articleId: string;
  initialCursor: string | null;
  activeClaimId: string | null;
  initialAssignments: AssignmentDto[];
  /** Replace or insert one claim (fresh from the server), or remove it (null). */
  onClaim: (claimId: string, claim: ClaimDto | null, actorId: string | null) => void;
  /** The article row changed elsewhere (text, status or blind review). */
  onArticleUpdated: (event: ArticleUpdatedEvent) => void;
  /** Missed too much: reload article and claims. */
  onResync: () => void;
}

/**
 * The team-review side of the workbench: turns live events into refetches through the normal,
 * authorised routes (events carry ids only), tracks presence, and tells the open claim's tabs
 * when their data changed.
 */
export function useLiveReview({ articleId, initialCursor, activeClaimId, initialAssignments, onClaim, onArticleUpdated, onResync }: LiveReviewOptions) {
  const [viewers, setViewers] = useState<PresenceViewer[]>([]);
  const [assignments, setAssignments] = useState(initialAssignments);
  const [keys, setKeys] = useState<Record<string, RefreshKeys>>({});
  // Bumped on resync: every claim's tabs refetch, including ones whose own counters never moved.
  const [generation, setGeneration] = useState(0);
  const [agreementKey, setAgreementKey] = useState(0);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const callbacks = useRef({ onClaim, onArticleUpdated, onResync });
  useEffect(() => {
    callbacks.current = { onClaim, onArticleUpdated, onResync };
  });

  const bump = useCallback((claimId: string, ...parts: Array<keyof RefreshKeys>) => {
    setKeys((all) => {
      const current = all[claimId] ?? { comments: 0, verdicts: 0, history: 0 };
      const next = { ...current };
      for (const part of parts) next[part] += 1;
      return { ...all, [claimId]: next };
    });
  }, []);

  const reloadAssignments = useCallback(async () => {
    const result = await apiFetch<{ assignments: AssignmentDto[] }>(`/api/articles/${articleId}/assignments`);
    if (result.ok) setAssignments(result.data.assignments);
  }, [articleId]);

  const refetchClaim = useCallback(async (claimId: string, actorId: string | null) => {
    const result = await apiFetch<{ claim: ClaimDto }>(`/api/claims/${claimId}`);
    if (result.ok) callbacks.current.onClaim(claimId, result.data.claim, actorId);
    else if (result.status === 404) callbacks.current.onClaim(claimId, null, actorId);
  }, []);

  const status: LiveStatus = useArticleEvents(articleId, initialCursor, {
    onEntity: (event: EntityEvent) => {
      const claimId = event.claimId;
      switch (event.type) {
        case 'claim.deleted':
          callbacks.current.onClaim(event.entityId, null, event.actorId);
          setAgreementKey((k) => k + 1);
          return;
        case 'claim.created':
        case 'claim.updated':
        case 'source.created':
        case 'source.updated':
        case 'source.deleted':
          if (claimId) {
            void refetchClaim(claimId, event.actorId);
            bump(claimId, 'history');
          }
          return;
        case 'comment.created':
        case 'comment.updated':
        case 'comment.deleted':
          if (claimId) bump(claimId, 'comments', 'history');
          return;
        case 'verdict.created':
        case 'verdict.updated':
        case 'verdict.deleted':
          if (claimId) bump(claimId, 'verdicts', 'history');
          setAgreementKey((k) => k + 1);
          return;
        case 'assignment.created':
        case 'assignment.deleted':
          void reloadAssignments();
          return;
      }
    },
    onArticleUpdated: (event) => callbacks.current.onArticleUpdated(event),
    onPresence: setViewers,
    onResync: () => {
      callbacks.current.onResync();
      void reloadAssignments();
      setGeneration((g) => g + 1);
      setAgreementKey((k) => k + 1);
    },
    onReady: setConnectionId,
  });

  // Tell the others which claim this tab has open.
  useEffect(() => {
    if (!connectionId) return;
    void apiFetch(`/api/articles/${articleId}/presence`, { method: 'POST', body: { openClaimId: activeClaimId, connectionId } });
  }, [articleId, activeClaimId, connectionId]);

  const keysFor = useCallback(
    (claimId: string): RefreshKeys => {
      const own = keys[claimId] ?? { comments: 0, verdicts: 0, history: 0 };
      return { comments: own.comments + generation, verdicts: own.verdicts + generation, history: own.history + generation };
    },
    [keys, generation],
  );

  return { status, viewers, assignments, reloadAssignments, keysFor, bump, agreementKey, refetchClaim };
}
