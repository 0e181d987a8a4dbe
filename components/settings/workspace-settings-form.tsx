'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { SettingsSection } from './section';

interface Settings {
  id: string;
  version: number;
  name: string;
  organizationName: string;
  organizationUrl: string | null;
  factCheckUrlPattern: string | null;
}

export function WorkspaceSettingsForm({ workspace }: { workspace: Settings }) {
  const [version, setVersion] = useState(workspace.version);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await apiFetch<{ workspace: { version: number } }>(`/api/workspaces/${workspace.id}`, {
      method: 'PATCH',
      body: { version, ...Object.fromEntries(['name', 'organizationName', 'organizationUrl', 'factCheckUrlPattern'].map((k) => [k, String(form.get(k) ?? '')])) },
    });
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setVersion(result.data.workspace.version);
    setMessage({ tone: 'ok', text: 'Settings saved.' });
  }

  return (
    <SettingsSection title="Publishing" description="Who the published fact-checks are from, and where they live (used by ClaimReview exports).">
      <form onSubmit={(e) => void submit(e)} className="grid grid-cols-2 gap-4" noValidate>
        <Field label="Workspace name" name="name" defaultValue={workspace.name} />
        <Field label="Organization name" name="organizationName" defaultValue={workspace.organizationName} />
        <Field label="Organization URL" name="organizationUrl" type="url" defaultValue={workspace.organizationUrl ?? ''} placeholder="https://…" />
        <Field label="Fact-check URL pattern" name="factCheckUrlPattern" defaultValue={workspace.factCheckUrlPattern ?? ''} hint="e.g. https://example.org/fact-checks/{article}#claim-{claim}" />
        <div className="col-span-2 flex items-center gap-3">
          <Button type="submit">Save settings</Button>
          <p role="status" className={`text-sm ${message?.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
            {message?.text}
          </p>
        </div>
      </form>
    </SettingsSection>
  );
}
