'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench, useWorkbenchStore } from '@/components/workbench/workbench-context';
import { scrollToClaim } from '@/components/workbench/scroll-to-claim';
import type { ReviewSessionView, SessionItemDto } from '@/lib/domain/review-sessions';
import { formatCountdown, timeboxRemainingSeconds } from '@/lib/review-sessions/timebox';
import { agendaOrder, claimLabel, currentItem, useArticleReviewSessions, useSessionCommands } from './use-review-session';

/**
 * The running review session, under the article's sticky bar, for every member on the article.
 * Not joined: who leads it and Join. Joined: the item under discussion, whether this viewer is
 * following the lead (or looking elsewhere, with Rejoin), the item's countdown and Leave; the
 * session panel (agenda, vote, notes, people) is at the foot of the text column (session-panel.tsx).
 * Item changes are announced to screen readers.
 */
export function SessionBar() {
  const query = useArticleReviewSessions();
  const view = query.data?.running ?? null;
  if (!view) return null;
  return <RunningSessionBar view={view} receivedAt={query.dataUpdatedAt} />;
}

function RunningSessionBar({ view, receivedAt }: { view: ReviewSessionView; receivedAt: number }) {
  const store = useWorkbenchStore();
  useVoteCountFollowsPresence(view);
  const { attend, patch } = useSessionCommands();
  const [busy, setBusy] = useState(false);
  const { me } = view;
  const items = agendaOrder(view);
  const item = currentItem(view);
  const index = item ? items.findIndex((i) => i.id === item.id) : -1;
  const leadName = view.lead?.name ?? 'nobody';

  async function run(action: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    await action();
    setBusy(false);
  }

  function rejoin() {
    void run(async () => {
      const result = await attend(view.id, 'follow');
      // The follow hook opens the item once the view says "following"; scroll now in case it already is.
      if (result.ok && item?.claimId) {
        store.getState().openClaim(item.claimId);
        scrollToClaim(item.claimId);
      }
    });
  }

  return (
    <section aria-label="Review session" data-testid="session-bar" className="mt-2 rounded-md border border-indigo-200 bg-indigo-50/95 px-3 py-2 text-sm text-[var(--color-ink)]">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {!me.joined ? (
          <>
            <span className="inline-flex items-center gap-1.5 font-medium">
              <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-indigo-600" />
              Review session in progress — led by {leadName}
            </span>
            <span className="ml-auto" />
            {me.canTakeLead && (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => patch(view.id, { op: 'takeLead' }))}>
                Take lead
              </Button>
            )}
            <Button size="sm" disabled={busy} onClick={() => void run(() => attend(view.id, 'join'))}>
              Join
            </Button>
          </>
        ) : (
          <>
            <span className="font-semibold" data-testid="session-position">
              {item ? `Item ${index + 1} of ${items.length} · ${capitalise(claimLabel(item))}` : items.length === 0 ? 'The agenda is empty' : 'No item under discussion'}
            </span>
            {item && <Countdown view={view} item={item} receivedAt={receivedAt} />}
            <span className="text-[var(--color-muted)]" data-testid="session-follow-state">
              {me.isLead ? 'You are leading' : me.following ? `Following ${leadName}` : 'You’re looking elsewhere'}
            </span>
            {!me.isLead && !me.following && (
              <Button size="sm" disabled={busy} onClick={rejoin}>
                Rejoin
              </Button>
            )}
            <span className="ml-auto" />
            {me.canTakeLead && (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => patch(view.id, { op: 'takeLead' }))}>
                Take lead
              </Button>
            )}
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => void run(() => attend(view.id, 'leave'))}>
              Leave
            </Button>
          </>
        )}
      </div>
      <ItemAnnouncer view={view} index={index} item={item} />
    </section>
  );
}

/**
 * "3 of 4 voted" counts the participants present on the article, so who is here changes it (a
 * reload, a tab closed) without any session write: while a vote is open, a presence change (and
 * this tab's stream coming up) refetches the view.
 */
function useVoteCountFollowsPresence(view: ReviewSessionView) {
  const client = useQueryClient();
  const present = useWorkbench((s) => [...new Set(s.viewers.map((v) => v.userId))].sort().join(' '));
  const voteOpen = view.items.some((i) => i.vote.state === 'open');
  const { articleId } = view;
  // Also once the live stream is up: the view may have been built before the server knew this tab was here.
  const live = useWorkbench((s) => s.liveStatus === 'live');
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const key = live ? present : null;
    if (key === null || seen.current === key) return;
    seen.current = key;
    if (voteOpen) void client.invalidateQueries({ queryKey: queryKeys.reviewSessions(articleId), exact: true });
  }, [client, articleId, voteOpen, present, live]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Now discussing item 2: claim #4", for screen readers, whenever the item changes for a joined viewer. */
function ItemAnnouncer({ view, index, item }: { view: ReviewSessionView; index: number; item: SessionItemDto | null }) {
  const key = view.me.joined && item ? `${view.id}:${item.id}` : null;
  const [announced, setAnnounced] = useState<{ key: string | null; text: string }>({ key: null, text: '' });
  // Derived on render (not in an effect): the text changes in the same commit as the item.
  if (announced.key !== key) setAnnounced({ key, text: key && item ? `Now discussing item ${index + 1}: ${claimLabel(item)}` : '' });
  return (
    <p aria-live="polite" className="sr-only" data-testid="session-announcer">
      {announced.text}
    </p>
  );
}

/** The item's timebox counting down for everyone (from the server's clock); red once over. */
function Countdown({ view, item, receivedAt }: { view: ReviewSessionView; item: SessionItemDto; receivedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = timeboxRemainingSeconds({ itemStartedAt: view.itemStartedAt, timeboxSeconds: item.timeboxSeconds, serverNow: view.serverNow, receivedAtMs: receivedAt, nowMs: now });
  if (remaining === null) return null;
  const over = remaining < 0;
  return (
    <span
      role="timer"
      aria-label={over ? `Timebox over by ${formatCountdown(-remaining)}` : `${formatCountdown(remaining)} left on this item`}
      data-testid="session-countdown"
      className={`rounded px-1.5 py-0.5 font-mono text-xs tabular-nums ${over ? 'bg-red-100 font-semibold text-red-800' : 'bg-white text-[var(--color-ink)]'}`}
    >
      {formatCountdown(remaining)}
    </span>
  );
}
