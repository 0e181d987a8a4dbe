import { SendVerificationButton } from './send-verification-button';

/** "Email verified", or why it matters and how to verify (mail permitting). */
export function EmailVerificationStatus({ email, verifiedAt, mailConfigured }: { email: string; verifiedAt: Date | null; mailConfigured: boolean }) {
  return (
    <section aria-label="Email address" className="mt-6 space-y-3 rounded-xl border border-[var(--color-line)] bg-white p-6 text-sm">
      <h2 className="text-base font-semibold">Email address</h2>
      {verifiedAt ? (
        <p data-testid="email-status">
          {email} · <span className="font-medium text-emerald-800">Email verified</span>
        </p>
      ) : (
        <>
          <p data-testid="email-status">
            {email} · <span className="font-medium text-amber-800">not verified</span>
          </p>
          <p className="text-[var(--color-muted)]">Until you prove this mailbox is yours, this account cannot join another workspace.</p>
          {mailConfigured ? <SendVerificationButton /> : <p>Verification needs mail, and mail is not configured on this server: an administrator must configure it first.</p>}
        </>
      )}
    </section>
  );
}
