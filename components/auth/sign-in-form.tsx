'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until React has hydrated, a click would submit the form natively: keep the button disabled.
  const [hydrated, setHydrated] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- flips once after hydration, by design
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      // next-auth passes our own messages (e.g. too many attempts) through as the error text.
      const message = !result || result.error === 'CredentialsSignin' ? 'Wrong email or password.' : result.error?.startsWith('Too many') ? result.error : 'Sign-in failed. Please try again.';
      setError(message);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6 shadow-sm" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
