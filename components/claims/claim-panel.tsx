'use client';

import { useMemo, useState } from 'react';
import type { ClaimDto, ScaleLevel, SourceDto, WorkbenchUser } from '@/components/workbench/types';
import type { RefreshKeys } from '@/components/workbench/use-live-review';
import type { AssignmentDto } from '@/lib/domain/review';
import type { MemberDto } from '@/lib/domain/workspaces';
import type { PresenceViewer } from '@/lib/events/types';
import { draftOf } from './conflict-notice';
import { ClaimDetail, NO_EDITS, type ClaimEditState, type ClaimTab } from './claim-detail';
import { ClaimList } from './claim-list';
import { matchesClaimFilters, type StatusFilter, type VerdictFilter } from '@/lib/review/claim-filters';

export interface ClaimPanelProps {
  claims: ClaimDto[];
  anchoredIds: Map<string, unknown>;
  levels: ScaleLevel[];
  activeId: string | null;
  user: WorkbenchUser;
  onSelect: (claimId: string) => void;
  onClose: () => void;
  onClaimChange: (claim: ClaimDto) => void;
  onSourcesChange: (claimId: string, update: (sources: SourceDto[]) => SourceDto[]) => void;
  onClaimDelete: (claimId: string) => void;
  notify: (text: string, tone?: 'success' | 'error') => void;
  articleId: string;
  members: MemberDto[];
  assignments: AssignmentDto[];
  onAssignmentsChanged: () => void;
  refreshKeysFor: (claimId: string) => RefreshKeys;
  onVoted: (claimId: string) => void;
  /** Colleagues on this article, by the claim they have open. */
  viewersByClaim: Map<string, PresenceViewer[]>;
  /** Shown above the list: agreement, presence. */
  header?: React.ReactNode;
  initialTab: ClaimTab;
}

export type { StatusFilter, VerdictFilter } from '@/lib/review/claim-filters';

export function ClaimPanel({ claims, anchoredIds, levels, activeId, user, onSelect, onClose, onClaimChange, onSourcesChange, onClaimDelete, notify, articleId, members, assignments, onAssignmentsChanged, refreshKeysFor, onVoted, viewersByClaim, header, initialTab }: ClaimPanelProps) {
  const [verdictFilter, setVerdictFilter] = useState<VerdictFilter>('all');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('all');
  const [drafts, setDrafts] = useState<Record<string, ClaimEditState>>({});
  const unsaved = useMemo(() => {
    const ids = new Set<string>();
    for (const claim of claims) {
      const edits = drafts[claim.id]?.edits;
      if (!edits) continue;
      const base = draftOf(claim);
      if ((Object.keys(edits) as Array<keyof typeof edits>).some((k) => edits[k] !== base[k])) ids.add(claim.id);
    }
    return ids;
  }, [drafts, claims]);
  const numbers = useMemo(() => new Map(claims.map((c, i) => [c.id, i + 1])), [claims]);
  const active = claims.find((c) => c.id === activeId) ?? null;

  const filtered = claims.filter((c) => matchesClaimFilters(c, anchoredIds.has(c.id), { verdict: verdictFilter, status: statusFilter }));

  return (
    <aside aria-label="Claims" className="bg-white lg:sticky lg:top-14 lg:h-[calc(100vh-3.5rem)] lg:overflow-y-auto" data-testid="claim-panel">
      {active ? (
        <ClaimDetail
          key={active.id}
          claim={active}
          number={numbers.get(active.id) ?? 0}
          orphaned={!anchoredIds.has(active.id)}
          levels={levels}
          user={user}
          onBack={onClose}
          onChange={onClaimChange}
          onSourcesChange={onSourcesChange}
          onDelete={onClaimDelete}
          notify={notify}
          articleId={articleId}
          members={members}
          assignments={assignments}
          onAssignmentsChanged={onAssignmentsChanged}
          refreshKeys={refreshKeysFor(active.id)}
          onVoted={() => onVoted(active.id)}
          initialTab={initialTab}
          editState={drafts[active.id] ?? NO_EDITS}
          onEditState={(update) => setDrafts((all) => ({ ...all, [active.id]: update(all[active.id] ?? NO_EDITS) }))}
        />
      ) : (
        <ClaimList
          header={header}
          viewersByClaim={viewersByClaim}
          unsaved={unsaved}
          claims={filtered}
          total={claims.length}
          numbers={numbers}
          anchoredIds={anchoredIds}
          levels={levels}
          verdictFilter={verdictFilter}
          statusFilter={statusFilter}
          anyHidden={claims.some((c) => c.verdictHidden)}
          onVerdictFilter={setVerdictFilter}
          onStatusFilter={setStatusFilter}
          onSelect={onSelect}
        />
      )}
    </aside>
  );
}
