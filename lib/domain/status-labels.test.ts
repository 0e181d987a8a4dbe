import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, CLAIM_STATUSES } from './statuses';
import { ARTICLE_STATUS_LABELS, CLAIM_STATUS_LABELS, isStatus, statusInSentence, statusLabel } from './status-labels';

describe('status labels', () => {
  it('name every claim and article status', () => {
    expect(Object.keys(CLAIM_STATUS_LABELS).sort()).toEqual([...CLAIM_STATUSES].sort());
    expect(Object.keys(ARTICLE_STATUS_LABELS).sort()).toEqual([...ARTICLE_STATUSES].sort());
  });

  it.each([
    ['open', 'Open', 'open'],
    ['in_review', 'In review', 'in review'],
    ['resolved', 'Resolved', 'resolved'],
    ['draft', 'Draft', 'draft'],
    ['ready', 'Ready', 'ready'],
    ['published', 'Published', 'published'],
    ['retracted', 'Retracted', 'retracted'],
  ] as const)('%s → %s / %s', (status, label, inSentence) => {
    expect(statusLabel(status)).toBe(label);
    expect(statusInSentence(status)).toBe(inSentence);
  });

  it.each([
    ['open', true],
    ['published', true],
    ['retracted', true],
    ['In review', false],
    ['', false],
    ['toString', false],
    ['__proto__', false],
    [null, false],
    [3, false],
  ])('isStatus(%j) is %s', (value, expected) => {
    expect(isStatus(value)).toBe(expected);
  });
});
