'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { acceptWithNewAccountSchema } from '@/lib/validations/invitations';
import { fieldErrors, NewPasswordFields } from '../../new-password-fields';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Creates the account and the membership, then signs the new member in. */
export function NewAccountForm({ token, email, defaultName }: { token: string; email: string; defaultName: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = acceptWithNewAccountSchema.safeParse({ token, name: form.get('name'), password: form.get('password'), confirmPassword: form.get('confirmPassword') });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    setError(null);
    setPending(true);
    const result = await apiFetch('/api/invitations/register', { method: 'POST', body: parsed.data });
    if (!result.ok) {
      setPending(false);
      const fields = (result.error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields;
      if (fields) setErrors(fieldErrors(fields));
      return setError(result.error.message);
    }
    const signedIn = await signIn('credentials', { email, password: parsed.data.password, redirect: false });
    window.location.assign(signedIn && !signedIn.error ? '/articles' : '/sign-in');
  }

  return (
    <form onSubmit={(e) => void submit(e)} method="post" className="space-y-4" noValidate aria-label="Create your account">
      <p>
        Email: <strong>{email}</strong>
      </p>
      <Field label="Your name" name="name" defaultValue={defaultName} autoComplete="name" error={errors.name} required />
      <NewPasswordFields errors={errors} />
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? 'Creating your account…' : 'Create account and join'}
      </Button>
    </form>
  );
}
