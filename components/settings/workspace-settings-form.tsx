'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { apiFetch } from '@/lib/api/client';
import { workspaceSettingsSchema } from '@/lib/validations/workspaces';
import { SettingsSection } from './section';

interface Settings {
  id: string;
  version: number;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  factCheckUrlPattern: string | null;
}

const valuesOf = (w: Settings) => ({ version: w.version, name: w.name, organizationName: w.organizationName, organizationUrl: w.organizationUrl ?? '', factCheckUrlPattern: w.factCheckUrlPattern ?? '' });

export function WorkspaceSettingsForm({ workspace }: { workspace: Settings }) {
  const form = useZodForm(workspaceSettingsSchema, { defaultValues: valuesOf(workspace) });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);

  const submit = form.handleSubmit(async (input) => {
    setSaved(false);
    const result = await apiFetch<{ workspace: Settings }>(`/api/workspaces/${workspace.id}`, { method: 'PATCH', body: input });
    if (!result.ok) return showServerError(form, result.error, ['name', 'organizationName', 'organizationUrl', 'factCheckUrlPattern']);
    // The saved values, with the new version for the next save.
    form.reset(valuesOf(result.data.workspace));
    setSaved(true);
  });

  return (
    <SettingsSection title="Publishing" description="Who the published fact-checks are from, and where they live (used by ClaimReview exports).">
      <form onSubmit={(e) => void submit(e)} className="grid grid-cols-2 gap-4" noValidate aria-label="Publishing settings">
        <Field label="Workspace name" error={errors.name?.message} {...form.register('name')} />
        <Field label="Organization name" error={errors.organizationName?.message} {...form.register('organizationName')} />
        <Field label="Organization URL" type="url" placeholder="https://…" error={errors.organizationUrl?.message} {...form.register('organizationUrl')} />
        <Field label="Fact-check URL pattern" hint="e.g. https://example.org/fact-checks/{article}#claim-{claim}" error={errors.factCheckUrlPattern?.message} {...form.register('factCheckUrlPattern')} />
        <div className="col-span-2 flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            Save settings
          </Button>
          <FormError form={form} className="text-sm text-red-700 empty:hidden" />
          <p role="status" className="text-sm text-emerald-800 empty:hidden">
            {saved ? 'Settings saved.' : null}
          </p>
        </div>
      </form>
    </SettingsSection>
  );
}
