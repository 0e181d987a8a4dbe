import { acceptInvitationAsUser } from '@/db/queries/invitations';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { acceptAsMemberSchema } from '@/lib/validations/invitations';

/** Accepts an invitation as the signed-in account: only the invited address, and only once it is verified. */
export const POST = apiRoute(async ({ req, user, db }) => {
  const { token } = await readJson(req, acceptAsMemberSchema);
  return { ok: true, ...(await acceptInvitationAsUser(db, token, user.id, clientInfo(req.headers))) };
});
