import { ARTICLE_STATUS_LABELS } from '@/lib/domain/status-labels';
import type { ArticleStatus } from '@/lib/domain/statuses';

const BADGE_CLASSES: Record<ArticleStatus, string> = {
  draft: 'bg-gray-100 text-gray-700',
  in_review: 'bg-amber-100 text-amber-900',
  ready: 'bg-sky-100 text-sky-900',
  published: 'bg-emerald-100 text-emerald-900',
  retracted: 'bg-red-100 text-red-900',
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  // A label missing for a new status must not blank the badge.
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${BADGE_CLASSES[status] ?? BADGE_CLASSES.draft}`} data-testid="status-badge" data-status={status}>
      {ARTICLE_STATUS_LABELS[status] ?? status}
    </span>
  );
}
