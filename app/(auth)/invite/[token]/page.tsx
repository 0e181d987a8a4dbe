import type { Metadata } from 'next';
import { getDb } from '@/db';
import { lookupInvitation } from '@/db/queries/invitations';
import { findUserById } from '@/db/queries/users';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { DEAD_LINK_MESSAGES } from '@/lib/auth/tokens';
import { isMailConfigured } from '@/lib/mail/config';
import { getCurrentUser } from '@/lib/server/session';
import { AuthCard, SignInLink } from '../../auth-card';
import { JoinButton } from './join-button';
import { NewAccountForm } from './new-account-form';
import { SendVerificationButton } from '@/components/settings/send-verification-button';

// The token is in the URL: never send it on to another site as a Referer.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

/**
 * Opening an invitation link. Brand-new address: create the account here. Existing account: only
 * that account, signed in and with a verified address, may join; anyone else is refused.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupInvitation(getDb(), token);
  if (found.state !== 'valid') {
    return (
      <AuthCard title="This invitation cannot be used" footer={<SignInLink />}>
        <p role="alert">{DEAD_LINK_MESSAGES[found.state]}</p>
        <p className="text-[var(--color-muted)]">Ask the workspace owner to send you a new invitation.</p>
      </AuthCard>
    );
  }
  const { invitation } = found;
  const user = await getCurrentUser();
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const intro = (
    <p>
      {invitation.inviterName ?? 'An owner'} invited <strong>{invitation.email}</strong> to join <strong>{invitation.workspaceName}</strong> as {role}.
    </p>
  );

  if (user && user.email !== invitation.email) {
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`}>
        {intro}
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
          You are signed in as {user.email}. This invitation is for {invitation.email}, so it cannot be accepted from this account. Sign out, then open the link again.
        </p>
        <SignOutButton />
      </AuthCard>
    );
  }

  if (!invitation.account) {
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`} footer={<SignInLink label="Already have an account? Sign in" />}>
        {intro}
        <p className="text-[var(--color-muted)]">Create your account to accept.</p>
        {invitation.delivery === 'link' && (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
            This link was handed to you, not mailed, so your address stays unverified: you can work in {invitation.workspaceName}, but joining another workspace later needs a verification email.
          </p>
        )}
        <NewAccountForm token={token} email={invitation.email} defaultName={invitation.name} />
      </AuthCard>
    );
  }

  if (!user) {
    const callbackUrl = `/invite/${token}`;
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`}>
        {intro}
        <p>An account for this address exists. Sign in as {invitation.email} to accept.</p>
        <a href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="inline-flex h-10 items-center rounded-md bg-[var(--color-accent)] px-4 font-medium text-white hover:bg-[#173ea8]">
          Sign in as {invitation.email}
        </a>
        <p className="text-[var(--color-muted)]">
          Don’t know its password?{' '}
          <a href="/forgot-password" className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            Reset it by email
          </a>
          .
        </p>
      </AuthCard>
    );
  }

  const account = await findUserById(getDb(), user.id);
  if (!account?.emailVerifiedAt) {
    return (
      <AuthCard title={`Join ${invitation.workspaceName}`}>
        {intro}
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          Your address {user.email} has not been verified yet. Before this account can join another workspace, prove that the mailbox is yours: send yourself a verification email, follow its link, then open this invitation again.
        </p>
        {isMailConfigured() ? (
          <SendVerificationButton />
        ) : (
          <p>Verification needs mail, and mail is not configured on this server: an administrator must configure it (SMTP_URL) first.</p>
        )}
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${invitation.workspaceName}`}>
      {intro}
      <p className="text-[var(--color-muted)]">You are signed in as {user.email}.</p>
      <JoinButton token={token} label={`Join ${invitation.workspaceName} as ${role}`} />
    </AuthCard>
  );
}
