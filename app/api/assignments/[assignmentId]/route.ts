import { authorize } from '@/db/queries/access';
import { getAssignment, unassign } from '@/db/queries/assignments';
import { apiRoute } from '@/lib/server/api/handler';
import { emitEntity } from '@/lib/events/emit';

export const DELETE = apiRoute<{ assignmentId: string }>(({ params, user, db }) => {
  const current = getAssignment(db, params.assignmentId);
  authorize(db, user.id, current.workspaceId, 'claim:assign', 'Assignment');
  const removed = unassign(db, params.assignmentId, user.id);
  emitEntity('assignment.deleted', { workspaceId: removed.workspaceId, articleId: removed.articleId, claimId: removed.claimId }, removed, user.id);
  return { ok: true };
});
