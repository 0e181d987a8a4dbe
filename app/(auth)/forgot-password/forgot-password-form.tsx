'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { apiFetch } from '@/lib/api/client';
import { forgotPasswordSchema } from '@/lib/validations/invitations';

/** Always answers the same for a valid address, known or not (no account enumeration). */
export function ForgotPasswordForm() {
  const form = useZodForm(forgotPasswordSchema, {});
  const [sent, setSent] = useState(false);
  const hydrated = useHydrated();

  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch('/api/account/password-reset', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['email']);
    setSent(true);
  });

  if (sent) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-emerald-900">
        If an account exists for that address, we sent it a link to choose a new password. The link works once, for 1 hour.
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} method="post" className="space-y-4" noValidate aria-label="Request a password reset">
      <p className="text-[var(--color-muted)]">Enter your account’s email address and we will mail you a link to choose a new password.</p>
      <Field label="Email" type="email" autoComplete="username" required autoFocus error={form.formState.errors.email?.message} {...form.register('email')} />
      <FormError form={form} />
      <Button type="submit" disabled={form.formState.isSubmitting || !hydrated} className="w-full">
        {form.formState.isSubmitting ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
