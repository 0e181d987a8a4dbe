import type { Metadata } from 'next';
import { isMailConfigured } from '@/lib/mail/config';
import { AuthCard, SignInLink } from '../auth-card';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password" footer={<SignInLink label="Back to sign-in" />}>
      {isMailConfigured() ? (
        <ForgotPasswordForm />
      ) : (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          Password reset needs mail to be configured, and this server has no mail set up. Ask an administrator to configure mail (SMTP_URL) or to help you sign in.
        </p>
      )}
    </AuthCard>
  );
}
