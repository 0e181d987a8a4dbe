'use client';

import { Button } from '@/components/ui/button';
import { percentOf, reasonEffect } from './suggestion-rules';
import type { SuggestionView } from './types';

/**
 * The score and reasons of one suggestion, in words, with Accept / Dismiss for those who may decide
 * (reviewers and up). Shown on hover, on a click, and when the keyboard moves to the suggestion.
 */
export function SuggestionCard({
  suggestion,
  index,
  count,
  canDecide,
  busy,
  onAccept,
  onDismiss,
  onClose,
}: {
  suggestion: SuggestionView;
  index: number;
  count: number;
  canDecide: boolean;
  busy: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onClose: () => void;
}) {
  const percent = percentOf(suggestion.score);
  const titleId = `suggestion-card-${suggestion.id}`;
  return (
    <section
      aria-labelledby={titleId}
      data-testid="suggestion-card"
      data-suggestion-id={suggestion.id}
      className="rounded-lg border border-[var(--color-line)] bg-white p-3 text-sm shadow-lg"
      style={{ borderTop: '3px dashed #0b6e79' }}
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={titleId} className="text-sm font-semibold">
          Worth checking? <span data-testid="suggestion-score">{percent}%</span>
          <span className="sr-only"> check-worthy</span>
        </h2>
        <span className="flex shrink-0 items-center gap-1 text-xs text-[var(--color-muted)]">
          {index >= 0 ? `Suggestion ${index + 1} of ${count}` : 'Suggestion'}
          <button
            type="button"
            onClick={onClose}
            aria-label="Close suggestion"
            className="-my-1 ml-1 inline-flex h-6 w-6 items-center justify-center rounded text-[var(--color-ink)] hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-[var(--color-accent)]"
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      </div>
      <div className="mt-1.5 h-1.5 w-full overflow-hidden rounded bg-gray-100" aria-hidden="true">
        <div className="h-full rounded bg-[#0b6e79]" style={{ width: `${percent}%` }} />
      </div>
      {suggestion.reasons.length > 0 ? (
        <ul className="mt-2 space-y-1" aria-label="Reasons" data-testid="suggestion-reasons">
          {suggestion.reasons.map((r, i) => {
            const effect = reasonEffect(r.cue);
            return (
              <li key={`${r.cue}-${r.start}-${i}`} className="flex gap-1.5">
                <span aria-hidden="true" className={effect === 'raises' ? 'font-bold text-[#0b6e79]' : 'font-bold text-[var(--color-muted)]'}>
                  {effect === 'raises' ? '+' : '−'}
                </span>
                <span>
                  {r.label}
                  {effect === 'lowers' && <span className="text-[var(--color-muted)]"> (lowers the score)</span>}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-2 text-[var(--color-muted)]">No single cue stands out; the sentence&apos;s length and mix of cues put it above the threshold.</p>
      )}
      {suggestion.claimant && (
        <p className="mt-2 text-xs text-[var(--color-muted)]">
          Claimant if accepted: <span className="font-medium text-[var(--color-ink)]">{suggestion.claimant}</span>
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {canDecide ? (
          <>
            <Button size="sm" onClick={onAccept} disabled={busy} aria-keyshortcuts="A">
              Accept as claim
            </Button>
            <Button size="sm" variant="secondary" onClick={onDismiss} disabled={busy} aria-keyshortcuts="D">
              Dismiss
            </Button>
            <span className="ml-auto hidden text-xs text-[var(--color-muted)] sm:inline">
              Keys: <kbd className="font-mono">A</kbd> accept, <kbd className="font-mono">D</kbd> dismiss, <kbd className="font-mono">N</kbd>/<kbd className="font-mono">P</kbd> move
            </span>
          </>
        ) : (
          <span className="text-xs text-[var(--color-muted)]">Reviewers accept or dismiss suggestions.</span>
        )}
      </div>
    </section>
  );
}
