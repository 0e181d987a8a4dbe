import type { ArticleStatus } from '@/lib/domain/statuses';

const STYLES: Record<ArticleStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-gray-100 text-gray-700' },
  in_review: { label: 'In review', className: 'bg-amber-100 text-amber-900' },
  ready: { label: 'Ready', className: 'bg-sky-100 text-sky-900' },
  published: { label: 'Published', className: 'bg-emerald-100 text-emerald-900' },
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const style = STYLES[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`}>{style.label}</span>;
}
