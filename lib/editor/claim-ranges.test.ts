import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '@/lib/anchoring';
import { resolveClaimRanges, type AnchorableClaim } from './claim-ranges';

function claimOn(text: string, quote: string, id: string, anchorState: AnchorableClaim['anchorState'] = 'anchored'): AnchorableClaim {
  const start = text.indexOf(quote);
  const [q, p] = describeRange(text, start, start + quote.length);
  return { id, quote: { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' }, position: { start: p.start, end: p.end }, anchorState };
}

describe('resolveClaimRanges', () => {
  const text = 'Tehran 👩‍👩‍👧 says IS was created by the U.S.\n\nThe U.S. denies it.';
  it('resolves claims after astral characters to UTF-16 offsets', () => {
    const claim = claimOn(text, 'created by the U.S.', 'a');
    expect(resolveClaimRanges(text, [claim]).get('a')).toEqual({ start: text.indexOf('created'), end: text.indexOf('created') + 'created by the U.S.'.length });
  });
  it('follows a claim after text is inserted before it', () => {
    const claim = claimOn(text, 'The U.S. denies it.', 'b');
    const edited = `Update: ${text}`;
    expect(resolveClaimRanges(edited, [claim]).get('b')?.start).toBe(edited.indexOf('The U.S. denies'));
  });
  it('leaves out orphans and claims whose words are gone', () => {
    const orphan = claimOn(text, 'The U.S. denies it.', 'c', 'orphaned');
    const gone = claimOn(text, 'says IS was created', 'd');
    const ranges = resolveClaimRanges('Completely different words now.', [orphan, gone]);
    expect(ranges.size).toBe(0);
    expect(resolveClaimRanges(text, [orphan]).has('c')).toBe(false);
  });
  it('resolves every anchored part of a multi-part claim, after an edit moved them, and skips orphaned parts', () => {
    const first = claimOn(text, 'says IS was created', 'm');
    const second = claimOn(text, 'The U.S. denies it.', 'm');
    const part = (c: AnchorableClaim, anchorState: 'anchored' | 'orphaned' = 'anchored') => ({ quote: c.quote, position: c.position, anchorState });
    const multi: AnchorableClaim = { ...first, parts: [part(first), part(second)] };
    const edited = `Breaking. ${text.replace('\n\n', '\n\nMeanwhile: ')}`;
    const ranges = resolveClaimRanges(edited, [multi]);
    expect(edited.slice(ranges.get('m#0')!.start, ranges.get('m#0')!.end)).toBe('says IS was created');
    expect(edited.slice(ranges.get('m#1')!.start, ranges.get('m#1')!.end)).toBe('The U.S. denies it.');
    const partial: AnchorableClaim = { ...multi, anchorState: 'partial', parts: [part(first, 'orphaned'), part(second)] };
    expect([...resolveClaimRanges(edited, [partial]).keys()]).toEqual(['m#1']);
  });
});
