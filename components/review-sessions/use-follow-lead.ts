'use client';

import { useEffect, useRef } from 'react';
import { scrollToClaim } from '@/components/workbench/scroll-to-claim';
import { useWorkbenchStore } from '@/components/workbench/workbench-context';
import { currentItem, useRunningSession, useSessionCommands } from './use-review-session';

/**
 * Follow the lead. While this viewer is joined and following, the claim under discussion is the
 * one open in the workbench: whenever the current item changes (and on load, so a reload or a
 * reconnect lands on it), it is opened and scrolled into view. Opening another claim (or closing
 * it) by hand is breaking away: the server is told once, and the session bar offers Rejoin. The
 * lead drives the session and never breaks away by looking elsewhere.
 */
export function useFollowLead(): void {
  const store = useWorkbenchStore();
  const view = useRunningSession();
  const { attend } = useSessionCommands();
  const item = currentItem(view);
  const following = Boolean(view?.me.joined && view.me.following);
  const isLead = Boolean(view?.me.isLead);
  const sessionId = view?.id ?? null;
  const claimId = item?.claimId ?? null;
  const jumpKey = following && sessionId && item && claimId ? `${sessionId}:${item.id}:${claimId}` : null;

  /** The claim this hook last opened for the user (what "following" expects to be open). */
  const expected = useRef<string | null>(null);
  const jumped = useRef<string | null>(null);
  /** Read by the store subscription, which outlives renders. */
  const live = useRef({ following, isLead, sessionId, breakAwaySent: false });
  useEffect(() => {
    // Following again (joined, rejoined): a later look elsewhere is reported again.
    live.current = { following, isLead, sessionId, breakAwaySent: following ? live.current.breakAwaySent : false };
  }, [following, isLead, sessionId]);

  useEffect(() => {
    if (!jumpKey || !claimId) {
      jumped.current = null;
      expected.current = null;
      return;
    }
    if (jumped.current === jumpKey) return;
    jumped.current = jumpKey;
    expected.current = claimId;
    const state = store.getState();
    if (state.activeId !== claimId) state.openClaim(claimId);
    scrollToClaim(claimId);
  }, [store, jumpKey, claimId]);

  // The user opened another claim (or closed this one) while following: broken away.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.activeId === previous.activeId) return;
        const now = live.current;
        if (!now.following || now.isLead || !now.sessionId || expected.current === null) return;
        if (state.activeId === expected.current || now.breakAwaySent) return;
        now.breakAwaySent = true;
        void attend(now.sessionId, 'breakAway', { quiet: true }).then((result) => {
          // Not recorded (network, server): report the next look elsewhere again.
          if (!result.ok) now.breakAwaySent = false;
        });
      }),
    [store, attend],
  );
}
