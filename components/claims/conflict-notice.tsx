'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { draftOf, type ClaimDraft } from './claim-draft';

const FIELD_LABELS: Record<keyof ClaimDraft, string> = {
  claimText: 'Claim statement',
  claimant: 'Claimant',
  claimDate: 'Date made',
  claimAppearance: 'Where made',
  verdictId: 'Verdict',
  rationale: 'Rationale',
  status: 'Status',
};

/**
 * Shown when a save is refused because someone else saved first: both versions side by side,
 * nothing discarded until the user chooses.
 */
export function ConflictNotice({ mine, theirs, onKeepTheirs, onReapplyMine }: { mine: ClaimDraft; theirs: ClaimDto; onKeepTheirs: () => void; onReapplyMine: () => void }) {
  const levels = useWorkbench((s) => s.levels);
  const theirsDraft = draftOf(theirs);
  const show = (key: keyof ClaimDraft, value: string | null) => (key === 'verdictId' ? (levels.find((l) => l.id === value)?.label ?? 'Pending') : value || '—');
  const differing = (Object.keys(FIELD_LABELS) as Array<keyof ClaimDraft>).filter((k) => mine[k] !== theirsDraft[k]);
  const ref = useRef<HTMLDivElement>(null);
  // Bring the choice to the user: it appears where they pressed Save, scrolled into view and focused.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [theirs.version]);
  return (
    <div ref={ref} tabIndex={-1} role="alertdialog" aria-labelledby="conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="conflict-notice">
      <p id="conflict-title" className="font-semibold text-amber-950">
        Someone else saved this claim while you were editing.
      </p>
      <p className="mt-1 text-amber-900">Your edits are kept. Compare and choose:</p>
      <dl className="mt-3 space-y-2">
        {differing.map((key) => (
          <div key={key}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-amber-900">{FIELD_LABELS[key]}</dt>
            <dd className="grid grid-cols-2 gap-2">
              <span className="rounded bg-white p-2" data-testid="conflict-theirs">
                <span className="block text-[11px] text-[var(--color-muted)]">Theirs</span>
                {show(key, theirsDraft[key])}
              </span>
              <span className="rounded bg-white p-2" data-testid="conflict-mine">
                <span className="block text-[11px] text-[var(--color-muted)]">Yours</span>
                {show(key, mine[key])}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex gap-2">
        <Button size="sm" onClick={onReapplyMine}>
          Re-apply mine
        </Button>
        <Button size="sm" variant="secondary" onClick={onKeepTheirs}>
          Keep theirs
        </Button>
      </div>
    </div>
  );
}
