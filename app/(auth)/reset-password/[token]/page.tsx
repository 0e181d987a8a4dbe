import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { lookupEmailToken } from '@/db/queries/email-tokens';
import { DEAD_LINK_MESSAGES } from '@/lib/auth/tokens';
import { AuthCard, SignInLink } from '../../auth-card';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupEmailToken(getDb(), token, 'reset_password');
  if (found.state !== 'valid') {
    return (
      <AuthCard title="This reset link cannot be used" footer={<SignInLink />}>
        <p role="alert">{DEAD_LINK_MESSAGES[found.state]}</p>
        <Link href="/forgot-password" className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <p>
        For <strong>{found.email}</strong>. Saving it signs this account out everywhere.
      </p>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
