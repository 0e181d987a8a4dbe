import { describe as group, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { describe } from '@/lib/anchoring/describe';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import { diffText } from '@/lib/text/diff';
import { computeBlockSplice } from './block-splice';
import { jsonDocToText } from './doc-text';
import { applyDocDelta, mapClaimRange, nextAnchor, readTextDelta, remapClaims, type AnchoredClaimFields } from './text-delta';

const doc = (...paragraphs: string[]): JSONContent => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** A claim on the first occurrence of `exact` in `text`, anchored at `revision`. */
function claimOn(id: string, text: string, exact: string, revision = 1, occurrence = 0): AnchoredClaimFields & { extra: string } {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`no ${exact}`);
  const [quote, position] = describe(text, start, start + exact.length);
  return { id, quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' }, position: { start: position.start, end: position.end }, anchoredRevision: revision, anchorState: 'anchored', extra: 'kept' };
}

/** The UTF-16 range a claim stands for in `text`. */
function rangeIn(text: string, claim: AnchoredClaimFields): string {
  const index = new CodePointIndex(text);
  return text.slice(index.toUtf16(claim.position.start)!, index.toUtf16(claim.position.end)!);
}

group('mapClaimRange', () => {
  const changes = [{ from: 4, to: 4, insert: 'XX' }];
  it('moves a range after an insertion and keeps an insertion at its edges outside', () => {
    expect(mapClaimRange(changes, 4, 8)).toEqual({ start: 6, end: 10 });
    expect(mapClaimRange(changes, 0, 4)).toEqual({ start: 0, end: 4 });
    expect(mapClaimRange(changes, 2, 6)).toEqual({ start: 2, end: 8 });
  });
  it('is null when the range is deleted', () => {
    expect(mapClaimRange([{ from: 0, to: 10, insert: '' }], 2, 6)).toBeNull();
  });
});

group('remapClaims', () => {
  const oldText = 'The minister said unemployment fell to 4 percent.\n\nCritics replied 😀 that the figure ignores people.\n\nفارسی: نرخ بیکاری کاهش یافت.';

  it('moves every claim with an insertion above it, selectors recomputed, other fields kept', () => {
    const claims = [claimOn('a', oldText, 'unemployment fell'), claimOn('b', oldText, 'the figure ignores'), claimOn('c', oldText, 'نرخ بیکاری')];
    const newText = `Breaking: ${oldText}`;
    const next = remapClaims(claims, oldText, newText, diffText(oldText, newText), [], 2)!;
    expect(next.map((c) => rangeIn(newText, c))).toEqual(['unemployment fell', 'the figure ignores', 'نرخ بیکاری']);
    expect(next.every((c) => c.anchoredRevision === 2 && c.extra === 'kept' && c.anchorState === 'anchored')).toBe(true);
    // The same selectors the server would store (describe in the new text).
    const fresh = claimOn('a', newText, 'unemployment fell', 2);
    expect(next[0]!.quote).toEqual(fresh.quote);
    expect(next[0]!.position).toEqual(fresh.position);
  });

  it('leaves claims an edit far below does not reach as they are (same object, old revision)', () => {
    const claims = [claimOn('a', oldText, 'minister')];
    const newText = oldText.replace('kahesh', 'x').replace('people.', 'people!');
    const next = remapClaims(claims, oldText, newText, diffText(oldText, newText), [], 2)!;
    expect(next[0]).toBe(claims[0]);
  });

  it('counts code points across an emoji before the claim', () => {
    const claims = [claimOn('b', oldText, 'that the figure')];
    const newText = oldText.replace('Critics', 'Some critics');
    const next = remapClaims(claims, oldText, newText, diffText(oldText, newText), [], 2)!;
    expect(rangeIn(newText, next[0]!)).toBe('that the figure');
  });

  it('applies exceptions: re-found elsewhere, orphaned; an orphan not named stays as it is', () => {
    const a = claimOn('a', oldText, 'unemployment fell');
    const b = claimOn('b', oldText, 'the figure ignores');
    const orphan = { ...claimOn('o', oldText, 'Critics'), anchorState: 'orphaned' as const };
    const newText = oldText.replace('the figure ignores', 'it ignores');
    const target = newText.indexOf('4 percent');
    const next = remapClaims([a, b, orphan], oldText, newText, diffText(oldText, newText), [{ id: 'b', orphaned: true }, { id: 'a', start: target, end: target + 9 }], 2)!;
    expect(rangeIn(newText, next[0]!)).toBe('4 percent');
    expect(next[1]).toMatchObject({ anchorState: 'orphaned', quote: b.quote, position: b.position, anchoredRevision: 2 });
    expect(next[2]).toBe(orphan);
  });

  it('refuses (null) when a held claim is not where it says in the old text', () => {
    const wrong = { ...claimOn('a', oldText, 'minister'), position: { start: 0, end: 3 } };
    expect(remapClaims([wrong], oldText, oldText, [], [], 2)).toBeNull();
  });

  it('refuses (null) when a mapped claim would collapse without an exception', () => {
    const a = claimOn('a', oldText, 'minister');
    const newText = oldText.replace('minister', '');
    expect(remapClaims([a], oldText, newText, diffText(oldText, newText), [], 2)).toBeNull();
  });

  it('refuses (null) an exception outside the new text', () => {
    const a = claimOn('a', oldText, 'minister');
    expect(remapClaims([a], oldText, oldText, [], [{ id: 'a', start: 5, end: 99_999 }], 2)).toBeNull();
  });
});

group('nextAnchor', () => {
  it('reports no change when the claim is where it was with the same context', () => {
    const text = 'One two three four.';
    const claim = claimOn('a', text, 'two');
    expect(nextAnchor(claim, { start: 4, end: 7 }, text, new CodePointIndex(text)).changed).toBe(false);
  });
  it('reports a change when only the context changed', () => {
    const text = 'One two three four.';
    const claim = claimOn('a', text, 'two');
    const newText = 'One two thr33 four.';
    expect(nextAnchor(claim, { start: 4, end: 7 }, newText, new CodePointIndex(newText))).toMatchObject({ changed: true, quote: { exact: 'two', suffix: ' thr33 four.' } });
  });
});

group('applyDocDelta', () => {
  const before = doc('One.', 'Two.', 'Three.');
  const after = doc('One.', 'Two and a half.', 'Three.');
  const delta = { docChanges: computeBlockSplice(before, after)!, textChanges: diffText(jsonDocToText(before), jsonDocToText(after)) };

  it('rebuilds the new document and both texts', () => {
    const applied = applyDocDelta(before, delta)!;
    expect(applied.doc).toEqual(after);
    expect(applied.newText).toBe('One.\n\nTwo and a half.\n\nThree.');
    expect(applied.oldText).toBe('One.\n\nTwo.\n\nThree.');
  });

  it('is null when the held document is not the delta’s base', () => {
    expect(applyDocDelta(doc('One.', 'Deux.', 'Three.'), delta)).toBeNull();
    expect(applyDocDelta(doc('One.'), delta)).toBeNull();
  });
});

group('readTextDelta', () => {
  it('accepts a well-formed delta and refuses anything else', () => {
    const delta = { baseRevision: 1, revision: 2, docChanges: [], textChanges: [], exceptions: [{ id: 'a', orphaned: true }, { id: 'b', start: 1, end: 2 }] };
    expect(readTextDelta(delta)).toBe(delta);
    expect(readTextDelta(null)).toBeNull();
    expect(readTextDelta({ ...delta, revision: '2' })).toBeNull();
    expect(readTextDelta({ ...delta, exceptions: [{ id: 'a' }] })).toBeNull();
    expect(readTextDelta({ ...delta, docChanges: undefined })).toBeNull();
  });
});

group('remapClaims on slim list rows', () => {
  it('keeps a row without context slim and still moves it', () => {
    const text = 'Alpha beta gamma.';
    const full = claimOn('a', text, 'gamma');
    const row = { ...full, quote: { exact: 'gamma' } };
    const newText = `Zero. ${text}`;
    const [next] = remapClaims([row], text, newText, diffText(text, newText), [], 2)!;
    expect(next!.quote).toEqual({ exact: 'gamma' });
    expect(rangeIn(newText, next!)).toBe('gamma');
    expect(next!.anchoredRevision).toBe(2);
  });
});
