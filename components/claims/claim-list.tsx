'use client';

import type { ClaimDto, ScaleLevel } from '@/components/workbench/types';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { STATUS_LABELS } from './labels';
import type { StatusFilter, VerdictFilter } from './claim-panel';
import { VerdictChip } from './verdict-chip';
import { colorFor } from '@/components/review/presence-bar';
import type { PresenceViewer } from '@/lib/events/types';

export interface ClaimListProps {
  header?: React.ReactNode;
  viewersByClaim: Map<string, PresenceViewer[]>;
  /** Claims with edits not yet saved (kept while you look at other claims). */
  unsaved: Set<string>;
  claims: ClaimDto[];
  total: number;
  numbers: Map<string, number>;
  anchoredIds: Map<string, unknown>;
  levels: ScaleLevel[];
  verdictFilter: VerdictFilter;
  statusFilter: StatusFilter;
  /** Blind review hides some claims' decisions from me: offer them as a filter. */
  anyHidden: boolean;
  onVerdictFilter: (v: VerdictFilter) => void;
  onStatusFilter: (v: StatusFilter) => void;
  onSelect: (claimId: string) => void;
}

export function ClaimList({ header, viewersByClaim, unsaved, claims, total, numbers, anchoredIds, levels, verdictFilter, statusFilter, anyHidden, onVerdictFilter, onStatusFilter, onSelect }: ClaimListProps) {
  const levelById = new Map(levels.map((l) => [l.id, l]));
  return (
    <div>
      <div className="sticky top-0 z-10 border-b border-[var(--color-line)] bg-white px-5 pt-5 pb-3">
        {header && <div className="mb-3 space-y-2">{header}</div>}
        <h2 className="text-base font-semibold">
          Claims <span className="font-normal text-[var(--color-muted)]">({claims.length === total ? total : `${claims.length} of ${total}`})</span>
        </h2>
        <div className="mt-3 grid grid-cols-2 gap-2">
          <label className="text-xs font-medium text-[var(--color-muted)]">
            Verdict
            <select value={verdictFilter} onChange={(e) => onVerdictFilter(e.target.value)} className="mt-1 h-8 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm text-[var(--color-ink)]" data-testid="filter-verdict">
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
            <select value={statusFilter} onChange={(e) => onStatusFilter(e.target.value as StatusFilter)} className="mt-1 h-8 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm text-[var(--color-ink)]" data-testid="filter-status">
              <option value="all">All statuses</option>
              <option value="open">{STATUS_LABELS.open}</option>
              <option value="in_review">{STATUS_LABELS.in_review}</option>
              <option value="resolved">{STATUS_LABELS.resolved}</option>
              <option value="orphaned">Orphaned</option>
              {anyHidden && <option value="hidden">{HIDDEN_UNTIL_VERDICT}</option>}
            </select>
          </label>
        </div>
      </div>
      {claims.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-[var(--color-muted)]">{total === 0 ? 'No claims yet. Select words in the article and press “Mark claim”.' : 'No claims match these filters.'}</p>
      ) : (
        <ol className="divide-y divide-[var(--color-line)]" aria-label="Claims in text order">
          {claims.map((claim) => {
            const orphaned = !anchoredIds.has(claim.id);
            return (
              <li key={claim.id}>
                <button type="button" onClick={() => onSelect(claim.id)} className="flex w-full gap-3 px-5 py-3.5 text-left hover:bg-gray-50 focus-visible:bg-gray-50" data-testid="claim-list-item" data-claim-id={claim.id}>
                  <span className="mt-0.5 w-6 shrink-0 text-right text-sm font-semibold tabular-nums text-[var(--color-muted)]">{numbers.get(claim.id)}</span>
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-center gap-1.5">
                      <VerdictChip level={claim.verdictId ? levelById.get(claim.verdictId) : null} hidden={claim.verdictHidden} size="sm" />
                      <span className="text-xs text-[var(--color-muted)]" data-testid="claim-list-status">{claim.status === null ? HIDDEN_UNTIL_VERDICT : STATUS_LABELS[claim.status]}</span>
                      {orphaned && <span className="rounded bg-red-50 px-1.5 text-xs font-medium text-red-800">Orphaned</span>}
                      {unsaved.has(claim.id) && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Unsaved edits</span>}
                      {claim.sources.length > 0 && <span className="text-xs text-[var(--color-muted)]">· {claim.sources.length} source{claim.sources.length === 1 ? '' : 's'}</span>}
                      {viewersByClaim.has(claim.id) && (
                        <span className="ml-auto flex gap-1">
                          {viewersByClaim.get(claim.id)!.map((v) => (
                            <span key={v.userId} className="inline-flex h-5 items-center rounded-full px-1.5 text-[10px] font-semibold text-white" style={{ backgroundColor: colorFor(v.userId) }} title={`${v.name} has this claim open`} data-testid="claim-viewer">
                              {v.name.split(' ')[0]}
                            </span>
                          ))}
                        </span>
                      )}
                    </span>
                    <span className="mt-1 line-clamp-2 block font-serif text-sm leading-snug" dir="auto">
                      “{orphaned ? claim.originalQuote : claim.quote.exact}”
                    </span>
                    {claim.claimant && <span className="mt-0.5 block text-xs text-[var(--color-muted)]">{claim.claimant}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
