'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useArticleLocked } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import { useSuggestionActions, useSuggestionsQuery } from './queries';
import { languageNotice, runPercent, runStatusText } from './suggestion-rules';
import { useVisibleSuggestions } from './use-visible-suggestions';

/**
 * The toolbar's Find claims: starts a run (reviewers and up), shows its progress while it goes (the
 * run's own progress, live), then how many sentences are suggested; says when the language had only
 * the language-independent cues. Everyone who can read the article sees the status.
 */
export function FindClaims() {
  const role = useWorkbench((s) => s.user.role);
  const editing = useWorkbench((s) => s.editing);
  const locked = useArticleLocked();
  const query = useSuggestionsQuery();
  const visible = useVisibleSuggestions();
  const { findClaims } = useSuggestionActions();
  const [starting, setStarting] = useState(false);
  if (editing) return null;
  const run = query.data?.run ?? null;
  const running = run?.status === 'running';
  const canRun = can(role, 'claim:suggest') && !locked;
  const notice = languageNotice(run, query.data?.languageSupport ?? null);
  const status = query.isError ? 'Suggestions could not be loaded.' : query.data ? runStatusText(run, visible.length) : '';
  if (!canRun && !run) return null;
  return (
    <div className="flex basis-full flex-wrap items-center gap-2" data-testid="find-claims">
      {canRun && (
        <Button
          size="sm"
          variant="secondary"
          disabled={running || starting}
          onClick={() => {
            setStarting(true);
            void findClaims().finally(() => setStarting(false));
          }}
          title="Score every sentence for check-worthiness and mark the ones worth checking"
        >
          <span aria-hidden="true" className="inline-block h-3 w-4 border-b-2 border-dashed border-[#0b6e79]" />
          {run && run.status !== 'running' ? 'Find claims again' : 'Find claims'}
        </Button>
      )}
      {running && (
        <div
          role="progressbar"
          aria-label="Find claims progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={runPercent(run)}
          className="h-2 w-28 overflow-hidden rounded bg-gray-100"
        >
          <div className="h-full bg-[#0b6e79] transition-[width]" style={{ width: `${runPercent(run)}%` }} />
        </div>
      )}
      <span className="text-xs text-[var(--color-muted)]" role="status" data-testid="find-claims-status">
        {status}
        {run?.status === 'done' && visible.length > 0 && (
          <>
            {' '}
            Press <kbd className="font-mono">N</kbd> to go through them.
          </>
        )}
        {run?.status === 'done' && run.chunkedSentences > 0 && ` ${run.chunkedSentences === 1 ? 'One very long passage without a sentence end was' : `${run.chunkedSentences} very long passages without a sentence end were`} scored in pieces.`}
      </span>
      {notice && (
        <p className="basis-full rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="language-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
