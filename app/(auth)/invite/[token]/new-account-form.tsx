'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { apiFetch } from '@/lib/api/client';
import { acceptWithNewAccountSchema } from '@/lib/validations/invitations';
import { NewPasswordFields } from '../../new-password-fields';

/** Creates the account and the membership, then signs the new member in. */
export function NewAccountForm({ token, email, defaultName }: { token: string; email: string; defaultName: string }) {
  const form = useZodForm(acceptWithNewAccountSchema, { defaultValues: { token, name: defaultName } });
  const { errors, isSubmitting } = form.formState;
  // Account created: signing in and leaving the page; the button stays busy until then.
  const [leaving, setLeaving] = useState(false);
  const hydrated = useHydrated();

  const submit = form.handleSubmit(async (input) => {
    const result = await apiFetch('/api/invitations/register', { method: 'POST', body: input });
    if (!result.ok) return showServerError(form, result.error, ['name', 'password', 'confirmPassword']);
    setLeaving(true);
    const signedIn = await signIn('credentials', { email, password: input.password, redirect: false });
    window.location.assign(signedIn && !signedIn.error ? '/articles' : '/sign-in');
  });

  const pending = isSubmitting || leaving;
  return (
    <form onSubmit={(e) => void submit(e)} method="post" className="space-y-4" noValidate aria-label="Create your account">
      <p>
        Email: <strong>{email}</strong>
      </p>
      <Field label="Your name" autoComplete="name" error={errors.name?.message} required {...form.register('name')} />
      <NewPasswordFields password={form.register('password')} confirmPassword={form.register('confirmPassword')} errors={errors} />
      <FormError form={form} />
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? 'Creating your account…' : 'Create account and join'}
      </Button>
    </form>
  );
}
