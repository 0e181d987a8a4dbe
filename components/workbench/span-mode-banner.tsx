'use client';

import { Button } from '@/components/ui/button';
import { useClaims } from './queries';
import { useClaimSpan } from './use-claim-span';
import { useWorkbench } from './workbench-context';

/**
 * While choosing new words for a claim: what to do, and Confirm / Cancel. Enter (in the text)
 * confirms and Esc cancels too, so it works from the keyboard alone: Shift+arrows select.
 */
export function SpanModeBanner() {
  const mode = useWorkbench((s) => s.spanMode);
  const claim = useClaims().find((c) => c.id === mode?.claimId);
  const { confirmChoosing, cancelChoosing } = useClaimSpan();
  if (!mode) return null;
  const what = mode.partIndex === null ? `claim ${claim?.number ?? ''}` : `part ${mode.partIndex + 1} of claim ${claim?.number ?? ''}`;
  return (
    <div role="region" aria-label="Choosing new words" data-testid="span-mode-banner" className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950">
      <p className="min-w-0 flex-1" aria-live="polite">
        <strong className="font-semibold">Changing the words of {what.trim()}.</strong> Select the new words in the article, then press Confirm (or Enter). Cancel (Esc) keeps the
        old words.
      </p>
      <Button size="sm" onClick={() => void confirmChoosing()} aria-keyshortcuts="Enter">
        Confirm
      </Button>
      <Button size="sm" variant="secondary" onClick={cancelChoosing} aria-keyshortcuts="Escape">
        Cancel
      </Button>
    </div>
  );
}
