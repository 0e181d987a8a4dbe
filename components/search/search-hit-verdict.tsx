import { VerdictChipView } from '@/components/claims/verdict-chip';
import type { ScaleLevel } from '@/components/workbench/types';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { SearchHit } from '@/lib/search/types';

/**
 * The decision of a hit's claim: its verdict chip and status, or — under blind review, before the
 * viewer's own verdict — the blind-review phrase instead of both.
 */
export function SearchHitVerdict({ claim, levels }: { claim: NonNullable<SearchHit['claim']>; levels: readonly ScaleLevel[] }) {
  if (claim.decisionHidden) {
    return (
      <span className="inline-flex items-center rounded-full bg-gray-100 px-2 py-0.5 text-[11px] font-medium text-[var(--color-muted)]" data-testid="search-hit-hidden">
        {HIDDEN_UNTIL_VERDICT}
      </span>
    );
  }
  // The workspace's own level when it is known (its glyph); else the label and colour the hit carries.
  const level = claim.verdict ? (levels.find((l) => l.id === claim.verdict!.id) ?? { ...claim.verdict, key: claim.verdict.id, description: '', value: null, position: 0 }) : null;
  return (
    <span className="inline-flex items-center gap-2">
      <VerdictChipView level={level} levels={levels} size="sm" />
      {claim.status && <span className="text-xs text-[var(--color-muted)]">{CLAIM_STATUS_LABELS[claim.status]}</span>}
    </span>
  );
}
