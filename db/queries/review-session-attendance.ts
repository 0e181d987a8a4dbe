import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { reviewSessionAttendance } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { checkSessionOp } from '@/lib/review-sessions/policy';
import type { AttendanceAction } from '@/lib/validations/review-sessions';
import { assertAllowed, joinSession, lockSession, openAttendance } from './review-session-core';
import type { SessionWriteResult } from './review-session-ops';

/**
 * Joining and leaving a session (one review_session_attendance row per join..leave interval) and
 * following the lead or breaking away. Join is idempotent (already joined: the interval stays
 * open, and the member follows the lead again); leave when not joined changes nothing but the version.
 */
export async function changeAttendance(db: Db, args: { sessionId: string; userId: string; role: Role; action: AttendanceAction }): Promise<SessionWriteResult> {
  return transaction(db, async (tx) => {
    const session = await lockSession(tx, args.sessionId);
    const current = await openAttendance(tx, session.id, args.userId);
    assertAllowed(checkSessionOp(args.action, { role: args.role, status: session.status, isLead: session.leadId === args.userId, joined: current !== null }));
    const now = new Date();
    switch (args.action) {
      case 'join':
        await joinSession(tx, session.id, args.userId, now);
        break;
      case 'leave':
        if (current) await tx.update(reviewSessionAttendance).set({ leftAt: now }).where(eq(reviewSessionAttendance.id, current.id));
        break;
      case 'follow':
      case 'breakAway':
        await tx.update(reviewSessionAttendance).set({ following: args.action === 'follow' }).where(eq(reviewSessionAttendance.id, current!.id));
        break;
    }
    return { sessionId: session.id, workspaceId: session.workspaceId, articleId: session.articleId, version: session.version, claimId: null };
  });
}
