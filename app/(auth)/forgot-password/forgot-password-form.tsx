'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { forgotPasswordSchema } from '@/lib/validations/invitations';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Always answers the same for a valid address, known or not (no account enumeration). */
export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = forgotPasswordSchema.safeParse({ email: new FormData(event.currentTarget).get('email') });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Enter a valid email address.');
    setError(null);
    setPending(true);
    const result = await apiFetch('/api/account/password-reset', { method: 'POST', body: parsed.data });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setSent(true);
  }

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
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
