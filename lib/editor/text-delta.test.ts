import { describe as group, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { describe } from '@/lib/anchoring/describe';
import { CodePointIndex } from '@/lib/anchoring/code-points';
import { diffText } from '@/lib/text/diff';
import { computeBlockSplice } from './block-splice';
import { jsonDocToText } from './doc-text';
import { applyDocDelta, mapClaimRange, movedParts, nextAnchor, readTextDelta, remapClaims, type AnchoredClaimFields } from './text-delta';

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

group('remapClaims on multi-part claims', () => {
  const text = 'The mayor said on Monday that the bridge cost 40 million euros. Critics disagree. The council agreed.';
  /** A full claim with a part on each of `quotes` (first occurrence), in text order. */
  function multiOn(id: string, source: string, quotes: string[]) {
    const parts = quotes.map((q) => {
      const c = claimOn(id, source, q);
      return { quote: c.quote as { exact: string; prefix: string; suffix: string }, position: c.position, anchorState: 'anchored' as const };
    });
    return { id, quote: parts[0]!.quote, position: parts[0]!.position, parts, anchoredRevision: 1, anchorState: 'anchored' as const, extra: 'kept' };
  }

  it('moves every part with the text, selectors as describe() gives them, the columns mirroring parts[0]', () => {
    const claim = multiOn('m', text, ['The mayor said', 'the bridge cost 40 million euros']);
    const newText = `Update: ${text.replace('on Monday', 'on Monday evening')}`;
    const [next] = remapClaims([claim], text, newText, diffText(text, newText), [], 2)!;
    expect(next!.parts!.map((p) => rangeIn(newText, { ...claim, position: p.position }))).toEqual(['The mayor said', 'the bridge cost 40 million euros']);
    expect(next!.parts![1]!.quote).toEqual(claimOn('x', newText, 'the bridge cost 40 million euros').quote);
    expect(next!.quote).toEqual(next!.parts![0]!.quote);
    expect(next!.position).toEqual(next!.parts![0]!.position);
    expect(next).toMatchObject({ anchoredRevision: 2, anchorState: 'anchored', extra: 'kept' });
  });

  it('keeps slim parts slim, keeps an orphaned part as it is, and keeps the combined state', () => {
    const full = multiOn('m', text, ['The mayor said', 'The council agreed']);
    const row = { ...full, anchorState: 'partial' as const, quote: { exact: 'The mayor said' }, parts: [{ ...full.parts[0]!, quote: { exact: 'The mayor said' } }, { ...full.parts[1]!, quote: { exact: 'The council agreed' }, anchorState: 'orphaned' as const }] };
    const newText = `Update: ${text}`;
    const [next] = remapClaims([row], text, newText, diffText(text, newText), [], 2)!;
    expect(next!.parts![0]!.quote).toEqual({ exact: 'The mayor said' });
    expect(rangeIn(newText, { ...row, position: next!.parts![0]!.position })).toBe('The mayor said');
    expect(next!.parts![1]).toEqual(row.parts[1]);
    expect(next!.anchorState).toBe('partial');
  });

  it('leaves a multi-part claim no change reaches as it is (same object)', () => {
    const claim = multiOn('m', text, ['The mayor said', 'the bridge cost']);
    const newText = text.replace('The council agreed.', 'The council agreed!');
    expect(remapClaims([claim], text, newText, diffText(text, newText), [], 2)![0]).toBe(claim);
  });

  it('is null (refetch) when the server says refetch, sends a range for a multi-part claim, or a part does not fit the old text', () => {
    const claim = multiOn('m', text, ['The mayor said', 'the bridge cost']);
    const newText = `Update: ${text}`;
    const changes = diffText(text, newText);
    expect(remapClaims([claim], text, newText, changes, [{ id: 'm', refetch: true }], 2)).toBeNull();
    expect(remapClaims([claim], text, newText, changes, [{ id: 'm', start: 0, end: 3 }], 2)).toBeNull();
    const wrong = { ...claim, parts: [claim.parts[0]!, { ...claim.parts[1]!, quote: { ...claim.parts[1]!.quote, exact: 'not there' } }] };
    expect(remapClaims([wrong], text, newText, changes, [], 2)).toBeNull();
    // A refetch for another claim also refetches (the list is fetched as a whole).
    expect(remapClaims([claimOn('s', text, 'Critics')], text, newText, changes, [{ id: 'm', refetch: true }], 2)).toBeNull();
  });

  it('moves the one part of a full single-part claim along with its columns', () => {
    const single = multiOn('s', text, ['Critics disagree']);
    const newText = `Update: ${text}`;
    const [next] = remapClaims([single], text, newText, diffText(text, newText), [], 2)!;
    expect(next!.parts).toEqual([{ quote: next!.quote, position: next!.position, anchorState: 'anchored' }]);
    expect(rangeIn(newText, next!)).toBe('Critics disagree');
  });

  it('movedParts sorts the parts into text order and reports the change', () => {
    const claim = multiOn('m', text, ['The mayor said', 'Critics disagree']);
    const index = new CodePointIndex(text);
    // The second part found before the first (say, a paragraph moved): order by start.
    const moved = movedParts(claim.parts, [{ start: 70, end: 84 }, { start: 0, end: 16 }], text, index);
    expect(moved.parts.map((p) => p.position.start)).toEqual([0, 70]);
    expect(moved.order).toEqual([1, 0]);
    expect(moved.changed).toBe(true);
    expect(movedParts(claim.parts, [null, null], text, index).anchorState).toBe('orphaned');
    expect(movedParts(claim.parts, [null, { start: text.indexOf('Critics disagree'), end: text.indexOf('Critics disagree') + 16 }], text, index).anchorState).toBe('partial');
  });

  it('movedParts keeps an orphaned part at its index (never sorted on its stale position) and found parts in their order', () => {
    const claim = multiOn('m', text, ['The mayor said', 'Critics disagree', 'The council agreed']);
    const index = new CodePointIndex(text);
    // The first part orphaned with a stale position past the others; the others found where they are.
    const stale = { ...claim.parts[0]!, position: { start: 95, end: 99 } };
    const parts = [stale, claim.parts[1]!, claim.parts[2]!];
    const critics = { start: text.indexOf('Critics disagree'), end: text.indexOf('Critics disagree') + 16 };
    const council = { start: text.indexOf('The council agreed'), end: text.indexOf('The council agreed') + 18 };
    const moved = movedParts(parts, [null, critics, council], text, index);
    expect(moved.order).toEqual([0, 1, 2]);
    expect(moved.parts[0]).toEqual({ ...stale, anchorState: 'orphaned' });
    expect(moved.parts.map((p) => p.quote.exact)).toEqual(['The mayor said', 'Critics disagree', 'The council agreed']);
    expect(moved.anchorState).toBe('partial');
    // Found parts out of text order are sorted among the found parts' indices; the orphan stays put.
    const swapped = movedParts(claim.parts, [council, null, critics], text, index);
    expect(swapped.order).toEqual([2, 1, 0]);
    expect(swapped.parts.map((p) => p.anchorState)).toEqual(['anchored', 'orphaned', 'anchored']);
    expect(swapped.parts[0]!.position.start).toBeLessThan(swapped.parts[2]!.position.start);
  });

  it('readTextDelta accepts a refetch exception', () => {
    const value = { baseRevision: 1, revision: 2, docChanges: [], textChanges: [], exceptions: [{ id: 'm', refetch: true }] };
    expect(readTextDelta(value)).toEqual(value);
    expect(readTextDelta({ ...value, exceptions: [{ id: 'm', refetch: 'yes' }] })).toBeNull();
  });
});
