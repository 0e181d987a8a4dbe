'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { useArticleLocked, useClaimCache } from '@/components/workbench/queries';
import type { ClaimDto, SourceDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { textFragmentUrl } from '@/lib/sources/text-fragment';
import { SourceForm, type SourceDraft } from './source-form';
import { SourceArchive } from './source-archive';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The claim's sources, each marked public or internal: add, edit (with the version editing began
 * from) and remove. Read-only while the article is published or retracted.
 */
export function SourceList({ claim }: { claim: ClaimDto }) {
  const { id: claimId, sources } = claim;
  const locked = useArticleLocked();
  const canArchive = useWorkbench((s) => can(s.user.role, 'source:write'));
  const editable = canArchive && !locked;
  const { updateClaims } = useClaimCache();
  // Applied to the latest sources in the cache (never a stale copy captured before a request).
  const onChange = (update: (sources: SourceDto[]) => SourceDto[]) => updateClaims((claims) => claims.map((c) => (c.id === claimId ? { ...c, sources: update(c.sources ?? []) } : c)));
  const [adding, setAdding] = useState(false);
  // The version the user started editing from: a colleague's save in between must make ours a 409.
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);

  async function add(draft: SourceDraft): Promise<string | null> {
    const result = await apiFetch<{ source: SourceDto }>(`/api/claims/${claimId}/sources`, { method: 'POST', body: draft });
    if (!result.ok) return result.error.message;
    onChange((current) => [...current, result.data.source]);
    setAdding(false);
    notifySuccess('Source added.');
    return null;
  }

  async function update(source: SourceDto, version: number, draft: SourceDraft): Promise<string | null> {
    const result = await apiFetch<{ source: SourceDto }>(`/api/sources/${source.id}`, { method: 'PATCH', body: { ...draft, version } });
    if (!result.ok) return result.status === 409 ? 'Someone else changed this source while you were editing. Cancel to see their version, then edit again.' : result.error.message;
    onChange((current) => current.map((s) => (s.id === source.id ? result.data.source : s)));
    setEditing(null);
    notifySuccess('Source updated.');
    return null;
  }

  async function remove(source: SourceDto) {
    if (!window.confirm(`Remove the source “${source.title || hostOf(source.url)}”?`)) return;
    const result = await apiFetch(`/api/sources/${source.id}`, { method: 'DELETE', body: { version: source.version } });
    if (!result.ok) {
      notifyError(result.error.message);
      return;
    }
    onChange((current) => current.filter((s) => s.id !== source.id));
    notifySuccess('Source removed.');
  }

  return (
    <section aria-labelledby="sources-heading" className="border-t border-[var(--color-line)] px-5 py-5">
      <div className="flex items-center justify-between">
        <h3 id="sources-heading" className="text-sm font-semibold">
          Sources <span className="font-normal text-[var(--color-muted)]">({sources.length})</span>
        </h3>
        {editable && !adding && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
            Add source
          </Button>
        )}
      </div>
      <ul className="mt-3 space-y-3" data-testid="source-list">
        {sources.map((source) =>
          editing?.id === source.id ? (
            <li key={source.id}>
              <SourceForm initial={source} submitLabel="Save source" onSubmit={(d) => update(source, editing.version, d)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={source.id} className="rounded-lg border border-[var(--color-line)] p-3" data-testid="source-item">
              <div className="flex items-start gap-2">
                <a href={source.url} target="_blank" rel="noopener noreferrer" className="min-w-0 flex-1 font-medium text-[var(--color-accent)] underline-offset-2 hover:underline" dir="auto">
                  {source.title || hostOf(source.url)}
                </a>
                <span
                  className={`shrink-0 rounded px-1.5 text-xs font-medium ${source.isPublic ? 'bg-emerald-100 text-emerald-900' : 'bg-gray-100 text-gray-700'}`}
                  title={source.isPublic ? 'Shown on the published fact-check' : 'Internal: never published'}
                  data-testid="source-visibility"
                >
                  {source.isPublic ? 'Public' : 'Internal'}
                </span>
              </div>
              <p className="text-xs text-[var(--color-muted)]">
                {[source.publisher || hostOf(source.url), source.accessedOn && `accessed ${source.accessedOn}`].filter(Boolean).join(' · ')}
              </p>
              {source.excerpt && <SourcePassage source={source} />}
              <SourceArchive source={source} canArchive={canArchive} onArchive={(archive) => onChange((current) => current.map((s) => (s.id === source.id ? { ...s, archive } : s)))} />
              {editable && (
                <div className="mt-2 flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => setEditing({ id: source.id, version: source.version })} aria-label={`Edit source ${source.title || hostOf(source.url)}`}>
                    Edit
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => void remove(source)} aria-label={`Remove source ${source.title || hostOf(source.url)}`}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {sources.length === 0 && !adding && <p className="mt-2 text-sm text-[var(--color-muted)]">No sources yet.</p>}
      {adding && (
        <div className="mt-3">
          <SourceForm submitLabel="Add source" onSubmit={add} onCancel={() => setAdding(false)} />
        </div>
      )}
    </section>
  );
}

/**
 * The quoted passage as a quotation (with the words around it, when given, dimmed), and a link to
 * its place on the source page: a URL text fragment (#:~:text=) that Chromium-based browsers scroll
 * to and highlight; other browsers open the page.
 */
function SourcePassage({ source }: { source: SourceDto }) {
  const href = textFragmentUrl(source.url, { exact: source.excerpt, prefix: source.excerptPrefix, suffix: source.excerptSuffix });
  return (
    <figure className="mt-2" data-testid="source-passage">
      <blockquote className="border-l-2 border-gray-300 pl-2 text-sm text-gray-700" dir="auto" cite={source.url}>
        {source.excerptPrefix && <span className="text-[var(--color-muted)]">…{source.excerptPrefix} </span>}
        <q className="font-serif italic text-[var(--color-ink)]">{source.excerpt}</q>
        {source.excerptSuffix && <span className="text-[var(--color-muted)]"> {source.excerptSuffix}…</span>}
      </blockquote>
      {href && (
        <figcaption className="mt-1 pl-2 text-xs">
          <a href={href} target="_blank" rel="noopener noreferrer" className="text-[var(--color-accent)] underline underline-offset-2" data-testid="source-passage-link">
            Open the passage<span className="sr-only"> on {hostOf(source.url)} (new tab)</span>
          </a>
        </figcaption>
      )}
    </figure>
  );
}
