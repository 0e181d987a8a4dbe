'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { LocalTime } from '@/components/ui/local-time';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { ModalDialog } from '@/components/workbench/modal-dialog';
import { getJson, useArticleLocked, useArticleMeta, type ArticleMeta } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import type { WorkbenchArticle } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import { metadataFormValues, updateArticleMetadataSchema, type ArticleMetadata, type ArticleMetadataField } from '@/lib/articles/metadata';
import { trashRefusal } from '@/lib/articles/trash';
import { can } from '@/lib/auth/permissions';
import { TRASH_RETENTION_DAYS } from '@/lib/domain/imports';
import { articleLockMessage } from '@/lib/publishing/lock';

/**
 * The article's details (title, outlet, byline, URL, date, language, source credit) after import,
 * and moving it to the trash: "Details" and "Delete" in the article bar. Editors and owners edit
 * the details (not while published or retracted: the same lock as the text) and delete; reviewers
 * and viewers see the details and the article's history read-only, and no Delete.
 */

interface ArticleDetailsDto extends ArticleMetadata {
  id: string;
  slug: string;
  version: number;
  status: ArticleMeta['status'];
  importFormat: string;
  createdAt: string;
}

interface HistoryItem {
  id: string;
  at: string;
  summary: string;
}

const FIELDS: readonly ArticleMetadataField[] = ['title', 'outlet', 'byline', 'url', 'publishedOn', 'language', 'sourceCredit'];

const IMPORT_FORMAT_LABELS: Record<string, string> = { text: 'Plain text', 'rich-text': 'Pasted rich text', markdown: 'Markdown file', html: 'HTML file', docx: 'Word (.docx) file', url: 'Web page (URL)' };

/** The header's title, outlet, byline …: from the live light row, so a details change elsewhere shows at once. */
export function useArticleHeadline(article: WorkbenchArticle): WorkbenchArticle {
  const meta = useArticleMeta();
  return {
    ...article,
    title: meta.title ?? article.title,
    outlet: meta.outlet ?? article.outlet,
    byline: meta.byline ?? article.byline,
    url: meta.url !== undefined ? meta.url : article.url,
    publishedOn: meta.publishedOn !== undefined ? meta.publishedOn : article.publishedOn,
    language: meta.language ?? article.language,
    sourceCredit: meta.sourceCredit ?? article.sourceCredit,
  };
}

/** "Details" and (editors, owners) "Delete", for the article bar. */
export function ArticleDetailsActions() {
  const role = useWorkbench((s) => s.user.role);
  const [open, setOpen] = useState<'details' | 'delete' | null>(null);
  return (
    <>
      <Button variant="ghost" size="sm" className="h-7 text-xs" onClick={() => setOpen('details')} data-testid="article-details-button">
        Details
      </Button>
      {can(role, 'article:delete') && (
        <Button variant="ghost" size="sm" className="h-7 text-xs text-red-700" onClick={() => setOpen('delete')} data-testid="article-delete-button">
          Delete
        </Button>
      )}
      {open === 'details' && <ArticleDetailsDialog onClose={() => setOpen(null)} />}
      {open === 'delete' && <DeleteArticleDialog onClose={() => setOpen(null)} />}
    </>
  );
}

function ArticleDetailsDialog({ onClose }: { onClose: () => void }) {
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const meta = useArticleMeta();
  const locked = useArticleLocked();
  const editable = can(role, 'article:edit') && !locked;
  const details = useQuery({
    queryKey: [...queryKeys.article(articleId), 'details'],
    queryFn: () => getJson<{ article: ArticleDetailsDto; history: HistoryItem[] }>(`/api/articles/${articleId}?fields=details`),
    staleTime: 0,
    refetchOnMount: 'always',
  });
  return (
    <ModalDialog title="Article details" onClose={onClose} testId="article-details-dialog" size="lg">
      {locked && can(role, 'article:edit') && (
        <p className="mt-2 rounded-md bg-amber-50 p-2 text-amber-900" role="note" data-testid="article-details-locked">
          {articleLockMessage(meta.status)}
        </p>
      )}
      {editable ? (
        <DetailsForm meta={meta} onClose={onClose} />
      ) : (
        <dl className="mt-4 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2" data-testid="article-details-readonly">
          {FIELDS.map((field) => (
            <div key={field} className="contents">
              <dt className="font-medium text-[var(--color-muted)]">{FIELD_LABELS[field]}</dt>
              <dd dir="auto">{(meta[field] as string | null) || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      {details.data && (
        <p className="mt-4 text-xs text-[var(--color-muted)]">
          Public address: <code>{details.data.article.slug}</code> (does not change when the details do) · Imported as {IMPORT_FORMAT_LABELS[details.data.article.importFormat] ?? details.data.article.importFormat}
        </p>
      )}
      <section className="mt-6" aria-label="Article history">
        <h3 className="font-semibold">History</h3>
        {details.isError && <p className="mt-1 text-red-700">Could not load the history.</p>}
        {details.isPending && <p className="mt-1 text-[var(--color-muted)]">Loading…</p>}
        {details.data && (
          <ol className="mt-2 max-h-56 space-y-1 overflow-y-auto" data-testid="article-history">
            {details.data.history.map((item) => (
              <li key={item.id} className="text-sm">
                <span dir="auto">{item.summary}</span>
                <span className="text-[var(--color-muted)]">
                  {' · '}
                  <LocalTime iso={item.at} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {!editable && (
        <div className="mt-6 text-right">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </ModalDialog>
  );
}

const FIELD_LABELS: Record<ArticleMetadataField, string> = {
  title: 'Title',
  outlet: 'Outlet',
  byline: 'Author (byline)',
  url: 'Original URL',
  publishedOn: 'Publication date',
  language: 'Language',
  sourceCredit: 'Source credit',
};

function DetailsForm({ meta, onClose }: { meta: ArticleMeta; onClose: () => void }) {
  const articleId = useWorkbench((s) => s.articleId);
  const client = useQueryClient();
  const form = useZodForm(updateArticleMetadataSchema, { defaultValues: { version: meta.version, ...metadataFormValues(meta) } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    // The version of the row as it is now (a status change since the dialog opened is no conflict of ours to report twice).
    const result = await apiFetch<{ article: ArticleDetailsDto & { revision: number; blindReview: boolean }; fields: ArticleMetadataField[] }>(`/api/articles/${articleId}`, { method: 'PATCH', body: input });
    if (!result.ok) {
      const current = (result.error.details as { current?: ArticleDetailsDto } | undefined)?.current;
      if (result.status === 409 && current && typeof current.version === 'number') {
        // Stale: show what the article holds now; the person re-applies their change.
        form.reset({ version: current.version, ...metadataFormValues(current) });
        client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (held) => held && (held.version < current.version ? { ...held, ...pickMetadata(current), version: current.version } : held));
      }
      return showServerError(form, result.error, FIELDS);
    }
    const saved = result.data.article;
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (held) => held && { ...held, ...pickMetadata(saved), version: Math.max(held.version, saved.version) });
    void client.invalidateQueries({ queryKey: [...queryKeys.article(articleId), 'details'], exact: true });
    notifySuccess(result.data.fields.length ? 'Details saved.' : 'Nothing changed.');
    onClose();
  });

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-4 grid grid-cols-2 gap-4" noValidate aria-label="Article details">
      <Field className="col-span-2" label={FIELD_LABELS.title} dir="auto" error={errors.title?.message} {...form.register('title')} />
      <Field label={FIELD_LABELS.outlet} dir="auto" error={errors.outlet?.message} {...form.register('outlet')} />
      <Field label={FIELD_LABELS.byline} dir="auto" error={errors.byline?.message} {...form.register('byline')} />
      <Field className="col-span-2" label={FIELD_LABELS.url} type="url" placeholder="https://…" error={errors.url?.message} {...form.register('url')} />
      <Field label={FIELD_LABELS.publishedOn} type="date" error={errors.publishedOn?.message} {...form.register('publishedOn')} />
      <Field label={FIELD_LABELS.language} hint="A language code, e.g. en, fa, ar." error={errors.language?.message} {...form.register('language')} />
      <Field className="col-span-2" label={FIELD_LABELS.sourceCredit} dir="auto" error={errors.sourceCredit?.message} {...form.register('sourceCredit')} />
      <div className="col-span-2 flex items-center gap-3">
        <FormError form={form} className="text-sm text-red-700 empty:hidden" />
        <span className="ml-auto" />
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          Save details
        </Button>
      </div>
    </form>
  );
}

function pickMetadata(article: ArticleMetadata): ArticleMetadata {
  return { title: article.title, outlet: article.outlet, byline: article.byline, url: article.url, publishedOn: article.publishedOn, language: article.language, sourceCredit: article.sourceCredit };
}

function DeleteArticleDialog({ onClose }: { onClose: () => void }) {
  const articleId = useWorkbench((s) => s.articleId);
  const meta = useArticleMeta();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refusal = trashRefusal(meta.status);

  const moveToTrash = async () => {
    setBusy(true);
    setError(null);
    const result = await apiFetch<{ article: { id: string; title: string } }>(`/api/articles/${articleId}`, { method: 'DELETE', body: { version: meta.version } });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onClose();
    router.push('/articles');
    toast.success('Moved to trash.', {
      testId: 'toast',
      duration: 10_000,
      action: { label: 'Undo', onClick: () => void undoTrash(articleId, () => router.refresh()) },
    });
  };

  return (
    <ModalDialog title="Move this article to the trash?" onClose={onClose} testId="article-delete-dialog">
      {refusal ? (
        <p className="mt-3 text-red-800" role="alert" data-testid="article-delete-refused">
          {refusal}
        </p>
      ) : (
        <p className="mt-3">
          “<span dir="auto">{meta.title}</span>” and its claims leave the articles list, the queue and every page. Owners and editors can restore it from the trash for {TRASH_RETENTION_DAYS} days; after that it is deleted for good.
        </p>
      )}
      {error && (
        <p className="mt-3 text-red-800" role="alert">
          {error}
        </p>
      )}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {refusal ? 'Close' : 'Cancel'}
        </Button>
        {!refusal && (
          <Button variant="danger" onClick={() => void moveToTrash()} disabled={busy} data-testid="article-delete-confirm">
            Move to trash
          </Button>
        )}
      </div>
    </ModalDialog>
  );
}

/** POST …/restore: the toast's Undo and the trash page's Restore. */
export async function undoTrash(articleId: string, done: () => void): Promise<void> {
  const result = await apiFetch<{ article: { id: string } }>(`/api/articles/${articleId}/restore`, { method: 'POST' });
  if (!result.ok) return notifyError(result.error.message);
  notifySuccess('Restored from the trash.');
  done();
}
