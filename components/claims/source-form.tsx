'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, useZodForm } from '@/components/ui/form';
import { todayIn } from '@/lib/format/dates';
import { sourceFieldsSchema, type SourceFields } from '@/lib/validations/claims';

export type SourceDraft = SourceFields;

/** Add or edit a source (internal unless marked public); validated in the browser with the same zod schema the server uses. */
export function SourceForm({ initial, submitLabel, onSubmit, onCancel }: { initial?: Partial<SourceDraft>; submitLabel: string; onSubmit: (draft: SourceDraft) => Promise<string | null>; onCancel: () => void }) {
  const excerptId = useId();
  const publicHintId = useId();
  const passageHintId = useId();
  const form = useZodForm(sourceFieldsSchema, {
    defaultValues: {
      url: initial?.url ?? '',
      title: initial?.title ?? '',
      publisher: initial?.publisher ?? '',
      excerpt: initial?.excerpt ?? '',
      excerptPrefix: initial?.excerptPrefix ?? '',
      excerptSuffix: initial?.excerptSuffix ?? '',
      accessedOn: initial?.accessedOn ?? todayIn(undefined),
      // Internal unless someone decides it may be published (a confidential contact, a tip never is).
      isPublic: initial?.isPublic ?? false,
    },
  });
  const { register, handleSubmit, formState, setError } = form;
  const { errors, isSubmitting } = formState;
  // The server's answer (e.g. someone else changed the source meanwhile) goes in the form's alert.
  const submit = handleSubmit(async (draft) => {
    const error = await onSubmit(draft);
    if (error) setError('root.server', { type: 'server', message: error });
  });

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3 rounded-lg border border-[var(--color-line)] bg-gray-50 p-3" noValidate aria-label={submitLabel} data-testid="source-form">
      <Field label="URL" type="url" required placeholder="https://…" {...register('url')} error={errors.url?.message} />
      <Field label="Title" {...register('title')} error={errors.title?.message} />
      <Field label="Publisher" {...register('publisher')} error={errors.publisher?.message} />
      <fieldset className="space-y-2" aria-describedby={passageHintId}>
        <legend className="text-sm font-medium">Quoted passage</legend>
        <p id={passageHintId} className="text-xs text-[var(--color-muted)]">
          The words on the source page that support the verdict, exactly as written there. Readers are taken to them.
        </p>
        <Field label="Words just before (optional)" dir="auto" {...register('excerptPrefix')} error={errors.excerptPrefix?.message} />
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Quoted passage</span>
          <textarea
            rows={3}
            {...register('excerpt')}
            aria-invalid={errors.excerpt ? true : undefined}
            aria-describedby={errors.excerpt ? excerptId : undefined}
            className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
            dir="auto"
          />
          {errors.excerpt && (
            <span id={excerptId} className="mt-1 block text-xs text-red-700">
              {errors.excerpt.message}
            </span>
          )}
        </label>
        <Field label="Words just after (optional)" dir="auto" {...register('excerptSuffix')} error={errors.excerptSuffix?.message} />
      </fieldset>
      <Field label="Date accessed" type="date" {...register('accessedOn')} error={errors.accessedOn?.message} />
      <div>
        <label className="inline-flex items-start gap-2 text-sm">
          <input type="checkbox" {...register('isPublic')} aria-describedby={publicHintId} className="mt-0.5 h-4 w-4" data-testid="source-public-checkbox" />
          <span className="font-medium">Public — show on the published fact-check</span>
        </label>
        <p id={publicHintId} className="mt-0.5 pl-6 text-xs text-[var(--color-muted)]">
          Unchecked, the source stays internal: it never appears on public pages or in ClaimReview and W3C exports.
        </p>
      </div>
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
