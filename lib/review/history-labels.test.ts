import { describe, expect, it } from 'vitest';
import { formatHistoryValue, HISTORY_VALUE_MAX_CHARS, historyFieldInSentence, historyFieldLabel, humanizeFieldName, isSilentHistoryField, labelledChanges, reviewSessionHistoryLabel, reviewSessionHistoryPredicate } from './history-labels';

const LEVELS: Record<string, string> = { 'lvl-true': 'True', 'lvl-false': 'False' };
const ctx = { verdictLabel: (id: string) => LEVELS[id] };

describe('historyFieldLabel', () => {
  it.each([
    ['verdictId', 'Verdict'],
    ['claimText', 'Claim statement'],
    ['rationale', 'Rationale'],
    ['status', 'Status'],
    ['claimant', 'Claimant'],
    ['claimDate', 'Claim date'],
    ['claimAppearance', 'Where the claim appeared'],
    ['exclusionReason', 'Excluded'],
    ['quote', 'Quote'],
    ['url', 'URL'],
  ])('%s → %s', (field, label) => {
    expect(historyFieldLabel(field)).toBe(label);
  });
  it('humanises a field nobody labelled instead of showing its raw name', () => {
    expect(historyFieldLabel('reviewDueOn')).toBe('Review due on');
    expect(historyFieldLabel('second_opinion')).toBe('Second opinion');
  });
  it('does not take inherited object keys for labels', () => {
    expect(historyFieldLabel('toString')).toBe('To string');
    expect(historyFieldLabel('constructor')).toBe('Constructor');
  });
  it('keeps acronyms in capitals inside a sentence', () => {
    expect(historyFieldInSentence('url')).toBe('URL');
    expect(historyFieldInSentence('claimText')).toBe('claim statement');
    expect(historyFieldInSentence('sourceUrl')).toBe('source URL');
  });
});

describe('humanizeFieldName', () => {
  it.each([
    ['reviewDueOn', 'Review due on'],
    ['exclusion_reason', 'Exclusion reason'],
    ['sourceURLText', 'Source URL text'],
    ['ownerId', 'Owner'],
    ['id', 'ID'],
    ['kebab-case-name', 'Kebab case name'],
    ['x', 'X'],
    ['field2Name', 'Field2 name'],
  ])('%s → %s', (field, label) => {
    expect(humanizeFieldName(field)).toBe(label);
  });
  it.each([[''], ['___'], ['  '], [null], [undefined], [42], [{}]])('falls back to "Field" for %j', (bad) => {
    expect(humanizeFieldName(bad)).toBe('Field');
  });
});

describe('formatHistoryValue', () => {
  it('shows verdicts by label, an unknown one as such', () => {
    expect(formatHistoryValue('verdictId', 'lvl-false', ctx)).toBe('False');
    expect(formatHistoryValue('verdictId', 'lvl-gone', ctx)).toBe('Unknown verdict');
    expect(formatHistoryValue('verdictId', 'lvl-true')).toBe('Unknown verdict');
  });
  it('shows statuses, anchoring and flags in words', () => {
    expect(formatHistoryValue('status', 'in_review')).toBe('In review');
    expect(formatHistoryValue('status', 'not-a-status')).toBe('not-a-status');
    expect(formatHistoryValue('anchorState', 'partial')).toBe('Partly orphaned');
    expect(formatHistoryValue('anchorState', 'orphaned')).toBe('Orphaned');
    expect(formatHistoryValue('blindReview', true)).toBe('Yes');
    expect(formatHistoryValue('isPublic', false)).toBe('No');
    expect(formatHistoryValue('method', 'social_media')).toBe('social media');
  });
  it('shows exclusion as yes with the reason, or no', () => {
    expect(formatHistoryValue('exclusionReason', null)).toBe('No');
    expect(formatHistoryValue('exclusionReason', 'Opinion, not a factual claim')).toBe('Yes: Opinion, not a factual claim');
  });
  it('shows nothing as a dash and shortens long text without splitting an emoji', () => {
    expect(formatHistoryValue('claimant', null)).toBe('—');
    expect(formatHistoryValue('claimant', '')).toBe('—');
    expect(formatHistoryValue('claimant', undefined)).toBe('—');
    const long = formatHistoryValue('quote', '😀'.repeat(300));
    expect(Array.from(long)).toHaveLength(HISTORY_VALUE_MAX_CHARS);
    expect(long).toMatch(/^(😀)+…$/u);
  });
  it('shows numbers, lists and odd values readably', () => {
    expect(formatHistoryValue('count', 3)).toBe('3');
    expect(formatHistoryValue('tags', ['a', 'b'])).toBe('a, b');
    expect(formatHistoryValue('tags', [])).toBe('—');
    expect(formatHistoryValue('thing', { a: 1 })).toBe('{"a":1}');
  });
});

describe('labelledChanges', () => {
  it('labels the rows and leaves out ids, positions and copies of the quote', () => {
    expect(
      labelledChanges(
        [
          { field: 'quote', before: 'the bridge cost 40 million', after: 'the new bridge cost 40 million euros' },
          { field: 'quoteExact', before: 'a', after: 'b' },
          { field: 'positionStart', before: 1, after: 2 },
          { field: 'partsJson', before: null, after: '[]' },
          { field: 'verdictId', before: 'lvl-true', after: 'lvl-false' },
          { field: 'secondOpinion', before: null, after: 'x' },
        ],
        ctx,
      ),
    ).toEqual([
      { field: 'quote', label: 'Quote', before: 'the bridge cost 40 million', after: 'the new bridge cost 40 million euros' },
      { field: 'verdictId', label: 'Verdict', before: 'True', after: 'False' },
      { field: 'secondOpinion', label: 'Second opinion', before: '—', after: 'x' },
    ]);
    expect(isSilentHistoryField('version')).toBe(true);
    expect(isSilentHistoryField('claimText')).toBe(false);
  });
  it('tolerates bad input', () => {
    expect(labelledChanges(null as never)).toEqual([]);
    expect(labelledChanges([null, { field: 7 }, { field: 'claimant', before: 'A', after: 'B' }] as never)).toEqual([{ field: 'claimant', label: 'Claimant', before: 'A', after: 'B' }]);
  });
});

describe('reviewSessionHistoryLabel', () => {
  const started = '2026-11-25T10:00:00.000Z';
  it.each([
    { name: 'decided with its verdict', after: { sessionId: 's', sessionStartedAt: started, outcome: 'decided', verdictLabel: 'False' }, want: 'Decided in the review session of 25 Nov: False' },
    { name: 'decided without a label', after: { sessionStartedAt: started, outcome: 'decided' }, want: 'Decided in the review session of 25 Nov' },
    { name: 'deferred with its note', after: { sessionStartedAt: started, outcome: 'deferred', note: 'Waiting for\nthe ministry' }, want: 'Deferred in the review session of 25 Nov: Waiting for the ministry' },
    { name: 'dropped', after: { sessionStartedAt: started, outcome: 'dropped' }, want: 'Dropped from the review session of 25 Nov' },
    { name: 'dropped with a note', after: { sessionStartedAt: started, outcome: 'dropped', note: 'Not a claim' }, want: 'Dropped from the review session of 25 Nov: Not a claim' },
    { name: 'outcome withheld (redacted)', after: { sessionId: 's', sessionStartedAt: started }, want: 'Discussed in the review session of 25 Nov' },
    { name: 'a label without an outcome is not shown', after: { sessionStartedAt: started, verdictLabel: 'False', note: 'x' }, want: 'Discussed in the review session of 25 Nov' },
    { name: 'an unknown outcome', after: { sessionStartedAt: started, outcome: 'exploded', note: 'x' }, want: 'Discussed in the review session of 25 Nov' },
    { name: 'no date', after: { outcome: 'decided', verdictLabel: 'True' }, want: 'Decided in a review session: True' },
    { name: 'a bad date', after: { sessionStartedAt: 'soon', outcome: 'dropped' }, want: 'Dropped from a review session' },
    { name: 'not a record', after: null, want: 'Discussed in a review session' },
    { name: 'an array', after: ['decided'], want: 'Discussed in a review session' },
  ])('$name', ({ after, want }) => {
    expect(reviewSessionHistoryLabel(after, { timeZone: 'UTC' })).toBe(want);
  });

  it('uses the zone asked for', () => {
    const late = { sessionStartedAt: '2026-11-25T22:30:00.000Z', outcome: 'dropped' };
    expect(reviewSessionHistoryLabel(late, { timeZone: 'UTC' })).toBe('Dropped from the review session of 25 Nov');
    expect(reviewSessionHistoryLabel(late, { timeZone: 'Asia/Tokyo' })).toBe('Dropped from the review session of 26 Nov');
    expect(reviewSessionHistoryLabel(late, { timeZone: 'Not/AZone' })).toBe('Dropped from a review session');
  });

  it('shortens a long note', () => {
    const label = reviewSessionHistoryLabel({ sessionStartedAt: '2026-11-25T10:00:00.000Z', outcome: 'deferred', note: 'x'.repeat(500) }, { timeZone: 'UTC' });
    expect(Array.from(label.split(': ')[1]!)).toHaveLength(HISTORY_VALUE_MAX_CHARS);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('reviewSessionHistoryPredicate', () => {
  const started = '2026-11-25T10:00:00.000Z';
  it.each([
    [{ sessionStartedAt: started, outcome: 'decided', verdictLabel: 'False' }, 'set the final verdict in the review session of 25 Nov: False'],
    [{ sessionStartedAt: started, outcome: 'deferred', note: 'Later' }, 'deferred the claim in the review session of 25 Nov: Later'],
    [{ sessionStartedAt: started, outcome: 'dropped' }, 'dropped the claim from the review session of 25 Nov'],
    [{ sessionStartedAt: started }, 'discussed the claim in the review session of 25 Nov'],
  ])('%j → %s', (after, want) => {
    expect(reviewSessionHistoryPredicate(after, { timeZone: 'UTC' })).toBe(want);
  });
});
