'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { ROLES } from '@/lib/domain/roles';
import { apiFetch } from '@/lib/api/client';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { addMemberSchema } from '@/lib/validations/workspaces';
import type { InvitationIssued } from './invitation-types';

/** Invites someone by email: name, email and role, checked with the route's schema before sending. */
export function InviteMemberForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (issued: InvitationIssued) => Promise<void> | void }) {
  const form = useZodForm(addMemberSchema, { defaultValues: { name: '', email: '', role: 'reviewer' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch<InvitationIssued>(`/api/workspaces/${workspaceId}/members`, { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['name', 'email', 'role']);
    form.reset();
    await onInvited(result.data);
  });

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-6" aria-label="Invite a member" noValidate>
      <div className="grid grid-cols-[1fr_1fr_auto_auto] items-start gap-3">
        <Field label="Name" required error={errors.name?.message} {...form.register('name')} />
        <Field label="Email" type="email" required error={errors.email?.message} {...form.register('email')} />
        <label className="text-sm font-medium">
          Role
          <select {...form.register('role')} className="mt-1 block h-10 rounded-md border border-[var(--color-line)] bg-white px-2">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" className="mt-6" disabled={isSubmitting}>
          Invite
        </Button>
      </div>
      <FormError form={form} className="mt-3 text-sm text-red-700 empty:hidden" />
    </form>
  );
}
