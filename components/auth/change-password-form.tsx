'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { apiFetch } from '@/lib/api/client';
import { changePasswordSchema } from '@/lib/validations/auth';

export function ChangePasswordForm() {
  const router = useRouter();
  const form = useZodForm(changePasswordSchema, {});
  const { errors, isSubmitting } = form.formState;
  const [changed, setChanged] = useState(false);

  const submit = form.handleSubmit(async (input) => {
    setChanged(false);
    const result = await apiFetch('/api/account/password', { method: 'PUT', body: input });
    if (!result.ok) return showServerError(form, result.error, ['currentPassword', 'newPassword']);
    form.reset();
    setChanged(true);
    router.replace('/articles');
    router.refresh();
  });

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-6 space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6" noValidate aria-label="Change password">
      <Field label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register('currentPassword')} />
      <Field label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.newPassword?.message} {...form.register('newPassword')} />
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {changed ? 'Password changed.' : null}
      </p>
      <Button type="submit" disabled={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
