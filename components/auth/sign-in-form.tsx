'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, useZodForm } from '@/components/ui/form';
import { useHydrated } from '@/components/ui/use-hydrated';
import { describeSignInError } from '@/lib/auth/sign-in-errors';
import { signInSchema } from '@/lib/validations/auth';

/** The server's sign-in schema, plus the step the form is on: the code step needs a code. */
const signInFormSchema = signInSchema
  .extend({ step: z.enum(['password', 'code']) })
  .refine((v) => v.step === 'password' || v.code !== undefined, { path: ['code'], message: 'Enter the code from your authenticator app.' });

/**
 * Email and password; for accounts with two-factor sign-in, a second step asks for the code. The
 * server says which step is needed only after the password is right (lib/auth/authenticate.ts).
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const form = useZodForm(signInFormSchema, { defaultValues: { code: '', step: 'password' } });
  const { errors } = form.formState;
  const step = useWatch({ control: form.control, name: 'step' });
  // Bumped after a refused code, so the code field remounts empty and focused.
  const [codeAttempt, setCodeAttempt] = useState(0);
  // Signed in: the page is being replaced; the button stays busy until it is.
  const [leaving, setLeaving] = useState(false);
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async ({ email, password, code }) => {
    const result = await signIn('credentials', { email, password, code: code ?? '', redirect: false });
    if (result && !result.error) {
      setLeaving(true);
      return window.location.assign(callbackUrl);
    }
    const view = describeSignInError(result?.error ?? 'CredentialsSignin', step);
    form.setValue('step', view.step);
    if (view.message) form.setError('root.server', { type: 'server', message: view.message });
    if (view.step === 'code') {
      form.setValue('code', '');
      setCodeAttempt((n) => n + 1);
    }
  });

  const pending = form.formState.isSubmitting || leaving;

  function back() {
    form.reset({ email: form.getValues('email'), password: '', code: '', step: 'password' });
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} method="post" className="space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6 shadow-sm" noValidate>
      {step === 'password' ? (
        <>
          <Field label="Email" type="email" autoComplete="username" required autoFocus error={errors.email?.message} {...form.register('email')} />
          <Field label="Password" type="password" autoComplete="current-password" required error={errors.password?.message} {...form.register('password')} />
        </>
      ) : (
        <>
          <p className="text-sm">
            Two-factor sign-in is on for <strong>{form.getValues('email').trim()}</strong>. Enter the 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
          <Field
            key={codeAttempt}
            autoFocus
            label="Authentication code"
            autoComplete="one-time-code"
            required
            maxLength={40}
            hint="A code from your app, or a recovery code like abcde-fghjk."
            error={errors.code?.message}
            {...form.register('code')}
          />
        </>
      )}
      <FormError form={form} className="min-h-5 text-sm text-red-700" />
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? 'Signing in…' : step === 'code' ? 'Verify' : 'Sign in'}
      </Button>
      {step === 'code' && (
        <Button variant="ghost" className="w-full" onClick={back} disabled={pending}>
          Use another account
        </Button>
      )}
    </form>
  );
}
