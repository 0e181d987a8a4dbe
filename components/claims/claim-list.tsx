'use client';

import { useMemo } from 'react';
import { AgreementCard } from '@/components/review/agreement-card';
import { ArticleAssignees } from '@/components/review/article-assignees';
import { scrollToClaim } from '@/components/workbench/scroll-to-claim';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { PresenceViewer } from '@/lib/events/types';
import { matchesClaimFilters } from '@/lib/review/claim-filters';
import { hasUnsavedEdits } from './claim-draft';
import { ClaimFilters } from './claim-filters';
import { ClaimListItem } from './claim-list-item';

/** All claims in reading order, with assignment, agreement and filters above them. */
export function ClaimList() {
  const { ordered } = useClaimOrder();
  const ranges = useWorkbench((s) => s.ranges);
  const drafts = useWorkbench((s) => s.drafts);
  const verdict = useWorkbench((s) => s.verdictFilter);
  const status = useWorkbench((s) => s.statusFilter);
  const viewers = useWorkbench((s) => s.viewers);
  const userId = useWorkbench((s) => s.user.id);
  const openClaim = useWorkbench((s) => s.openClaim);
  const viewersByClaim = useMemo(() => {
    const map = new Map<string, PresenceViewer[]>();
    for (const v of viewers) if (v.userId !== userId && v.openClaimId) map.set(v.openClaimId, [...(map.get(v.openClaimId) ?? []), v]);
    return map;
  }, [viewers, userId]);
  const shown = ordered.filter((c) => matchesClaimFilters(c, ranges.has(c.id), { verdict, status }));
  const total = ordered.length;

  return (
    <div>
      <div className="sticky top-0 z-10 border-b border-[var(--color-line)] bg-white px-5 pt-5 pb-3">
        <div className="mb-3 space-y-2">
          <ArticleAssignees />
          <AgreementCard />
        </div>
        <h2 className="text-base font-semibold">
          Claims <span className="font-normal text-[var(--color-muted)]">({shown.length === total ? total : `${shown.length} of ${total}`})</span>
        </h2>
        <ClaimFilters anyHidden={ordered.some((c) => c.verdictHidden)} />
      </div>
      {shown.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-[var(--color-muted)]">{total === 0 ? 'No claims yet. Select words in the article and press “Mark claim”.' : 'No claims match these filters.'}</p>
      ) : (
        <ol className="divide-y divide-[var(--color-line)]" aria-label="Claims in text order">
          {shown.map((claim) => (
            <li key={claim.id}>
              <ClaimListItem
                claim={claim}
                orphaned={!ranges.has(claim.id)}
                unsaved={hasUnsavedEdits(claim, drafts[claim.id])}
                viewers={viewersByClaim.get(claim.id) ?? []}
                onOpen={() => {
                  openClaim(claim.id);
                  scrollToClaim(claim.id);
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
