import type { Metadata } from 'next';
import { getDb } from '@/db';
import { lookupEmailToken } from '@/db/queries/email-tokens';
import { DEAD_LINK_MESSAGES } from '@/lib/auth/tokens';
import { AuthCard, SignInLink } from '../../auth-card';
import { ConfirmEmailButton } from './confirm-email-button';

export const metadata: Metadata = { title: 'Verify your email', referrer: 'no-referrer' };

/**
 * Opening a verification link. The address is marked verified only when the visitor presses the
 * button (a POST), so mail scanners that prefetch links cannot use up the single-use link.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupEmailToken(getDb(), token, 'verify_email');
  if (found.state !== 'valid') {
    return (
      <AuthCard title="This verification link cannot be used" footer={<SignInLink />}>
        <p role="alert">{DEAD_LINK_MESSAGES[found.state]}</p>
        <p className="text-[var(--color-muted)]">Sign in and send a new one from Your account.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Verify your email">
      <p>
        Confirm that <strong>{found.email}</strong> is your address.
      </p>
      <ConfirmEmailButton token={token} />
    </AuthCard>
  );
}
