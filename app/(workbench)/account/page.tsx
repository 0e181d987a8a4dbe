import type { Metadata } from 'next';
import { AccountSecurity, type AccountSecurityProps } from '@/components/account/account-security';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { EmailVerificationStatus } from '@/components/settings/email-verification-status';
import { LeaveWorkspaces } from '@/components/settings/leave-workspaces';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { listActiveSessions } from '@/db/queries/sessions';
import { countUnusedRecoveryCodes, workspacesRequiringTwoFactor } from '@/db/queries/two-factor';
import { findUserById } from '@/db/queries/users';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { userAgentLabel } from '@/lib/auth/user-agent-label';
import type { CurrentUser } from '@/lib/domain/users';
import { isMailConfigured } from '@/lib/mail/config';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Your account' };

// Server-side formatting in UTC: the same text on server and client, whatever the viewer's zone.
const formatTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

async function loadAccountSecurity(db: Db, user: CurrentUser): Promise<AccountSecurityProps> {
  return {
    twoFactorEnabled: user.twoFactorEnabled,
    requiringTwoFactor: user.twoFactorEnabled ? [] : (await workspacesRequiringTwoFactor(db, user.id)).map((w) => w.name),
    unusedRecoveryCodes: user.twoFactorEnabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
    sessions: (await listActiveSessions(db, user.id)).map((s) => ({
      id: s.id,
      browser: userAgentLabel(s.userAgent),
      ip: s.ip,
      lastSeen: formatTime(s.lastSeenAt),
      signedIn: formatTime(s.createdAt),
      current: s.id === user.sessionId,
    })),
  };
}

export default async function AccountPage() {
  const user = await requireUser('/account');
  const security = await loadAccountSecurity(getDb(), user);
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
      <AccountSecurity {...security} />
      <ChangePasswordForm />
      <EmailVerificationStatus email={user.email} verifiedAt={(await findUserById(getDb(), user.id))?.emailVerifiedAt ?? null} mailConfigured={isMailConfigured()} />
      <LeaveWorkspaces workspaces={(await listWorkspacesForUser(getDb(), user.id)).map(({ id, name, role }) => ({ id, name, role }))} />
    </main>
  );
}
