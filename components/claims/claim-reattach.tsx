'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useClaimSpan } from '@/components/workbench/use-claim-span';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { findQuoteCandidates, type QuoteCandidate } from '@/lib/anchoring/candidates';
import { codePointIndex } from '@/lib/anchoring/code-points';
import type { ClaimPart } from '@/lib/domain/claims';
import { docTextOf } from '@/lib/editor/doc-text';

/**
 * Candidates already found, per article text revision and quote: reopening a claim (or another
 * render) does not search a long text again. The shown text of a revision never changes.
 */
const found = new Map<string, QuoteCandidate[]>();
const FOUND_KEPT = 50;

function remember(key: string, candidates: QuoteCandidate[]): void {
  found.delete(key);
  found.set(key, candidates);
  while (found.size > FOUND_KEPT) found.delete(found.keys().next().value as string);
}

/**
 * Putting an orphaned claim (or an orphaned part) back on words: the closest places in the text as
 * it is now, each with the words around it and "Attach here"; or "Select words by hand". Found in
 * the browser only while this is shown and the claim can change, once per text revision, and after
 * the claim has painted (searching a long article takes a moment; opening the claim must not wait).
 */
export function ClaimReattach({ claimId, part, partIndex, choosingIndex, editable }: { claimId: string; part: ClaimPart; partIndex: number; choosingIndex: number | null; editable: boolean }) {
  const editor = useWorkbench((s) => s.editor);
  const articleId = useWorkbench((s) => s.articleId);
  const revision = useWorkbench((s) => s.shown.revision);
  // While the text is being edited the editor holds words of no saved revision: nothing to search or attach to.
  const editing = useWorkbench((s) => s.editing);
  const choosing = useWorkbench((s) => s.spanMode?.claimId === claimId && s.spanMode.partIndex === choosingIndex);
  const { attachPart, startChoosing } = useClaimSpan();
  const { exact, prefix, suffix } = part.quote;
  const start = part.position.start;
  // The shown text changes only with a new revision (review mode locks it).
  const key = JSON.stringify([articleId, revision, start, exact, prefix, suffix]);
  const [latest, setLatest] = useState<{ key: string; candidates: QuoteCandidate[] } | null>(null);
  const candidates = found.get(key) ?? (latest?.key === key ? latest.candidates : null);
  const ready = candidates !== null;

  useEffect(() => {
    if (!editable || editing || !editor || ready) return;
    // After the next paint: the claim shows at once, "Looking for the closest words…" here until the search is done.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (editor.isDestroyed) return;
        const text = docTextOf(editor.state.doc).text;
        const index = codePointIndex(text);
        const hint = index.toUtf16(Math.min(start, index.codePointLength)) ?? undefined;
        const result = findQuoteCandidates(text, { exact, prefix, suffix }, { hint });
        remember(key, result);
        setLatest({ key, candidates: result });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editable, editing, editor, ready, key, start, exact, prefix, suffix]);

  if (!editable) return null;
  if (editing) {
    return (
      <p className="mt-2 text-sm text-[var(--color-muted)]" data-testid="reattach-panel">
        Save or cancel the text edits to re-attach this claim.
      </p>
    );
  }
  return (
    <section aria-label={`Re-attach part ${partIndex + 1}`} className="mt-2 space-y-2" data-testid="reattach-panel">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-[var(--color-muted)]">Closest words in the text now</h4>
      {candidates === null ? (
        <p className="text-sm text-[var(--color-muted)]" role="status">Looking for the closest words…</p>
      ) : candidates.length === 0 ? (
        <p className="text-sm text-[var(--color-muted)]">Nothing similar is left in the text.</p>
      ) : (
        <ol className="space-y-2">
          {candidates.map((c) => (
            <li key={`${c.start}-${c.end}`} className="rounded-md border border-[var(--color-line)] bg-white p-2" data-testid="reattach-candidate">
              <p className="font-serif text-sm leading-relaxed" dir="auto">
                <span className="text-[var(--color-muted)]">{c.before && `…${c.before}`}</span>
                <mark className="rounded-sm bg-amber-100 px-0.5 font-semibold text-[var(--color-ink)]">{c.exact}</mark>
                <span className="text-[var(--color-muted)]">{c.after && `${c.after}…`}</span>
              </p>
              <div className="mt-1 flex items-center gap-2">
                <Button size="sm" variant="secondary" onClick={() => void attachPart(claimId, partIndex, { start: c.start, end: c.end })} aria-label={`Attach here: “${c.exact}”`}>
                  Attach here
                </Button>
                <span className="text-xs text-[var(--color-muted)]">{Math.round(c.score * 100)}% similar</span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Button size="sm" variant="ghost" onClick={() => startChoosing(claimId, choosingIndex)} aria-pressed={choosing}>
        Select words by hand
      </Button>
    </section>
  );
}
