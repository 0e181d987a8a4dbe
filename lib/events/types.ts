/**
 * Live events. They are thin notifications, not data: ids, the new version and who did it.
 * Clients refetch what they need through the normal, authorised routes. That keeps one place
 * deciding what a viewer may see. For example, a verdict event never carries the verdict, so
 * blind review cannot leak through the live channel. It also lets a client skip the refetch when
 * it already holds that version (its own write).
 */

import type { ArticleTextDelta } from '@/lib/editor/text-delta';

export const ENTITY_EVENT_TYPES = [
  'claim.created',
  'claim.updated',
  'claim.deleted',
  'source.created',
  'source.updated',
  'source.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'verdict.created',
  'verdict.updated',
  'verdict.deleted',
  'assignment.created',
  'assignment.deleted',
  'reply.created',
  'reply.updated',
  'reply.deleted',
  /** A review session changed (started, agenda, current item, vote, attendance, notes, actions, ended): entityId = session id; claimId names the item's claim when what members may see of it changed (vote called, revealed, decided), else null. */
  'session.updated',
  /** Check-worthiness suggestions changed (a Find claims run progressed or finished, one was accepted or dismissed): entityId = run or suggestion id, claimId null. */
  'suggestions.updated',
] as const;
export type EntityEventType = (typeof ENTITY_EVENT_TYPES)[number];

export type EventType = EntityEventType | 'article.updated' | 'presence.changed' | 'member.removed';

interface Envelope {
  /**
   * Strictly increasing per process (per bus): the SSE event id, used for catch-up.
   * Null for transient events (presence), which are never buffered or replayed.
   */
  seq: number | null;
  /** ISO time the bus stamped the event. */
  at: string;
  workspaceId: string;
  articleId: string | null;
  /** Id of the changed row (claim, source, comment, verdict, assignment, article or user). */
  entityId: string;
  /** The row's version after the change; null for deletes and for events without a row version. */
  version: number | null;
  actorId: string | null;
}

/** A claim or something hanging off a claim changed. `claimId` says which claim to refetch. */
export interface EntityEvent extends Envelope {
  type: EntityEventType;
  seq: number;
  articleId: string;
  /** The claim concerned (the entity itself for claim.*); null for whole-article assignments. */
  claimId: string | null;
}

/** `metadata`: title, outlet, byline, URL, date, language or source credit (the Details dialog). */
export type ArticleEventField = 'text' | 'status' | 'blindReview' | 'metadata';

/**
 * The article row changed. `fields` lets a client that holds an unchanged text adopt the new
 * version (status and settings share the row's version with the text).
 */
export interface ArticleUpdatedEvent extends Envelope {
  type: 'article.updated';
  seq: number;
  articleId: string;
  version: number;
  fields: ArticleEventField[];
  /** The text revision after the change (claims were re-anchored when it moved). */
  revision: number | null;
  /**
   * A text save as a delta from `delta.baseRevision` (lib/editor/text-delta): block splices of the
   * document, the text changes and the claims that did not simply follow the text. The one event
   * that carries content: everyone it reaches may read the article's text and claim positions
   * already (the stream checks article:read), and it saves each of them refetching the whole
   * article. Absent when too large (MAX_TEXT_DELTA_CHARS) or not expressible as block splices:
   * clients then refetch as before.
   */
  delta?: ArticleTextDelta;
  /** A text save: how many claims have fewer parts found than before it (anchored → partial/orphaned, partial → orphaned or fewer parts). */
  newlyOrphaned?: number;
}

export interface PresenceViewer {
  userId: string;
  name: string;
  /** The claim this person has open (the latest opened, across the tabs that have one open). */
  openClaimId: string | null;
  /** Open streams (tabs) this person has on the article. */
  connections: number;
  lastSeen: string;
}

/** Full presence snapshot of one article, sent whenever it changes. */
export interface PresenceChangedEvent extends Envelope {
  type: 'presence.changed';
  seq: null;
  articleId: string;
  version: null;
  viewers: PresenceViewer[];
}

/** A member left the workspace: their open streams must close. `entityId` is the user id. */
export interface MemberRemovedEvent extends Envelope {
  type: 'member.removed';
  seq: number;
  articleId: null;
  version: null;
  userId: string;
}

export type WorkspaceEvent = EntityEvent | ArticleUpdatedEvent | PresenceChangedEvent | MemberRemovedEvent;
/** Events with a seq: buffered and replayed on reconnect. */
export type DurableEvent = Exclude<WorkspaceEvent, PresenceChangedEvent>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What publishers hand to the bus; it stamps `seq` and `at`. */
export type NewWorkspaceEvent = DistributiveOmit<WorkspaceEvent, 'seq' | 'at'>;

/**
 * Position in the event stream. `epoch` identifies the bus instance (a server restart starts a
 * new one and restarts `seq`), so an id from before a restart is recognised as unusable instead
 * of silently matching unrelated events.
 */
export interface EventCursor {
  epoch: string;
  seq: number;
}

export function isDurable(event: WorkspaceEvent): event is DurableEvent {
  return event.seq !== null;
}
