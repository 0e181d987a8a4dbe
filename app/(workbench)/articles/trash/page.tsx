import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listTrash, purgeExpiredTrash } from '@/db/queries/article-trash';
import { TrashList } from '@/components/articles/trash-list';
import { TRASH_RETENTION_DAYS } from '@/lib/domain/imports';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Trash' };

/**
 * Deleted articles of the workspaces where the user may restore them (owners and editors), with
 * who deleted them, when, and when they are deleted for good. Reading the trash first deletes for
 * good what has been there longer than TRASH_RETENTION_DAYS.
 */
export default async function TrashPage() {
  const user = await requireUser('/articles/trash');
  const db = getDb();
  await purgeExpiredTrash(db);
  const items = await listTrash(db, user.id);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <Link href="/articles" className="text-[var(--color-accent)] underline">
          ← Articles
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Trash</h1>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        Deleted articles stay here for {TRASH_RETENTION_DAYS} days with their claims, sources and discussion, then they are deleted for good. Owners and editors can restore them.
      </p>
      <TrashList items={items} />
    </main>
  );
}
