import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listLibraryItems } from '@/db/queries/claim-library';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { LibraryImportPanel } from '@/components/library/import-panel';
import { LibraryFilter } from '@/components/library/library-filter';
import { LibraryList } from '@/components/library/library-list';
import { can } from '@/lib/auth/permissions';
import { plural } from '@/lib/format/plural';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Claim library' };

/** How many items one page of the library shows. */
const PAGE_SIZE = 100;

/**
 * The workspace's claim library: other fact-checkers' published reviews (imported ClaimReviews),
 * which "Already checked?" and search also draw on. Members read; editors and owners import and
 * remove. `?workspace=` picks one of the viewer's workspaces, `?q=` filters, `?page=` pages.
 */
export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ workspace?: string; q?: string; page?: string }> }) {
  const user = await requireUser('/library');
  const db = getDb();
  const workspaces = await listWorkspacesForUser(db, user.id);
  const params = await searchParams;
  const current = workspaces.find((w) => w.id === params.workspace) ?? workspaces[0];
  if (!current) notFound();
  const q = typeof params.q === 'string' ? params.q.slice(0, 200) : '';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? '1', 10) || 1));
  const { items, total } = await listLibraryItems(db, current.id, { q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const canImport = can(current.role, 'article:create');
  const pageHref = (n: number) => `/library?${new URLSearchParams({ workspace: current.id, ...(q ? { q } : {}), page: String(n) })}`;

  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold tracking-tight">Claim library</h1>
          <p className="mt-1 max-w-2xl text-sm text-[var(--color-muted)]">
            Other fact-checkers’ published reviews, imported as ClaimReview. They show up in search and in “Already checked?” beside matching claims.
          </p>
          {workspaces.length > 1 && (
            <nav aria-label="Workspace" className="mt-2 flex flex-wrap gap-1 text-sm">
              {workspaces.map((w) => (
                <Link key={w.id} href={`/library?workspace=${w.id}`} aria-current={w.id === current.id ? 'page' : undefined} className={`rounded px-2 py-0.5 ${w.id === current.id ? 'bg-gray-900 text-white' : 'hover:bg-gray-100'}`}>
                  {w.name}
                </Link>
              ))}
            </nav>
          )}
        </div>
        <div className="shrink-0 text-sm sm:max-w-xs sm:text-right">
          <a href={`/api/workspaces/${current.id}/claim-review-feed`} download className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline" data-testid="library-feed-link">
            Download our ClaimReview feed
          </a>
          <p className="mt-0.5 text-xs text-[var(--color-muted)]">For partners: every published fact-check of {current.name} with a verdict, as schema.org ClaimReview JSON-LD.</p>
        </div>
      </div>

      {canImport && <LibraryImportPanel workspaceId={current.id} />}

      <section aria-labelledby="library-list-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="library-list-heading" className="text-lg font-semibold">
            {q ? `${plural(total, 'match', 'matches')} for “${q}”` : plural(total, 'fact-check')}
          </h2>
          <div className="w-full sm:w-96">
            <LibraryFilter workspaceId={current.id} q={q} />
          </div>
        </div>
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-[var(--color-line)] bg-white p-6 text-center text-sm text-[var(--color-muted)]" data-testid="library-empty">
            {q ? 'Nothing in the library matches this filter.' : canImport ? 'The library is empty. Import ClaimReviews above.' : 'The library is empty. Editors can import other fact-checkers’ ClaimReviews here.'}
          </p>
        ) : (
          <LibraryList items={items} workspaceId={current.id} canDelete={canImport} />
        )}
        {total > PAGE_SIZE && (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            {page > 1 ? <Link href={pageHref(page - 1)}>← Newer</Link> : <span />}
            <span className="text-[var(--color-muted)]">
              Page {page} of {Math.ceil(total / PAGE_SIZE)}
            </span>
            {page * PAGE_SIZE < total ? <Link href={pageHref(page + 1)}>Older →</Link> : <span />}
          </nav>
        )}
      </section>
    </main>
  );
}
