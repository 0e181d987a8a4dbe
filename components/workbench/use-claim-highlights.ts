'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import type { ClaimHighlight } from '@/components/editor/extensions/claim-highlights';
import { orderClaimsByText } from '@/lib/editor/claim-order';
import { docToText } from '@/lib/editor/doc-text';
import { storedClaimRanges } from '@/lib/editor/stored-claim-ranges';
import { highlightFill } from '@/lib/verdicts/scale';
import { useClaims } from './queries';
import { scrollToClaim } from './scroll-to-claim';
import { PENDING_COLOR, type ClaimDto } from './types';
import { useWorkbench } from './workbench-context';

/**
 * Where each claim sits in the shown text, drawn as highlights in the editor. Stored positions
 * are used as they are when the claim was anchored at the shown revision; the fuzzy matcher is
 * loaded (a separate chunk) only when some claim needs re-anchoring.
 */
export function useClaimHighlights(editor: Editor | null, claims: ClaimDto[], initialClaimId: string | null): void {
  const revision = useWorkbench((s) => s.shown.revision);
  const editing = useWorkbench((s) => s.editing);
  const activeId = useWorkbench((s) => s.activeId);
  const levels = useWorkbench((s) => s.levels);
  const ranges = useWorkbench((s) => s.ranges);
  const rangesRevision = useWorkbench((s) => s.rangesRevision);
  const setRanges = useWorkbench((s) => s.setRanges);
  const levelById = useMemo(() => new Map(levels.map((l) => [l.id, l])), [levels]);
  // The doc changes only with a new revision outside edit mode.
  const docText = useMemo(() => (editor ? docToText(editor.state.doc) : null), [editor, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!docText) return;
    const stored = storedClaimRanges(docText.text, revision, claims);
    if (stored.needsAnchoring.length === 0) return setRanges(revision, stored.ranges);
    let current = true;
    void import('@/lib/editor/claim-ranges').then(({ resolveClaimRanges }) => {
      if (current) setRanges(revision, new Map([...stored.ranges, ...resolveClaimRanges(docText.text, stored.needsAnchoring)]));
    });
    return () => {
      current = false;
    };
  }, [docText, revision, claims, setRanges]);

  // Push highlights into the editor (an external system) whenever they change.
  useEffect(() => {
    // Ranges of the previous text (a save just landed) would point past the new text's end.
    if (!editor || !docText || editing || rangesRevision !== revision) return;
    const highlights: ClaimHighlight[] = [];
    for (const claim of claims) {
      const range = ranges.get(claim.id);
      if (!range) continue;
      const level = claim.verdictId ? levelById.get(claim.verdictId) : undefined;
      const color = level?.color ?? PENDING_COLOR;
      highlights.push({
        claimId: claim.id,
        from: docText.offsetToPos(range.start, 'start'),
        to: docText.offsetToPos(range.end, 'end'),
        color,
        fill: highlightFill(color, level ? 0.26 : 0.2),
        label: `${level?.label ?? 'Pending'}: ${claim.claimText}`,
      });
    }
    editor.commands.setClaimHighlights(highlights);
  }, [editor, docText, ranges, rangesRevision, revision, claims, editing, levelById]);

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
export function useClaimOrder(): { ordered: ClaimDto[]; numbers: Map<string, number> } {
  const claims = useClaims();
  const ranges = useWorkbench((s) => s.ranges);
  return useMemo(() => {
    const ordered = orderClaimsByText(claims, ranges);
    return { ordered, numbers: new Map(ordered.map((c) => [c.id, c.number])) };
  }, [claims, ranges]);
}
