'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { sourceFieldsSchema } from '@/lib/validations/claims';

export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  accessedOn: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Add or edit a source; validated with the same zod schema the server uses. */
export function SourceForm({ initial, submitLabel, onSubmit, onCancel }: { initial?: Partial<SourceDraft>; submitLabel: string; onSubmit: (draft: SourceDraft) => Promise<string | null>; onCancel: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const raw = Object.fromEntries(['url', 'title', 'publisher', 'excerpt', 'accessedOn'].map((k) => [k, String(form.get(k) ?? '')]));
    const parsed = sourceFieldsSchema.safeParse(raw);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setPending(true);
    const error = await onSubmit(parsed.data);
    setPending(false);
    setFormError(error);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3 rounded-lg border border-[var(--color-line)] bg-gray-50 p-3" noValidate aria-label={submitLabel} data-testid="source-form">
      <Field label="URL" name="url" type="url" required defaultValue={initial?.url ?? ''} placeholder="https://…" error={errors.url} />
      <Field label="Title" name="title" defaultValue={initial?.title ?? ''} error={errors.title} />
      <Field label="Publisher" name="publisher" defaultValue={initial?.publisher ?? ''} error={errors.publisher} />
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Quoted excerpt</span>
        <textarea name="excerpt" rows={3} defaultValue={initial?.excerpt ?? ''} className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm" />
        {errors.excerpt && <span className="mt-1 block text-xs text-red-700">{errors.excerpt}</span>}
      </label>
      <Field label="Date accessed" name="accessedOn" type="date" defaultValue={initial?.accessedOn ?? today()} error={errors.accessedOn} />
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {formError}
      </p>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
