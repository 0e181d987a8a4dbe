import type { LibraryItemDto } from '@/lib/search/types';
import { DeleteLibraryItemButton } from './delete-library-item-button';
import { RatingLabel } from './rating-label';

export interface LibraryListProps {
  items: LibraryItemDto[];
  workspaceId: string;
  canDelete: boolean;
}

/**
 * The claim library: one row per imported ClaimReview, anchored at #item-<id> (search links there).
 * Every value is rendered as text; the fact-check opens in a new tab, its address shown.
 */
export function LibraryList({ items, workspaceId, canDelete }: LibraryListProps) {
  return (
    <ul className="divide-y divide-[var(--color-line)] overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" data-testid="library-list">
      {items.map((item) => (
        <li key={item.id} id={`item-${item.id}`} className="scroll-mt-20 px-5 py-4 target:bg-amber-50" data-testid="library-item">
          <div className="flex items-start gap-4">
            <div className="min-w-0 flex-1">
              <p className="font-serif text-[15px] leading-snug" dir="auto" data-testid="library-claim">
                “{item.claimReviewed}”
              </p>
              <p className="mt-1 text-sm text-[var(--color-muted)]">
                {item.claimant ? <span dir="auto">{item.claimant}</span> : <span>Claimant not given</span>}
                {item.claimDate && <span> · said {item.claimDate}</span>}
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <RatingLabel item={item} />
                <span className="font-medium" dir="auto">
                  {item.reviewOrg || 'Unknown fact-checker'}
                </span>
                {item.reviewDate && <span className="text-[var(--color-muted)]">· reviewed {item.reviewDate}</span>}
                {item.language && <span className="text-[var(--color-muted)]">· {item.language}</span>}
              </p>
              <a href={item.url} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block max-w-full truncate text-sm text-[var(--color-accent)] underline-offset-2 hover:underline" data-testid="library-link">
                {item.url}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </div>
            {canDelete && <DeleteLibraryItemButton workspaceId={workspaceId} itemId={item.id} version={item.version} claim={item.claimReviewed} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
