import { describe, expect, it } from 'vitest';
import { isExcluded, publishBlockers, type GateClaim } from './gate';

const claim = (number: number, over: Partial<GateClaim> = {}): GateClaim => ({ id: `c${number}`, number, exclusionReason: null, verdictId: 'v-true', anchorState: 'anchored', ...over });

describe('publishBlockers', () => {
  it('lets an article whose included claims all have a final verdict and are anchored through', () => {
    expect(publishBlockers([claim(1), claim(2)])).toEqual([]);
  });

  it('blocks an article without claims', () => {
    expect(publishBlockers([])).toEqual([{ kind: 'no_claims', claimId: null, claimNumber: null, message: 'There are no claims to publish. Highlight at least one claim in the text first.' }]);
  });

  it('blocks an article whose claims are all excluded, and says so', () => {
    const blockers = publishBlockers([claim(1, { exclusionReason: 'Opinion', verdictId: null }), claim(2, { exclusionReason: 'Duplicate', anchorState: 'orphaned' })]);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatchObject({ kind: 'no_claims', claimId: null });
    expect(blockers[0]!.message).toMatch(/excluded/);
  });

  it('names each claim without a final verdict and each orphan, ordered by claim number', () => {
    const blockers = publishBlockers([claim(5, { anchorState: 'orphaned' }), claim(3, { verdictId: null }), claim(1), claim(7, { verdictId: null, orphaned: true })]);
    expect(blockers).toEqual([
      { kind: 'no_final_verdict', claimId: 'c3', claimNumber: 3, message: 'Claim 3 has no final verdict.' },
      { kind: 'orphaned', claimId: 'c5', claimNumber: 5, message: 'Claim 5 is orphaned: its words are no longer in the text. Re-attach it to the text, exclude it or delete it.' },
      { kind: 'orphaned', claimId: 'c7', claimNumber: 7, message: 'Claim 7 is orphaned: its words are no longer in the text. Re-attach it to the text, exclude it or delete it.' },
      { kind: 'no_final_verdict', claimId: 'c7', claimNumber: 7, message: 'Claim 7 has no final verdict.' },
    ]);
  });

  it('never blocks on an excluded claim', () => {
    expect(publishBlockers([claim(1), claim(2, { exclusionReason: 'Not a factual claim', verdictId: null, anchorState: 'orphaned' })])).toEqual([]);
  });

  it('reads report claims (finalVerdict, orphaned) as well as rows (verdictId, anchorState)', () => {
    const report = (number: number, finalVerdict: unknown, orphaned: boolean): GateClaim => ({ id: `r${number}`, number, exclusionReason: null, finalVerdict, orphaned });
    expect(publishBlockers([report(1, { key: 'true' }, false), report(2, null, false), report(3, { key: 'false' }, true)]).map((b) => [b.kind, b.claimNumber])).toEqual([
      ['no_final_verdict', 2],
      ['orphaned', 3],
    ]);
  });

  it('tells an orphan that has been published to exclude it (it cannot be deleted)', () => {
    expect(publishBlockers([claim(2, { anchorState: 'orphaned', firstPublishedAt: new Date('2024-01-01') })])[0]!.message).toBe(
      'Claim 2 is orphaned: its words are no longer in the text. Re-attach it to the text or exclude it (a published claim cannot be deleted).',
    );
  });

  it('blocks a partly orphaned claim (a part whose words are gone) and says how to fix it', () => {
    const [blocker] = publishBlockers([claim(4, { anchorState: 'partial' })]);
    expect(blocker).toEqual({
      kind: 'orphaned',
      claimId: 'c4',
      claimNumber: 4,
      message: 'Claim 4 is partly orphaned: the words of one of its parts are no longer in the text. Re-attach or remove that part, or exclude the claim.',
    });
    expect(publishBlockers([claim(4, { anchorState: 'partial', exclusionReason: 'Opinion' }), claim(5)])).toEqual([]);
  });

  it('treats a blank exclusion reason as not excluded (it blocks rather than silently hides)', () => {
    expect(isExcluded({ exclusionReason: '   ' })).toBe(false);
    expect(isExcluded({ exclusionReason: '' })).toBe(false);
    expect(isExcluded({ exclusionReason: null })).toBe(false);
    expect(isExcluded({})).toBe(false);
    expect(isExcluded({ exclusionReason: 'Opinion' })).toBe(true);
    expect(publishBlockers([claim(1, { exclusionReason: ' ', verdictId: null })]).map((b) => b.kind)).toEqual(['no_final_verdict']);
  });

  it('treats an empty verdict id as no verdict', () => {
    expect(publishBlockers([claim(1, { verdictId: '' })]).map((b) => b.kind)).toEqual(['no_final_verdict']);
  });

  it('keeps claims with odd numbers (0, missing) at the end, without a number in the message', () => {
    const blockers = publishBlockers([claim(0, { verdictId: null }), claim(4, { verdictId: null })]);
    expect(blockers.map((b) => [b.claimId, b.claimNumber, b.message])).toEqual([
      ['c4', 4, 'Claim 4 has no final verdict.'],
      ['c0', null, 'A claim has no final verdict.'],
    ]);
  });

  it('does not reorder or change its input', () => {
    const input = [claim(2, { verdictId: null }), claim(1, { verdictId: null })];
    const copy = structuredClone(input);
    publishBlockers(input);
    expect(input).toEqual(copy);
  });

  it('refuses input that is not a list of claims', () => {
    expect(() => publishBlockers(null as unknown as GateClaim[])).toThrow(TypeError);
    expect(() => publishBlockers('claims' as unknown as GateClaim[])).toThrow(TypeError);
    expect(() => publishBlockers([null as unknown as GateClaim])).toThrow(TypeError);
    expect(() => publishBlockers([{ number: 1 } as unknown as GateClaim])).toThrow(/id/);
  });
});
