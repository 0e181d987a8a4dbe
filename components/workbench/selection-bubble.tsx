'use client';

import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { can } from '@/lib/auth/permissions';
import { useArticleLocked } from './queries';
import { useClaimSpan } from './use-claim-span';
import { useMarkClaim } from './use-text-editing';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

/** The bubble's element (Alt+F10 focuses its first button). */
export const SELECTION_BUBBLE_ID = 'selection-bubble';
/** The sticky bar over the article: the bubble keeps clear of it. */
export const STICKY_BAR_SELECTOR = '[data-sticky-article-bar]';

const buttonClass =
  'h-8 rounded px-2.5 text-sm font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white disabled:opacity-50';

/** How far below the top of the viewport the bubble may go: under the app bar and the sticky article bar. */
function topClearance(): number {
  const bar = typeof document === 'undefined' ? null : document.querySelector(STICKY_BAR_SELECTOR);
  return Math.max(8, (bar?.getBoundingClientRect().bottom ?? 0) + 8);
}

/**
 * The floating bubble next to a selection in the article: Mark claim; with a claim open, Add part
 * and Change words; while choosing new words, Use these words / Cancel. Positioned by Floating UI
 * (fixed, flipped and shifted), so it stays in view however far the article is scrolled. Pressing
 * a button keeps the focus and the selection in the text (mousedown is not a focus change), and
 * Alt+F10 moves the focus into it (arrow keys move along it, Esc goes back to the text).
 */
export function SelectionBubble({ editor }: { editor: Editor }) {
  const store = useWorkbenchStore();
  const role = useWorkbench((s) => s.user.role);
  const activeId = useWorkbench((s) => s.activeId);
  const spanMode = useWorkbench((s) => s.spanMode);
  const markingClaim = useWorkbench((s) => s.markingClaim);
  const locked = useArticleLocked();
  const markClaim = useMarkClaim();
  const { addPart, changeWords, confirmChoosing, cancelChoosing } = useClaimSpan();
  const canMark = can(role, 'claim:create') && !locked;
  const canChange = can(role, 'claim:update') && !locked;

  const shouldShow = useCallback(
    ({ view, state, element }: { view: Editor['view']; state: Editor['state']; element: HTMLElement }) => {
      const { editing } = store.getState();
      if (editing || state.selection.empty || !state.doc.textBetween(state.selection.from, state.selection.to).trim()) return false;
      return view.hasFocus() || element.contains(document.activeElement);
    },
    [store],
  );
  const options = useMemo(
    () => ({
      strategy: 'fixed' as const,
      placement: 'top' as const,
      offset: 8,
      flip: () => ({ padding: { top: topClearance(), bottom: 8, left: 8, right: 8 } }),
      shift: () => ({ padding: { top: topClearance(), bottom: 8, left: 8, right: 8 }, crossAxis: true }),
    }),
    [],
  );

  // The menu element itself is made focusable by the plugin; the buttons are the tab stops.
  // It is also created `position: absolute` by @tiptap/react, and Floating UI's first placement then
  // measures against the nearest positioned ancestor (the text column, `position: relative`): fixed
  // from the start, the first placement is in viewport coordinates like every later one.
  const menuRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    menuRef.current?.setAttribute('tabindex', '-1');
    menuRef.current?.style.setProperty('position', 'fixed');
  });

  const backToText = () => editor.commands.focus(null, { scrollIntoView: false });
  const run = (action: () => Promise<unknown> | void) => {
    void Promise.resolve(action()).then(() => {
      if (!editor.isDestroyed && !editor.isFocused) backToText();
    });
  };

  const buttons: Array<{ label: string; onClick: () => void; disabled?: boolean }> = [];
  if (spanMode) {
    buttons.push({ label: 'Use these words', onClick: () => run(confirmChoosing) }, { label: 'Cancel', onClick: () => run(cancelChoosing) });
  } else {
    if (canMark) buttons.push({ label: 'Mark claim', onClick: () => run(markClaim), disabled: markingClaim });
    if (activeId && canChange) {
      buttons.push({ label: 'Add part', onClick: () => run(() => addPart(activeId)) }, { label: 'Change words', onClick: () => run(() => changeWords(activeId)) });
    }
  }
  if (buttons.length === 0) return null;

  return (
    <BubbleMenu ref={menuRef} editor={editor} shouldShow={shouldShow} updateDelay={120} options={options} className="z-40">
      {/* Attributes and handlers live on this inner element: the menu element's own props are not
          all forwarded in a production build (only its class is). */}
      <div
        id={SELECTION_BUBBLE_ID}
        role="toolbar"
        aria-label="Selection actions"
        data-testid="selection-bubble"
        className="flex items-center gap-0.5 rounded-lg bg-[var(--color-ink)] p-1 shadow-lg"
        // Pressing a button must not take the focus (and the visible selection) out of the text.
        onMouseDown={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            backToText();
          } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && items.length > 0) {
            event.preventDefault();
            const next = event.key === 'ArrowRight' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
            items[next]?.focus({ preventScroll: true });
          }
        }}
      >
        {buttons.map((b) => (
          <button key={b.label} type="button" className={buttonClass} onClick={b.onClick} disabled={b.disabled}>
            {b.label}
          </button>
        ))}
      </div>
    </BubbleMenu>
  );
}

/** Moves the focus to the bubble's first button (Alt+F10); false when no bubble is shown. */
export function focusSelectionBubble(): boolean {
  const first = document.getElementById(SELECTION_BUBBLE_ID)?.querySelector<HTMLButtonElement>('button:not(:disabled)');
  if (!first || !first.isConnected) return false;
  first.focus({ preventScroll: true });
  return true;
}
