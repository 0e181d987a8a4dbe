'use client';

import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import type { ScaleDto } from '@/lib/domain/scales';
import { apiFetch } from '@/lib/api/client';
import { scaleFormSchema, scaleFormValues } from './scale-form';
import { ScaleLevelRow } from './scale-level-row';
import { SettingsSection } from './section';

export function ScaleEditor({ workspaceId, initialScale }: { workspaceId: string; initialScale: ScaleDto }) {
  const [version, setVersion] = useState(initialScale.version);
  const [saved, setSaved] = useState(false);
  const form = useZodForm(scaleFormSchema, { defaultValues: scaleFormValues(initialScale) });
  const levels = useFieldArray({ control: form.control, name: 'levels' });
  const { errors, isSubmitting } = form.formState;

  const save = form.handleSubmit(async (input) => {
    setSaved(false);
    const result = await apiFetch<{ scale: ScaleDto }>(`/api/workspaces/${workspaceId}/scale`, { method: 'PUT', body: { version, ...input } });
    if (!result.ok) return showServerError(form, result.error, ['name']);
    setVersion(result.data.scale.version);
    form.reset(scaleFormValues(result.data.scale));
    setSaved(true);
  });

  return (
    <SettingsSection title="Rating scale" description="The verdicts reviewers choose from. Values feed ClaimReview ratings; leave a value empty for non-ordinal verdicts such as Unproven.">
      <form onSubmit={(e) => void save(e)} noValidate aria-label="Rating scale">
        <label className="mb-4 block max-w-sm text-sm font-medium">
          Scale name
          <input {...form.register('name')} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'scale-name-error' : undefined} className="mt-1 h-9 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm aria-[invalid=true]:border-red-500" />
          {errors.name && (
            <span id="scale-name-error" className="mt-1 block text-xs font-normal text-red-700">
              {errors.name.message}
            </span>
          )}
        </label>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
              <th className="pb-2 font-medium">Colour</th>
              <th className="pb-2 font-medium">Label</th>
              <th className="pb-2 font-medium">Key</th>
              <th className="pb-2 font-medium">Value</th>
              <th className="pb-2 font-medium">Description</th>
              <th className="pb-2" />
            </tr>
          </thead>
          <tbody>
            {levels.fields.map((field, i) => (
              <ScaleLevelRow key={field.id} form={form} index={i} count={levels.fields.length} onMove={(to) => levels.move(i, to)} onRemove={() => levels.remove(i)} />
            ))}
          </tbody>
        </table>
        <p role="alert" className="mt-2 text-sm text-red-700 empty:hidden">
          {errors.levels?.root?.message ?? errors.levels?.message}
        </p>
        <div className="mt-4 flex items-center gap-3">
          <Button variant="secondary" onClick={() => levels.append({ key: '', label: '', color: '#6e7781', value: '', description: '' })}>
            Add level
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            Save scale
          </Button>
          <FormError form={form} className="text-sm text-red-700 empty:hidden" />
          <p role="status" className="text-sm text-emerald-800 empty:hidden">
            {saved ? 'Rating scale saved.' : null}
          </p>
        </div>
      </form>
    </SettingsSection>
  );
}
