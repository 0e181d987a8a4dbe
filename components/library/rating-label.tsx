import type { LibraryItemDto } from '@/lib/search/types';

/** The other fact-checker's rating in their words, with the number on their scale when given. */
export function RatingLabel({ item }: { item: Pick<LibraryItemDto, 'ratingName' | 'ratingValue' | 'bestRating' | 'worstRating'> }) {
  // "2/5" on a scale that starts at 1; "2 on 0–5" otherwise.
  const scale =
    item.ratingValue === null
      ? null
      : item.bestRating === null
        ? String(item.ratingValue)
        : item.worstRating === null || item.worstRating === 1
          ? `${item.ratingValue}/${item.bestRating}`
          : `${item.ratingValue} on ${item.worstRating}–${item.bestRating}`;
  if (!item.ratingName && !scale) return <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-[var(--color-muted)]">No rating</span>;
  return (
    <span className="rounded bg-gray-900 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="library-rating" dir="auto">
      {item.ratingName || 'Rated'}
      {scale && (
        <span className="font-normal opacity-80" title="The rating on the fact-checker’s own scale">
          {' '}
          ({scale})
        </span>
      )}
    </span>
  );
}
