import { describe, expect, it } from 'vitest';
import type { ArticleUpdatedEvent, EntityEvent, EntityEventType } from '@/lib/events/types';
import { planArticleUpdated, planEntityEvent, planResync, type HeldVersions, type LiveAction } from './live-event-plan';

const nothingHeld: HeldVersions = {
  article: () => undefined,
  claim: () => undefined,
  source: () => undefined,
  comment: () => undefined,
  verdict: () => undefined,
  assignment: () => false,
};

function entity(type: EntityEventType, overrides: Partial<EntityEvent> = {}): EntityEvent {
  return { type, seq: 1, at: '2026-01-01T00:00:00Z', workspaceId: 'w', articleId: 'a', entityId: 'e', claimId: 'c', version: 2, actorId: 'u', ...overrides };
}

function articleEvent(fields: ArticleUpdatedEvent['fields'], version = 5): ArticleUpdatedEvent {
  return { type: 'article.updated', seq: 1, at: '2026-01-01T00:00:00Z', workspaceId: 'w', articleId: 'a', entityId: 'a', version, actorId: 'u', fields, revision: 2 };
}

describe('planEntityEvent', () => {
  const table: Array<[EntityEventType, Partial<EntityEvent>, Partial<HeldVersions>, LiveAction[]]> = [
    ['claim.updated', { claimId: 'e' }, { claim: () => 1 }, [{ type: 'refetchClaim', claimId: 'e' }, { type: 'invalidate', queryKey: ['claim', 'e', 'history'] }]],
    ['claim.updated', { claimId: 'e' }, { claim: () => 2 }, [{ type: 'invalidate', queryKey: ['claim', 'e', 'history'] }]],
    ['claim.created', { claimId: 'e' }, { claim: () => 3 }, [{ type: 'invalidate', queryKey: ['claim', 'e', 'history'] }]],
    ['claim.created', { claimId: 'e' }, {}, [{ type: 'refetchClaim', claimId: 'e' }, { type: 'invalidate', queryKey: ['claim', 'e', 'history'] }]],
    ['source.updated', {}, { source: () => 2 }, [{ type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['source.created', {}, {}, [{ type: 'refetchClaim', claimId: 'c' }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['reply.created', {}, {}, [{ type: 'invalidate', queryKey: ['claim', 'c', 'replies'] }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['reply.deleted', { version: null }, {}, [{ type: 'invalidate', queryKey: ['claim', 'c', 'replies'] }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['source.deleted', { version: null }, { source: () => 1 }, [{ type: 'refetchClaim', claimId: 'c' }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['source.deleted', { version: null }, {}, [{ type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['comment.created', {}, {}, [{ type: 'invalidate', queryKey: ['claim', 'c', 'comments'] }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['comment.updated', {}, { comment: () => 2 }, [{ type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['comment.deleted', { version: 3 }, { comment: () => 2 }, [{ type: 'invalidate', queryKey: ['claim', 'c', 'comments'] }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }]],
    ['verdict.created', {}, {}, [{ type: 'invalidate', queryKey: ['claim', 'c', 'verdicts'] }, { type: 'invalidate', queryKey: ['claim', 'c', 'history'] }, { type: 'invalidate', queryKey: ['article', 'a', 'agreement'] }, { type: 'invalidate', queryKey: ['article', 'a', 'review-sessions'] }]],
    ['verdict.updated', {}, { verdict: () => 2 }, [{ type: 'invalidate', queryKey: ['claim', 'c', 'history'] }, { type: 'invalidate', queryKey: ['article', 'a', 'agreement'] }, { type: 'invalidate', queryKey: ['article', 'a', 'review-sessions'] }]],
    ['assignment.created', { claimId: null }, {}, [{ type: 'invalidate', queryKey: ['article', 'a', 'assignments'] }]],
    ['assignment.created', { claimId: null }, { assignment: () => true }, []],
    ['assignment.deleted', { claimId: null, version: null }, { assignment: () => true }, [{ type: 'invalidate', queryKey: ['article', 'a', 'assignments'] }]],
    ['assignment.deleted', { claimId: null, version: null }, {}, []],
  ];
  it.each(table)('%s %j with %j held', (type, overrides, held, expected) => {
    expect(planEntityEvent(entity(type, overrides), { ...nothingHeld, ...held })).toEqual(expected);
  });

  it('removes a deleted claim, naming who deleted it, and refreshes agreement', () => {
    expect(planEntityEvent(entity('claim.deleted', { entityId: 'c', version: null, actorId: 'x' }), nothingHeld)).toEqual([
      { type: 'removeClaim', claimId: 'c', actorId: 'x' },
      { type: 'invalidate', queryKey: ['article', 'a', 'agreement'] },
    ]);
  });

  it('does nothing claim-scoped for an event without a claim', () => {
    expect(planEntityEvent(entity('comment.created', { claimId: null }), nothingHeld)).toEqual([]);
  });
});

describe('planArticleUpdated', () => {
  it('skips a version the client already holds (its own write)', () => {
    expect(planArticleUpdated(articleEvent(['status'], 5), { ...nothingHeld, article: () => 5 })).toEqual([]);
    expect(planArticleUpdated(articleEvent(['text'], 4), { ...nothingHeld, article: () => 5 })).toEqual([]);
  });

  it('refetches only the light row (and the publication state, where shown) for a status change', () => {
    expect(planArticleUpdated(articleEvent(['status']), { ...nothingHeld, article: () => 4 })).toEqual([
      { type: 'invalidate', queryKey: ['article', 'a'] },
      { type: 'invalidate', queryKey: ['article', 'a', 'publication'] },
    ]);
  });

  it('refetches the light row and the publication state (its public address) for a slug change', () => {
    expect(planArticleUpdated(articleEvent([]), { ...nothingHeld, article: () => 4 })).toEqual([
      { type: 'invalidate', queryKey: ['article', 'a'] },
      { type: 'invalidate', queryKey: ['article', 'a', 'publication'] },
    ]);
  });

  it('refetches claims and verdicts, not the text, for a blind-review change', () => {
    expect(planArticleUpdated(articleEvent(['blindReview']), nothingHeld)).toEqual([
      { type: 'invalidate', queryKey: ['article', 'a'] },
      { type: 'invalidate', queryKey: ['article', 'a', 'claims'] },
      { type: 'invalidateEachClaim', part: 'verdicts' },
    ]);
  });

  it('refetches the text and the re-anchored claims for a text change', () => {
    expect(planArticleUpdated(articleEvent(['text']), { ...nothingHeld, article: () => 4 })).toEqual([
      { type: 'invalidate', queryKey: ['article', 'a'] },
      { type: 'textChanged' },
      { type: 'invalidate', queryKey: ['article', 'a', 'text'] },
      { type: 'invalidate', queryKey: ['article', 'a', 'claims'] },
    ]);
  });

  const delta = { baseRevision: 1, revision: 2, docChanges: [], textChanges: [{ from: 0, to: 0, insert: 'New ' }], exceptions: [{ id: 'c1', orphaned: true as const }] };
  const refetch: LiveAction[] = [
    { type: 'invalidate', queryKey: ['article', 'a', 'text'] },
    { type: 'invalidate', queryKey: ['article', 'a', 'claims'] },
  ];

  it('applies a delta from the text revision held, with the refetches as its fallback', () => {
    expect(planArticleUpdated({ ...articleEvent(['text']), delta }, { ...nothingHeld, article: () => 4, textRevision: () => 1 })).toEqual([
      { type: 'textChanged' },
      { type: 'applyTextDelta', delta, version: 5, fallback: [{ type: 'invalidate', queryKey: ['article', 'a'] }, ...refetch] },
    ]);
  });

  it('still refetches the light row at once when more than the text changed', () => {
    expect(planArticleUpdated({ ...articleEvent(['text', 'status']), delta }, { ...nothingHeld, article: () => 4, textRevision: () => 1 })).toEqual([
      { type: 'invalidate', queryKey: ['article', 'a'] },
      { type: 'invalidate', queryKey: ['article', 'a', 'publication'] },
      { type: 'textChanged' },
      { type: 'applyTextDelta', delta, version: 5, fallback: refetch },
    ]);
  });

  it('refetches when the delta starts from another revision than the one held, or is malformed', () => {
    const plain = [{ type: 'invalidate', queryKey: ['article', 'a'] }, { type: 'textChanged' }, ...refetch];
    expect(planArticleUpdated({ ...articleEvent(['text']), delta }, { ...nothingHeld, article: () => 4, textRevision: () => 0 })).toEqual(plain);
    expect(planArticleUpdated({ ...articleEvent(['text']), delta }, { ...nothingHeld, article: () => 4 })).toEqual(plain);
    expect(planArticleUpdated({ ...articleEvent(['text']), delta: { ...delta, revision: 7 } }, { ...nothingHeld, article: () => 4, textRevision: () => 1 })).toEqual(plain);
    const broken = { ...delta, exceptions: [{ id: 'c1' }] } as unknown as typeof delta;
    expect(planArticleUpdated({ ...articleEvent(['text']), delta: broken }, { ...nothingHeld, article: () => 4, textRevision: () => 1 })).toEqual(plain);
  });

  it('ignores the delta of its own save (the version is held already)', () => {
    expect(planArticleUpdated({ ...articleEvent(['text']), delta }, { ...nothingHeld, article: () => 5, textRevision: () => 2 })).toEqual([]);
  });
});

describe('planResync', () => {
  it('drops everything under the article and every claim', () => {
    expect(planResync('a')).toEqual([
      { type: 'invalidateAll', queryKey: ['article', 'a'] },
      { type: 'invalidateAll', queryKey: ['claim'] },
    ]);
  });
});
