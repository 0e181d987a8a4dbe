import { authorize } from '@/db/queries/access';
import { refitWorkspaceModel } from '@/db/queries/check-worthiness-settings';
import { JSON_BODY_LIMIT_BYTES, readBodyText } from '@/lib/api/body';
import { AppError } from '@/lib/errors';
import { apiRoute, parseInput } from '@/lib/server/api/handler';
import { scoreForFeatures } from '@/lib/server/check-worthiness-jobs';
import { refitSchema } from '@/lib/validations/check-worthiness';

/**
 * Re-fits the weights on the desk's decisions (owner) → 201 RefitResultDto (stored, not switched on);
 * 422 in words with too few examples. The body ({ folds? }) may be left out. The articles of
 * hand-marked claims are re-scored on the scoring worker, as Find claims runs are.
 */
export const POST = apiRoute<{ workspaceId: string }>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'workspace:settings', 'Workspace');
  const text = await readBodyText(req, { maxBytes: JSON_BODY_LIMIT_BYTES });
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('bad_request', 'The request body must be JSON.');
    }
  }
  const input = parseInput(refitSchema, raw);
  return Response.json(await refitWorkspaceModel(db, params.workspaceId, user.id, { folds: input.folds, signal: req.signal, score: scoreForFeatures }), { status: 201 });
});
