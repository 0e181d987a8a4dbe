import type { ScaleLevel } from '@/components/workbench/types';
import { plural } from '@/lib/format/plural';
import type { SearchResults as Results } from '@/lib/search/types';
import { SearchNoResults } from './search-no-results';
import { SearchPager } from './search-pager';
import { SearchResultGroup } from './search-result-group';
import { clearFiltersHref, hasFilters, type SearchFormValues } from './search-url';

/** The answer to a query: what was run, the groups of this page, and paging. */
export function SearchResults({ results, values, levelsByWorkspace }: { results: Results; values: SearchFormValues; levelsByWorkspace: ReadonlyMap<string, ScaleLevel[]> }) {
  const notice = results.notice && (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-testid="search-notice">
      {results.notice}
      {results.query && results.query !== values.q.trim() && <> Searched for “{results.query}”.</>}
    </p>
  );
  if (results.totalGroups === 0 || results.groups.length === 0) {
    return (
      <div className="space-y-4">
        {notice}
        <SearchNoResults query={values.q} clearHref={hasFilters(values) ? clearFiltersHref(values) : null} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {notice}
      <p className="text-sm text-[var(--color-muted)]" role="status" data-testid="search-summary">
        Found in {plural(results.totalGroups, 'article or fact-check', 'articles and fact-checks')}
      </p>
      <ol className="space-y-4" data-testid="search-groups">
        {results.groups.map((group) => (
          <SearchResultGroup key={`${group.type}-${group.id}`} group={group} levels={levelsByWorkspace.get(group.workspaceId) ?? []} />
        ))}
      </ol>
      <SearchPager values={values} totalGroups={results.totalGroups} />
    </div>
  );
}
