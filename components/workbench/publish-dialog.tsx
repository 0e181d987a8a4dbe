'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import type { PublicationStateDto, PublishBlocker } from '@/lib/domain/publishing';
import { MAX_CORRECTION_NOTE_CHARS, MAX_PUBLICATION_REASON_CHARS, MAX_SLUG_CHARS } from '@/lib/validations/publishing';
import { ModalDialog } from './modal-dialog';
import { PublicationLog } from './publication-history';
import { blockerLabel, publishProblems, slugProblem, splitPublicUrl } from './publication-view';
import { useArticleMeta, usePublication, type ArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import { scrollToClaim } from './scroll-to-claim';
import { usePrefillCorrectionNote } from './story-updates';
import { refusalDetails, usePublicationPost } from './use-publication-post';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

const textareaClass = 'w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500';

/** What the user typed: kept while the dialog is closed and reopened, dropped once published. */
interface PublishDraft {
  overrideReason: string;
  correctionNote: string;
  /** null: the current address, untouched. */
  slug: string | null;
}

const EMPTY_DRAFT: PublishDraft = { overrideReason: '', correctionNote: '', slug: null };

/**
 * Publish: what blocks it (each blocker opens its claim), an owner's override with a reason, the
 * correction note a republish needs, the public address, and a preview of the public page before
 * the Publish button. Refusals (blockers changed, someone else's change) are shown here, and what
 * was typed stays.
 */
export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<PublishDraft>(EMPTY_DRAFT);
  if (!open) return null;
  return <PublishDialogBody draft={draft} setDraft={setDraft} onClose={onClose} onPublished={() => setDraft(EMPTY_DRAFT)} />;
}

function PublishDialogBody({ draft, setDraft, onClose, onPublished }: { draft: PublishDraft; setDraft: (update: (d: PublishDraft) => PublishDraft) => void; onClose: () => void; onPublished: () => void }) {
  const publication = usePublication({ fresh: true });
  // Blockers held from an earlier opening may be out of date: wait for this opening's answer.
  const [openedAt] = useState(() => Date.now());
  const state = publication.dataUpdatedAt >= openedAt ? publication.data : undefined;
  return (
    <ModalDialog title={state?.everPublished ? 'Republish the corrected fact-check' : 'Publish the fact-check'} onClose={onClose} testId="publish-dialog" size="lg">
      {!state ? (
        <p className="mt-4 text-sm text-[var(--color-muted)]" role={publication.error ? 'alert' : undefined}>
          {publication.error ? `Could not load the publication state: ${publication.error.message}` : 'Checking what is ready to publish…'}
        </p>
      ) : (
        <PublishForm state={state} draft={draft} setDraft={setDraft} onClose={onClose} onPublished={onPublished} />
      )}
    </ModalDialog>
  );
}

function PublishForm({ state, draft, setDraft, onClose, onPublished }: { state: PublicationStateDto; draft: PublishDraft; setDraft: (update: (d: PublishDraft) => PublishDraft) => void; onClose: () => void; onPublished: () => void }) {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  const articleId = useWorkbench((s) => s.articleId);
  const isOwner = useWorkbench((s) => s.user.role === 'owner');
  const post = usePublicationPost();
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const [slugError, setSlugError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const { prefix, slug: currentSlug } = splitPublicUrl(state.publicUrl);
  const slug = (draft.slug ?? currentSlug).trim();
  const blockers = state.blockers;
  const problems = publishProblems({ blockers: blockers.length, isOwner, overrideReason: draft.overrideReason, everPublished: state.everPublished, correctionNote: draft.correctionNote, slug });
  const canProceed = blockers.length === 0 || isOwner;
  const { version } = useArticleMeta();
  usePrefillCorrectionNote(state.everPublished, state.log.at(-1)?.createdAt ?? null, draft.correctionNote, (note) => setDraft((d) => (d.correctionNote.trim() ? d : { ...d, correctionNote: note })));

  function openBlocker(blocker: PublishBlocker) {
    if (!blocker.claimId) return;
    store.getState().openClaim(blocker.claimId);
    scrollToClaim(blocker.claimId);
    onClose();
  }

  /** Saves a changed address first (its own request: it is allowed in any status); the article's version after it. */
  async function saveSlug(from: number): Promise<number | null> {
    if (slug === currentSlug) return from;
    const result = await apiFetch<{ article?: { version?: number } }>(`/api/articles/${articleId}/settings`, { method: 'PATCH', body: { slug, version: from } });
    if (!result.ok) {
      setSlugError(result.error.message);
      if (result.status === 409) void client.invalidateQueries({ queryKey: queryKeys.article(articleId), exact: true });
      return null;
    }
    const saved = result.data.article?.version ?? from;
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, version: Math.max(meta.version, saved) });
    await client.invalidateQueries({ queryKey: queryKeys.publication(articleId), exact: true });
    setDraft((d) => ({ ...d, slug: null }));
    return saved;
  }

  async function publish() {
    if (problems.length > 0 || pending) return;
    setPending(true);
    setError(null);
    setSlugError(null);
    const at = await saveSlug(version);
    if (at === null) return setPending(false);
    const result = await post({
      action: 'publish',
      version: at,
      ...(state.everPublished ? { correctionNote: draft.correctionNote.trim() } : {}),
      ...(blockers.length > 0 && isOwner ? { overrideReason: draft.overrideReason.trim() } : {}),
    });
    setPending(false);
    if (result.ok) {
      onPublished();
      notifySuccess(state.everPublished ? 'Republished with your correction note. The public page shows it now.' : 'Published. The public page is live.');
      onClose();
      return;
    }
    const { blockers: now } = refusalDetails(result.error.details);
    if (result.status === 409 && now) {
      setError(`${result.error.message} The list above is up to date: resolve what it shows${isOwner ? ', or publish anyway with a reason' : ''}.`);
    } else if (result.status === 409) {
      setError(`${result.error.message} The dialog now shows the current state; check it and press Publish again.`);
    } else {
      setError(result.error.message);
    }
  }

  return (
    <div className="mt-4 space-y-6">
      {blockers.length > 0 ? (
        <section aria-labelledby={`${ids}-blockers`} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 id={`${ids}-blockers`} className="text-sm font-semibold text-amber-950">
            {blockers.length === 1 ? 'One thing stops publishing' : `${blockers.length} things stop publishing`}
          </h3>
          <ul className="mt-2 space-y-1">
            {blockers.map((b, i) => (
              <li key={`${b.kind}-${b.claimId ?? i}`}>
                {b.claimId ? (
                  <button type="button" onClick={() => openBlocker(b)} className="text-left text-sm text-amber-950 underline decoration-amber-400 underline-offset-2 hover:decoration-amber-900" data-testid="publish-blocker">
                    {blockerLabel(b)}
                  </button>
                ) : (
                  <span className="text-sm text-amber-950" data-testid="publish-blocker">
                    {blockerLabel(b)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {isOwner ? (
            <div className="mt-4">
              <label htmlFor={`${ids}-override`} className="block text-sm font-semibold text-amber-950">
                Publish anyway
              </label>
              <p id={`${ids}-override-hint`} className="mb-1 text-xs text-amber-900">
                As the owner you may publish despite these. Say why: the reason and the blockers are recorded in the publication history.
              </p>
              <textarea
                id={`${ids}-override`}
                rows={2}
                maxLength={MAX_PUBLICATION_REASON_CHARS}
                value={draft.overrideReason}
                onChange={(e) => setDraft((d) => ({ ...d, overrideReason: e.target.value }))}
                aria-describedby={`${ids}-override-hint`}
                placeholder="Reason to publish anyway"
                className={textareaClass}
                dir="auto"
                data-testid="publish-override-reason"
              />
            </div>
          ) : (
            <p className="mt-3 text-sm font-medium text-amber-950">Resolve these before publishing. Select one to open its claim.</p>
          )}
        </section>
      ) : (
        <p className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950">
          Every claim has a final verdict or is excluded, and none is orphaned.
        </p>
      )}

      {state.everPublished && (
        <div>
          <label htmlFor={`${ids}-note`} className="block text-sm font-semibold">
            What changed?
          </label>
          <p id={`${ids}-note-hint`} className="mb-1 text-xs text-[var(--color-muted)]">
            Required. The correction note is shown on the public page and in exports, with today’s date.
          </p>
          <textarea
            id={`${ids}-note`}
            rows={3}
            maxLength={MAX_CORRECTION_NOTE_CHARS}
            required
            value={draft.correctionNote}
            onChange={(e) => setDraft((d) => ({ ...d, correctionNote: e.target.value }))}
            aria-describedby={`${ids}-note-hint`}
            className={textareaClass}
            dir="auto"
            data-testid="publish-correction-note"
          />
        </div>
      )}

      <div>
        <label htmlFor={`${ids}-slug`} className="block text-sm font-semibold">
          Public address
        </label>
        <div className="mt-1 flex items-center gap-1 text-sm">
          <span className="min-w-0 truncate text-[var(--color-muted)]" title={prefix}>
            {prefix}
          </span>
          <input
            id={`${ids}-slug`}
            value={draft.slug ?? currentSlug}
            onChange={(e) => {
              setSlugError(null);
              const value = e.target.value;
              setDraft((d) => ({ ...d, slug: value }));
            }}
            maxLength={MAX_SLUG_CHARS}
            spellCheck={false}
            autoCapitalize="none"
            aria-invalid={slugError || slugProblem(slug) ? true : undefined}
            aria-describedby={`${ids}-slug-help`}
            className="h-9 min-w-40 flex-1 rounded-md border border-[var(--color-line)] bg-white px-2 font-mono text-sm aria-[invalid=true]:border-red-500"
            data-testid="publish-slug"
          />
        </div>
        <p id={`${ids}-slug-help`} className="mt-1 text-xs break-all text-[var(--color-muted)]">
          {slugError || slugProblem(slug) ? (
            <span className="text-red-700">{slugError ?? slugProblem(slug)}</span>
          ) : (
            <>
              The fact-check will be at <span className="font-mono text-[var(--color-ink)]">{`${prefix}${slug}`}</span>
              {state.everPublished && slug !== currentSlug && '. The old address will redirect to the new one.'}
            </>
          )}
        </p>
      </div>

      {canProceed && <PublicationPreview />}

      {state.log.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Publication history ({state.log.length})</summary>
          <PublicationLog log={state.log} />
        </details>
      )}

      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-[var(--color-line)] pt-4">
        {problems.length > 0 && <p className="mr-auto text-xs text-[var(--color-muted)]">{problems[0]}</p>}
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => void publish()} disabled={problems.length > 0 || pending} data-testid="publish-confirm">
          {pending ? 'Publishing…' : 'Publish'}
        </Button>
      </div>
    </div>
  );
}

/** The public page as it would be published now, from the preview route, in a sandboxed frame. */
function PublicationPreview() {
  const articleId = useWorkbench((s) => s.articleId);
  const preview = useQuery({
    queryKey: queryKeys.publicationPreview(articleId),
    queryFn: async () => {
      const response = await fetch(`/api/articles/${articleId}/publication/preview`, { credentials: 'same-origin' });
      const body = await response.text();
      if (!response.ok) {
        let message = `The preview could not be made (the server answered ${response.status}).`;
        try {
          message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? message;
        } catch {
          // Not JSON: keep the generic message.
        }
        throw new Error(message);
      }
      return body;
    },
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    retry: false,
  });
  return (
    <section aria-label="Preview">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold">Preview of the public page</h3>
        <Button variant="ghost" size="sm" onClick={() => void preview.refetch()} disabled={preview.isFetching}>
          {preview.isFetching ? 'Loading…' : 'Reload preview'}
        </Button>
      </div>
      {preview.data !== undefined ? (
        // srcDoc, not src: the app's pages refuse to be framed (X-Frame-Options, frame-ancestors), and
        // the sandbox keeps the previewed page from running anything or reaching this one.
        <iframe
          title="Preview of the public page"
          srcDoc={preview.data}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="mt-2 h-[420px] w-full rounded-lg border border-[var(--color-line)] bg-white"
          data-testid="publish-preview"
        />
      ) : (
        <p className="mt-2 rounded-lg border border-dashed border-[var(--color-line)] p-6 text-center text-sm text-[var(--color-muted)]" role={preview.error ? 'alert' : undefined}>
          {preview.error ? preview.error.message : 'Loading the preview…'}
        </p>
      )}
    </section>
  );
}
