import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/account/account-security';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { EmailVerificationStatus } from '@/components/settings/email-verification-status';
import { LeaveWorkspaces } from '@/components/settings/leave-workspaces';
import { getDb } from '@/db';
import { findUserById } from '@/db/queries/users';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { isMailConfigured } from '@/lib/mail/config';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        {user.name} · {user.email}
      </p>
      {user.mustChangePassword && (
        <p role="note" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      <AccountSecurity user={user} />
      <ChangePasswordForm />
      <EmailVerificationStatus email={user.email} verifiedAt={findUserById(getDb(), user.id)?.emailVerifiedAt ?? null} mailConfigured={isMailConfigured()} />
      <LeaveWorkspaces workspaces={listWorkspacesForUser(getDb(), user.id).map(({ id, name, role }) => ({ id, name, role }))} />
    </main>
  );
}
