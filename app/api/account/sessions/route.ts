import { recordSecurityEvent } from '@/db/queries/security-events';
import { revokeUserSessions } from '@/db/queries/sessions';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute } from '@/lib/server/api/handler';
import { transaction } from '@/db/transaction';

/** "Sign out everywhere": ends every session of the caller, this browser's too. */
export const DELETE = apiRoute(
  async ({ req, user, db }) => {
    const ended = await transaction(db, async (tx) => {
      const count = await revokeUserSessions(tx, user.id);
      await recordSecurityEvent(tx, { type: 'sessions_revoked', userId: user.id, detail: { scope: 'all', count }, client: clientInfo(req.headers) });
      return count;
    });
    return { ended };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
