/** The list's filter: a plain GET form, so the filter lives in the URL (?q=…) and works without script. */
export function LibraryFilter({ workspaceId, q }: { workspaceId: string; q: string }) {
  return (
    <form method="get" action="/library" role="search" aria-label="Filter the claim library" className="flex gap-2">
      <input type="hidden" name="workspace" value={workspaceId} />
      <label htmlFor="library-filter" className="sr-only">
        Filter by claim, claimant, fact-checker or rating
      </label>
      <input
        id="library-filter"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={200}
        placeholder="Filter the library"
        className="h-9 min-w-0 flex-1 rounded-md border border-[var(--color-line)] bg-white px-3 text-sm"
      />
      <button type="submit" className="h-9 rounded-md border border-[var(--color-line)] bg-white px-3 text-sm font-medium hover:bg-gray-50">
        Filter
      </button>
    </form>
  );
}
