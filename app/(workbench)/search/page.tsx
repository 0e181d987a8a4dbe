import type { Metadata } from 'next';
import { getDb } from '@/db';
import { searchWorkspaces } from '@/db/queries/search';
import { SearchForm } from '@/components/search/search-form';
import { SearchMessage } from '@/components/search/search-message';
import { SearchResults } from '@/components/search/search-results';
import { SearchTips } from '@/components/search/search-tips';
import { readFormValues, type RawSearchParams } from '@/components/search/search-url';
import { AppError } from '@/lib/errors';
import { parseSearchParams } from '@/lib/search/params';
import type { SearchResults as Results } from '@/lib/search/types';
import { requireUser } from '@/lib/server/session';
import { loadSearchFilterOptions } from './filter-options';

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = readFormValues(await searchParams).q.trim();
  return { title: { absolute: q ? `Search: ${q.slice(0, 80)} — Claimdesk` : 'Search — Claimdesk' } };
}

/** A query the search refuses (too long, a filter it cannot read) is a message on the page, never an error page. */
async function runSearch(userId: string, raw: RawSearchParams): Promise<{ results: Results } | { error: string } | null> {
  const parsed = parseSearchParams(raw);
  if (!parsed.ok) return { error: parsed.error };
  if (!parsed.params.q.trim()) return null;
  try {
    return { results: await searchWorkspaces(getDb(), { userId }, parsed.params) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { error: error.message };
    throw error;
  }
}

export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser('/search');
  const raw = await searchParams;
  const values = readFormValues(raw);
  const workspaces = await loadSearchFilterOptions(user.id);
  const outcome = await runSearch(user.id, raw);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Search</h1>
      <SearchForm values={values} workspaces={workspaces}>
        {outcome === null ? (
          <SearchTips />
        ) : 'error' in outcome ? (
          <SearchMessage message={outcome.error} />
        ) : (
          <SearchResults results={outcome.results} values={values} levelsByWorkspace={new Map(workspaces.map((w) => [w.id, w.levels]))} />
        )}
      </SearchForm>
    </main>
  );
}
