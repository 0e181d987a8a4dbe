import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, CLAIM_STATUSES, type ArticleStatus, type ClaimStatus } from '@/lib/domain/statuses';
import { ROLES, type Role } from '@/lib/domain/roles';
import { availableArticleTransitions, availableClaimTransitions, canTransitionArticle, canTransitionClaim, publicationStepMessage } from './workflow';

// Expected outcome for every (from, to): 'same' (no-op), 'no' (not a transition) or the least role allowed.
type Rule = 'same' | 'no' | Role;
// Publishing, reopening and retracting are not status changes (the Publish dialog does them).
const ARTICLE: Record<ArticleStatus, Record<ArticleStatus, Rule>> = {
  draft: { draft: 'same', in_review: 'editor', ready: 'no', published: 'no', retracted: 'no' },
  in_review: { draft: 'editor', in_review: 'same', ready: 'editor', published: 'no', retracted: 'no' },
  ready: { draft: 'no', in_review: 'editor', ready: 'same', published: 'no', retracted: 'no' },
  published: { draft: 'no', in_review: 'no', ready: 'no', published: 'same', retracted: 'no' },
  retracted: { draft: 'no', in_review: 'no', ready: 'no', published: 'no', retracted: 'same' },
};
const CLAIM: Record<ClaimStatus, Record<ClaimStatus, Rule>> = {
  open: { open: 'same', in_review: 'reviewer', resolved: 'no' },
  in_review: { open: 'reviewer', in_review: 'same', resolved: 'reviewer' },
  resolved: { open: 'reviewer', in_review: 'no', resolved: 'same' },
};
const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

function expected(rule: Rule, role: Role): 'ok' | 'forbidden' | 'invalid' {
  if (rule === 'same' || rule === 'no') return 'invalid';
  return RANK[role] >= RANK[rule] ? 'ok' : 'forbidden';
}

const articleCases = ROLES.flatMap((role) => ARTICLE_STATUSES.flatMap((from) => ARTICLE_STATUSES.map((to) => [role, from, to] as const)));
const claimCases = ROLES.flatMap((role) => CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.map((to) => [role, from, to] as const)));

describe('canTransitionArticle — the whole matrix', () => {
  it.each(articleCases)('%s: %s → %s', (role, from, to) => {
    const result = canTransitionArticle(role, from, to);
    const want = expected(ARTICLE[from][to], role);
    expect(result.ok ? 'ok' : result.code).toBe(want);
  });
});

describe('canTransitionClaim — the whole matrix', () => {
  it.each(claimCases)('%s: %s → %s', (role, from, to) => {
    const result = canTransitionClaim(role, from, to);
    expect(result.ok ? 'ok' : result.code).toBe(expected(CLAIM[from][to], role));
  });
});

describe('workflow messages', () => {
  it('reviewers cannot move articles, and are told why', () => {
    expect(canTransitionArticle('reviewer', 'ready', 'in_review')).toEqual({ ok: false, code: 'forbidden', reason: 'Your role (reviewer) cannot move this article from ready to in review (back to review).' });
  });
  it('skipping a step names the allowed next steps', () => {
    const result = canTransitionArticle('owner', 'draft', 'ready');
    expect(result).toEqual({ ok: false, code: 'invalid', reason: 'This article cannot go from draft to ready. From draft it can go to: in review.' });
  });
  it('points publishing, reopening and retracting at the Publish dialog', () => {
    for (const from of ['draft', 'in_review', 'ready'] as const) {
      expect(canTransitionArticle('owner', from, 'published')).toEqual({ ok: false, code: 'invalid', reason: 'Publish from the Publish dialog: it lists what blocks publishing and shows a preview first.' });
      expect(canTransitionArticle('owner', from, 'retracted')).toMatchObject({ ok: false, code: 'invalid', reason: expect.stringMatching(/Publish dialog/) });
    }
    expect(canTransitionArticle('editor', 'published', 'ready')).toEqual({ ok: false, code: 'invalid', reason: 'This article is published. To change it, use “Reopen for correction” in the Publish dialog.' });
    expect(canTransitionArticle('owner', 'retracted', 'draft')).toEqual({ ok: false, code: 'invalid', reason: 'This fact-check was retracted; its status can no longer change.' });
    expect(publicationStepMessage('draft', 'in_review')).toBeNull();
    expect(publicationStepMessage('ready', 'in_review')).toBeNull();
  });
  it('a non-member (no role) can do nothing', () => {
    expect(canTransitionArticle(null, 'draft', 'in_review')).toMatchObject({ ok: false, code: 'forbidden', reason: 'You cannot move this article from draft to in review (start review).' });
    expect(canTransitionClaim(undefined, 'open', 'in_review').ok).toBe(false);
  });
  it('the same status is reported as a no-op', () => {
    expect(canTransitionClaim('editor', 'resolved', 'resolved')).toEqual({ ok: false, code: 'invalid', reason: 'The claim is already resolved.' });
  });
});

describe('available transitions (UI buttons)', () => {
  it('editors see no status steps on a published or retracted article (the Publish dialog has them); reviewers see nothing', () => {
    expect(availableArticleTransitions('editor', 'published')).toEqual([]);
    expect(availableArticleTransitions('owner', 'retracted')).toEqual([]);
    expect(availableArticleTransitions('owner', 'ready')).toEqual([{ to: 'in_review', label: 'Back to review' }]);
    expect(availableArticleTransitions('reviewer', 'ready')).toEqual([]);
    expect(availableArticleTransitions('owner', 'in_review').map((t) => t.to)).toEqual(['draft', 'ready']);
  });
  it('reviewers can move claims; viewers cannot', () => {
    expect(availableClaimTransitions('reviewer', 'in_review').map((t) => t.to)).toEqual(['open', 'resolved']);
    expect(availableClaimTransitions('viewer', 'open')).toEqual([]);
  });
});
