'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ClaimPanel } from '@/components/claims/claim-panel';
import { SessionSheet } from '@/components/review-sessions/session-panel';
import { useFollowLead } from '@/components/review-sessions/use-follow-lead';
import { SuggestionLayer } from '@/components/suggestions/suggestion-layer';
import type { AssignmentDto } from '@/lib/domain/review';
import type { MemberDto } from '@/lib/domain/workspaces';
import { ArticleHeader } from './article-header';
import { ArticleLockBanner } from './article-lock-banner';
import { WorkbenchEditor } from './workbench-editor';
import { seedWorkbenchCache, useClaims } from './queries';
import type { ClaimDto, ClaimRow, ScaleLevel, WorkbenchArticle, WorkbenchUser } from './types';
import { useClaimHighlights } from './use-claim-highlights';
import { useLiveReview } from './use-live-review';
import { useLockTransitions } from './use-lock-transitions';
import { useOpenAtOffset } from './use-open-at-offset';
import { useTextSync } from './use-text-editing';
import { useWorkbenchShortcuts } from './use-workbench-shortcuts';
import { WorkbenchProvider, useWorkbench } from './workbench-context';
import type { ClaimFilterValues } from '@/components/claims/claim-filters-url';
import type { ClaimTab } from './workbench-store';

export interface ArticleWorkbenchProps {
  article: WorkbenchArticle;
  /** The claims as list rows; null when the page left a long list out (the browser fetches it). */
  initialClaims: ClaimRow[] | null;
  /** The claim the URL asked for (e.g. from My queue), in full; opened on load. */
  initialClaim: ClaimDto | null;
  levels: ScaleLevel[];
  user: WorkbenchUser;
  members: MemberDto[];
  initialAssignments: AssignmentDto[];
  /** Event-stream position at render time, so nothing between render and connect is missed. */
  initialCursor: string | null;
  /** The tab `initialClaim` opens on. */
  initialTab: ClaimTab;
  /** The claim list's filters as the URL gave them (`?verdict=…&status=…`). */
  initialFilters?: ClaimFilterValues;
  /** Open the text at this plain-text offset (`?at=…`, e.g. from a search hit). */
  initialAt?: number | null;
}

/**
 * The article workbench: the text with its claim highlights on the left, the claim panel on the
 * right. Server data lives in the query cache (seeded from the page render), client state in a
 * per-workbench store; the hooks below wire live events, highlights, text sync and shortcuts.
 */
export function ArticleWorkbench({ article, initialClaims, initialClaim, levels, user, members, initialAssignments, initialCursor, initialTab, initialFilters, initialAt = null }: ArticleWorkbenchProps) {
  const client = useQueryClient();
  // Seed before the first render below reads the cache (a state initialiser runs exactly then).
  useState(() => seedWorkbenchCache(client, article, initialClaims, initialAssignments, initialClaim));
  const activeId = initialClaim?.id ?? null;
  const initialClaimId = activeId;
  return (
    <WorkbenchProvider init={{ articleId: article.id, user, levels, members, firstPublishedAt: article.firstPublishedAt, shown: { revision: article.revision, doc: article.doc }, activeId, openTab: initialTab, verdictFilter: initialFilters?.verdict, statusFilter: initialFilters?.status }}>
      <WorkbenchLayout article={article} initialCursor={initialCursor} initialClaimId={initialClaimId} initialAt={initialAt} />
    </WorkbenchProvider>
  );
}

function WorkbenchLayout({ article, initialCursor, initialClaimId, initialAt }: { article: WorkbenchArticle; initialCursor: string | null; initialClaimId: string | null; initialAt: number | null }) {
  const editor = useWorkbench((s) => s.editor);
  const claims = useClaims();
  useLiveReview(initialCursor);
  useTextSync();
  useClaimHighlights(editor, claims, initialClaimId);
  useWorkbenchShortcuts();
  useLockTransitions();
  useOpenAtOffset(initialAt);
  useFollowLead();
  return (
    <div className="mx-auto grid max-w-[1440px] grid-cols-1 gap-0 lg:grid-cols-[minmax(0,1fr)_440px]">
      <section aria-label="Article" className="min-w-0 border-r border-[var(--color-line)] bg-[var(--color-paper)] px-6 py-8 lg:px-12">
        <div className="mx-auto max-w-[72ch]">
          <ArticleHeader article={article} />
          <ArticleLockBanner />
          <WorkbenchEditor initialDoc={article.doc} language={article.language} />
          <SuggestionLayer />
          <SessionSheet />
        </div>
      </section>
      <ClaimPanel />
    </div>
  );
}
