import { authorize } from '@/db/queries/access';
import { recordSecurityEvent } from '@/db/queries/security-events';
import { setWorkspaceTwoFactorRequirement } from '@/db/queries/two-factor';
import { clientInfo } from '@/lib/api/client-info';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { forbidden } from '@/lib/errors';
import { workspaceTwoFactorSchema } from '@/lib/validations/two-factor';
import { transaction } from '@/db/transaction';

/** Owners require (or stop requiring) two-factor sign-in of every member; they need it on themselves first. */
export const PUT = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  const { required } = await readJson(req, workspaceTwoFactorSchema);
  if (required && !user.twoFactorEnabled) throw forbidden('Turn on two-factor sign-in for your own account first (Your account page).');
  await transaction(db, async (tx) => {
    if (await setWorkspaceTwoFactorRequirement(tx, params.workspaceId, required)) {
      await recordSecurityEvent(tx, { type: 'workspace_two_factor_required', workspaceId: params.workspaceId, actorId: user.id, userId: user.id, detail: { required }, client: clientInfo(req.headers) });
    }
  });
  return { requireTwoFactor: required };
});
