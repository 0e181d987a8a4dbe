import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        {user.name} · {user.email}
      </p>
      {user.mustChangePassword && (
        <p role="note" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      <ChangePasswordForm />
    </main>
  );
}
