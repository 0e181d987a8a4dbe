import { recordSecurityEvent } from '@/db/queries/security-events';
import { revokeUserSessions } from '@/db/queries/sessions';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute } from '@/lib/server/api/handler';

/** "Sign out everywhere": ends every session of the caller, this browser's too. */
export const DELETE = apiRoute(
  ({ req, user, db }) => {
    const ended = db.transaction((tx) => {
      const count = revokeUserSessions(tx, user.id);
      recordSecurityEvent(tx, { type: 'sessions_revoked', userId: user.id, detail: { scope: 'all', count }, client: clientInfo(req.headers) });
      return count;
    });
    return { ended };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
