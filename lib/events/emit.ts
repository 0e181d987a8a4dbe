import { getEventBus } from './bus';
import type { ArticleEventField, EntityEventType, NewWorkspaceEvent } from './types';

/**
 * One-line publishers for route handlers. Call them after the query returned: the transaction has
 * committed, so subscribers that refetch see the change. They never throw: the write already
 * succeeded, and a failed notification must not turn it into an error response (clients
 * still converge on their next fetch or reconnect).
 */

export function emit(event: NewWorkspaceEvent): void {
  const failed = (error: unknown) => console.error(`Could not publish ${event.type}`, error);
  try {
    const published = getEventBus().publish(event);
    if (published instanceof Promise) published.catch(failed);
  } catch (error) {
    failed(error);
  }
}

export interface EventScope {
  workspaceId: string;
  articleId: string;
  /** The claim concerned; defaults to the entity itself for claim events. */
  claimId?: string | null;
}

/** A claim, source, comment, verdict or assignment changed. Omit `version` (or pass null) for deletes. */
export function emitEntity(type: EntityEventType, scope: EventScope, entity: { id: string; version?: number | null }, actorId: string | null): void {
  const claimId = scope.claimId !== undefined ? scope.claimId : type.startsWith('claim.') ? entity.id : null;
  emit({ type, workspaceId: scope.workspaceId, articleId: scope.articleId, claimId, entityId: entity.id, version: entity.version ?? null, actorId });
}

export function emitArticleUpdated(
  article: { id: string; workspaceId: string; version: number; revision?: number | null },
  fields: ArticleEventField[],
  actorId: string | null,
): void {
  emit({ type: 'article.updated', workspaceId: article.workspaceId, articleId: article.id, entityId: article.id, version: article.version, fields, revision: article.revision ?? null, actorId });
}

export function emitMemberRemoved(workspaceId: string, userId: string, actorId: string | null): void {
  emit({ type: 'member.removed', workspaceId, articleId: null, entityId: userId, userId, version: null, actorId });
}
