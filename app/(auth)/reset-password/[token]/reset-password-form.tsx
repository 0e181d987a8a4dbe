'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client';
import { resetPasswordSchema } from '@/lib/validations/invitations';
import { SignInLink } from '../../auth-card';
import { fieldErrors, NewPasswordFields } from '../../new-password-fields';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = resetPasswordSchema.safeParse({ token, password: form.get('password'), confirmPassword: form.get('confirmPassword') });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    setError(null);
    setPending(true);
    const result = await apiFetch('/api/account/password-reset/confirm', { method: 'POST', body: parsed.data });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setDone(true);
  }

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
      <NewPasswordFields errors={errors} />
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
