import { readTextDelta, type ArticleTextDelta } from '@/lib/editor/text-delta';
import type { ArticleUpdatedEvent, EntityEvent } from '@/lib/events/types';
import { queryKeys } from './query-keys';

/** What the client holds now, read from its cache; `undefined`: not held (or not loaded). */
export interface HeldVersions {
  article: () => number | undefined;
  /** The text revision the cache holds (with its claims), if any. */
  textRevision?: () => number | undefined;
  claim: (claimId: string) => number | undefined;
  source: (claimId: string, sourceId: string) => number | undefined;
  comment: (claimId: string, commentId: string) => number | undefined;
  verdict: (claimId: string, verdictId: string) => number | undefined;
  assignment: (assignmentId: string) => boolean;
}

export type QueryKey = readonly unknown[];

export type LiveAction =
  /** Exactly this query (no prefix match: `['article', id]` must not drag its children along). */
  | { type: 'invalidate'; queryKey: QueryKey }
  /** Every query under this key. */
  | { type: 'invalidateAll'; queryKey: QueryKey }
  /** Every open claim's verdicts (blind review changed what this viewer may see). */
  | { type: 'invalidateEachClaim'; part: 'verdicts' }
  | { type: 'refetchClaim'; claimId: string }
  | { type: 'removeClaim'; claimId: string; actorId: string | null }
  /** New text was saved elsewhere: warn when this client is editing. */
  | { type: 'textChanged' }
  /**
   * Move the held text and claims to the new revision with the event's delta (no refetch);
   * when it does not apply after all, run `fallback` (the refetches a delta-less event asks for).
   */
  | { type: 'applyTextDelta'; delta: ArticleTextDelta; version: number; fallback: LiveAction[] };

/**
 * A held copy at the event's version (or newer) is this client's own write, already in the cache:
 * no refetch. A delete (no version) is held when the row is already gone.
 */
function isHeld(held: number | undefined, version: number | null): boolean {
  if (version === null) return held === undefined;
  return held !== undefined && held >= version;
}

/** Turns an entity event into the cache work it calls for. History and agreement carry no version: always refreshed. */
export function planEntityEvent(event: EntityEvent, held: HeldVersions): LiveAction[] {
  const { claimId, articleId } = event;
  const history: LiveAction[] = claimId ? [{ type: 'invalidate', queryKey: queryKeys.history(claimId) }] : [];
  const agreement: LiveAction = { type: 'invalidate', queryKey: queryKeys.agreement(articleId) };
  switch (event.type) {
    case 'claim.deleted':
      return [{ type: 'removeClaim', claimId: event.entityId, actorId: event.actorId }, agreement];
    case 'claim.created':
    case 'claim.updated':
      if (isHeld(held.claim(event.entityId), event.version)) return history;
      return [{ type: 'refetchClaim', claimId: event.entityId }, ...history];
    case 'source.created':
    case 'source.updated':
    case 'source.deleted':
      if (!claimId || isHeld(held.source(claimId, event.entityId), event.version)) return history;
      return [{ type: 'refetchClaim', claimId }, ...history];
    case 'comment.created':
    case 'comment.updated':
    case 'comment.deleted':
      if (!claimId || isHeld(held.comment(claimId, event.entityId), event.version)) return history;
      return [{ type: 'invalidate', queryKey: queryKeys.comments(claimId) }, ...history];
    case 'verdict.created':
    case 'verdict.updated':
    case 'verdict.deleted': {
      // A verdict is a vote when the claim's vote is open in a running review session: the session
      // view's "3 of 4 voted" changes (no session.updated is sent for it); the view is small.
      const session: LiveAction = { type: 'invalidate', queryKey: queryKeys.reviewSessions(articleId) };
      if (!claimId || isHeld(held.verdict(claimId, event.entityId), event.version)) return [...history, agreement, session];
      return [{ type: 'invalidate', queryKey: queryKeys.verdicts(claimId) }, ...history, agreement, session];
    }
    case 'reply.created':
    case 'reply.updated':
    case 'reply.deleted':
      // The log is small and its versions are not tracked in the cache: refetch it (where shown).
      return claimId ? [{ type: 'invalidate', queryKey: queryKeys.replies(claimId) }, ...history] : [];
    case 'assignment.created':
    case 'assignment.deleted':
      if (held.assignment(event.entityId) === (event.type === 'assignment.created')) return [];
      return [{ type: 'invalidate', queryKey: queryKeys.assignments(articleId) }];
    case 'suggestions.updated':
      return [{ type: 'invalidate', queryKey: queryKeys.suggestions(articleId) }];
    case 'session.updated':
      // The session view (agenda, current item, vote, attendance) is small: always refetched. An event
      // naming a claim (a vote called or revealed, a decision) changes what this viewer may see of it.
      return [
        { type: 'invalidate', queryKey: queryKeys.reviewSessions(articleId) },
        agreement,
        ...(claimId ? [{ type: 'invalidate', queryKey: queryKeys.verdicts(claimId) } as const, { type: 'refetchClaim', claimId } as const, ...history] : []),
      ];
  }
}

/**
 * The article row changed. Text changes refetch text and the re-anchored claims, unless the event
 * carries a delta from the text revision held (then it is applied in place); a status or
 * blind-review change only the light row (and, for blind review, what this viewer may now see).
 * A status change may be a publication step, so the publication state is invalidated too: it is
 * refetched only where it is shown (articles that are or were published), otherwise it is free.
 */
export function planArticleUpdated(event: ArticleUpdatedEvent, held: HeldVersions): LiveAction[] {
  const version = held.article();
  if (version !== undefined && event.version <= version) return [];
  const actions: LiveAction[] = [{ type: 'invalidate', queryKey: queryKeys.article(event.articleId) }];
  // No field named: a change of the public address (slug), which the publication state carries.
  if (event.fields.includes('status') || event.fields.length === 0) actions.push({ type: 'invalidate', queryKey: queryKeys.publication(event.articleId) });
  if (event.fields.includes('text')) {
    const refetch: LiveAction[] = [{ type: 'invalidate', queryKey: queryKeys.articleText(event.articleId) }, { type: 'invalidate', queryKey: queryKeys.claims(event.articleId) }];
    // A delta from the revision held is applied in place (text, claims, and the light row's version
    // and revision); the light row is refetched only when something besides the text changed too.
    const delta = event.delta === undefined ? null : readTextDelta(event.delta);
    if (delta && delta.revision === event.revision && held.textRevision?.() === delta.baseRevision) {
      const textOnly = event.fields.length === 1;
      return [...(textOnly ? [] : actions), { type: 'textChanged' }, { type: 'applyTextDelta', delta, version: event.version, fallback: [...(textOnly ? actions : []), ...refetch] }];
    }
    actions.push({ type: 'textChanged' }, ...refetch);
  } else if (event.fields.includes('blindReview')) {
    actions.push({ type: 'invalidate', queryKey: queryKeys.claims(event.articleId) }, { type: 'invalidateEachClaim', part: 'verdicts' });
  }
  return actions;
}

/** Missed events are gone: everything about the article and its claims is refetched. */
export function planResync(articleId: string): LiveAction[] {
  return [
    { type: 'invalidateAll', queryKey: queryKeys.article(articleId) },
    { type: 'invalidateAll', queryKey: queryKeys.allClaims() },
  ];
}
