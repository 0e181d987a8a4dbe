import { consume } from '@/db/queries/rate-limits';
import { issueEmailToken } from '@/db/queries/email-tokens';
import { findUserById } from '@/db/queries/users';
import { apiRoute } from '@/lib/server/api/handler';
import { AppError, tooManyRequests, unauthorized } from '@/lib/errors';
import { isMailConfigured } from '@/lib/mail/config';
import { sendVerificationMail } from '@/lib/server/mail/deliver';
import { transaction } from '@/db/transaction';

const PER_ACCOUNT = { limit: 5, windowMs: 60 * 60_000 };

/** Mails the signed-in account a link that proves its address (a new link kills the previous one). */
export const POST = apiRoute(async ({ user, db }) => {
  const account = await findUserById(db, user.id);
  if (!account) throw unauthorized();
  if (account.emailVerifiedAt) return { ok: true, alreadyVerified: true };
  if (!isMailConfigured()) throw new AppError('unavailable', 'Verification needs mail, and mail is not configured on this server. Ask an administrator to set SMTP_URL.');
  const allowed = await consume(db, `verify-email:user:${user.id}`, PER_ACCOUNT);
  if (!allowed.allowed) throw tooManyRequests(`Too many verification emails. Try again in ${Math.ceil(allowed.retryAfterMs / 60_000)} minute(s).`, Math.ceil(allowed.retryAfterMs / 1000));
  const issued = await transaction(db, (tx) => issueEmailToken(tx, user.id, 'verify_email'));
  await sendVerificationMail(account, issued);
  return { ok: true, sentTo: account.email };
});
