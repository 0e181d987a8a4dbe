'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { apiFetch } from '@/lib/api/client';
import { resetPasswordSchema } from '@/lib/validations/invitations';
import { SignInLink } from '../../auth-card';
import { NewPasswordFields } from '../../new-password-fields';

export function ResetPasswordForm({ token }: { token: string }) {
  const form = useZodForm(resetPasswordSchema, { defaultValues: { token } });
  const [done, setDone] = useState(false);
  const hydrated = useHydrated();

  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch('/api/account/password-reset/confirm', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['password', 'confirmPassword']);
    setDone(true);
  });

  if (done) {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium text-emerald-800">Password changed. You were signed out everywhere; sign in with your new password.</p>
        <SignInLink label="Sign in" />
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} method="post" className="space-y-4" noValidate aria-label="Choose a new password">
      <NewPasswordFields password={form.register('password')} confirmPassword={form.register('confirmPassword')} errors={form.formState.errors} />
      <FormError form={form} />
      <Button type="submit" disabled={form.formState.isSubmitting || !hydrated} className="w-full">
        {form.formState.isSubmitting ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
