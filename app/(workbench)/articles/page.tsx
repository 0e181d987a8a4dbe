import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listArticlesForUser } from '@/db/queries/articles';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { NewArticleForm } from '@/components/articles/new-article-form';
import { StatusBadge } from '@/components/articles/status-badge';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Articles' };

export default async function ArticlesPage() {
  const user = await requireUser('/articles');
  const db = getDb();
  const articles = await listArticlesForUser(db, user.id);
  const workspaces = await listWorkspacesForUser(db, user.id);
  const writableWorkspaces = workspaces.filter((w) => can(w.role, 'article:create'));
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="mt-1 text-sm text-[var(--color-muted)]">
            Stories your desk is fact-checking.
            {workspaces.some((w) => can(w.role, 'article:delete')) && (
              <>
                {' '}
                <Link href="/articles/trash" className="text-[var(--color-accent)] underline" data-testid="trash-link">
                  Trash
                </Link>
              </>
            )}
          </p>
        </div>
        {writableWorkspaces.length > 0 && <NewArticleForm workspaces={writableWorkspaces.map((w) => ({ id: w.id, name: w.name }))} />}
      </div>
      {articles.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-[var(--color-line)] bg-white p-10 text-center text-[var(--color-muted)]">
          No articles yet. {writableWorkspaces.length > 0 ? 'Import one with “New article”.' : 'Ask an editor to import one.'}
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-[var(--color-line)] overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.id}>
              <Link href={`/articles/${a.id}`} className="flex items-center gap-4 px-5 py-4 hover:bg-gray-50 focus-visible:bg-gray-50">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{a.title}</p>
                  <p className="mt-0.5 text-sm text-[var(--color-muted)]">
                    {[a.outlet, a.publishedOn, a.workspaceName].filter(Boolean).join(' · ')}
                  </p>
                </div>
                <span className="w-36 text-right text-sm tabular-nums text-[var(--color-muted)]">
                  {a.claimCount} {a.claimCount === 1 ? 'claim' : 'claims'}
                  {a.claimCount > 0 && <span className="block text-xs">{a.ratedCount} with a final verdict</span>}
                  {a.claimCount > 0 && (
                    <span aria-hidden className="mt-1 block h-1.5 overflow-hidden rounded-full bg-gray-200">
                      <span className="block h-full rounded-full bg-emerald-600" style={{ width: `${Math.round((100 * a.ratedCount) / a.claimCount)}%` }} />
                    </span>
                  )}
                </span>
                <StatusBadge status={a.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
