import { describe, expect, it } from 'vitest';
import type { ReportClaim, ReportPublication, ReportViewModel } from '@/lib/export/view-model';
import { publicationFromLog, toPublicView } from './public-view';

// Every string a public page must never carry contains "SECRET", so one search finds a leak.
const reviewer = { id: 'u-SECRET-reviewer', name: 'Rita Reviewer SECRET-NAME', email: 'rita.SECRET@desk.example' };
const commenter = { id: 'u-SECRET-commenter', name: 'Paula Public', email: 'paula.SECRET@desk.example' };
const TRUE = { key: 'true', label: 'True', color: '#1a7f37', value: 5 };

function claim(number: number, over: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id: `c-${number}`,
    number,
    exclusionReason: null,
    start: 0,
    end: 4,
    quote: { exact: 'Text', prefix: '', suffix: '' },
    position: { start: 0, end: 4 },
    orphaned: false,
    claimText: `Claim text ${number}`,
    claimant: 'Minister',
    claimDate: '2024-03-01',
    claimAppearance: null,
    finalVerdict: TRUE,
    rationale: `Rationale ${number}`,
    status: 'resolved',
    decisionHidden: false,
    author: reviewer,
    reviewers: [{ reviewer, verdict: TRUE, reason: 'SECRET reviewer reason', createdAt: '2024-03-02T10:00:00.000Z' }],
    sources: [
      { id: `s-${number}-pub`, url: 'https://stats.example.org/table', title: 'Official table', publisher: 'Stats office', excerpt: 'Rate: 8.2%', accessedOn: '2024-03-02', isPublic: true },
      { id: `s-${number}-int`, url: 'https://SECRET.example/tip', title: 'SECRET confidential contact', publisher: 'SECRET tipster', excerpt: 'SECRET excerpt', accessedOn: null, isPublic: false },
    ],
    replies: [
      { id: `r-${number}-pub`, contactedOn: '2024-03-03', method: 'email', methodLabel: 'Email', contact: 'press.SECRET@ministry.example', response: null, respondedOn: null, showPublicly: true },
      { id: `r-${number}-int`, contactedOn: '2024-03-04', method: 'phone', methodLabel: 'Phone', contact: 'SECRET +1 555 0100', response: 'SECRET off the record', respondedOn: '2024-03-04', showPublicly: false },
    ],
    comments: [
      { id: `cm-${number}-pub`, author: commenter, body: 'Updated after the ministry replied.', deleted: null, createdAt: '2024-03-05T09:00:00.000Z', updatedAt: '2024-03-05T09:00:00.000Z', isPublic: true },
      { id: `cm-${number}-int`, author: reviewer, body: 'SECRET internal discussion', deleted: null, createdAt: '2024-03-05T10:00:00.000Z', updatedAt: '2024-03-05T10:00:00.000Z', isPublic: false },
      { id: `cm-${number}-del`, author: reviewer, body: '', deleted: { by: reviewer, at: '2024-03-05T11:00:00.000Z' }, createdAt: '2024-03-05T10:30:00.000Z', updatedAt: '2024-03-05T11:00:00.000Z', isPublic: true },
    ],
    history: [{ id: `h-${number}`, actor: reviewer, action: 'update', entityType: 'claim', entityId: `c-${number}`, before: { rationale: 'SECRET draft' }, after: { rationale: 'x' }, createdAt: '2024-03-05T12:00:00.000Z' }],
    createdAt: '2024-03-01T08:00:00.000Z',
    updatedAt: '2024-03-05T12:00:00.000Z',
    ...over,
  };
}

function internalVm(): ReportViewModel {
  return {
    workspace: { id: 'w-1', slug: 'demo-desk', name: 'Demo desk', organizationName: 'Demo Org', organizationUrl: 'https://demo.example', factCheckUrlPattern: null },
    article: {
      id: 'a-1',
      slug: 'budget-speech',
      title: 'Budget speech',
      outlet: 'Daily',
      byline: 'A. Writer',
      url: 'https://daily.example/budget',
      canonicalUrl: 'http://localhost:3000/articles/a-1',
      publishedOn: '2024-03-01',
      language: 'en',
      sourceCredit: '',
      status: 'ready',
      revision: 3,
      text: 'Text of the article.',
    },
    scale: { name: 'Standard', levels: [TRUE], bestRating: 5, worstRating: 0 },
    claims: [claim(1), claim(2, { exclusionReason: 'SECRET exclusion: opinion, not a fact', claimText: 'SECRET excluded claim text' }), claim(3)],
    audience: 'internal',
    publication: null,
    generatedAt: '2024-03-06T00:00:00.000Z',
    appUrl: 'http://localhost:3000/',
  };
}

const publication: ReportPublication = { firstPublishedAt: '2024-03-06T00:00:00.000Z', lastPublishedAt: '2024-03-07T00:00:00.000Z', corrections: [{ at: '2024-03-07T00:00:00.000Z', note: 'Fixed the rate.' }], retraction: null };

describe('toPublicView', () => {
  it('leaves nothing internal in the public report (searching the serialised view)', () => {
    const json = JSON.stringify(toPublicView(internalVm(), publication));
    expect(json).not.toMatch(/SECRET/);
    expect(json).not.toContain('@desk.example');
  });

  it('keeps the included claims with their stable numbers, and drops the excluded ones', () => {
    const view = toPublicView(internalVm(), publication);
    expect(view.audience).toBe('public');
    expect(view.claims.map((c) => [c.id, c.number])).toEqual([
      ['c-1', 1],
      ['c-3', 3],
    ]);
    expect(view.claims.every((c) => c.exclusionReason === null)).toBe(true);
  });

  it('keeps what the public page shows: verdict, rationale, public sources, public replies and notes', () => {
    const [first] = toPublicView(internalVm(), publication).claims;
    expect(first).toMatchObject({ claimText: 'Claim text 1', claimant: 'Minister', finalVerdict: TRUE, rationale: 'Rationale 1', decisionHidden: false, author: null, reviewers: [], history: [] });
    expect(first!.sources).toEqual([{ id: 's-1-pub', url: 'https://stats.example.org/table', title: 'Official table', publisher: 'Stats office', excerpt: 'Rate: 8.2%', accessedOn: '2024-03-02', isPublic: true }]);
    expect(first!.replies).toEqual([{ id: 'r-1-pub', contactedOn: '2024-03-03', method: 'email', methodLabel: 'Email', contact: '', response: null, respondedOn: null, showPublicly: true }]);
    expect(first!.comments).toEqual([
      { id: 'cm-1-pub', author: { id: '', name: 'Paula Public', email: '' }, body: 'Updated after the ministry replied.', deleted: null, createdAt: '2024-03-05T09:00:00.000Z', updatedAt: '2024-03-05T09:00:00.000Z', isPublic: true },
    ]);
  });

  it('fills in the publication, points the canonical URL at the public page and marks the status', () => {
    const view = toPublicView(internalVm(), publication);
    expect(view.publication).toEqual(publication);
    expect(view.article.canonicalUrl).toBe('http://localhost:3000/fact-checks/demo-desk/budget-speech');
    expect(view.article.status).toBe('published');
    expect(view.appUrl).toBe('http://localhost:3000');
    const retracted = toPublicView(internalVm(), { ...publication, retraction: { at: '2024-04-01T00:00:00.000Z', reason: 'Wrong data' } });
    expect(retracted.article.status).toBe('retracted');
    expect(retracted.publication?.retraction).toEqual({ at: '2024-04-01T00:00:00.000Z', reason: 'Wrong data' });
  });

  it('does not change its input, and shares no objects with it', () => {
    const vm = internalVm();
    const before = structuredClone(vm);
    const view = toPublicView(vm, publication);
    expect(vm).toEqual(before);
    view.claims[0]!.quote.exact = 'changed';
    view.scale.levels[0]!.label = 'changed';
    view.publication!.corrections[0]!.note = 'changed';
    expect(vm).toEqual(before);
    expect(publication.corrections[0]!.note).toBe('Fixed the rate.');
  });

  it('treats a missing isPublic / showPublicly as internal, and a missing replies list as none', () => {
    const vm = internalVm();
    const legacy = claim(4) as unknown as Record<string, unknown>;
    legacy.sources = [{ id: 's', url: 'https://SECRET.example', title: 'SECRET', publisher: '', excerpt: '', accessedOn: null }];
    legacy.comments = [{ id: 'c', author: null, body: 'SECRET', deleted: null, createdAt: '', updatedAt: '' }];
    delete legacy.replies;
    vm.claims = [legacy as unknown as ReportClaim];
    const view = toPublicView(vm, publication);
    expect(view.claims[0]).toMatchObject({ sources: [], comments: [], replies: [] });
    expect(JSON.stringify(view)).not.toMatch(/SECRET/);
  });

  it('publishes an article with no claims left as an empty list', () => {
    const vm = internalVm();
    vm.claims = [claim(1, { exclusionReason: 'Opinion' })];
    expect(toPublicView(vm, publication).claims).toEqual([]);
  });

  it('refuses bad input', () => {
    expect(() => toPublicView(null as unknown as ReportViewModel, publication)).toThrow(TypeError);
    expect(() => toPublicView({} as ReportViewModel, publication)).toThrow(TypeError);
    expect(() => toPublicView(internalVm(), null as unknown as ReportPublication)).toThrow(/publication/);
  });
});

describe('publicationFromLog', () => {
  const at = (day: number) => new Date(Date.UTC(2024, 2, day));

  it('is null while never published (reopen/retract rows alone do not count)', () => {
    expect(publicationFromLog([])).toBeNull();
    expect(publicationFromLog([{ kind: 'reopened', note: 'x', createdAt: at(1) }])).toBeNull();
  });

  it('reads first and last publication, the corrections in order and the retraction', () => {
    const log = [
      { sequence: 4, kind: 'corrected' as const, note: 'Fixed the rate.', createdAt: at(4) },
      { sequence: 1, kind: 'published' as const, note: '', createdAt: at(1) },
      { sequence: 2, kind: 'reopened' as const, note: 'Wrong rate', createdAt: at(2) },
      { sequence: 5, kind: 'retracted' as const, note: 'The source was fabricated.', createdAt: at(6) },
    ];
    expect(publicationFromLog(log)).toEqual({
      firstPublishedAt: at(1).toISOString(),
      lastPublishedAt: at(4).toISOString(),
      corrections: [{ at: at(4).toISOString(), note: 'Fixed the rate.' }],
      retraction: { at: at(6).toISOString(), reason: 'The source was fabricated.' },
    });
  });

  it('adds the pending step (the record a publish is about to write)', () => {
    expect(publicationFromLog([], { pending: { kind: 'published', note: '', createdAt: at(1) } })).toEqual({ firstPublishedAt: at(1).toISOString(), lastPublishedAt: at(1).toISOString(), corrections: [], retraction: null });
    const corrected = publicationFromLog([{ sequence: 1, kind: 'published', note: '', createdAt: at(1) }], { pending: { kind: 'corrected', note: 'New figure.', createdAt: '2024-03-09T00:00:00.000Z' } });
    expect(corrected?.corrections).toEqual([{ at: '2024-03-09T00:00:00.000Z', note: 'New figure.' }]);
    expect(corrected?.lastPublishedAt).toBe('2024-03-09T00:00:00.000Z');
  });

  it('takes the article’s first publication date over the log (articles published before the log existed)', () => {
    const legacy = publicationFromLog([], { pending: { kind: 'corrected', note: 'Fixed.', createdAt: at(9) }, firstPublishedAt: at(2) });
    expect(legacy).toEqual({ firstPublishedAt: at(2).toISOString(), lastPublishedAt: at(9).toISOString(), corrections: [{ at: at(9).toISOString(), note: 'Fixed.' }], retraction: null });
    expect(publicationFromLog([], { firstPublishedAt: at(2) })).toBeNull();
  });

  it('leaves a correction without a note out of the corrections (a preview before the note is written)', () => {
    const preview = publicationFromLog([{ sequence: 1, kind: 'published', note: '', createdAt: at(1) }], { pending: { kind: 'corrected', note: '', createdAt: at(3) } });
    expect(preview).toMatchObject({ lastPublishedAt: at(3).toISOString(), corrections: [] });
  });

  it('refuses input that is not a list', () => {
    expect(() => publicationFromLog(null as unknown as [])).toThrow(TypeError);
  });
});
