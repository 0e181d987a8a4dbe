import Link from 'next/link';
import { SEARCH_DOC_KINDS } from '@/lib/domain/search';
import { ARTICLE_STATUS_LABELS, CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import { ARTICLE_STATUSES, CLAIM_STATUSES } from '@/lib/domain/statuses';
import { SEARCH_KIND_LABELS } from './hit-labels';
import { uniqueMembers, type SearchFilterWorkspace } from './search-filter-options';
import { clearFiltersHref, hasFilters, type SearchFormValues } from './search-url';

const labelClass = 'block text-xs font-medium text-[var(--color-muted)]';
const controlClass = 'mt-1 h-9 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm text-[var(--color-ink)]';

/** The filters of the search form: plain GET controls, so a filtered search is a link. */
export function SearchFilters({ values, workspaces }: { values: SearchFormValues; workspaces: SearchFilterWorkspace[] }) {
  const several = workspaces.length > 1;
  const members = uniqueMembers(workspaces);
  return (
    <fieldset className="rounded-xl border border-[var(--color-line)] bg-white p-4" data-testid="search-filters">
      <legend className="px-1 text-sm font-semibold">Filters</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-1">
        {several && (
          <label className={labelClass}>
            Workspace
            <select name="workspace" defaultValue={values.workspace} className={controlClass}>
              <option value="">All workspaces</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={labelClass}>
          Verdict
          <select name="verdict" defaultValue={values.verdict} className={controlClass} data-testid="search-filter-verdict">
            <option value="">Any verdict</option>
            {workspaces.map((w) =>
              several ? (
                <optgroup key={w.id} label={w.name}>
                  {w.levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </optgroup>
              ) : (
                w.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))
              ),
            )}
          </select>
        </label>
        <label className={labelClass}>
          Claim status
          <select name="status" defaultValue={values.status} className={controlClass} data-testid="search-filter-status">
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Claimant
          <input name="claimant" defaultValue={values.claimant} maxLength={200} placeholder="Whole name" className={controlClass} data-testid="search-filter-claimant" />
        </label>
        <label className={labelClass}>
          Reviewer
          <select name="reviewer" defaultValue={values.reviewer} className={controlClass} data-testid="search-filter-reviewer">
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Article status
          <select name="articleStatus" defaultValue={values.articleStatus} className={controlClass} data-testid="search-filter-article-status">
            <option value="">Any article status</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ARTICLE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          From
          <input type="date" name="from" defaultValue={values.from} className={controlClass} data-testid="search-filter-from" />
        </label>
        <label className={labelClass}>
          To
          <input type="date" name="to" defaultValue={values.to} className={controlClass} data-testid="search-filter-to" />
        </label>
      </div>
      <fieldset className="mt-4">
        <legend className={labelClass}>Only in</legend>
        <div className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-sm sm:grid-cols-4 lg:grid-cols-1">
          {SEARCH_DOC_KINDS.map((kind) => (
            <label key={kind} className="inline-flex items-center gap-2">
              <input type="checkbox" name="kind" value={kind} defaultChecked={values.kind.includes(kind)} className="h-4 w-4" />
              {SEARCH_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className="inline-flex h-9 items-center rounded-md border border-[var(--color-line)] bg-white px-3 text-sm font-medium hover:bg-gray-50">
          Apply filters
        </button>
        {hasFilters(values) && (
          <Link href={clearFiltersHref(values)} className="text-sm text-[var(--color-accent)] hover:underline" data-testid="search-clear-filters">
            Clear filters
          </Link>
        )}
      </div>
    </fieldset>
  );
}
