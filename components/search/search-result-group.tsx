import Link from 'next/link';
import { StatusBadge } from '@/components/articles/status-badge';
import type { ScaleLevel } from '@/components/workbench/types';
import { formatDay } from '@/lib/format/dates';
import type { SearchResultGroup as Group } from '@/lib/search/types';
import { moreHitsLabel } from './hit-labels';
import { SearchHit } from './search-hit';

/** Only web links leave the app (a stored URL is never trusted to be one). */
function externalUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** One article (or external fact-check) and its best matches. */
export function SearchResultGroup({ group, levels }: { group: Group; levels: readonly ScaleLevel[] }) {
  const headingId = `group-${group.type}-${group.id}`;
  const more = moreHitsLabel(group.moreHits, group.type);
  const outbound = group.type === 'library' ? externalUrl(group.url) : null;
  const day = group.date ? (formatDay(group.date) ?? group.date) : null;
  return (
    <li className="overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" aria-labelledby={headingId} data-testid="search-group" data-type={group.type}>
      <div className="border-b border-[var(--color-line)] px-5 py-3">
        <h2 id={headingId} className="text-base font-semibold leading-snug">
          <Link href={group.href} className="hover:underline" data-testid="search-group-link">
            {group.title}
          </Link>
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-[var(--color-muted)]">
          {group.type === 'library' ? (
            <>
              <span className="rounded-full bg-violet-100 px-2 py-0.5 font-medium text-violet-900" data-testid="search-group-external">
                External fact-check
              </span>
              {group.reviewOrg && <span>by {group.reviewOrg}</span>}
              {outbound && (
                <a href={outbound} target="_blank" rel="noopener noreferrer" className="text-[var(--color-accent)] hover:underline">
                  Read the fact-check<span aria-hidden="true"> ↗</span>
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              )}
            </>
          ) : (
            group.articleStatus && <StatusBadge status={group.articleStatus} />
          )}
          <span>· {group.workspaceName}</span>
          {day && <span>· {day}</span>}
        </p>
      </div>
      <ul className="divide-y divide-[var(--color-line)]">
        {group.hits.map((hit) => (
          <SearchHit key={hit.docId} hit={hit} levels={levels} />
        ))}
      </ul>
      {more && (
        <p className="border-t border-[var(--color-line)] px-5 py-2 text-xs">
          <Link href={group.href} className="text-[var(--color-accent)] hover:underline" data-testid="search-group-more">
            {more}
          </Link>
        </p>
      )}
    </li>
  );
}
