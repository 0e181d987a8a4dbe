import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { decodeSecurityLogCursor, encodeSecurityLogCursor, listSecurityEvents } from '@/db/queries/security-events';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { SecurityLogTable } from '@/components/settings/security-log-table';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Security log' };

const PAGE_SIZE = 50;

/** The owners' view of the security log, newest first, 50 at a time ("Older" pages back). */
export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<{ workspace?: string; before?: string }> }) {
  const user = await requireUser('/settings/security');
  const db = getDb();
  const owned = (await listWorkspacesForUser(db, user.id)).filter((w) => w.role === 'owner');
  const { workspace: requested, before } = await searchParams;
  // Owners only ('member:manage'): a workspace the caller does not own is simply not found.
  const workspace = requested ? owned.find((w) => w.id === requested) : owned[0];
  if (!workspace) notFound();
  const cursor = decodeSecurityLogCursor(before);
  const rows = await listSecurityEvents(db, workspace.id, { limit: PAGE_SIZE + 1, before: cursor });
  const events = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? encodeSecurityLogCursor(events[events.length - 1]!) : null;
  const query = (extra: string) => `/settings/security?workspace=${workspace.id}${extra}`;
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link href={`/settings?workspace=${workspace.id}`} className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            ← Workspace settings
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Security log</h1>
        <p className="mt-1 text-sm text-[var(--color-muted)]">
          {workspace.name}: invitations, membership changes, and the sign-in and account events of its current members. Newest first; times in UTC.
        </p>
      </div>
      <section className="rounded-xl border border-[var(--color-line)] bg-white p-6">
        <SecurityLogTable events={events} />
        <nav aria-label="Security log pages" className="mt-4 flex gap-4 text-sm">
          {cursor && (
            <Link href={query('')} className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
              Newest
            </Link>
          )}
          {older && (
            <Link href={query(`&before=${encodeURIComponent(older)}`)} className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
              Older
            </Link>
          )}
        </nav>
      </section>
    </main>
  );
}
