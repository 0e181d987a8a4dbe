'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { SessionsTab } from '@/components/review-sessions/sessions-tab';
import { Button } from '@/components/ui/button';
import { notifyError } from '@/components/ui/notify';
import { fetchFullClaim, useClaims, useClaimsLoaded } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench, useWorkbenchStore } from '@/components/workbench/workbench-context';
import type { ClaimDto } from '@/lib/domain/claims';
import { isFullClaim, partsOfRow, type ClaimRow } from '@/lib/editor/claim-rows';
import { ClaimDetail } from './claim-detail';
import { ClaimList } from './claim-list';

/**
 * The right-hand panel: the open claim, or the list of all claims. The list stays mounted (hidden)
 * while a claim is open, so going back to it is instant and keeps its scroll position. The list
 * holds slim rows; opening a claim loads it in full.
 */
export function ClaimPanel() {
  const activeId = useWorkbench((s) => s.activeId);
  const row = useClaims().find((c) => c.id === activeId) ?? null;
  const loaded = useClaimsLoaded();
  // The last full copy shown: when a list refresh brings the open claim back as a row of the same
  // version (a text save, a refetch), it stays on screen with the row's anchoring, no reload.
  const [kept, setKept] = useState<ClaimDto | null>(null);
  const full = row && isFullClaim(row) ? row : null;
  if (full && full !== kept) setKept(full);
  const keptFits = !full && row !== null && kept?.id === row.id && kept.version === row.version && kept.verdictHidden === row.verdictHidden;
  const active: ClaimDto | null = full ?? (keptFits && kept ? withRowAnchoring(kept, row) : null);
  const waiting = activeId !== null && !active && (row !== null || !loaded);
  useFullClaim(row && !full ? row : null, active);
  const listHidden = active !== null || waiting;
  // Claims or the article's review sessions (their minutes), when no claim is open.
  const [view, setView] = useState<'claims' | 'sessions'>('claims');

  // The panel scrolls both the list and an open claim: a claim opens at its top, and closing it
  // brings the list back where it was.
  const panelRef = useRef<HTMLElement>(null);
  const getScrollElement = useCallback(() => panelRef.current, []);
  const listScroll = useRef(0);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    if (listHidden) panel.scrollTop = 0;
    else panel.scrollTop = listScroll.current;
  }, [listHidden]);
  const rememberListScroll = () => {
    if (!listHidden && panelRef.current) listScroll.current = panelRef.current.scrollTop;
  };

  return (
    <aside
      ref={panelRef}
      onScroll={rememberListScroll}
      aria-label="Claims"
      className="max-h-[80vh] overflow-y-auto bg-white lg:sticky lg:top-14 lg:h-[calc(100vh-3.5rem)] lg:max-h-none"
      data-testid="claim-panel"
    >
      {active && <ClaimDetail key={active.id} claim={active} />}
      {waiting && <ClaimLoading number={row?.number ?? null} />}
      <div hidden={listHidden}>
        <PanelSwitch value={view} onChange={setView} />
        <div hidden={view !== 'claims'}>
          <ClaimList getScrollElement={getScrollElement} hidden={listHidden || view !== 'claims'} />
        </div>
        {view === 'sessions' && !listHidden && <SessionsTab />}
      </div>
    </aside>
  );
}

/** "Claims | Sessions" at the top of the panel. */
function PanelSwitch({ value, onChange }: { value: 'claims' | 'sessions'; onChange: (value: 'claims' | 'sessions') => void }) {
  const options = [
    { id: 'claims', label: 'Claims' },
    { id: 'sessions', label: 'Sessions' },
  ] as const;
  return (
    <div role="group" aria-label="Show in the panel" className="flex gap-1 border-b border-[var(--color-line)] px-4 pt-2">
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          aria-pressed={value === o.id}
          onClick={() => onChange(o.id)}
          className="-mb-px border-b-2 border-transparent px-2.5 py-1.5 text-sm text-[var(--color-muted)] hover:text-[var(--color-ink)] aria-pressed:border-[var(--color-accent)] aria-pressed:font-semibold aria-pressed:text-[var(--color-ink)]"
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** Loads the full claim behind an opened row; closes it when it turns out to be gone. */
function useFullClaim(row: { id: string; version: number } | null, shown: ClaimDto | null) {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  const id = row?.id ?? null;
  const version = row?.version ?? null;
  useEffect(() => {
    if (!id) return;
    const { articleId, deletedIds, closeClaim } = store.getState();
    const current = client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId))?.find((c) => c.id === id);
    if (!current) return;
    const kept = shown;
    if (kept?.id === id && kept.version === current.version) {
      // Still shown from the last full copy: put it back into the list instead of fetching it.
      client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => claims?.map((c) => (c.id === id && !isFullClaim(c) && c.version === kept.version ? withRowAnchoring(kept, c) : c)));
      return;
    }
    fetchFullClaim(client, articleId, current, deletedIds).then(
      (found) => {
        if (!found && store.getState().activeId === id) {
          closeClaim();
          notifyError('That claim no longer exists.');
        }
      },
      () => notifyError('Could not load the claim. Check your connection and open it again.'),
    );
    // `shown` is read when the row changes, not followed.
  }, [client, store, id, version]); // eslint-disable-line react-hooks/exhaustive-deps
}

function ClaimLoading({ number }: { number: number | null }) {
  const closeClaim = useWorkbench((s) => s.closeClaim);
  return (
    <div data-testid="claim-loading" aria-busy="true">
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-[var(--color-line)] bg-white px-5 py-3">
        <Button variant="ghost" size="sm" onClick={closeClaim} aria-label="Back to all claims">
          ← All claims
        </Button>
        <h2 className="text-base font-semibold">{number === null ? 'Claim' : `Claim ${number}`}</h2>
      </div>
      <p className="px-5 py-6 text-sm text-[var(--color-muted)]">Loading the claim…</p>
    </div>
  );
}

/** The full copy with the row's anchoring: a text save moves a claim (and may change its quoted words) without a new version. */
function withRowAnchoring(full: ClaimDto, row: ClaimRow): ClaimDto {
  // The row's parts (a row of a single-part claim is its one part); each keeps the full copy's context where it has one.
  const parts = partsOfRow(row).map((p, i) => {
    const held = full.parts?.[i];
    return { position: p.position, anchorState: p.anchorState, quote: { exact: p.quote.exact, prefix: p.quote.prefix ?? held?.quote.prefix ?? '', suffix: p.quote.suffix ?? held?.quote.suffix ?? '' } };
  });
  return { ...full, position: row.position, anchoredRevision: row.anchoredRevision, anchorState: row.anchorState, quote: { ...full.quote, exact: row.quote.exact }, parts };
}
