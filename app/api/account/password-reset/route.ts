import { after } from 'next/server';
import { requestPasswordReset } from '@/db/queries/email-tokens';
import { consume } from '@/db/queries/rate-limits';
import type { RateLimit } from '@/lib/domain/rate-limits';
import { clientInfo } from '@/lib/api/client-info';
import { publicApiRoute, readJson } from '@/lib/server/api/handler';
import { AppError, tooManyRequests } from '@/lib/errors';
import { isMailConfigured } from '@/lib/mail/config';
import { sendPasswordResetMail } from '@/lib/server/mail/deliver';
import { forgotPasswordSchema } from '@/lib/validations/invitations';

const PER_EMAIL: RateLimit = { limit: 3, windowMs: 60 * 60_000 };
const PER_ADDRESS: RateLimit = { limit: 20, windowMs: 60 * 60_000 };

/**
 * "Forgot password": mails a 1-hour reset link if the address has an account. The answer is the
 * same either way, limits count every address asked for (known or not), and the mail goes out
 * after the response, so neither the answer nor its timing tells whether an account exists.
 */
export const POST = publicApiRoute(async ({ req, db }) => {
  const { email } = await readJson(req, forgotPasswordSchema);
  if (!isMailConfigured()) throw new AppError('unavailable', 'Password reset needs mail, and mail is not configured on this server. Ask an administrator to reset it or to set SMTP_URL.');
  const client = clientInfo(req.headers);
  for (const [key, limit] of [[`password-reset:ip:${client.ip ?? 'unknown'}`, PER_ADDRESS], [`password-reset:email:${email}`, PER_EMAIL]] as const) {
    const result = await consume(db, key, limit);
    if (!result.allowed) throw tooManyRequests(`Too many reset requests. Try again in ${Math.ceil(result.retryAfterMs / 60_000)} minute(s).`, Math.ceil(result.retryAfterMs / 1000));
  }
  const issued = await requestPasswordReset(db, email, client);
  if (issued) after(() => sendPasswordResetMail(issued, issued).catch(() => undefined));
  return { ok: true };
});
