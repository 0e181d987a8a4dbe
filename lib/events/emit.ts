import { getEventBus } from './bus';
import type { ArticleTextDelta } from '@/lib/editor/text-delta';
import type { ArticleEventField, EntityEventType, NewWorkspaceEvent } from './types';

/**
 * One-line publishers for route handlers. Call them after the query returned: the transaction has
 * committed, so subscribers that refetch see the change. They never throw: the write already
 * succeeded, and a failed notification must not turn it into an error response (clients
 * still converge on their next fetch or reconnect).
 *
 * Publishing happens after the handler returns (setImmediate): delivery to every open stream of
 * the article (100 viewers, or 1,000) is not part of the writing request, which answers first.
 * Events keep their order: one queue per process, published first in, first out.
 */

interface EmitQueue {
  events: NewWorkspaceEvent[];
  scheduled: boolean;
}

// On globalThis: Next.js bundles this module into several route chunks, and all of them must share one order.
const globalForEmit = globalThis as unknown as { claimdeskEmitQueue?: EmitQueue };

function emitQueue(): EmitQueue {
  globalForEmit.claimdeskEmitQueue ??= { events: [], scheduled: false };
  return globalForEmit.claimdeskEmitQueue;
}

export function emit(event: NewWorkspaceEvent): void {
  const queue = emitQueue();
  queue.events.push(event);
  if (queue.scheduled) return;
  queue.scheduled = true;
  setImmediate(flushEmits);
}

/** Publishes the queued events now, in order (the scheduled run; tests and shutdown may call it too). */
export function flushEmits(): void {
  const queue = emitQueue();
  queue.scheduled = false;
  const events = queue.events.splice(0);
  for (const event of events) publishNow(event);
}

function publishNow(event: NewWorkspaceEvent): void {
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

/**
 * Largest text delta (JSON, UTF-16 units) an article.updated event carries; a larger one is left
 * out and viewers refetch. Bounds what one event costs every viewer and the event buffer (1000 events).
 */
export const MAX_TEXT_DELTA_CHARS = 64 * 1024;

/** The delta if small enough to send to every viewer, else undefined (they refetch). */
export function liveTextDelta(delta: ArticleTextDelta | null | undefined): ArticleTextDelta | undefined {
  if (!delta) return undefined;
  try {
    return JSON.stringify(delta).length <= MAX_TEXT_DELTA_CHARS ? delta : undefined;
  } catch {
    return undefined;
  }
}

export function emitArticleUpdated(
  article: { id: string; workspaceId: string; version: number; revision?: number | null },
  fields: ArticleEventField[],
  actorId: string | null,
  /** A text save's delta (see ArticleUpdatedEvent.delta); dropped when over MAX_TEXT_DELTA_CHARS. */
  textDelta?: ArticleTextDelta | null,
  /** A text save's claims with fewer parts found than before (ArticleUpdatedEvent.newlyOrphaned). */
  newlyOrphaned?: number,
): void {
  const delta = liveTextDelta(textDelta);
  emit({ type: 'article.updated', workspaceId: article.workspaceId, articleId: article.id, entityId: article.id, version: article.version, fields, revision: article.revision ?? null, actorId, ...(delta ? { delta } : {}), ...(newlyOrphaned !== undefined ? { newlyOrphaned } : {}) });
}

export function emitMemberRemoved(workspaceId: string, userId: string, actorId: string | null): void {
  emit({ type: 'member.removed', workspaceId, articleId: null, entityId: userId, userId, version: null, actorId });
}
