import { describe, expect, it } from 'vitest';
import { describeHistoryEntry, diffRecords, TEXT_SAVE_EXCERPT_CHARS, textSaveSummary, type HistoryEntryLike, type TextSaveSummary } from './history-diff';

const LABELS: Record<string, string> = { 'lvl-true': 'True', 'lvl-false': 'False' };
const ctx = { verdictLabel: (id: string) => LABELS[id] };

function entry(partial: Partial<HistoryEntryLike> & Pick<HistoryEntryLike, 'entityType' | 'action'>): HistoryEntryLike {
  return { actorName: 'Ana Souza', before: null, after: null, ...partial };
}

describe('diffRecords', () => {
  it('lists changed fields and ignores version/updatedAt', () => {
    expect(
      diffRecords(
        { verdictId: 'a', rationale: 'x', claimant: 'Bob', version: 1, updatedAt: new Date(1) },
        { verdictId: 'b', rationale: 'x', claimant: 'Bob', version: 2, updatedAt: new Date(2) },
      ),
    ).toEqual([{ field: 'verdictId', before: 'a', after: 'b' }]);
  });
  it('treats a missing field as null, so a create lists what it set', () => {
    expect(diffRecords(null, { title: 'T', url: null })).toEqual([{ field: 'title', before: null, after: 'T' }]);
    expect(diffRecords({ title: 'T' }, undefined)).toEqual([{ field: 'title', before: 'T', after: null }]);
  });
  it('compares Dates with their JSON (ISO) form, and nested values deeply', () => {
    const d = new Date('2026-01-02T03:04:05.000Z');
    expect(diffRecords({ at: d, tags: ['a', { b: 1 }] }, { at: d.toISOString(), tags: ['a', { b: 1 }] })).toEqual([]);
    expect(diffRecords({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ field: 'tags', before: ['a'], after: ['a', 'b'] }]);
  });
  it('accepts a custom ignore list', () => {
    expect(diffRecords({ id: 1, x: 1 }, { id: 2, x: 2 }, { ignore: ['id'] })).toEqual([{ field: 'x', before: 1, after: 2 }]);
  });
  it('rejects non-records clearly', () => {
    expect(() => diffRecords('a', {})).toThrow('before must be an object (a record of fields) or null.');
    expect(() => diffRecords({}, [1])).toThrow(/after must be an object/);
  });
});

describe('describeHistoryEntry', () => {
  it('describes a review session entry, day in UTC, and only "discussed" when its outcome was withheld', () => {
    const after = { sessionId: 's', sessionStartedAt: '2026-11-25T23:30:00.000Z', outcome: 'decided', verdictLabel: 'False' };
    expect(describeHistoryEntry(entry({ entityType: 'review_session', action: 'update', before: null, after }), ctx)).toBe('Ana Souza set the final verdict in the review session of 25 Nov: False');
    expect(describeHistoryEntry(entry({ entityType: 'review_session', action: 'update', before: null, after: { sessionId: 's', sessionStartedAt: after.sessionStartedAt } }), ctx)).toBe(
      'Ana Souza discussed the claim in the review session of 25 Nov',
    );
  });
  it('describes a final-verdict change with labels', () => {
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { verdictId: 'lvl-true' }, after: { verdictId: 'lvl-false' } }), ctx)).toBe(
      'Ana Souza changed the verdict from True to False',
    );
  });
  it('describes setting, clearing and prose edits', () => {
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { verdictId: null }, after: { verdictId: 'lvl-true' } }), ctx)).toBe('Ana Souza set the verdict to True');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { claimant: 'Bob' }, after: { claimant: '' } }), ctx)).toBe('Ana Souza cleared the claimant');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { rationale: 'a' }, after: { rationale: 'b' } }))).toBe('Ana Souza edited the rationale');
  });
  it('joins several changes and names statuses in words', () => {
    expect(
      describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { status: 'open', rationale: 'a' }, after: { status: 'in_review', rationale: 'b' } })),
    ).toBe('Ana Souza changed the status from open to in review and edited the rationale');
    expect(
      describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { status: 'open', rationale: 'a', claimant: 'x', claimDate: null }, after: { status: 'resolved', rationale: 'b', claimant: 'y', claimDate: '2020-01-01' } })),
    ).toBe('Ana Souza changed the status from open to resolved, edited the rationale and 2 other fields');
  });
  it('describes claims created and deleted', () => {
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'create', after: { claimText: 'The sky is green.' } }))).toBe('Ana Souza created the claim “The sky is green.”');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'delete', before: { claimText: 'x' } }))).toBe('Ana Souza deleted the claim');
  });
  it('describes sources', () => {
    expect(describeHistoryEntry(entry({ entityType: 'source', action: 'create', after: { title: 'Census 2020', url: 'https://x' } }))).toBe('Ana Souza added the source “Census 2020”');
    expect(describeHistoryEntry(entry({ entityType: 'reply_attempt', action: 'create', after: { method: 'social_media', contactedOn: '2026-11-20' } }))).toBe('Ana Souza logged a right-of-reply attempt (social media)');
    expect(describeHistoryEntry(entry({ entityType: 'reply_attempt', action: 'update', before: { method: 'email', response: null, version: 1 }, after: { method: 'email', response: 'We stand by it.', version: 2 } }))).toBe('Ana Souza edited a right-of-reply attempt (email) (response)');
    expect(describeHistoryEntry(entry({ entityType: 'reply_attempt', action: 'delete', before: { method: 'phone' } }))).toBe('Ana Souza removed a right-of-reply attempt (phone)');
    expect(describeHistoryEntry(entry({ entityType: 'source', action: 'delete', before: { title: '', url: 'https://x.org' } }))).toBe('Ana Souza removed the source “https://x.org”');
    expect(describeHistoryEntry(entry({ entityType: 'source', action: 'update', before: { title: 'A', url: 'https://a', version: 1 }, after: { title: 'A', url: 'https://b', version: 2 } }))).toBe(
      'Ana Souza edited the source “A” (URL)',
    );
  });
  it('describes comments, truncating long ones', () => {
    const long = 'word '.repeat(40);
    expect(describeHistoryEntry(entry({ entityType: 'comment', action: 'create', after: { body: long } }))).toMatch(/^Ana Souza commented “word word .*…”$/);
    expect(describeHistoryEntry(entry({ entityType: 'comment', action: 'update', before: { body: 'a' }, after: { body: 'b' } }))).toBe('Ana Souza edited a comment');
    expect(describeHistoryEntry(entry({ entityType: 'comment', action: 'delete' }))).toBe('Ana Souza deleted a comment');
  });
  it('describes individual verdicts', () => {
    expect(describeHistoryEntry(entry({ entityType: 'verdict', action: 'create', after: { verdictId: 'lvl-false', reason: '' } }), ctx)).toBe('Ana Souza gave their verdict: False');
    expect(describeHistoryEntry(entry({ entityType: 'verdict', action: 'update', before: { verdictId: 'lvl-false' }, after: { verdictId: 'lvl-true' } }), ctx)).toBe(
      'Ana Souza changed their verdict from False to True',
    );
    expect(describeHistoryEntry(entry({ entityType: 'verdict', action: 'update', before: { verdictId: 'lvl-true', reason: 'a' }, after: { verdictId: 'lvl-true', reason: 'b' } }), ctx)).toBe(
      'Ana Souza edited the reason for their verdict',
    );
    expect(describeHistoryEntry(entry({ entityType: 'verdict', action: 'create', after: { verdictId: 'gone' } }), ctx)).toBe('Ana Souza gave their verdict: an unknown verdict');
  });
  it('describes publication steps', () => {
    const step = (before: string, after: Record<string, unknown>) => describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { status: before }, after }));
    expect(step('ready', { status: 'published', publication: 'published' })).toBe('Ana Souza published the fact-check');
    expect(step('ready', { status: 'published', publication: 'published', overrideReason: 'Deadline' })).toBe('Ana Souza published the fact-check despite blockers: “Deadline”');
    expect(step('ready', { status: 'published', publication: 'corrected', correctionNote: 'Fixed the rate.' })).toBe('Ana Souza republished the fact-check with a correction: “Fixed the rate.”');
    expect(step('published', { status: 'in_review', publication: 'reopened', reason: 'Rate revised' })).toBe('Ana Souza reopened the fact-check for correction: “Rate revised”');
    expect(step('published', { status: 'retracted', publication: 'retracted', reason: 'Fabricated' })).toBe('Ana Souza retracted the fact-check: “Fabricated”');
    expect(step('published', { status: 'in_review', publication: 'something-else' })).toBe('Ana Souza moved the article from published to in review');
  });

  it('describes assignments and article changes', () => {
    expect(describeHistoryEntry(entry({ actorName: 'Tom Becker', entityType: 'assignment', action: 'create', after: { claimId: 'c1', assigneeName: 'Kofi Mensah' } }))).toBe('Tom Becker assigned the claim to Kofi Mensah');
    expect(describeHistoryEntry(entry({ actorName: 'Tom Becker', entityType: 'assignment', action: 'delete', before: { claimId: null, assigneeName: 'Kofi Mensah' } }))).toBe('Tom Becker unassigned Kofi Mensah from the article');
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { status: 'ready' }, after: { status: 'published' } }))).toBe('Ana Souza moved the article from ready to published');
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { blindReview: false }, after: { blindReview: true } }))).toBe('Ana Souza turned blind review on');
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { slug: 'old' }, after: { slug: 'new' } }))).toBe('Ana Souza changed the public address from “old” to “new”');
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { revision: 1, plainText: 'a' }, after: { revision: 2, plainText: 'b' } }))).toBe('Ana Souza edited the article text');
  });
  it('names fields by their labels, never their raw names', () => {
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { quote: 'the bridge cost 40 million', quoteExact: 'x', positionStart: 4 }, after: { quote: 'the new bridge cost 40 million euros', quoteExact: 'y', positionStart: 0 } }))).toBe(
      'Ana Souza changed the quote from “the bridge cost 40 million” to “the new bridge cost 40 million euros”',
    );
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { claimAppearance: null }, after: { claimAppearance: 'TV interview' } }))).toBe('Ana Souza set the place where the claim appeared to “TV interview”');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { reviewDueOn: null }, after: { reviewDueOn: '2026-12-01' } }))).toBe('Ana Souza set the review due on to “2026-12-01”');
    expect(describeHistoryEntry(entry({ entityType: 'source', action: 'update', before: { title: 'A', excerptPrefix: '' }, after: { title: 'A', excerptPrefix: 'In 2020,' } }))).toBe('Ana Souza edited the source “A” (words before the passage)');
  });
  it('says a claim was excluded or included again', () => {
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { exclusionReason: null }, after: { exclusionReason: 'Opinion' } }))).toBe('Ana Souza excluded the claim from the fact-check: “Opinion”');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { exclusionReason: 'Opinion' }, after: { exclusionReason: null } }))).toBe('Ana Souza included the claim in the fact-check again');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { exclusionReason: 'Opinion' }, after: { exclusionReason: 'Satire' } }))).toBe('Ana Souza changed why the claim is excluded: “Satire”');
  });
  it('falls back to “Someone” and to a generic sentence', () => {
    expect(describeHistoryEntry(entry({ actorName: null, entityType: 'scale', action: 'update' }))).toBe('Someone changed a scale');
    expect(describeHistoryEntry(entry({ entityType: 'claim', action: 'update', before: { version: 1 }, after: { version: 2 } }))).toBe('Ana Souza updated the claim');
  });
  it('rejects something that is not an entry', () => {
    expect(() => describeHistoryEntry(null as unknown as HistoryEntryLike)).toThrow(/needs a history entry/);
  });
});

describe('text saves', () => {
  const save = (after: Partial<TextSaveSummary>) => describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { revision: 1 }, after: { revision: 2, baseRevision: 1, changes: 1, inserted: 0, deleted: 0, excerpt: { removed: '', added: '' }, ...after } }));

  it.each<[Partial<TextSaveSummary>, string]>([
    [{ excerpt: { removed: '4', added: 'four' } }, 'Ana Souza edited the article text: replaced “4” with “four”'],
    [{ excerpt: { removed: '', added: 'Breaking: ' } }, 'Ana Souza edited the article text: added “Breaking:”'],
    [{ excerpt: { removed: 'old words', added: '' }, changes: 3 }, 'Ana Souza edited the article text: removed “old words” and made 2 other changes'],
    [{ excerpt: { removed: 'a', added: 'b' }, changes: 2 }, 'Ana Souza edited the article text: replaced “a” with “b” and made 1 other change'],
    [{ excerpt: { removed: ' ', added: '  ' } }, 'Ana Souza edited the article text: changed the spacing'],
    [{ changes: 0 }, 'Ana Souza saved the article text unchanged'],
  ])('%j', (after, sentence) => {
    expect(save(after)).toBe(sentence);
  });

  it('summarises the change without either text, excerpts shortened and never cutting an emoji', () => {
    const old = `Intro. ${'x'.repeat(200)} end.`;
    const changes = [{ from: 7, to: 207, insert: `${'😀'.repeat(60)}` }, { from: 211, to: 211, insert: '!' }];
    const summary = textSaveSummary(old, changes, 4, 5);
    expect(summary).toMatchObject({ revision: 5, baseRevision: 4, changes: 2, inserted: 121, deleted: 200 });
    expect(summary.excerpt.removed).toHaveLength(TEXT_SAVE_EXCERPT_CHARS);
    expect(summary.excerpt.removed.endsWith('…')).toBe(true);
    expect(summary.excerpt.added.length).toBeLessThanOrEqual(TEXT_SAVE_EXCERPT_CHARS);
    expect(summary.excerpt.added).toMatch(/^(😀)+…$/u);
    expect(textSaveSummary('same', [], 1, 2)).toEqual({ revision: 2, baseRevision: 1, changes: 0, inserted: 0, deleted: 0, excerpt: { removed: '', added: '' } });
  });

  it('still reads rows from before revisions were stored (both texts in the row)', () => {
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { revision: 1, plainText: 'a' }, after: { revision: 2, plainText: 'b' } }))).toBe('Ana Souza edited the article text');
  });

  it('does not take a malformed summary for a text save', () => {
    expect(describeHistoryEntry(entry({ entityType: 'article', action: 'update', before: { revision: 1 }, after: { revision: 2, baseRevision: 1, changes: 'x', excerpt: null } }))).not.toMatch(/edited the article text:/);
  });
});
