'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import type { ClaimImpact, ImpactKind, UpdateImpact } from '@/lib/anchoring/update-impact';
import type { ExtractedMetadata } from '@/lib/domain/imports';
import { isArticleLocked } from '@/lib/publishing/lock';
import type { SideBySide } from '@/lib/text/side-by-side';
import { MAX_CORRECTION_NOTE_CHARS } from '@/lib/validations/publishing';
import { ModalDialog } from './modal-dialog';
import { getJson, useArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import { SideBySideView } from './revision-compare';
import { scrollToClaim } from './scroll-to-claim';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

/** GET /api/articles/:id/updates/:updateId (db/queries/article-updates.ts ArticleUpdateView). */
interface UpdateView {
  update: { id: string; status: 'pending' | 'accepted' | 'dismissed'; url: string; fetchedAt: string; baseRevision: number; acceptedRevision: number | null; metadata: ExtractedMetadata; createdByName: string | null };
  revision: number;
  revisionMoved: boolean;
  noteRequired: boolean;
  articleStatus: string;
  metadataChanges: Array<{ field: string; current: string; fetched: string }>;
  diff: SideBySide;
  impact: UpdateImpact;
}

type CheckAnswer = { changed: false; checkedAt: string; revision: number } | { changed: true; update: { id: string } };

const FIELD_LABELS: Record<string, string> = { title: 'Title', byline: 'Byline', outlet: 'Outlet', publishedOn: 'Publication date', language: 'Language' };
const KIND_LABELS: Record<ImpactKind, string> = {
  unchanged: 'Unchanged',
  moved: 'Moved',
  edited: 'Words edited',
  partial: 'Partly orphaned',
  orphaned: 'Orphaned',
  found: 'Found again',
};
const KIND_STYLES: Record<ImpactKind, string> = {
  unchanged: 'bg-gray-100 text-gray-800',
  moved: 'bg-blue-100 text-blue-900',
  edited: 'bg-amber-100 text-amber-900',
  partial: 'bg-orange-100 text-orange-900',
  orphaned: 'bg-red-100 text-red-900',
  found: 'bg-green-100 text-green-900',
};

/**
 * The publish dialog's correction note, pre-filled with the note written when a story update was
 * accepted since the last publication (only while the note is still empty; once per opening).
 */
export function usePrefillCorrectionNote(everPublished: boolean, lastPublishedAt: string | null, current: string, apply: (note: string) => void): void {
  const articleId = useWorkbench((s) => s.articleId);
  const updates = useQuery({
    queryKey: ['article', articleId, 'updates'],
    queryFn: () => getJson<{ updates: Array<{ status: string; note: string | null; decidedAt: string | null }> }>(`/api/articles/${articleId}/updates`),
    enabled: everPublished,
    staleTime: 0,
  });
  const suggestion = updates.data?.updates.find((u) => u.status === 'accepted' && u.note && u.decidedAt && (!lastPublishedAt || u.decidedAt > lastPublishedAt))?.note ?? null;
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !suggestion) return;
    applied.current = true;
    if (!current.trim()) apply(suggestion);
  }, [suggestion, current, apply]);
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * "Check for updates" (editors and owners, articles with a web address): fetches the page again;
 * no change → a toast; a change → the update dialog (side-by-side diff, the claims it touches,
 * Accept / Dismiss).
 */
export function StoryUpdatesButton() {
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const meta = useArticleMeta();
  const [checking, setChecking] = useState(false);
  const [updateId, setUpdateId] = useState<string | null>(null);
  if (!can(role, 'article:edit') || !meta.url || !/^https?:\/\//i.test(meta.url)) return null;

  async function check() {
    if (checking) return;
    setChecking(true);
    const result = await apiFetch<CheckAnswer>(`/api/articles/${articleId}/updates`, { method: 'POST' });
    setChecking(false);
    if (!result.ok) {
      notifyError(result.error.message);
      return;
    }
    if (result.data.changed) setUpdateId(result.data.update.id);
    else notifySuccess(`No changes: the page still has the text of revision ${result.data.revision} (checked at ${timeOf(result.data.checkedAt)}).`);
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => void check()} disabled={checking} aria-busy={checking} title={`Fetch ${meta.url} again and compare it with the article text`}>
        {checking && <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
        {checking ? 'Checking for updates…' : 'Check for updates'}
      </Button>
      {updateId && <StoryUpdateDialog updateId={updateId} onClose={() => setUpdateId(null)} />}
    </>
  );
}

function ImpactList({ impact, onOpenClaim }: { impact: UpdateImpact; onOpenClaim: (claim: ClaimImpact) => void }) {
  const touched = impact.claims.filter((c) => c.kind !== 'unchanged');
  const untouched = impact.claims.length - touched.length;
  if (impact.claims.length === 0) return <p className="text-sm text-[var(--color-muted)]">This article has no claims yet.</p>;
  return (
    <>
      {touched.length === 0 ? (
        <p className="text-sm">No claim is touched: every claim keeps its words.</p>
      ) : (
        <ul className="space-y-1.5" data-testid="update-impact">
          {touched.map((claim) => (
            <li key={claim.id} data-impact={claim.kind}>
              <button type="button" onClick={() => onOpenClaim(claim)} className="flex w-full items-start gap-2 rounded-md px-1.5 py-1 text-left hover:bg-gray-50" aria-label={`Claim ${claim.number}: ${KIND_LABELS[claim.kind]}. Show it in the article.`}>
                <span className="shrink-0 font-semibold">#{claim.number}</span>
                <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLES[claim.kind]}`}>{KIND_LABELS[claim.kind]}</span>
                <span className="min-w-0">
                  <q dir="auto">{claim.quote}</q>
                  {claim.newQuote !== null && claim.newQuote !== claim.quote && (
                    <>
                      {' → '}
                      <q dir="auto" className="text-green-900">
                        {claim.newQuote}
                      </q>
                    </>
                  )}
                  {claim.kind === 'partial' && (
                    <span className="text-xs text-[var(--color-muted)]">
                      {' '}
                      ({claim.partsFound} of {claim.partsTotal} parts found)
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {untouched > 0 && touched.length > 0 && <p className="mt-1 text-xs text-[var(--color-muted)]">{untouched === 1 ? '1 other claim keeps its words.' : `${untouched} other claims keep their words.`}</p>}
    </>
  );
}

function StoryUpdateDialog({ updateId, onClose }: { updateId: string; onClose: () => void }) {
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const store = useWorkbenchStore();
  const client = useQueryClient();
  const ids = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<'accept' | 'dismiss' | null>(null);
  const view = useQuery({
    queryKey: ['article', articleId, 'updates', updateId],
    queryFn: () => getJson<UpdateView>(`/api/articles/${articleId}/updates/${updateId}`),
    staleTime: 0,
  });
  const data = view.data;
  const locked = data ? isArticleLocked(data.articleStatus as Parameters<typeof isArticleLocked>[0]) : false;
  const decided = data ? data.update.status !== 'pending' : false;
  const noteMissing = Boolean(data?.noteRequired) && note.trim().length === 0;

  function openClaim(claim: ClaimImpact) {
    store.getState().openClaim(claim.id);
    scrollToClaim(claim.id);
    onClose();
  }

  async function refreshArticle() {
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.article(articleId), exact: true }),
      client.invalidateQueries({ queryKey: queryKeys.articleText(articleId), exact: true }),
      client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true }),
      client.invalidateQueries({ queryKey: queryKeys.publication(articleId), exact: true }),
      client.invalidateQueries({ queryKey: ['article', articleId, 'revisions'] }),
    ]);
  }

  async function accept() {
    if (!data || pending || noteMissing) return;
    setPending('accept');
    setError(null);
    const result = await apiFetch<{ article: { revision: number }; anchored: number; orphaned: number; partial: number; newlyOrphaned: number }>(`/api/articles/${articleId}/updates/${updateId}/accept`, {
      method: 'POST',
      body: { revision: data.revision, ...(data.noteRequired ? { note: note.trim() } : {}) },
    });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      // The text moved on (or the update was decided): show the diff against what is there now.
      if (result.status === 409) void view.refetch();
      return;
    }
    await refreshArticle();
    const { article, newlyOrphaned } = result.data;
    notifySuccess(`Accepted: the article text is now revision ${article.revision}.${newlyOrphaned > 0 ? ` ${newlyOrphaned} claim${newlyOrphaned === 1 ? '' : 's'} lost ${newlyOrphaned === 1 ? 'its' : 'their'} words: see the orphaned claims.` : ''}`);
    onClose();
  }

  async function dismiss() {
    if (pending) return;
    setPending('dismiss');
    setError(null);
    const result = await apiFetch(`/api/articles/${articleId}/updates/${updateId}/dismiss`, { method: 'POST' });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    notifySuccess('Dismissed: the article keeps its text.');
    onClose();
  }

  return (
    <ModalDialog title="The story has changed" onClose={onClose} testId="story-update-dialog" size="lg">
      {!data ? (
        <p className="mt-4 text-sm text-[var(--color-muted)]" role={view.error ? 'alert' : undefined}>
          {view.error ? `Could not load the update: ${view.error.message}` : 'Comparing the page with the article…'}
        </p>
      ) : (
        <div className="mt-2 space-y-5">
          <p className="text-sm text-[var(--color-muted)]">
            Fetched from{' '}
            <a href={data.update.url} target="_blank" rel="noopener noreferrer" className="break-all underline">
              {data.update.url}
            </a>{' '}
            <LocalTime iso={data.update.fetchedAt} />, compared with revision {data.revision} of the article.
            {data.revisionMoved && <span className="block font-medium text-amber-900">The article text changed since this page was fetched (it was revision {data.update.baseRevision}); the comparison is with the text as it is now.</span>}
          </p>

          {data.metadataChanges.length > 0 && (
            <section aria-labelledby={`${ids}-meta`}>
              <h3 id={`${ids}-meta`} className="mb-1 text-sm font-semibold">
                Details that changed
              </h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                {data.metadataChanges.map((m) => (
                  <div key={m.field} className="contents">
                    <dt className="font-medium">{FIELD_LABELS[m.field] ?? m.field}</dt>
                    <dd dir="auto">
                      <del className="text-red-900">{m.current || '(none)'}</del> → <ins className="text-green-900 no-underline">{m.fetched}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
              <p className="mt-1 text-xs text-[var(--color-muted)]">Accepting changes the text only; edit the details yourself if they should follow.</p>
            </section>
          )}

          <section aria-labelledby={`${ids}-claims`}>
            <h3 id={`${ids}-claims`} className="mb-1 text-sm font-semibold">
              Claims this change touches
            </h3>
            <ImpactList impact={data.impact} onOpenClaim={openClaim} />
          </section>

          <section aria-labelledby={`${ids}-diff`}>
            <h3 id={`${ids}-diff`} className="mb-1 text-sm font-semibold">
              What changed
            </h3>
            <SideBySideView diff={data.diff} oldLabel={`Article (revision ${data.revision})`} newLabel="Page now" testId="story-update-diff" />
          </section>

          {decided ? (
            <p className="text-sm font-medium">This update was {data.update.status} already.</p>
          ) : can(role, 'article:edit') ? (
            <section aria-labelledby={`${ids}-decide`} className="border-t border-[var(--color-line)] pt-4">
              <h3 id={`${ids}-decide`} className="sr-only">
                Accept or dismiss
              </h3>
              {locked ? (
                <p className="mb-3 text-sm text-amber-900" role="note">
                  This fact-check is published, so its text is read-only. To take the new version, reopen it for correction first (Publication → Reopen), then check for updates again.
                </p>
              ) : (
                data.noteRequired && (
                  <div className="mb-3">
                    <label htmlFor={`${ids}-note`} className="mb-1 block text-sm font-medium">
                      Correction note (required: this fact-check was published before)
                    </label>
                    <textarea
                      id={`${ids}-note`}
                      rows={3}
                      maxLength={MAX_CORRECTION_NOTE_CHARS}
                      value={note}
                      onChange={(event) => setNote(event.target.value)}
                      className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm"
                      aria-describedby={`${ids}-note-hint`}
                    />
                    <p id={`${ids}-note-hint`} className="text-xs text-[var(--color-muted)]">
                      What changed, for readers. It is offered again when you republish.
                    </p>
                  </div>
                )
              )}
              {error && (
                <p role="alert" className="mb-3 text-sm text-red-800">
                  {error}
                </p>
              )}
              <div className="flex flex-wrap justify-end gap-2">
                <Button variant="secondary" size="sm" onClick={onClose}>
                  Close
                </Button>
                <Button variant="secondary" size="sm" onClick={() => void dismiss()} disabled={pending !== null}>
                  {pending === 'dismiss' ? 'Dismissing…' : 'Dismiss'}
                </Button>
                <Button size="sm" onClick={() => void accept()} disabled={locked || noteMissing || pending !== null}>
                  {pending === 'accept' ? 'Accepting…' : 'Accept new version'}
                </Button>
              </div>
            </section>
          ) : null}
        </div>
      )}
      {(!data || decided) && (
        <div className="mt-6 flex justify-end">
          <Button variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </ModalDialog>
  );
}
