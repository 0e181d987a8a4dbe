'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { HIGHLIGHT_BATCH, diffHighlights, drawnHighlights, highlightBatches, type ClaimHighlight } from '@/components/editor/extensions/claim-highlights';
import { orderClaimsByText } from '@/lib/editor/claim-order';
import { rangesOf, recordRanges, updateRangeCache, type ClaimRangeCache } from '@/lib/editor/claim-range-cache';
import { partsOfRow, type ClaimRow } from '@/lib/editor/claim-rows';
import { docTextOf, type DocText } from '@/lib/editor/doc-text';
import { partKey } from '@/lib/editor/stored-claim-ranges';
import { verdictGlyph } from '@/lib/verdicts/cues';
import { highlightFill, readableTextColor } from '@/lib/verdicts/scale';
import { useClaims } from './queries';
import { scrollToClaim } from './scroll-to-claim';
import { PENDING_COLOR, type ScaleLevel } from './types';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

type Range = { start: number; end: number };

/** One claim's highlights (one per part found), remembered with what they were computed from (same objects: reused as is). */
interface HighlightEntry {
  claim: ClaimRow;
  /** The range of each part (undefined: not found), as the ranges map held them. */
  ranges: Array<Range | undefined>;
  levels: ReadonlyMap<string, ScaleLevel>;
  highlights: ClaimHighlight[];
}

/** The ranges of a claim's parts in the workbench's ranges map (see rangesOf), by part index. */
export function partRanges(claim: ClaimRow, ranges: ReadonlyMap<string, Range>): Array<Range | undefined> {
  const count = partsOfRow(claim).length;
  return Array.from({ length: count }, (_, i) => ranges.get(partKey(claim.id, i, count)));
}

/** The highlight of part `part` (of `parts`) of a claim at `range` (UTF-16 offsets into the shown text). */
export function highlightOf(
  claim: ClaimRow,
  range: Range,
  docText: Pick<DocText, 'offsetToPos'>,
  levelById: ReadonlyMap<string, ScaleLevel>,
  levels: readonly ScaleLevel[],
  part = 0,
  parts = 1,
): ClaimHighlight {
  // Blind review withholds the verdict: the highlight must not give it away either.
  const level = claim.verdictId && !claim.verdictHidden ? levelById.get(claim.verdictId) : undefined;
  const color = level?.color ?? PENDING_COLOR;
  return {
    key: partKey(claim.id, part, parts),
    claimId: claim.id,
    from: docText.offsetToPos(range.start, 'start'),
    to: docText.offsetToPos(range.end, 'end'),
    color,
    fill: highlightFill(color, level ? 0.26 : 0.2),
    ink: readableTextColor(color),
    glyph: verdictGlyph(level, levels),
    number: claim.number,
    part,
    parts,
    label: `${level?.label ?? 'Pending'}: ${claim.claimText}`,
  };
}

const sameRanges = (a: ReadonlyArray<Range | undefined>, b: ReadonlyArray<Range | undefined>) => a.length === b.length && a.every((r, i) => r === b[i]);

/**
 * Where each claim sits in the shown text, drawn as highlights in the editor. Stored positions
 * are used as they are when they hold in the shown text; the fuzzy matcher is loaded (a separate
 * chunk) only when some claim needs re-anchoring. Both steps are incremental: a changed claim is
 * resolved and redrawn alone (a new text, or leaving edit mode, redraws everything once).
 */
export function useClaimHighlights(editor: Editor | null, claims: ClaimRow[], initialClaimId: string | null): void {
  const revision = useWorkbench((s) => s.shown.revision);
  const editing = useWorkbench((s) => s.editing);
  const activeId = useWorkbench((s) => s.activeId);
  const levels = useWorkbench((s) => s.levels);
  const ranges = useWorkbench((s) => s.ranges);
  const rangesRevision = useWorkbench((s) => s.rangesRevision);
  const setRanges = useWorkbench((s) => s.setRanges);
  const levelById = useMemo(() => new Map(levels.map((l) => [l.id, l])), [levels]);
  // The doc changes only with a new revision outside edit mode.
  const docText = useMemo(() => (editor ? docTextOf(editor.state.doc) : null), [editor, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const rangeCache = useRef<ClaimRangeCache<ClaimRow> | null>(null);
  useEffect(() => {
    if (!docText) return;
    const update = updateRangeCache(rangeCache.current, docText.text, revision, claims);
    const cache = (rangeCache.current = update.cache);
    if (update.needsAnchoring.length === 0) {
      if (update.changed) setRanges(revision, rangesOf(cache));
      return;
    }
    let current = true;
    void import('@/lib/editor/claim-ranges').then(({ resolveClaimRanges }) => {
      if (!current) return;
      recordRanges(cache, update.needsAnchoring, resolveClaimRanges(docText.text, update.needsAnchoring));
      setRanges(revision, rangesOf(cache));
    });
    return () => {
      current = false;
    };
  }, [docText, revision, claims, setRanges]);

  // Push highlights into the editor (an external system) whenever they change: only the claims
  // that changed, unless the text is new (or was being edited), which redraws all of them once.
  const entries = useRef(new Map<string, HighlightEntry>());
  const drawnFor = useRef<DocText | null>(null);
  // The rest of a whole set being drawn in steps (see HIGHLIGHT_BATCH), and its pending timer.
  const drainTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The open claim, read when a whole set is drawn (not a reason to redraw it).
  const store = useWorkbenchStore();
  const stopDrain = useCallback(() => {
    if (drainTimer.current !== null) clearTimeout(drainTimer.current);
    drainTimer.current = null;
  }, []);
  useEffect(() => stopDrain, [stopDrain]);
  useEffect(() => {
    if (editing) drawnFor.current = null; // edit mode moves decorations with the typing: redraw after it
  }, [editing]);
  useEffect(() => {
    // Ranges of the previous text (a save just landed) would point past the new text's end.
    if (!editor || !docText || editing || rangesRevision !== revision) return;
    const full = drawnFor.current !== docText;
    const next = new Map<string, HighlightEntry>();
    const wanted: ClaimHighlight[] = [];
    for (const claim of claims) {
      if (!ranges.has(claim.id)) continue; // nothing of it found
      const found = partRanges(claim, ranges);
      const held = full ? undefined : entries.current.get(claim.id);
      const entry =
        held && held.claim === claim && held.levels === levelById && sameRanges(held.ranges, found)
          ? held
          : {
              claim,
              ranges: found,
              levels: levelById,
              highlights: found.flatMap((range, i) => (range ? [highlightOf(claim, range, docText, levelById, levels, i, found.length)] : [])),
            };
      next.set(claim.id, entry);
      wanted.push(...entry.highlights);
    }
    entries.current = next;
    if (full) {
      drawnFor.current = docText;
      stopDrain();
      // A long list is drawn in steps, top of the text first: no single task redraws the whole article.
      // The open claim and the one the URL scrolls to are drawn at once, wherever they are.
      const firstIds = new Set([store.getState().activeId, initialClaimId].filter((id): id is string => id !== null));
      const [first = [], ...rest] = highlightBatches(wanted, HIGHLIGHT_BATCH, firstIds);
      editor.commands.setClaimHighlights(first);
      const step = () => {
        drainTimer.current = null;
        // A newer text, edit mode or a destroyed editor: this set is no longer the one to draw.
        if (editor.isDestroyed || drawnFor.current !== docText) return;
        const batch = rest.shift();
        if (!batch) return;
        const drawn = drawnHighlights(editor.state);
        // Only what is still wanted as it was (same object) and not drawn since (an incremental update may have).
        const upsert = batch.filter((h) => entries.current.get(h.claimId)?.highlights.includes(h) && drawn.get(h.key) !== h);
        if (upsert.length > 0) editor.commands.updateClaimHighlights({ remove: [], upsert });
        if (rest.length > 0) drainTimer.current = setTimeout(step, 0);
      };
      if (rest.length > 0) drainTimer.current = setTimeout(step, 0);
      return;
    }
    const changes = diffHighlights(drawnHighlights(editor.state), wanted);
    if (changes.remove.length > 0 || changes.upsert.length > 0) editor.commands.updateClaimHighlights(changes);
  }, [editor, docText, ranges, rangesRevision, revision, claims, editing, levels, levelById, stopDrain, initialClaimId, store]);

  useEffect(() => {
    editor?.commands.setActiveClaim(activeId);
  }, [editor, activeId]);

  // A claim asked for in the URL (e.g. from My queue): bring its highlight into view once drawn.
  const scrolledToInitial = useRef(false);
  useEffect(() => {
    if (scrolledToInitial.current || !initialClaimId || !ranges.has(initialClaimId)) return;
    scrolledToInitial.current = true;
    scrollToClaim(initialClaimId, 'auto');
  }, [initialClaimId, ranges]);
}

/**
 * Claims in reading order (as every report lists them) with their numbers. The number is the
 * claim's stable one (given at creation, never reused), not its position: marking a claim earlier
 * in the text does not renumber the others, so "claim 3" in a comment or a public URL stays right.
 */
export function useClaimOrder(): { ordered: ClaimRow[]; numbers: Map<string, number> } {
  const claims = useClaims();
  const ranges = useWorkbench((s) => s.ranges);
  return useMemo(() => {
    const ordered = orderClaimsByText(claims, ranges);
    return { ordered, numbers: new Map(ordered.map((c) => [c.id, c.number])) };
  }, [claims, ranges]);
}
