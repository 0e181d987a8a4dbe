'use client';

import { useWorkbench } from '@/components/workbench/workbench-context';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { StatusFilter } from '@/lib/review/claim-filters';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import { withClaimFilters, type ClaimFilterValues } from './claim-filters-url';

/**
 * Replaces the URL's filter parameters, keeping the rest (`claim`, `tab`…). The native history API:
 * Next keeps its router in step, and unlike router.replace it does not re-render the page on the
 * server (the article, its text and claims) for a change that only filters the list in the browser.
 */
function writeClaimFiltersToUrl(filters: ClaimFilterValues): void {
  const { pathname, search, hash } = window.location;
  window.history.replaceState(null, '', `${pathname}${withClaimFilters(search, filters)}${hash}`);
}

const selectClass = 'mt-1 h-8 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm text-[var(--color-ink)]';

/** Verdict and status filters of the claim list; "hidden" is offered when blind review hides some decisions from me. */
export function ClaimFilters({ anyHidden }: { anyHidden: boolean }) {
  const levels = useWorkbench((s) => s.levels);
  const verdictFilter = useWorkbench((s) => s.verdictFilter);
  const statusFilter = useWorkbench((s) => s.statusFilter);
  const setVerdictFilter = useWorkbench((s) => s.setVerdictFilter);
  const setStatusFilter = useWorkbench((s) => s.setStatusFilter);
  // The filters live in the URL too (a filtered list can be linked and reloaded); the store stays the source the list reads.
  const setFilters = (next: ClaimFilterValues) => {
    setVerdictFilter(next.verdict);
    setStatusFilter(next.status);
    writeClaimFiltersToUrl(next);
  };
  return (
    <div className="mt-3 grid grid-cols-2 gap-2">
      <label className="text-xs font-medium text-[var(--color-muted)]">
        Verdict
        <select value={verdictFilter} onChange={(e) => setFilters({ verdict: e.target.value, status: statusFilter })} className={selectClass} data-testid="filter-verdict">
          <option value="all">All verdicts</option>
          <option value="pending">Pending</option>
          {(anyHidden || verdictFilter === 'hidden') && <option value="hidden">{HIDDEN_UNTIL_VERDICT}</option>}
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-[var(--color-muted)]">
        Status
        <select value={statusFilter} onChange={(e) => setFilters({ verdict: verdictFilter, status: e.target.value as StatusFilter })} className={selectClass} data-testid="filter-status">
          <option value="all">All statuses</option>
          <option value="open">{CLAIM_STATUS_LABELS.open}</option>
          <option value="in_review">{CLAIM_STATUS_LABELS.in_review}</option>
          <option value="resolved">{CLAIM_STATUS_LABELS.resolved}</option>
          <option value="orphaned">Orphaned</option>
          {(anyHidden || statusFilter === 'hidden') && <option value="hidden">{HIDDEN_UNTIL_VERDICT}</option>}
        </select>
      </label>
    </div>
  );
}
