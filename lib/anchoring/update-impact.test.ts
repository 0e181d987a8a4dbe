import { describe as group, expect, it } from 'vitest';
import type { ClaimPart } from '@/lib/domain/claims';
import { describe } from './describe';
import { updateImpact, withoutSharedWords, type ImpactClaim } from './update-impact';

const ARTICLE = [
  'Khamenei says U.S. created ISIS and Iran defeated it.',
  'The minister said on Tuesday that inflation had fallen to 4.2 percent in March, the lowest rate in three years.',
  'Independent economists estimated real inflation closer to 9 percent.',
  'Opposition leaders called for an inquiry into how the statistics office compiles its data.',
].join('\n\n');

function part(text: string, quote: string, anchorState: 'anchored' | 'orphaned' = 'anchored'): ClaimPart {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" not in text`);
  const [q, p] = describe(text, start, start + quote.length);
  return { quote: { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' }, position: { start: p.start, end: p.end }, anchorState };
}

const claim = (id: string, number: number, ...parts: ClaimPart[]): ImpactClaim => ({ id, number, parts });

group('updateImpact', () => {
  const inflation = claim('c1', 1, part(ARTICLE, 'inflation had fallen to 4.2 percent in March'));
  const isis = claim('c2', 2, part(ARTICLE, 'U.S. created ISIS'));
  const inquiry = claim('c3', 3, part(ARTICLE, 'called for an inquiry'));

  it('says unchanged when the text is the same, or the change is elsewhere', () => {
    expect(updateImpact(ARTICLE, ARTICLE, [inflation, isis]).claims.map((c) => c.kind)).toEqual(['unchanged', 'unchanged']);
    const edited = ARTICLE.replace('Independent economists', 'Several independent economists');
    const impact = updateImpact(ARTICLE, edited, [inflation, isis, inquiry]);
    expect(impact.claims.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // The claim after the change has a new position (shifted), still "unchanged": its words stayed where the text put them.
    expect(impact.claims[2]!.newPosition!.start).toBe(impact.claims[2]!.oldPosition!.start + 'Several i'.length - 1);
    expect(impact.counts.unchanged).toBe(3);
  });

  it('says edited when the claim’s words changed but it was found', () => {
    const edited = ARTICLE.replace('4.2 percent', '4.3 percent');
    const [c] = updateImpact(ARTICLE, edited, [inflation]).claims;
    expect(c).toMatchObject({ id: 'c1', number: 1, kind: 'edited', quote: 'inflation had fallen to 4.2 percent in March', newQuote: 'inflation had fallen to 4.3 percent in March', partsFound: 1, partsTotal: 1 });
  });

  it('says moved when the same words are found elsewhere (paragraph moved)', () => {
    const paragraphs = ARTICLE.split('\n\n');
    const moved = [paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[1]].join('\n\n');
    const impact = updateImpact(ARTICLE, moved, [inflation, isis]);
    expect(impact.claims[0]).toMatchObject({ kind: 'moved', newQuote: 'inflation had fallen to 4.2 percent in March' });
    expect(impact.claims[0]!.newPosition!.start).toBeGreaterThan(impact.claims[0]!.oldPosition!.start);
    expect(impact.claims[1]!.kind).toBe('unchanged');
  });

  it('says orphaned when the words are gone, partial when some parts are', () => {
    const removed = ARTICLE.replace(ARTICLE.split('\n\n')[1]! + '\n\n', '');
    const two = claim('c4', 4, part(ARTICLE, 'U.S. created ISIS'), part(ARTICLE, 'fallen to 4.2 percent'));
    const impact = updateImpact(ARTICLE, removed, [inflation, two, isis]);
    expect(impact.claims.map((c) => [c.number, c.kind])).toEqual([
      [1, 'orphaned'],
      [2, 'unchanged'],
      [4, 'partial'],
    ]);
    expect(impact.claims[0]).toMatchObject({ newQuote: null, newPosition: null, partsFound: 0 });
    expect(impact.claims[2]).toMatchObject({ partsFound: 1, partsTotal: 2, quote: 'U.S. created ISIS … fallen to 4.2 percent', newQuote: 'U.S. created ISIS' });
    expect(impact.counts).toMatchObject({ orphaned: 1, partial: 1, unchanged: 1 });
  });

  it('says found when an orphan’s words are back', () => {
    const without = ARTICLE.replace('called for an inquiry', 'demanded answers');
    const orphan = claim('c3', 3, part(ARTICLE, 'called for an inquiry', 'orphaned'));
    expect(updateImpact(without, ARTICLE, [orphan]).claims[0]!.kind).toBe('found');
    expect(updateImpact(without, without.replace('Iran', 'Tehran'), [orphan]).claims[0]!.kind).toBe('unchanged');
  });

  it('handles right-to-left text', () => {
    const fa = 'وزیر گفت که تورم به ۴٫۲ درصد رسیده است.\n\nخامنه‌ای می‌گوید آمریکا داعش را ساخت.';
    const c = claim('fa', 1, part(fa, 'آمریکا داعش را ساخت'));
    const edited = 'وزیر گفت که تورم به ۵ درصد رسیده است.\n\nخامنه‌ای می‌گوید آمریکا داعش را ساخت.';
    const [impact] = updateImpact(fa, edited, [c]).claims;
    expect(impact).toMatchObject({ kind: 'unchanged', newQuote: 'آمریکا داعش را ساخت' });
  });

  it('keeps two parts from landing on the same words', () => {
    expect(withoutSharedWords([{ start: 0, end: 5 }, { start: 3, end: 8 }, null, { start: 5, end: 9 }])).toEqual([{ start: 0, end: 5 }, null, null, { start: 5, end: 9 }]);
  });

  it('refuses bad input', () => {
    expect(() => updateImpact(1 as unknown as string, '', [])).toThrow(TypeError);
    expect(() => updateImpact('', '', null as unknown as [])).toThrow(TypeError);
    expect(() => updateImpact('a', 'b', [{ id: 'x', number: 1, parts: [] }])).toThrow(TypeError);
    expect(() => updateImpact('abc', 'abcd', [inflation], [{ from: 0, to: 1, insert: '' }])).toThrow(TypeError);
    expect(updateImpact('a', 'b', [])).toEqual({ claims: [], counts: { unchanged: 0, moved: 0, edited: 0, partial: 0, orphaned: 0, found: 0 } });
  });
});
