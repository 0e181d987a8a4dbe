import Link from 'next/link';
import { offsetHref, type SearchFormValues } from './search-url';

/** Previous / next page of result groups, with where this page sits. */
export function SearchPager({ values, totalGroups }: { values: SearchFormValues; totalGroups: number }) {
  const { offset, limit } = values;
  if (offset === 0 && totalGroups <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(page, Math.ceil(totalGroups / limit));
  const linkClass = 'inline-flex h-9 items-center rounded-md border border-[var(--color-line)] bg-white px-3 text-sm font-medium hover:bg-gray-50';
  return (
    <nav aria-label="Result pages" className="flex items-center justify-between gap-3 pt-2" data-testid="search-pager">
      {offset > 0 ? (
        <Link href={offsetHref(values, offset - limit)} rel="prev" className={linkClass}>
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-[var(--color-muted)]">
        Page {page} of {pages}
      </span>
      {offset + limit < totalGroups ? (
        <Link href={offsetHref(values, offset + limit)} rel="next" className={linkClass}>
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
