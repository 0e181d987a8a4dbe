'use client';

import { colorFor } from '@/components/review/presence-bar';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { joinPartQuotes } from '@/lib/claims/parts';
import { partsOfRow, sourceCountOf, type ClaimRow } from '@/lib/editor/claim-rows';
import type { PresenceViewer } from '@/lib/events/types';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import { isExcluded } from '@/lib/publishing/gate';
import { VerdictChip } from './verdict-chip';

export interface ClaimListItemProps {
  claim: ClaimRow;
  orphaned: boolean;
  /** Edits not yet saved (kept while you look at other claims). */
  unsaved: boolean;
  /** Colleagues who have this claim open. */
  viewers: PresenceViewer[];
  onOpen: () => void;
}

/** One claim in the list, under its stable number ("#4"), whatever its place in the text. */
export function ClaimListItem({ claim, orphaned, unsaved, viewers, onOpen }: ClaimListItemProps) {
  const level = useWorkbench((s) => (claim.verdictId ? s.levels.find((l) => l.id === claim.verdictId) : null));
  const excluded = isExcluded(claim);
  const sourceCount = sourceCountOf(claim);
  const parts = partsOfRow(claim);
  // Some parts found, some gone (the server's state; a claim with none found is `orphaned`).
  const partlyOrphaned = !orphaned && claim.anchorState === 'partial';
  return (
    <button
      type="button"
      onClick={onOpen}
      className={`flex w-full gap-3 px-5 py-3.5 text-left hover:bg-gray-50 focus-visible:bg-gray-50 ${excluded ? 'opacity-70' : ''}`}
      data-testid="claim-list-item"
      data-claim-id={claim.id}
      data-claim-number={claim.number}
    >
      <span className="mt-0.5 w-8 shrink-0 text-right text-sm font-semibold tabular-nums text-[var(--color-muted)]" data-testid="claim-number">
        #{claim.number}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-1.5">
          {excluded ? (
            <span className="rounded bg-gray-200 px-1.5 text-xs font-medium text-gray-800" title={`Excluded from the fact-check: ${claim.exclusionReason}`} data-testid="claim-excluded-badge">
              Excluded
            </span>
          ) : (
            <VerdictChip level={level} hidden={claim.verdictHidden} size="sm" />
          )}
          <span className="text-xs text-[var(--color-muted)]" data-testid="claim-list-status">
            {claim.status === null ? HIDDEN_UNTIL_VERDICT : CLAIM_STATUS_LABELS[claim.status]}
          </span>
          {orphaned && (
            <span className="rounded bg-red-50 px-1.5 text-xs font-medium text-red-800" title="Its words are no longer in the text" data-testid="claim-orphaned-badge">
              Orphaned
            </span>
          )}
          {partlyOrphaned && (
            <span className="rounded bg-red-50 px-1.5 text-xs font-medium text-red-800" title="Some of its parts are no longer in the text" data-testid="claim-partly-orphaned-badge">
              Partly orphaned
            </span>
          )}
          {parts.length >= 2 && (
            <span className="text-xs text-[var(--color-muted)]" data-testid="claim-parts-count">
              · {parts.length} parts
            </span>
          )}
          {unsaved && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Unsaved edits</span>}
          {sourceCount > 0 && (
            <span className="text-xs text-[var(--color-muted)]">
              · {sourceCount} source{sourceCount === 1 ? '' : 's'}
            </span>
          )}
          {viewers.length > 0 && (
            <span className="ml-auto flex gap-1">
              {viewers.map((v) => (
                <span key={v.userId} className="inline-flex h-5 items-center rounded-full px-1.5 text-[10px] font-semibold text-white" style={{ backgroundColor: colorFor(v.userId) }} title={`${v.name} has this claim open`} data-testid="claim-viewer">
                  {v.name.split(' ')[0]}
                </span>
              ))}
            </span>
          )}
        </span>
        <span className="mt-1 line-clamp-2 block font-serif text-sm leading-snug" dir="auto">
          “{orphaned && claim.originalQuote ? claim.originalQuote : joinPartQuotes(parts)}”
        </span>
        {claim.claimant && <span className="mt-0.5 block text-xs text-[var(--color-muted)]">{claim.claimant}</span>}
      </span>
    </button>
  );
}
