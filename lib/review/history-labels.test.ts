import { describe, expect, it } from 'vitest';
import { formatHistoryValue, HISTORY_VALUE_MAX_CHARS, historyFieldInSentence, historyFieldLabel, humanizeFieldName, isSilentHistoryField, labelledChanges } from './history-labels';

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
