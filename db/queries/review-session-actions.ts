import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { claims, memberships, reviewSessionActions } from '../schema';
import type { AssignmentDto } from '@/lib/domain/review';
import type { Role } from '@/lib/domain/roles';
import { AppError, conflict, notFound } from '@/lib/errors';
import { checkSessionOp } from '@/lib/review-sessions/policy';
import type { CreateSessionActionInput } from '@/lib/validations/review-sessions';
import { assign } from './assignments';
import { assertAllowed, loadItem, lockSession, openAttendance } from './review-session-core';
import type { SessionWriteResult } from './review-session-ops';

/**
 * Action items: a claim assigned to a member (through the existing assignment write, so it is in
 * their My queue like any assignment) or a task (listed in their My queue as a SessionTaskQueueItem
 * until marked done).
 */

export interface CreateActionResult extends SessionWriteResult {
  actionId: string;
  /** For kind claim: the assignment, and whether it is new (for the assignment.created event). */
  assignment: { assignment: AssignmentDto; created: boolean } | null;
}

export async function createSessionAction(db: Db, args: { sessionId: string; userId: string; role: Role; input: CreateSessionActionInput }): Promise<CreateActionResult> {
  const { input } = args;
  return transaction(
    db,
    async (tx) => {
      const session = await lockSession(tx, args.sessionId);
      const joined = (await openAttendance(tx, session.id, args.userId)) !== null;
      assertAllowed(checkSessionOp('addAction', { role: args.role, status: session.status, isLead: session.leadId === args.userId, joined }));
      const item = input.itemId ? await loadItem(tx, session.id, input.itemId) : null;
      const claimId = input.claimId ?? (input.kind === 'claim' ? (item?.claimId ?? null) : null);
      if (input.kind === 'claim' && !claimId) throw new AppError('unprocessable', 'Choose the claim to assign.');
      if (claimId) {
        const [claim] = await tx.select({ id: claims.id }).from(claims).where(and(eq(claims.id, claimId), eq(claims.articleId, session.articleId))).limit(1);
        if (!claim) throw notFound('Claim');
      }
      const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, session.workspaceId), eq(memberships.userId, input.assigneeId))).limit(1);
      if (!member) throw new AppError('unprocessable', 'That person is not a member of this workspace.');
      // The existing assignment write, joined to this transaction (reviewers and up only, idempotent, history).
      const assignment = input.kind === 'claim' ? await assign(tx, { articleId: session.articleId, claimId, assigneeId: input.assigneeId, actorId: args.userId }) : null;
      const [action] = await tx
        .insert(reviewSessionActions)
        .values({ sessionId: session.id, itemId: item?.id ?? null, kind: input.kind, assigneeId: input.assigneeId, claimId, assignmentId: assignment?.assignment.id ?? null, text: input.text, createdBy: args.userId })
        .returning({ id: reviewSessionActions.id });
      return { sessionId: session.id, workspaceId: session.workspaceId, articleId: session.articleId, version: session.version, claimId: null, actionId: action!.id, assignment };
    },
    // assign() reads then inserts without a unique index: serializable, as it asks for on its own.
    { isolation: 'serializable' },
  );
}

/**
 * Marks an action done (or not done again): its assignee or the session lead, also after the
 * session ended (a task outlives the meeting), at the action's current version (409 otherwise).
 */
export async function setSessionActionDone(db: Db, args: { sessionId: string; actionId: string; userId: string; role: Role; done: boolean; version: number }): Promise<SessionWriteResult> {
  return transaction(db, async (tx) => {
    const session = await lockSession(tx, args.sessionId);
    const [action] = await tx.select().from(reviewSessionActions).where(and(eq(reviewSessionActions.id, args.actionId), eq(reviewSessionActions.sessionId, session.id))).limit(1);
    if (!action) throw notFound('Action item');
    assertAllowed(checkSessionOp('markActionDone', { role: args.role, status: session.status, isLead: session.leadId === args.userId, joined: false, isAssignee: action.assigneeId === args.userId }));
    const updated = await tx
      .update(reviewSessionActions)
      .set({ doneAt: args.done ? (action.doneAt ?? new Date()) : null, version: args.version + 1, updatedAt: new Date() })
      .where(and(eq(reviewSessionActions.id, action.id), eq(reviewSessionActions.version, args.version)))
      .returning({ id: reviewSessionActions.id });
    if (updated.length !== 1) throw conflict('This action item was changed elsewhere since you opened it.', { id: action.id, doneAt: action.doneAt?.toISOString() ?? null, version: action.version });
    return { sessionId: session.id, workspaceId: session.workspaceId, articleId: session.articleId, version: session.version, claimId: null };
  });
}
