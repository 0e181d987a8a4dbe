import { verifyEmail } from '@/db/queries/email-tokens';
import { clientInfo } from '@/lib/api/client-info';
import { publicApiRoute, readJson } from '@/lib/server/api/handler';
import { verifyEmailSchema } from '@/lib/validations/invitations';

/** Follows a verification link: the token alone proves the mailbox, so no session is needed. */
export const POST = publicApiRoute(async ({ req, db }) => {
  const { token } = await readJson(req, verifyEmailSchema);
  const { email } = await verifyEmail(db, token, clientInfo(req.headers));
  return { ok: true, email };
});
