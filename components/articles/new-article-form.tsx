'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { apiFetch } from '@/lib/api/client';
import { createArticleSchema } from '@/lib/validations/articles';
import { idSchema } from '@/lib/validations/common';

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

/** What POST /api/articles reads: the article and the workspace it goes to. */
const importArticleSchema = createArticleSchema.extend({ workspaceId: idSchema });

/** Import an article by pasting its text or uploading a .txt/.md file. */
export function NewArticleForm({ workspaces }: { workspaces: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const form = useZodForm(importArticleSchema, {
    defaultValues: { title: '', outlet: '', url: '', publishedOn: '', language: 'en', text: '', workspaceId: workspaces[0]?.id ?? '' },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) return form.setError('text', { type: 'file', message: 'That file is larger than 4 MB. Paste the article text instead.' });
    const content = await file.text();
    if (content.includes('\u0000')) return form.setError('text', { type: 'file', message: 'That file is not plain text. Upload a .txt or .md file.' });
    form.setValue('text', content, { shouldValidate: isSubmitted });
    form.clearErrors('text');
    if (!form.getValues('title')) form.setValue('title', file.name.replace(/\.(txt|md|markdown)$/i, ''), { shouldValidate: isSubmitted });
  }

  async function importArticle(input: z.output<typeof importArticleSchema>) {
    const result = await apiFetch<{ article: { id: string } }>('/api/articles', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['title', 'outlet', 'url', 'publishedOn', 'language', 'text']);
    dialogRef.current?.close();
    router.push(`/articles/${result.data.article.id}`);
  }

  return (
    <>
      <Button onClick={() => dialogRef.current?.showModal()}>New article</Button>
      <dialog ref={dialogRef} aria-labelledby="new-article-title" className="m-auto w-full max-w-2xl rounded-xl border border-[var(--color-line)] p-0 shadow-xl backdrop:bg-black/30">
        <form onSubmit={(e) => void form.handleSubmit(importArticle)(e)} className="space-y-4 p-6" noValidate>
          <h2 id="new-article-title" className="text-lg font-semibold">
            Import an article
          </h2>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Title" required className="col-span-2" error={errors.title?.message} {...form.register('title')} />
            <Field label="Outlet" placeholder="e.g. Radio Farda" error={errors.outlet?.message} {...form.register('outlet')} />
            <Field label="Published on" type="date" error={errors.publishedOn?.message} {...form.register('publishedOn')} />
            <Field label="Original URL" type="url" placeholder="https://…" error={errors.url?.message} {...form.register('url')} />
            <Field label="Language" hint="A code such as en or fa" error={errors.language?.message} {...form.register('language')} />
            {workspaces.length > 1 && (
              <div className="col-span-2">
                <label htmlFor="workspaceId" className="mb-1 block text-sm font-medium">
                  Workspace
                </label>
                <select id="workspaceId" {...form.register('workspaceId')} className="h-10 w-full rounded-md border border-[var(--color-line)] bg-white px-3 text-sm">
                  {workspaces.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <div>
            <label htmlFor="article-text" className="mb-1 block text-sm font-medium">
              Article text
            </label>
            <textarea
              id="article-text"
              rows={10}
              placeholder="Paste the article here. Blank lines separate paragraphs."
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={errors.text ? 'article-text-error' : undefined}
              className="w-full rounded-md border border-[var(--color-line)] p-3 font-serif text-sm aria-[invalid=true]:border-red-500"
              {...form.register('text')}
            />
            {errors.text && (
              <p id="article-text-error" className="mt-1 text-xs text-red-700">
                {errors.text.message}
              </p>
            )}
            <label className="mt-2 inline-flex cursor-pointer items-center gap-2 text-sm text-[var(--color-accent)]">
              <input type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" className="sr-only" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="article-file" />
              <span className="underline">…or upload a text file</span>
            </label>
          </div>
          <FormError form={form} className="min-h-5 text-sm text-red-700" />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Importing…' : 'Import article'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
