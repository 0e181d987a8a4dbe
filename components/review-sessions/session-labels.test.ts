import { describe, expect, it } from 'vitest';
import { durationText, outcomeText, percent, reasonLabel } from './session-labels';

describe('reasonLabel', () => {
  it.each([
    ['disagreement', 1 / 3, 'Reviewers disagree · 33% agreement'],
    ['disagreement', 0, 'Reviewers disagree · 0% agreement'],
    ['disagreement', null, 'Reviewers disagree'],
    ['unread_discussion', null, 'Unread discussion'],
    ['no_final_verdict', null, 'No final verdict'],
    ['added', null, 'Added by the lead'],
  ] as const)('%s (%s) → %s', (reason, agreement, expected) => {
    expect(reasonLabel(reason, agreement)).toBe(expected);
  });
});

describe('outcomeText', () => {
  it.each([
    [{ outcome: 'decided', decidedVerdict: { id: 'v', key: 'false', label: 'False' } }, 'Decided: False'],
    [{ outcome: 'decided', decidedVerdict: null }, 'Decided'],
    [{ outcome: 'deferred', decidedVerdict: null }, 'Deferred'],
    [{ outcome: 'dropped', decidedVerdict: null }, 'Dropped'],
    [{ outcome: 'pending', decidedVerdict: null }, 'Pending'],
  ] as const)('%j → %s', (item, expected) => {
    expect(outcomeText(item)).toBe(expected);
  });

  it('says "Not reached" for a pending item in the minutes of an ended session', () => {
    expect(outcomeText({ outcome: 'pending', decidedVerdict: null }, { ended: true })).toBe('Not reached');
    expect(outcomeText({ outcome: 'deferred', decidedVerdict: null }, { ended: true })).toBe('Deferred');
  });

  it('gives the blind-review phrase, never the outcome, when the decision is withheld', () => {
    expect(outcomeText({ outcome: 'pending', decidedVerdict: null, decisionHidden: true }, { ended: true })).toBe('Hidden until you give your verdict');
  });
});

describe('durationText and percent', () => {
  it.each([
    [0, 'under a minute'],
    [59, 'under a minute'],
    [60, '1 min'],
    [12 * 60 + 20, '12 min'],
    [65 * 60, '1 h 5 min'],
    [Number.NaN, 'under a minute'],
  ])('%s s → %s', (seconds, expected) => {
    expect(durationText(seconds)).toBe(expected);
  });
  it.each([
    [null, '—'],
    [0, '0%'],
    [0.5, '50%'],
    [2 / 3, '67%'],
  ])('%s → %s', (share, expected) => {
    expect(percent(share)).toBe(expected);
  });
});
