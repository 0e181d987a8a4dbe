'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { can } from '@/lib/auth/permissions';
import { partsOfRow, type ClaimRow } from '@/lib/editor/claim-rows';
import { docTextOf } from '@/lib/editor/doc-text';
import { partRangesIn, spansAfter, type Range, type SpanChange } from './claim-span';
import { isLockedNow, useSetClaimParts } from './queries';
import { queryKeys } from './query-keys';
import { scrollToClaim } from './scroll-to-claim';
import { selectionNow } from './selection-now';
import { useWorkbenchStore } from './workbench-context';
import type { SpanMode, WorkbenchState } from './workbench-store';

/** How a change of words is announced once saved. */
const DONE: Record<SpanChange['kind'], string> = {
  'replace-all': 'Claim words changed.',
  'replace-part': 'Claim part changed.',
  add: 'Part added to the claim.',
  remove: 'Part removed from the claim.',
};

/**
 * Changing which words a claim covers (PUT /api/claims/:id/anchor): change words, add a part,
 * remove a part, re-attach an orphaned part; and the "choose new words" mode the detail, the
 * bubble and the keyboard drive (Enter confirms, Esc cancels).
 */
export function useClaimSpan() {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  const setClaimParts = useSetClaimParts();

  /**
   * Applies `change` to the claim; resolves to true when saved. With `seen` (choosing words), the
   * claim must still be as it was when choosing started: that version is sent, so a change made
   * meanwhile is refused (409) instead of replacing the wrong part.
   */
  const apply = useCallback(
    async (claimId: string, change: (selection: Range | null) => SpanChange | null, seen?: SpanMode['seen']): Promise<boolean> => {
      const { editor, articleId, shown } = store.getState();
      if (!editor || !canChangeNow(client, store.getState())) return false;
      const claim = client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId))?.find((c) => c.id === claimId);
      if (!claim) {
        notifyError('That claim no longer exists.');
        return false;
      }
      const conflict = `Someone else changed claim ${claim.number} or the article text meanwhile. The claim now shows the latest version: check it, then select the words again.`;
      // The claim changed since choosing started and this client already holds the change: never guess which part was meant.
      if (seen && (seen.version !== claim.version || !sameQuotes(seen.quotes, partsOfRow(claim).map((p) => p.quote.exact)))) {
        notifyError(conflict);
        // Choosing starts again from the claim as it is now.
        store.getState().setSpanMode(null);
        return false;
      }
      const docText = docTextOf(editor.state.doc);
      const { from, to, empty } = selectionNow(editor);
      const selection = empty ? null : { start: docText.posToOffset(from, 'start'), end: docText.posToOffset(to, 'end') };
      const wanted = change(selection);
      if (!wanted) {
        notifyError('Select the words in the article first.');
        return false;
      }
      const parts = partsOfRow(claim);
      if (wanted.kind === 'replace-all' && parts.length > 1 && !window.confirm(`Claim ${claim.number} has ${parts.length} parts. The selected words will replace all of them. Continue?`)) return false;
      const result = spansAfter(partRangesIn(docText.text, parts), wanted, docText.text.length);
      if (!result.ok) {
        notifyError(result.message);
        return false;
      }
      const saved = await setClaimParts(claim, { version: seen?.version ?? claim.version, revision: shown.revision, parts: result.parts });
      if (!saved.ok) {
        // Only a version conflict or stale text is "changed meanwhile"; any other 409 (e.g. the article was published) says why itself.
        notifyError(saved.conflict ? conflict : saved.message);
        if (saved.conflict && seen) store.getState().setSpanMode(null);
        return false;
      }
      // Words taken from the selection are the claim's now: leave the caret after them (as Mark claim does).
      if ('selection' in wanted && wanted.selection === selection && !editor.isDestroyed && !editor.state.selection.empty) editor.commands.setTextSelection(editor.state.selection.to);
      notifySuccess(DONE[wanted.kind]);
      return true;
    },
    [client, store, setClaimParts],
  );

  /** Starts choosing new words for the claim (or one part): the part's words are selected and the text focused. */
  const startChoosing = useCallback(
    (claimId: string, partIndex: number | null) => {
      const { editor, articleId, ranges, setSpanMode } = store.getState();
      if (!editor || !canChangeNow(client, store.getState())) return;
      const claim = client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId))?.find((c) => c.id === claimId);
      if (!claim) {
        notifyError('That claim no longer exists.');
        return;
      }
      setSpanMode({ claimId, partIndex, seen: { version: claim.version, quotes: partsOfRow(claim).map((p) => p.quote.exact) } });
      const docText = docTextOf(editor.state.doc);
      const range = partRangesIn(docText.text, partsOfRow(claim))[partIndex ?? 0] ?? (partIndex === null ? ranges.get(claimId) : undefined);
      // Start from the current words (Shift+arrows then move their end), or leave the selection for an orphaned part.
      if (range) {
        editor.commands.setTextSelection({ from: docText.offsetToPos(range.start, 'start'), to: docText.offsetToPos(range.end, 'end') });
        scrollToClaim(claimId);
      }
      editor.commands.focus(null, { scrollIntoView: false });
    },
    [client, store],
  );

  /** Confirms the words chosen in the mode: the selection replaces the claim's (or the part's) words. */
  const confirmChoosing = useCallback(async () => {
    const mode = store.getState().spanMode;
    if (!mode) return;
    const done = await apply(
      mode.claimId,
      (selection) => (selection ? (mode.partIndex === null ? { kind: 'replace-all', selection } : { kind: 'replace-part', partIndex: mode.partIndex, selection }) : null),
      mode.seen,
    );
    if (done) store.getState().setSpanMode(null);
  }, [apply, store]);

  const cancelChoosing = useCallback(() => store.getState().setSpanMode(null), [store]);

  /** The selection replaces all of the claim's words. */
  const changeWords = useCallback((claimId: string) => apply(claimId, (selection) => selection && { kind: 'replace-all', selection }), [apply]);
  const addPart = useCallback((claimId: string) => apply(claimId, (selection) => selection && { kind: 'add', selection }), [apply]);
  const removePart = useCallback((claimId: string, partIndex: number) => apply(claimId, () => ({ kind: 'remove', partIndex })), [apply]);
  /** Puts an orphaned part (or the claim's only part) on the words at `range`. */
  const attachPart = useCallback((claimId: string, partIndex: number, range: Range) => apply(claimId, () => ({ kind: 'replace-part', partIndex, selection: range })), [apply]);

  return { startChoosing, confirmChoosing, cancelChoosing, changeWords, addPart, removePart, attachPart };
}

/** Whether the claim's words can be changed now; when not, the user is told why. */
function canChangeNow(client: QueryClient, { editing, articleId, user }: Pick<WorkbenchState, 'editing' | 'articleId' | 'user'>): boolean {
  if (!can(user.role, 'claim:update')) {
    notifyError('Your role cannot change claims.');
    return false;
  }
  if (editing) {
    notifyError('Save or cancel the text edits first: claim words cannot change while the text is being edited.');
    return false;
  }
  if (isLockedNow(client, articleId)) {
    notifyError('This article is published or retracted: reopen it to change claim words.');
    return false;
  }
  return true;
}

function sameQuotes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((quote, i) => quote === b[i]);
}
