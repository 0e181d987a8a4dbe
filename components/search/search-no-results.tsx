import Link from 'next/link';

/** Nothing matched: say so, and offer the same words without filters when there were any. */
export function SearchNoResults({ query, clearHref }: { query: string; clearHref: string | null }) {
  return (
    <div className="rounded-xl border border-dashed border-[var(--color-line)] bg-white p-6 text-sm" role="status" data-testid="search-no-results">
      <p className="font-medium">Nothing matches “{query}”.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-[var(--color-muted)]">
        {clearHref && (
          <li>
            <Link href={clearHref} className="text-[var(--color-accent)] hover:underline">
              Remove the filters
            </Link>{' '}
            and search again.
          </li>
        )}
        <li>Use fewer or shorter words, or end one with * to match how it begins (sanction*).</li>
        <li>Check the spelling, and any quotes or -exclusions.</li>
      </ul>
    </div>
  );
}
