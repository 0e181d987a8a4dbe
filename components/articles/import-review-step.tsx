'use client';

import { forwardRef } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { apiFetch } from '@/lib/api/client';
import { textDirection } from '@/lib/text/direction';
import { articleMetadataSchema } from '@/lib/validations/articles';
import { idSchema } from '@/lib/validations/common';
import { ImportDocPreview } from './import-doc-preview';
import type { ImportPreview } from './import-state';
import { plural } from '@/lib/format/plural';

/** Step 2's form: the metadata (as the article stores it) and the workspace. */
export const importReviewSchema = articleMetadataSchema.extend({ workspaceId: idSchema });
export type ImportReviewValues = z.input<typeof importReviewSchema>;

const FIELDS = ['title', 'outlet', 'byline', 'url', 'publishedOn', 'language', 'workspaceId'] as const;

/** The form's starting values from what the import found (the file name stands in for a missing title). */
export function reviewDefaults(preview: ImportPreview, workspaceId: string): ImportReviewValues {
  const { metadata } = preview;
  return {
    title: metadata.title,
    outlet: metadata.outlet,
    byline: metadata.byline,
    url: preview.url ?? metadata.canonicalUrl ?? '',
    publishedOn: metadata.publishedOn ?? '',
    language: metadata.language ?? 'en',
    sourceCredit: '',
    workspaceId,
  };
}

export interface ImportReviewStepProps {
  preview: ImportPreview;
  values: ImportReviewValues;
  workspaces: Array<{ id: string; name: string }>;
  /** Back to step 1, with what was typed here (kept if the same input comes back). */
  onBack: (values: ImportReviewValues) => void;
  onImported: (articleId: string) => void;
}

/** Step 2, "Check before saving": editable metadata, the importer's warnings and a preview. Saving creates the article. */
export const ImportReviewStep = forwardRef<HTMLHeadingElement, ImportReviewStepProps>(function ImportReviewStep({ preview, values, workspaces, onBack, onImported }, headingRef) {
  const form = useZodForm(importReviewSchema, { defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const title = form.watch('title') ?? '';
  const language = form.watch('language') ?? 'en';
  const fromUrl = preview.format === 'url';

  // (react-hook-form moves the focus to the first invalid field of a refused submit.)
  async function save(input: z.output<typeof importReviewSchema>) {
    const result = await apiFetch<{ article: { id: string } }>('/api/articles', { method: 'POST', body: { ...input, doc: preview.doc, importFormat: preview.format } });
    if (!result.ok) return showServerError(form, result.error, [...FIELDS]);
    onImported(result.data.article.id);
  }

  const { stats } = preview;
  return (
    <form onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate className="space-y-4">
      <h3 ref={headingRef} tabIndex={-1} className="text-base font-semibold outline-none">
        Step 2 of 2: Check before saving
      </h3>
      <p className="text-sm text-[var(--color-muted)]" data-testid="import-stats">
        {plural(stats.words, 'word')} · {plural(stats.paragraphs, 'paragraph')} · {plural(stats.headings, 'heading')} · {plural(stats.links, 'link')}. Nothing is saved until you choose Import article.
      </p>
      {preview.warnings.length > 0 && (
        <div role="note" aria-labelledby="import-warnings-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <h4 id="import-warnings-heading" className="font-medium">
            Worth knowing
          </h4>
          <ul className="mt-1 list-disc space-y-0.5 ps-5" data-testid="import-warnings">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid grid-cols-2 gap-4">
        <Field label="Title" required className="col-span-2" dir={textDirection(title) ?? 'auto'} error={errors.title?.message} {...form.register('title')} />
        <Field label="Outlet" placeholder="e.g. Radio Farda" dir="auto" error={errors.outlet?.message} {...form.register('outlet')} />
        <Field label="Author" hint="The byline, as the article gives it" dir="auto" error={errors.byline?.message} {...form.register('byline')} />
        <Field
          label="Original URL"
          type="url"
          placeholder="https://…"
          readOnly={fromUrl}
          hint={fromUrl ? 'Where the page was fetched from; Check for updates fetches it again.' : undefined}
          error={errors.url?.message}
          {...form.register('url')}
        />
        <Field label="Published on" type="date" error={errors.publishedOn?.message} {...form.register('publishedOn')} />
        <Field label="Language" hint="A code such as en or fa" error={errors.language?.message} {...form.register('language')} />
        {workspaces.length > 1 && (
          <div>
            <label htmlFor="import-workspace" className="mb-1 block text-sm font-medium">
              Workspace
            </label>
            <select id="import-workspace" {...form.register('workspaceId')} className="h-10 w-full rounded-md border border-[var(--color-line)] bg-white px-3 text-sm">
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ImportDocPreview doc={preview.doc} title={title} language={language} />
      <FormError form={form} className="min-h-5 text-sm text-red-700" />
      <div className="flex justify-between gap-2">
        <Button variant="secondary" onClick={() => onBack(form.getValues())}>
          Back
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Importing…' : 'Import article'}
        </Button>
      </div>
    </form>
  );
});

