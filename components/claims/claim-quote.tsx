'use client';

import type { ClaimDto } from '@/components/workbench/types';
import { PENDING_COLOR } from '@/components/workbench/types';
import { useDraftVerdictLevel } from './use-claim-edits';

/** The quoted words (or, for an orphan, the original quote with a note why). */
export function ClaimQuote({ claim, orphaned }: { claim: ClaimDto; orphaned: boolean }) {
  const color = useDraftVerdictLevel(claim)?.color ?? PENDING_COLOR;
  return (
    <>
      {orphaned && (
        <div role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <strong className="font-semibold">Orphaned.</strong> The words this claim was made on are no longer in the article. Original quote kept below.
        </div>
      )}
      <figure>
        <figcaption className="text-xs font-semibold uppercase tracking-wide text-[var(--color-muted)]">{orphaned ? 'Original quote' : 'Quote'}</figcaption>
        <blockquote className="mt-1 border-l-4 pl-3 font-serif text-[15px] leading-relaxed" style={{ borderColor: color }} dir="auto" data-testid="claim-quote">
          {orphaned ? claim.originalQuote : claim.quote.exact}
        </blockquote>
      </figure>
    </>
  );
}
