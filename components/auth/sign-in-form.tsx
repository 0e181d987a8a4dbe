'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { describeSignInError } from '@/lib/auth/sign-in-errors';

type Step = 'password' | 'code';

/**
 * Email and password; for accounts with two-factor sign-in, a second step asks for the code. The
 * server says which step is needed only after the password is right (lib/auth/authenticate.ts).
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Bumped after a refused code, so the code field remounts empty and focused.
  const [codeAttempt, setCodeAttempt] = useState(0);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = step === 'code' ? String(new FormData(event.currentTarget).get('code') ?? '').trim() : '';
    if (!email.trim() || !password) return setError('Enter your email and password.');
    if (step === 'code' && !code) return setError('Enter the code from your authenticator app.');
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email: email.trim(), password, code, redirect: false });
    if (result && !result.error) return window.location.assign(callbackUrl);
    setPending(false);
    const view = describeSignInError(result?.error ?? 'CredentialsSignin', step);
    setStep(view.step);
    setError(view.message);
    if (view.step === 'code') setCodeAttempt((n) => n + 1);
  }

  function back() {
    setStep('password');
    setPassword('');
    setError(null);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} method="post" className="space-y-4 rounded-xl border border-[var(--color-line)] bg-white p-6 shadow-sm" noValidate>
      {step === 'password' ? (
        <>
          <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </>
      ) : (
        <>
          <p className="text-sm">
            Two-factor sign-in is on for <strong>{email.trim()}</strong>. Enter the 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
          <Field key={codeAttempt} autoFocus label="Authentication code" name="code" autoComplete="one-time-code" required maxLength={40} hint="A code from your app, or a recovery code like abcde-fghjk." />
        </>
      )}
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
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
