import { authorize } from '@/db/queries/access';
import { getAssignment, unassign } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';

export const DELETE = apiRoute<{ assignmentId: string }>(async ({ params, user, db }) => {
  const current = await getAssignment(db, params.assignmentId);
  await authorize(db, user.id, current.workspaceId, 'claim:assign', 'Assignment');
  const removed = await unassign(db, params.assignmentId, user.id);
  emitEntity('assignment.deleted', { workspaceId: removed.workspaceId, articleId: removed.articleId, claimId: removed.claimId }, removed, user.id);
  return { ok: true };
});
