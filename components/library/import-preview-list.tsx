import type { LibraryPreviewEntry } from '@/lib/claim-review/import-response';

const ACTION_LABELS = { create: 'New', update: 'Updates the library copy', unchanged: 'Already in the library, unchanged' } as const;
const ACTION_STYLES = { create: 'bg-green-50 text-green-800', update: 'bg-amber-50 text-amber-900', unchanged: 'bg-gray-100 text-gray-700' } as const;

/** Each ClaimReview found in the input: what importing it would do, or why it cannot be imported. */
export function ImportPreviewList({ entries }: { entries: LibraryPreviewEntry[] }) {
  return (
    <ol className="divide-y divide-[var(--color-line)] rounded-lg border border-[var(--color-line)]" data-testid="library-preview">
      {entries.map((entry) => (
        <li key={entry.index} className={`px-4 py-3 text-sm ${entry.item ? '' : 'bg-red-50/60'}`} data-testid="library-preview-item" data-valid={entry.item ? 'true' : 'false'}>
          <div className="flex items-start gap-3">
            <span className="w-6 shrink-0 text-right text-[var(--color-muted)]">{entry.index + 1}.</span>
            <div className="min-w-0 flex-1">
              {entry.item ? (
                <>
                  <p className="font-serif" dir="auto">
                    “{entry.item.claimReviewed}”
                  </p>
                  <p className="mt-0.5 text-[var(--color-muted)]">
                    {[entry.item.claimant, entry.item.reviewOrg, entry.item.ratingName, entry.item.reviewDate].filter(Boolean).join(' · ')}
                  </p>
                  <p className="truncate text-xs text-[var(--color-muted)]">{entry.item.url}</p>
                </>
              ) : (
                <p className="font-medium text-red-800">Cannot be imported</p>
              )}
              {entry.errors.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-red-800" data-testid="library-preview-errors">
                  {entry.errors.map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              )}
              {entry.warnings.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-xs text-amber-900">
                  {entry.warnings.map((message, i) => (
                    <li key={i}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
            {entry.action && <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${ACTION_STYLES[entry.action]}`}>{ACTION_LABELS[entry.action]}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
