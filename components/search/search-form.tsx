import type { SearchFilterWorkspace } from './search-filter-options';
import { SearchFilters } from './search-filters';
import type { SearchFormValues } from './search-url';

/**
 * The search page's form, a GET to /search: the query box on top, the filters beside the results
 * (`children`). Submitting starts again at the first page.
 */
export function SearchForm({ values, workspaces, children }: { values: SearchFormValues; workspaces: SearchFilterWorkspace[]; children: React.ReactNode }) {
  return (
    <form action="/search" method="get" className="space-y-6" data-testid="search-form">
      <div role="search" className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={values.q}
          maxLength={500}
          autoComplete="off"
          enterKeyHint="search"
          placeholder="Search claims, articles, sources…"
          className="h-11 min-w-0 flex-1 rounded-md border border-[var(--color-line)] bg-white px-3 text-base shadow-xs focus:border-[var(--color-accent)] focus:outline-none focus:ring-2 focus:ring-[var(--color-accent)]/30"
          data-testid="search-query"
        />
        <button type="submit" className="inline-flex h-11 items-center rounded-md bg-[var(--color-accent)] px-5 text-sm font-medium text-white hover:bg-[#173ea8]">
          Search
        </button>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[260px_minmax(0,1fr)]">
        <aside aria-label="Search filters" className="lg:order-none">
          <SearchFilters values={values} workspaces={workspaces} />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </form>
  );
}
