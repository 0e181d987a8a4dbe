import { describe, expect, it } from 'vitest';
import type { PublicationEntryDto, PublicationStateDto } from '@/lib/domain/publishing';
import { blockerLabel, lastPublishedAt, lockNotice, publicationActions, publicationEntryDetails, publishProblems, slugProblem, splitPublicUrl, workflowSteps } from './publication-view';

function entry(kind: PublicationEntryDto['kind'], createdAt: string, extra: Partial<PublicationEntryDto> = {}): PublicationEntryDto {
  return { id: `${kind}-${createdAt}`, sequence: 1, kind, note: '', overrideReason: null, overriddenBlockers: [], actorId: 'u', actorName: 'Tom', createdAt, ...extra };
}

function state(status: PublicationStateDto['status'], log: PublicationEntryDto[]): PublicationStateDto {
  const first = log.find((e) => e.kind === 'published')?.createdAt ?? null;
  return { articleId: 'a', status, version: 3, everPublished: first !== null, firstPublishedAt: first, blockers: [], publicUrl: 'https://desk.example/fact-checks/demo/the-article', log };
}

const published = entry('published', '2026-03-01T10:00:00.000Z');
const reopened = entry('reopened', '2026-03-02T10:00:00.000Z', { note: 'Wrong figure' });
const corrected = entry('corrected', '2026-03-03T10:00:00.000Z', { note: 'Fixed the figure' });
const retracted = entry('retracted', '2026-03-04T10:00:00.000Z', { note: 'Source withdrew' });

describe('lastPublishedAt', () => {
  it('is the latest publish or correction, not a reopen or retraction', () => {
    expect(lastPublishedAt(state('published', [published]))).toBe(published.createdAt);
    expect(lastPublishedAt(state('published', [published, reopened, corrected]))).toBe(corrected.createdAt);
    expect(lastPublishedAt(state('in_review', [published, reopened]))).toBe(published.createdAt);
    expect(lastPublishedAt(state('retracted', [published, retracted]))).toBe(published.createdAt);
  });

  it('is null before anything loaded or was published', () => {
    expect(lastPublishedAt(undefined)).toBeNull();
    expect(lastPublishedAt(state('ready', []))).toBeNull();
  });
});

describe('lockNotice', () => {
  it('locks published and retracted articles, with their dates', () => {
    expect(lockNotice('published', state('published', [published, reopened, corrected]), null)).toEqual({ kind: 'published', since: corrected.createdAt });
    expect(lockNotice('retracted', state('retracted', [published, retracted]), null)).toEqual({ kind: 'retracted', since: retracted.createdAt });
  });

  it('locks on the status alone while the publication state is still loading', () => {
    expect(lockNotice('published', undefined, '2026-01-01T00:00:00.000Z')).toEqual({ kind: 'published', since: '2026-01-01T00:00:00.000Z' });
    expect(lockNotice('retracted', undefined, null)).toEqual({ kind: 'retracted', since: null });
  });

  it('says a correction is in progress on a reopened article, naming the version the public sees', () => {
    expect(lockNotice('in_review', state('in_review', [published, reopened]), null)).toEqual({ kind: 'correction', publishedAt: published.createdAt });
    expect(lockNotice('ready', undefined, '2026-01-01T00:00:00.000Z')).toEqual({ kind: 'correction', publishedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('shows nothing for an article never published', () => {
    expect(lockNotice('draft', state('draft', []), null)).toBeNull();
    expect(lockNotice('ready', undefined, null)).toBeNull();
  });
});

describe('publicationActions', () => {
  it('offers Publish to editors and owners on a ready article only', () => {
    expect(publicationActions('editor', 'ready', false).publish).toBe(true);
    expect(publicationActions('owner', 'ready', true).publish).toBe(true);
    expect(publicationActions('reviewer', 'ready', false).publish).toBe(false);
    expect(publicationActions('editor', 'in_review', false).publish).toBe(false);
    expect(publicationActions('editor', 'published', true).publish).toBe(false);
  });

  it('offers Reopen to editors on a published article', () => {
    expect(publicationActions('editor', 'published', true)).toEqual({ publish: false, reopen: true, retract: false });
    expect(publicationActions('reviewer', 'published', true)).toEqual({ publish: false, reopen: false, retract: false });
  });

  it('offers Retract to owners only, on a published or reopened article, never after a retraction', () => {
    expect(publicationActions('owner', 'published', true)).toEqual({ publish: false, reopen: true, retract: true });
    expect(publicationActions('owner', 'in_review', true).retract).toBe(true);
    expect(publicationActions('owner', 'ready', true)).toEqual({ publish: true, reopen: false, retract: true });
    expect(publicationActions('owner', 'ready', false).retract).toBe(false);
    expect(publicationActions('owner', 'retracted', true)).toEqual({ publish: false, reopen: false, retract: false });
    expect(publicationActions(null, 'published', true)).toEqual({ publish: false, reopen: false, retract: false });
  });
});

describe('workflowSteps', () => {
  it('offers the plain steps, never publish or unpublish', () => {
    expect(workflowSteps('editor', 'ready').map((s) => s.to)).toEqual(['in_review']);
    expect(workflowSteps('editor', 'in_review').map((s) => s.to).sort()).toEqual(['draft', 'ready']);
    expect(workflowSteps('editor', 'published')).toEqual([]);
    expect(workflowSteps('owner', 'retracted')).toEqual([]);
    expect(workflowSteps('reviewer', 'draft')).toEqual([]);
  });
});

describe('blockerLabel', () => {
  it('names the claim once', () => {
    expect(blockerLabel({ claimNumber: 4, message: 'Claim 4 has no final verdict.' })).toBe('Claim 4 has no final verdict.');
    expect(blockerLabel({ claimNumber: 4, message: 'No final verdict.' })).toBe('Claim 4: No final verdict.');
    expect(blockerLabel({ claimNumber: 4, message: 'Claim 40 is orphaned.' })).toBe('Claim 4: Claim 40 is orphaned.');
    expect(blockerLabel({ claimNumber: null, message: 'There are no claims to publish.' })).toBe('There are no claims to publish.');
  });
});

describe('publicationEntryDetails', () => {
  it('words notes by kind and records an override with its blockers', () => {
    expect(publicationEntryDetails(corrected)).toEqual(['What changed: Fixed the figure']);
    expect(publicationEntryDetails(reopened)).toEqual(['Reason: Wrong figure']);
    expect(publicationEntryDetails(published)).toEqual([]);
    const blocker = { kind: 'no_final_verdict' as const, claimId: 'c', claimNumber: 2, message: 'Claim 2 has no final verdict.' };
    expect(publicationEntryDetails({ ...published, overrideReason: 'Breaking news', overriddenBlockers: [blocker] })).toEqual(['Published despite 1 blocker: Breaking news']);
  });
});

describe('splitPublicUrl and slugProblem', () => {
  it('splits the address at the article slug', () => {
    expect(splitPublicUrl('https://desk.example/fact-checks/demo-desk/the-article')).toEqual({ prefix: 'https://desk.example/fact-checks/demo-desk/', slug: 'the-article' });
    expect(splitPublicUrl('https://desk.example/fact-checks/d/caf%C3%A9')).toEqual({ prefix: 'https://desk.example/fact-checks/d/', slug: 'café' });
    expect(splitPublicUrl('https://desk.example/fact-checks/d/%E0%A4%A')).toEqual({ prefix: 'https://desk.example/fact-checks/d/', slug: '%E0%A4%A' });
  });

  it('accepts what the settings route accepts, and names the problem otherwise', () => {
    expect(slugProblem('the-article-2')).toBeNull();
    expect(slugProblem('x'.repeat(80))).toBeNull();
    for (const bad of ['', 'Has Spaces', 'café', '-lead', 'double--hyphen', 'x'.repeat(81)]) expect(slugProblem(bad), bad).toMatch(/\w/);
  });
});

describe('publishProblems', () => {
  const ok = { blockers: 0, isOwner: false, overrideReason: '', everPublished: false, correctionNote: '', slug: 'a' };
  it('is empty when nothing blocks', () => {
    expect(publishProblems(ok)).toEqual([]);
  });

  it('stops an editor at blockers, and an owner until a reason is given', () => {
    expect(publishProblems({ ...ok, blockers: 2 })).toEqual(['Resolve these before publishing.']);
    expect(publishProblems({ ...ok, blockers: 2, isOwner: true })).toEqual(['Give a reason to publish anyway.']);
    expect(publishProblems({ ...ok, blockers: 2, isOwner: true, overrideReason: '   ' })).toEqual(['Give a reason to publish anyway.']);
    expect(publishProblems({ ...ok, blockers: 2, isOwner: true, overrideReason: 'Breaking news' })).toEqual([]);
  });

  it('needs a correction note on a republish and a valid address', () => {
    expect(publishProblems({ ...ok, everPublished: true })).toHaveLength(1);
    expect(publishProblems({ ...ok, everPublished: true, correctionNote: 'Fixed claim 2' })).toEqual([]);
    expect(publishProblems({ ...ok, slug: 'Bad Slug' })).toEqual([slugProblem('Bad Slug')]);
  });
});
