import 'server-only';
import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { memberships, securityEvents, users } from '../schema';
import { transaction } from '../transaction';
import type { ClientInfo } from '@/lib/api/client-info';
import type { Tx } from './history';
import type { SecurityEventType, SecurityEventDto } from '@/lib/domain/security';

export interface SecurityEventInput {
  type: SecurityEventType;
  /** Set for events about one workspace; null/omitted for account events (shown in all the account's workspaces). */
  workspaceId?: string | null;
  userId?: string | null;
  actorId?: string | null;
  detail?: Record<string, unknown> | null;
  client?: ClientInfo | null;
}

/** Appends to the security log; pass the caller's transaction so the entry commits with the change. */
export async function recordSecurityEvent(tx: Tx, event: SecurityEventInput): Promise<void> {
  await transaction(tx, async (t) => {
    await t.insert(securityEvents).values({
      type: event.type,
      workspaceId: event.workspaceId ?? null,
      userId: event.userId ?? null,
      actorId: event.actorId ?? null,
      detail: event.detail ?? null,
      ip: event.client?.ip ?? null,
      userAgent: event.client?.userAgent ?? null,
    });
  });
}

/** Where a page of the log ends: entries are ordered by time, then id, so equal times never skip entries. */
export interface SecurityLogCursor {
  createdAt: Date;
  id: string;
}

/** `1732550400000.<id>` — opaque to clients, safe in a URL. */
export function encodeSecurityLogCursor(event: { createdAt: Date; id: string }): string {
  return `${event.createdAt.getTime()}.${event.id}`;
}

/** Null for anything that is not a cursor this module wrote (the caller then shows the newest page). */
export function decodeSecurityLogCursor(value: string | null | undefined): SecurityLogCursor | null {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(value ?? '');
  return match ? { createdAt: new Date(Number(match[1])), id: match[2]! } : null;
}

/**
 * A workspace's security log, newest first: its own events plus account events of its current members.
 * `before` pages backwards from the last entry shown.
 */
export async function listSecurityEvents(db: Db, workspaceId: string, options: { limit?: number; before?: SecurityLogCursor | null } = {}): Promise<SecurityEventDto[]> {
  const subject = alias(users, 'subject');
  const actor = alias(users, 'actor');
  const memberIds = db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  const scope = or(eq(securityEvents.workspaceId, workspaceId), and(isNull(securityEvents.workspaceId), inArray(securityEvents.userId, memberIds)));
  return db
    .select({
      id: securityEvents.id,
      type: securityEvents.type,
      createdAt: securityEvents.createdAt,
      userId: securityEvents.userId,
      userName: subject.name,
      userEmail: subject.email,
      actorId: securityEvents.actorId,
      actorName: actor.name,
      detail: securityEvents.detail,
      ip: securityEvents.ip,
      userAgent: securityEvents.userAgent,
    })
    .from(securityEvents)
    .leftJoin(subject, eq(subject.id, securityEvents.userId))
    .leftJoin(actor, eq(actor.id, securityEvents.actorId))
    .where(options.before ? and(scope, olderThan(options.before)) : scope)
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 500));
}

function olderThan(cursor: SecurityLogCursor) {
  return or(lt(securityEvents.createdAt, cursor.createdAt), and(eq(securityEvents.createdAt, cursor.createdAt), lt(securityEvents.id, cursor.id)));
}
