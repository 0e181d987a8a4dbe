'use client';

import * as Tabs from '@radix-ui/react-tabs';
import { ClaimHistory } from '@/components/review/claim-history';
import { CommentThread } from '@/components/review/comment-thread';
import { ReviewerVerdicts } from '@/components/review/reviewer-verdicts';
import { Button } from '@/components/ui/button';
import { useComments } from '@/components/workbench/queries';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { ClaimTab } from '@/components/workbench/workbench-store';
import { isExcluded } from '@/lib/publishing/gate';
import { AlreadyChecked } from './already-checked';
import { ClaimExclusion } from './claim-exclusion';
import { ClaimForm } from './claim-form';
import { ReplyLog } from './reply-log';
import { SourceList } from './source-list';
import { useDraftVerdictLevel } from './use-claim-edits';
import { VerdictChip } from './verdict-chip';

const TABS: Array<{ id: ClaimTab; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'discussion', label: 'Discussion' },
  { id: 'verdicts', label: 'Verdicts' },
  { id: 'history', label: 'History' },
];

const tabClass =
  '-mb-px border-b-2 border-transparent px-2.5 py-2 text-sm text-[var(--color-muted)] hover:text-[var(--color-ink)] data-[state=active]:border-[var(--color-accent)] data-[state=active]:font-semibold data-[state=active]:text-[var(--color-ink)]';
/** Inactive panels stay mounted (hidden) so drafts in them survive a tab switch. */
const keptPanelClass = 'data-[state=inactive]:hidden';

/** One claim: its stable number and verdict, then Details, Discussion, Verdicts and History tabs. */
export function ClaimDetail({ claim }: { claim: ClaimDto }) {
  const openTab = useWorkbench((s) => s.openTab);
  const closeClaim = useWorkbench((s) => s.closeClaim);
  const { number } = claim;
  const comments = useComments(claim.id).data;
  const commentCount = comments?.filter((c) => !c.deleted).length ?? 0;
  const level = useDraftVerdictLevel(claim);

  return (
    <div data-testid="claim-detail">
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-[var(--color-line)] bg-white px-5 py-3">
        <Button variant="ghost" size="sm" onClick={closeClaim} aria-label="Back to all claims">
          ← All claims
        </Button>
        <h2 className="text-base font-semibold" data-testid="claim-number">
          Claim {number}
        </h2>
        <span className="ml-auto flex items-center gap-1.5">
          {isExcluded(claim) && (
            <span className="rounded bg-gray-200 px-1.5 text-xs font-semibold text-gray-800" title={`Excluded from the fact-check: ${claim.exclusionReason}`}>
              Excluded
            </span>
          )}
          <VerdictChip level={level} hidden={claim.verdictHidden} />
        </span>
      </div>
      <Tabs.Root defaultValue={openTab}>
        <Tabs.List aria-label="Claim sections" className="flex gap-1 border-b border-[var(--color-line)] px-4">
          {TABS.map((t) => (
            <Tabs.Trigger key={t.id} value={t.id} className={tabClass}>
              {t.label}
              {t.id === 'discussion' && commentCount > 0 && <span className="ml-1 rounded-full bg-gray-100 px-1.5 text-xs font-normal tabular-nums">{commentCount}</span>}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="details" forceMount className={keptPanelClass}>
          <AlreadyChecked claim={claim} />
          <ClaimForm claim={claim} number={number} />
          <ClaimExclusion claim={claim} />
          <SourceList claim={claim} />
          <ReplyLog claimId={claim.id} />
        </Tabs.Content>
        <Tabs.Content value="discussion" forceMount className={keptPanelClass}>
          <CommentThread claimId={claim.id} />
        </Tabs.Content>
        <Tabs.Content value="verdicts" forceMount className={keptPanelClass}>
          <ReviewerVerdicts claimId={claim.id} />
        </Tabs.Content>
        <Tabs.Content value="history">
          <ClaimHistory claimId={claim.id} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
