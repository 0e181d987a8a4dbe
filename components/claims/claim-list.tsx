'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AgreementCard } from '@/components/review/agreement-card';
import { ArticleAssignees } from '@/components/review/article-assignees';
import { useClaimsLoaded } from '@/components/workbench/queries';
import { scrollToClaim } from '@/components/workbench/scroll-to-claim';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { PresenceViewer } from '@/lib/events/types';
import { matchesClaimFilters } from '@/lib/review/claim-filters';
import { rowHasUnsavedEdits } from './claim-draft';
import { ClaimFilters } from './claim-filters';
import { ClaimListItem } from './claim-list-item';

/** Height a row is assumed to have before it is measured (two lines of quote, one of chips). */
const ESTIMATED_ROW_HEIGHT = 96;
/** Rows rendered beyond the visible ones, above and below (keyboard focus moves into them). */
const OVERSCAN = 8;

export interface ClaimListProps {
  /** The panel that scrolls the list. */
  getScrollElement: () => HTMLElement | null;
  /** A claim is open over the list: the list stays mounted (state, order, measurements) but renders no rows. */
  hidden: boolean;
}

/**
 * All claims in reading order, with assignment, agreement and filters above them. The list is
 * virtualised: only the rows in and near the view are in the DOM (each says its place in the
 * list to assistive technology), so a 2,000-claim article renders as fast as the demo.
 */
export function ClaimList({ getScrollElement, hidden }: ClaimListProps) {
  const { ordered } = useClaimOrder();
  const loaded = useClaimsLoaded();
  const ranges = useWorkbench((s) => s.ranges);
  const drafts = useWorkbench((s) => s.drafts);
  const verdict = useWorkbench((s) => s.verdictFilter);
  const status = useWorkbench((s) => s.statusFilter);
  const viewers = useWorkbench((s) => s.viewers);
  const userId = useWorkbench((s) => s.user.id);
  const openClaim = useWorkbench((s) => s.openClaim);
  const viewersByClaim = useMemo(() => {
    const map = new Map<string, PresenceViewer[]>();
    for (const v of viewers) if (v.userId !== userId && v.openClaimId) map.set(v.openClaimId, [...(map.get(v.openClaimId) ?? []), v]);
    return map;
  }, [viewers, userId]);
  const shown = useMemo(() => ordered.filter((c) => matchesClaimFilters(c, ranges.has(c.id), { verdict, status })), [ordered, ranges, verdict, status]);
  const anyHidden = useMemo(() => ordered.some((c) => c.verdictHidden), [ordered]);
  const total = ordered.length;

  // Where the rows start inside the scrolling panel (below the header), kept current as the header changes size.
  const listRef = useRef<HTMLOListElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const list = listRef.current;
      const scroller = getScrollElement();
      if (!list || !scroller) return;
      setScrollMargin(Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop));
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (headerRef.current) observer?.observe(headerRef.current);
    return () => observer?.disconnect();
  }, [getScrollElement, hidden, shown.length === 0]); // eslint-disable-line react-hooks/exhaustive-deps

  // No React Compiler in this app; the virtualiser re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => shown[index]!.id,
    // The server renders the first rows (no layout there).
    initialRect: { width: 440, height: 800 },
  });
  const items = hidden ? [] : virtualizer.getVirtualItems();

  return (
    <div>
      <div ref={headerRef} className="sticky top-0 z-10 border-b border-[var(--color-line)] bg-white px-5 pt-5 pb-3">
        <div className="mb-3 space-y-2">
          <ArticleAssignees />
          <AgreementCard />
        </div>
        <h2 className="text-base font-semibold" id="claim-list-heading">
          Claims <span className="font-normal text-[var(--color-muted)]">({shown.length === total ? total : `${shown.length} of ${total}`})</span>
        </h2>
        <ClaimFilters anyHidden={anyHidden} />
      </div>
      {!loaded ? (
        <p className="px-5 py-10 text-center text-sm text-[var(--color-muted)]" role="status" data-testid="claim-list-loading">
          Loading claims…
        </p>
      ) : shown.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-[var(--color-muted)]">{total === 0 ? 'No claims yet. Select words in the article and press “Mark claim”.' : 'No claims match these filters.'}</p>
      ) : (
        <ol ref={listRef} aria-label="Claims in text order" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const claim = shown[item.index]!;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-setsize={shown.length}
                aria-posinset={item.index + 1}
                className="absolute top-0 left-0 w-full border-b border-[var(--color-line)]"
                style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
              >
                <ClaimListItem
                  claim={claim}
                  orphaned={!ranges.has(claim.id)}
                  unsaved={rowHasUnsavedEdits(claim, drafts[claim.id])}
                  viewers={viewersByClaim.get(claim.id) ?? []}
                  onOpen={() => {
                    openClaim(claim.id);
                    scrollToClaim(claim.id);
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
