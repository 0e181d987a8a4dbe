'use client';

import { useWorkbench } from '@/components/workbench/workbench-context';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { StatusFilter } from '@/lib/review/claim-filters';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';

const selectClass = 'mt-1 h-8 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm text-[var(--color-ink)]';

/** Verdict and status filters of the claim list; "hidden" is offered when blind review hides some decisions from me. */
export function ClaimFilters({ anyHidden }: { anyHidden: boolean }) {
  const levels = useWorkbench((s) => s.levels);
  const verdictFilter = useWorkbench((s) => s.verdictFilter);
  const statusFilter = useWorkbench((s) => s.statusFilter);
  const setVerdictFilter = useWorkbench((s) => s.setVerdictFilter);
  const setStatusFilter = useWorkbench((s) => s.setStatusFilter);
  return (
    <div className="mt-3 grid grid-cols-2 gap-2">
      <label className="text-xs font-medium text-[var(--color-muted)]">
        Verdict
        <select value={verdictFilter} onChange={(e) => setVerdictFilter(e.target.value)} className={selectClass} data-testid="filter-verdict">
          <option value="all">All verdicts</option>
          <option value="pending">Pending</option>
          {anyHidden && <option value="hidden">{HIDDEN_UNTIL_VERDICT}</option>}
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-[var(--color-muted)]">
        Status
        <select value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as StatusFilter)} className={selectClass} data-testid="filter-status">
          <option value="all">All statuses</option>
          <option value="open">{CLAIM_STATUS_LABELS.open}</option>
          <option value="in_review">{CLAIM_STATUS_LABELS.in_review}</option>
          <option value="resolved">{CLAIM_STATUS_LABELS.resolved}</option>
          <option value="orphaned">Orphaned</option>
          {anyHidden && <option value="hidden">{HIDDEN_UNTIL_VERDICT}</option>}
        </select>
      </label>
    </div>
  );
}
