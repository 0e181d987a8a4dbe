/** How to write a query, for the empty page (kept in step with lib/search/query.ts). */
export function SearchTips() {
  const tips: Array<[string, string]> = [
    ['inflation Raisi', 'all of the words, in any order'],
    ['"created ISIS"', 'the exact phrase'],
    ['sanction*', 'words that start with “sanction”'],
    ['oil -Iran', 'leave out what mentions “Iran”'],
  ];
  return (
    <div className="rounded-xl border border-dashed border-[var(--color-line)] bg-white p-6" data-testid="search-empty">
      <h2 className="text-base font-semibold">Search the desk’s memory</h2>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        Find claims, rationales, sources, comments, article text and other fact-checkers’ reviews in every workspace you belong to. Press <kbd className="rounded border border-[var(--color-line)] px-1 text-xs">/</kbd> on any page to search.
      </p>
      <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
        {tips.map(([example, meaning]) => (
          <div key={example} className="flex items-baseline gap-3">
            <dt>
              <code className="rounded bg-[var(--color-paper)] px-1.5 py-0.5 font-mono text-xs">{example}</code>
            </dt>
            <dd className="text-[var(--color-muted)]">{meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
