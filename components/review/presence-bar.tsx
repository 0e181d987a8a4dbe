'use client';

import { resumeLiveUpdates, type LiveStatus } from '@/components/workbench/use-article-events';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { useWorkbench } from '@/components/workbench/workbench-context';

// Dark enough for white initials (WCAG AA).
const COLORS = ['#1f4fd1', '#b7410e', '#1a7f37', '#6b5fa8', '#8a5a00', '#0e7490', '#a21caf', '#475569'];

export function colorFor(userId: string): string {
  // FNV-1a: spreads similar ids (UUIDs) across the palette.
  let hash = 0x811c9dc5;
  for (const ch of userId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return COLORS[hash % COLORS.length]!;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Live updates stopped — reload the page',
  revoked: 'Your access was removed',
  too_many_tabs: 'Live updates paused: this article is open in too many of your tabs',
  article_full: 'Live updates paused: too many people have this article open',
};

/** Closed to make room for a newer tab: the person decides whether this tab takes over again. */
const PAUSED: ReadonlySet<LiveStatus> = new Set(['too_many_tabs', 'article_full']);

/** Who else has this article open, which claim each is on, and whether live updates are flowing. */
export function PresenceBar() {
  const currentUserId = useWorkbench((s) => s.user.id);
  const viewers = useWorkbench((s) => s.viewers);
  const status = useWorkbench((s) => s.liveStatus);
  const { numbers } = useClaimOrder();
  const others = viewers.filter((v) => v.userId !== currentUserId);
  return (
    <div className="flex items-center gap-3 text-xs" data-testid="presence">
      <span className={`inline-flex items-center gap-1.5 ${status === 'live' ? 'text-emerald-800' : 'text-amber-800'}`} role="status" data-testid="live-status">
        <span aria-hidden className={`h-2 w-2 rounded-full ${status === 'live' ? 'bg-emerald-500' : 'bg-amber-500'}`} />
        {STATUS_TEXT[status]}
      </span>
      {PAUSED.has(status) && (
        // Reconnects this tab (no reload, drafts stay); the server then pauses the oldest other one instead.
        <button type="button" className="rounded border border-amber-300 px-1.5 py-0.5 text-amber-900 hover:bg-amber-50" onClick={resumeLiveUpdates}>
          Resume here
        </button>
      )}
      {others.length > 0 && (
        <ul className="flex -space-x-1.5" aria-label="Also viewing this article">
          {others.map((v) => {
            const number = v.openClaimId ? numbers.get(v.openClaimId) : undefined;
            const label = `${v.name}${number ? ` — on claim ${number}` : ' — reading'}`;
            return (
              <li key={v.userId} title={label} data-testid="presence-viewer">
                <span className="sr-only">{label}</span>
                <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white text-[11px] font-semibold text-white" style={{ backgroundColor: colorFor(v.userId) }}>
                  {initials(v.name)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
