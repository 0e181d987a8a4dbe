'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { MemberDto } from '@/db/queries/workspaces';
import { ROLES, type Role } from '@/db/schema/enums';
import { apiFetch } from '@/lib/api/client';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { SettingsSection } from './section';

export function MembersManager({ workspaceId, currentUserId, initialMembers }: { workspaceId: string; currentUserId: string; initialMembers: MemberDto[] }) {
  const [members, setMembers] = useState(initialMembers);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; oneTimePassword: string } | null>(null);

  async function refresh() {
    const result = await apiFetch<{ members: MemberDto[] }>(`/api/workspaces/${workspaceId}/members`);
    if (result.ok) setMembers(result.data.members);
  }

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    setError(null);
    const result = await apiFetch<{ member: { email: string; oneTimePassword: string | null } }>(`/api/workspaces/${workspaceId}/members`, {
      method: 'POST',
      body: { email: form.get('email'), name: form.get('name'), role: form.get('role') },
    });
    if (!result.ok) return setError(result.error.message);
    const { email, oneTimePassword } = result.data.member;
    setCreated(oneTimePassword ? { email, oneTimePassword } : null);
    formEl.reset();
    await refresh();
  }

  async function changeRole(userId: string, role: Role) {
    setError(null);
    const result = await apiFetch(`/api/workspaces/${workspaceId}/members/${userId}`, { method: 'PATCH', body: { role } });
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  async function remove(member: MemberDto) {
    if (!window.confirm(`Remove ${member.name} from this workspace? They lose access at once.`)) return;
    setError(null);
    const result = await apiFetch(`/api/workspaces/${workspaceId}/members/${member.userId}`, { method: 'DELETE' });
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  return (
    <SettingsSection title="Members" description="Owners manage members and the scale; editors also edit articles and set final verdicts; reviewers annotate; viewers read.">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Email</th>
            <th className="pb-2 font-medium">Role</th>
            <th className="pb-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--color-line)]">
          {members.map((m) => (
            <tr key={m.userId}>
              <td className="py-2 font-medium">{m.name}</td>
              <td className="py-2 text-[var(--color-muted)]">{m.email}</td>
              <td className="py-2">
                <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => void changeRole(m.userId, e.target.value as Role)} className="h-8 rounded-md border border-[var(--color-line)] bg-white px-2">
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-2 text-right">
                {m.userId !== currentUserId && (
                  <Button variant="ghost" size="sm" onClick={() => void remove(m)} aria-label={`Remove ${m.name}`}>
                    Remove
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void add(e)} className="mt-6 grid grid-cols-[1fr_1fr_auto_auto] items-end gap-3" aria-label="Add a member">
        <Field label="Name" name="name" required />
        <Field label="Email" name="email" type="email" required />
        <label className="text-sm font-medium">
          Role
          <select name="role" defaultValue="reviewer" className="mt-1 block h-10 rounded-md border border-[var(--color-line)] bg-white px-2">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Add member</Button>
      </form>
      <p role="alert" className="mt-3 text-sm text-red-700 empty:hidden">
        {error}
      </p>
      {created && (
        <div role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm" data-testid="one-time-password">
          Account created for <strong>{created.email}</strong>. One-time password (shown only now — hand it over securely):{' '}
          <code className="rounded bg-white px-2 py-0.5 font-mono text-base">{created.oneTimePassword}</code>
        </div>
      )}
    </SettingsSection>
  );
}
