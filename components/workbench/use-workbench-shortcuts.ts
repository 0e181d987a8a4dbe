'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { can } from '@/lib/auth/permissions';
import { isTypingTarget } from '@/lib/shortcuts';
import { isLockedNow } from './queries';
import { useClaimOrder } from './use-claim-highlights';
import { useMarkClaim } from './use-text-editing';
import { scrollToClaim } from './scroll-to-claim';
import { focusSelectionBubble } from './selection-bubble';
import { useWorkbenchStore } from './workbench-context';

/**
 * Page-level shortcuts (J/K next/previous claim, Esc closes, E edits the text, Ctrl/⌘+Shift+M
 * marks a claim, Alt+F10 moves to the selection's bubble; while choosing a claim's new words,
 * Esc cancels that first). The editor handles Ctrl/⌘+Shift+M itself when focused; this covers the rest.
 * None act while a dialog is open (its own keys, Esc first of all, are the dialog's), and a
 * published article cannot be edited or marked.
 */
export function useWorkbenchShortcuts(): void {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  const markClaim = useMarkClaim();
  const { ordered } = useClaimOrder();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { articleId, editor, editing, activeId, ranges, user, spanMode, openClaim, closeClaim, setEditing, setSpanMode } = store.getState();
      if (document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.altKey && event.key === 'F10' && !mod) {
        if (focusSelectionBubble()) event.preventDefault();
        return;
      }
      if (mod && event.shiftKey && event.key.toLowerCase() === 'm' && !editor?.isFocused) {
        event.preventDefault();
        void markClaim();
        return;
      }
      if (isTypingTarget(event.target) || mod || event.altKey) return;
      if (event.key === 'j' || event.key === 'k') {
        const visible = ordered.filter((c) => ranges.has(c.id));
        if (visible.length === 0) return;
        const index = visible.findIndex((c) => c.id === activeId);
        const next = event.key === 'j' ? (index + 1) % visible.length : (index - 1 + visible.length) % visible.length;
        openClaim(visible[next]!.id);
        scrollToClaim(visible[next]!.id);
      } else if (event.key === 'Escape' && spanMode) {
        setSpanMode(null);
      } else if (event.key === 'Escape' && activeId) {
        closeClaim();
      } else if (event.key === 'e' && can(user.role, 'article:edit') && !editing && !isLockedNow(client, articleId)) {
        setEditing(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, store, markClaim, ordered]);
}
