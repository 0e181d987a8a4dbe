'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useArticleLocked } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import { docTextOf } from '@/lib/editor/doc-text';
import { isTypingTarget } from '@/lib/shortcuts';
import type { SuggestionMark } from '@/components/editor/extensions/suggestion-marks';
import { useSuggestionActions } from './queries';
import { SuggestionCard } from './suggestion-card';
import { percentOf, reasonEffect, stepSuggestion } from './suggestion-rules';
import type { SuggestionView } from './types';
import { useVisibleSuggestions } from './use-visible-suggestions';
import './suggestions.css';

/** How long the card stays after the pointer leaves the sentence (time to reach the card). */
const HIDE_DELAY_MS = 300;

/** What a screen reader hears when a suggestion gets the keyboard focus (N / P). */
export function announcementOf(s: SuggestionView, index: number, count: number, canDecide: boolean): string {
  const reasons = s.reasons.map((r) => `${r.label} (${reasonEffect(r.cue)} the score)`).join('; ');
  return `Suggestion ${index + 1} of ${count}, ${percentOf(s.score)}% check-worthy: ${s.quote}${reasons ? ` Reasons: ${reasons}.` : ''}${canDecide ? ' Press A to accept it as a claim, D to dismiss it.' : ''}`;
}

/**
 * Check-worthiness suggestions on the article text: draws them (SuggestionMarks), shows a card with
 * the score and reasons on hover, click or keyboard focus, and handles the keys N / P (next /
 * previous suggestion), A (accept), D (dismiss) and Esc (close the card).
 */
export function SuggestionLayer() {
  const editor = useWorkbench((s) => s.editor);
  const role = useWorkbench((s) => s.user.role);
  const editing = useWorkbench((s) => s.editing);
  const locked = useArticleLocked();
  const canDecide = can(role, 'claim:suggest') && !locked && !editing;
  const visible = useVisibleSuggestions();
  const { accept, dismiss } = useSuggestionActions();

  const [activeId, setActiveId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const byId = useMemo(() => new Map(visible.map((s) => [s.id, s])), [visible]);
  const ids = useMemo(() => visible.map((s) => s.id), [visible]);
  const marks = useMemo(() => toMarks(editor, visible), [editor, visible]);

  // A suggestion that went away (accepted, dismissed, covered by a new claim) loses the focus and the card.
  const active = activeId ? (byId.get(activeId) ?? null) : null;
  const hovered = hoverId ? (byId.get(hoverId) ?? null) : null;
  const shown = hovered ?? active;

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.commands.setSuggestionMarks(marks);
  }, [editor, marks]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.commands.setActiveSuggestion(active?.id ?? null);
  }, [editor, active]);

  const cancelHide = useCallback(() => {
    if (hideTimer.current !== null) clearTimeout(hideTimer.current);
    hideTimer.current = null;
  }, []);
  const hideSoon = useCallback(() => {
    cancelHide();
    hideTimer.current = setTimeout(() => setHoverId(null), HIDE_DELAY_MS);
  }, [cancelHide]);
  useEffect(() => cancelHide, [cancelHide]);

  // Pointer: hover shows the card; a click on the sentence or its tag keeps it (the focused suggestion).
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const idAt = (target: EventTarget | null) => {
      const el = target instanceof Element ? target.closest<HTMLElement>('[data-suggestion-id], [data-suggestion-for]') : null;
      return el?.dataset.suggestionId ?? el?.dataset.suggestionFor ?? null;
    };
    const onOver = (event: MouseEvent) => {
      const id = idAt(event.target);
      if (!id) return;
      cancelHide();
      setHoverId(id);
    };
    const onOut = (event: MouseEvent) => {
      if (idAt(event.target) && idAt(event.relatedTarget) !== idAt(event.target)) hideSoon();
    };
    const onClick = (event: MouseEvent) => {
      const id = idAt(event.target);
      if (id) setActiveId(id);
    };
    dom.addEventListener('mouseover', onOver);
    dom.addEventListener('mouseout', onOut);
    dom.addEventListener('click', onClick);
    return () => {
      dom.removeEventListener('mouseover', onOver);
      dom.removeEventListener('mouseout', onOut);
      dom.removeEventListener('click', onClick);
    };
  }, [editor, cancelHide, hideSoon]);

  // Focus: the caret moved into a suggested sentence with the keyboard shows its card.
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const { empty, from } = editor.state.selection;
      if (!empty || !editor.view.hasFocus()) return;
      const at = marks.find((m) => m.from <= from && from <= m.to);
      if (at) setActiveId(at.id);
    };
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor, marks]);

  const focusSuggestion = useCallback(
    (id: string | null) => {
      setHoverId(null);
      setActiveId(id);
      if (!id) return setAnnouncement('');
      const s = byId.get(id);
      if (s) setAnnouncement(announcementOf(s, ids.indexOf(id), ids.length, canDecide));
      const el = editor?.view.dom.querySelector<HTMLElement>(`[data-suggestion-id="${CSS.escape(id)}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'auto' });
    },
    [byId, ids, canDecide, editor],
  );

  const decide = useCallback(
    async (s: SuggestionView, how: 'accept' | 'dismiss') => {
      if (busy) return;
      // The next one to move to, worked out before this one leaves the list.
      const next = ids.length > 1 ? stepSuggestion(ids, s.id, 1) : null;
      setBusy(true);
      const done = how === 'accept' ? await accept(s) : await dismiss(s);
      setBusy(false);
      if (!done) return;
      setHoverId(null);
      // Accepting opens the new claim: leave the focus there. Dismissing moves on to the next suggestion.
      if (how === 'dismiss' && activeId === s.id && next && next !== s.id) focusSuggestion(next);
      else if (activeId === s.id) setActiveId(null);
      setAnnouncement(how === 'accept' ? 'Suggestion accepted: the claim is open in the claim panel.' : 'Suggestion dismissed.');
    },
    [busy, ids, accept, dismiss, activeId, focusSuggestion],
  );

  // Keys: N / P move between suggestions; A / D accept or dismiss the focused one; Esc closes its card.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (editing) return;
      if (event.key === 'n' || event.key === 'p') {
        if (ids.length === 0) return;
        event.preventDefault();
        focusSuggestion(stepSuggestion(ids, active?.id ?? null, event.key === 'n' ? 1 : -1));
      } else if ((event.key === 'a' || event.key === 'd') && active && canDecide) {
        event.preventDefault();
        void decide(active, event.key === 'a' ? 'accept' : 'dismiss');
      } else if (event.key === 'Escape' && (active || hovered)) {
        setActiveId(null);
        setHoverId(null);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ids, active, hovered, canDecide, editing, decide, focusSuggestion]);

  return (
    <>
      <div className="sr-only" aria-live="polite" data-testid="suggestion-announcer">
        {announcement}
      </div>
      {editor && shown && !editing && (
        <PositionedCard editor={editor} suggestion={shown} marks={marks} onPointerEnter={cancelHide} onPointerLeave={hideSoon}>
          <SuggestionCard
            suggestion={shown}
            index={ids.indexOf(shown.id)}
            count={ids.length}
            canDecide={canDecide}
            busy={busy}
            onAccept={() => void decide(shown, 'accept')}
            onDismiss={() => void decide(shown, 'dismiss')}
            onClose={() => {
              setActiveId(null);
              setHoverId(null);
            }}
          />
        </PositionedCard>
      )}
    </>
  );
}

/** Editor positions of the suggestions (UTF-16 offsets of the shown text → document positions). */
function toMarks(editor: Editor | null, suggestions: readonly SuggestionView[]): SuggestionMark[] {
  if (!editor || suggestions.length === 0) return [];
  const docText = docTextOf(editor.state.doc);
  return suggestions.map((s) => ({ id: s.id, from: docText.offsetToPos(s.start, 'start'), to: docText.offsetToPos(s.end, 'end'), percent: percentOf(s.score) }));
}

const CARD_WIDTH = 352;

/** The card under the sentence's last line (above its first when there is no room below), kept in the viewport. */
function PositionedCard({
  editor,
  suggestion,
  marks,
  onPointerEnter,
  onPointerLeave,
  children,
}: {
  editor: Editor;
  suggestion: SuggestionView;
  marks: readonly SuggestionMark[];
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const mark = marks.find((m) => m.id === suggestion.id);

  // Placed by writing the element's style (the DOM is the external system here): no re-render per scroll.
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    let start: { left: number; top: number; bottom: number } | null = null;
    let end: { left: number; top: number; bottom: number } | null = null;
    if (mark && !editor.isDestroyed) {
      try {
        start = editor.view.coordsAtPos(mark.from, 1);
        end = editor.view.coordsAtPos(mark.to, -1);
      } catch {
        start = end = null;
      }
    }
    if (!start || !end) {
      el.style.visibility = 'hidden';
      return;
    }
    const width = Math.min(CARD_WIDTH, window.innerWidth - 16);
    const height = el.offsetHeight;
    const below = end.bottom + 8;
    const top = below + height <= window.innerHeight - 8 || start.top - height - 8 < 8 ? below : start.top - height - 8;
    const left = Math.min(Math.max(8, start.left), window.innerWidth - width - 8);
    Object.assign(el.style, { top: `${top}px`, left: `${left}px`, width: `${width}px`, visibility: 'visible' });
  }, [editor, mark]);

  // After every render: the card's own height decides above or below.
  useLayoutEffect(() => {
    measure();
  });
  useEffect(() => {
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [measure]);

  return (
    <div ref={ref} className="fixed z-40" style={{ top: 0, left: 0, width: CARD_WIDTH, visibility: 'hidden' }} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {children}
    </div>
  );
}
