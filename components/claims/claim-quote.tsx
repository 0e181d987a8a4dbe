'use client';

import { Button } from '@/components/ui/button';
import { useArticleLocked } from '@/components/workbench/queries';
import type { ClaimDto } from '@/components/workbench/types';
import { PENDING_COLOR } from '@/components/workbench/types';
import { useClaimSpan } from '@/components/workbench/use-claim-span';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import { partsOfRow } from '@/lib/editor/claim-rows';
import { ClaimReattach } from './claim-reattach';
import { useDraftVerdictLevel } from './use-claim-edits';

/**
 * The quoted words with "Change words" (or, for an orphan, the original quote, why, and where it
 * might be now: see ClaimReattach). A claim of several parts lists them ("Part 1: “…”"), each
 * with its state, "Change words" and "Remove part".
 */
export function ClaimQuote({ claim, orphaned }: { claim: ClaimDto; orphaned: boolean }) {
  const color = useDraftVerdictLevel(claim)?.color ?? PENDING_COLOR;
  const role = useWorkbench((s) => s.user.role);
  const choosing = useWorkbench((s) => (s.spanMode?.claimId === claim.id ? s.spanMode.partIndex : undefined));
  const locked = useArticleLocked();
  const editable = can(role, 'claim:update') && !locked;
  const { startChoosing, cancelChoosing, removePart } = useClaimSpan();
  const parts = partsOfRow(claim);

  if (parts.length <= 1) {
    const part = parts[0]!;
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
        {editable && !orphaned && (
          <div className="flex flex-wrap items-center gap-2">
            <ChangeWordsButton active={choosing === null} onStart={() => startChoosing(claim.id, null)} onCancel={cancelChoosing} label="Change words" />
            <span className="text-xs text-[var(--color-muted)]">To add words elsewhere, select them and press Add part.</span>
          </div>
        )}
        {orphaned && <ClaimReattach claimId={claim.id} part={part} partIndex={0} choosingIndex={null} editable={editable} />}
      </>
    );
  }

  const gone = parts.filter((p) => p.anchorState === 'orphaned').length;
  return (
    <>
      {gone > 0 && (
        <div role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <strong className="font-semibold">{gone === parts.length ? 'Orphaned.' : 'Partly orphaned.'}</strong>{' '}
          {gone === parts.length ? 'None of the parts of this claim are in the article any more.' : `${gone} of ${parts.length} parts are no longer in the article.`} Their words are kept below.
        </div>
      )}
      <section aria-label="Parts of the claim">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-[var(--color-muted)]">Quote in {parts.length} parts</h3>
        <ol className="mt-1 space-y-3" data-testid="claim-parts">
          {parts.map((part, i) => (
            <li key={i} data-testid="claim-part" data-state={part.anchorState}>
              <p className="flex items-center gap-2 text-xs font-medium">
                <span>Part {i + 1}</span>
                {part.anchorState === 'orphaned' && <span className="rounded bg-red-50 px-1.5 font-medium text-red-800">Orphaned</span>}
              </p>
              <blockquote className="mt-0.5 border-l-4 pl-3 font-serif text-[15px] leading-relaxed" style={{ borderColor: part.anchorState === 'orphaned' ? '#b91c1c' : color }} dir="auto" data-testid="claim-part-quote">
                <span className="sr-only">Part {i + 1}: </span>“{part.quote.exact}”
              </blockquote>
              {editable && (
                <div className="mt-1 flex gap-1">
                  {part.anchorState === 'anchored' && (
                    <ChangeWordsButton active={choosing === i} onStart={() => startChoosing(claim.id, i)} onCancel={cancelChoosing} label={`Change words of part ${i + 1}`} />
                  )}
                  <Button variant="ghost" size="sm" onClick={() => void removePart(claim.id, i)} aria-label={`Remove part ${i + 1}`}>
                    Remove part
                  </Button>
                </div>
              )}
              {part.anchorState === 'orphaned' && <ClaimReattach claimId={claim.id} part={part} partIndex={i} choosingIndex={i} editable={editable} />}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function ChangeWordsButton({ active, onStart, onCancel, label }: { active: boolean; onStart: () => void; onCancel: () => void; label: string }) {
  return active ? (
    <Button variant="secondary" size="sm" onClick={onCancel} aria-label="Cancel changing words">
      Cancel changing words
    </Button>
  ) : (
    <Button variant="secondary" size="sm" onClick={onStart} aria-label={label}>
      Change words
    </Button>
  );
}
