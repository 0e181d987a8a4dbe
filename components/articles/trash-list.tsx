'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { notifyError } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';

export interface TrashListItem {
  id: string;
  workspaceName: string;
  title: string;
  outlet: string;
  claimCount: number;
  deletedAt: string;
  deletedByName: string | null;
  purgeAt: string;
}

/** The trash page's list: each deleted article with who/when, when it goes for good, and Restore. */
export function TrashList({ items }: { items: TrashListItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);

  const restore = async (item: TrashListItem) => {
    setBusy(item.id);
    const result = await apiFetch<{ article: { id: string } }>(`/api/articles/${item.id}/restore`, { method: 'POST' });
    setBusy(null);
    if (!result.ok) return notifyError(result.error.message);
    toast.success(`Restored “${item.title}”.`, { testId: 'toast', action: { label: 'Open', onClick: () => router.push(`/articles/${item.id}`) } });
    router.refresh();
  };

  if (items.length === 0) {
    return <p className="mt-10 rounded-lg border border-dashed border-[var(--color-line)] bg-white p-10 text-center text-[var(--color-muted)]">The trash is empty.</p>;
  }
  return (
    <ul className="mt-6 divide-y divide-[var(--color-line)] overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" aria-label="Deleted articles" data-testid="trash-list">
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-4 px-5 py-4" data-testid="trash-item">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium" dir="auto" data-testid="trash-title">
              {item.title}
            </p>
            <p className="mt-0.5 text-sm text-[var(--color-muted)]">
              {[item.outlet, item.workspaceName, `${item.claimCount} ${item.claimCount === 1 ? 'claim' : 'claims'}`].filter(Boolean).join(' · ')}
            </p>
            <p className="mt-0.5 text-sm text-[var(--color-muted)]">
              Deleted by {item.deletedByName ?? 'a former member'} · <LocalTime iso={item.deletedAt} /> · <span data-testid="trash-purge">
                deleted for good on <LocalTime iso={item.purgeAt} style="medium" />
              </span>
            </p>
          </div>
          <Button variant="secondary" size="sm" onClick={() => void restore(item)} disabled={busy === item.id} data-testid="trash-restore">
            Restore
          </Button>
        </li>
      ))}
    </ul>
  );
}
