import Link from 'next/link';
import type { ScaleLevel } from '@/components/workbench/types';
import type { SearchHit as SearchHitData } from '@/lib/search/types';
import { hitKindLabel } from './hit-labels';
import { SearchHitVerdict } from './search-hit-verdict';
import { Snippet } from './snippet';

/** One match: what it is ("Claim #3", "Rationale"…), its snippet, the claim's decision, and a link to open it there. */
export function SearchHit({ hit, levels }: { hit: SearchHitData; levels: readonly ScaleLevel[] }) {
  const label = hitKindLabel(hit);
  return (
    <li className="group relative px-5 py-3 hover:bg-gray-50" data-testid="search-hit" data-kind={hit.kind}>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="rounded bg-[var(--color-paper)] px-1.5 py-0.5 font-semibold uppercase tracking-wide text-[var(--color-muted)]" data-testid="search-hit-kind">
          {label}
        </span>
        {hit.claim && hit.kind !== 'claim' && <span className="text-[var(--color-muted)]">on claim #{hit.claim.number}</span>}
        {hit.claim && <SearchHitVerdict claim={hit.claim} levels={levels} />}
      </div>
      <Link href={hit.href} className="mt-1 block rounded after:absolute after:inset-0 focus-visible:outline-2 focus-visible:outline-[var(--color-accent)]" data-testid="search-hit-link">
        <span className="sr-only">Open {label}: </span>
        <Snippet parts={hit.snippet} />
      </Link>
    </li>
  );
}
