import { recordSecurityEvent } from '@/db/queries/security-events';
import { revokeSession } from '@/db/queries/sessions';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, parseInput } from '@/lib/server/api/handler';
import { notFound } from '@/lib/errors';
import { idSchema } from '@/lib/validations/common';
import { transaction } from '@/db/transaction';

/** Signs out one of the caller's own sessions (another browser, or this one). */
export const DELETE = apiRoute<{ sessionId: string }>(
  async ({ req, params, user, db }) => {
    const sessionId = parseInput(idSchema, params.sessionId);
    const ended = await transaction(db, async (tx) => {
      // Scoped to the caller: someone else's session id answers 404 like an unknown one.
      if (!(await revokeSession(tx, sessionId, user.id))) return false;
      await recordSecurityEvent(tx, { type: 'sessions_revoked', userId: user.id, detail: { scope: 'one', sessionId, current: sessionId === user.sessionId }, client: clientInfo(req.headers) });
      return true;
    });
    if (!ended) throw notFound('Session');
    return { ended: 1, current: sessionId === user.sessionId };
  },
  { allowOneTimePassword: true, allowWithoutTwoFactor: true },
);
