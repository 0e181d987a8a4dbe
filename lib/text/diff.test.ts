import { describe, expect, it } from 'vitest';
import { applyTextChanges, diffText, mapOffset, touchesChange, type TextChange } from './diff';

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** No change boundary and no inserted text may cut an emoji (surrogate pair) in half. */
function expectWholeCodePoints(oldText: string, changes: readonly TextChange[]) {
  const cuts = (text: string, at: number) => at > 0 && at < text.length && /[\ud800-\udbff]/.test(text[at - 1]!) && /[\udc00-\udfff]/.test(text[at]!);
  for (const change of changes) {
    expect(cuts(oldText, change.from), `from ${change.from} splits a pair`).toBe(false);
    expect(cuts(oldText, change.to), `to ${change.to} splits a pair`).toBe(false);
    expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(change.insert), `insert ${JSON.stringify(change.insert)} has half a pair`).toBe(false);
  }
}

function roundTrip(oldText: string, newText: string, wellFormed = true) {
  const changes = diffText(oldText, newText);
  expect(applyTextChanges(oldText, changes)).toBe(newText);
  if (wellFormed) expectWholeCodePoints(oldText, changes);
  for (let i = 1; i < changes.length; i += 1) expect(changes[i]!.from).toBeGreaterThan(changes[i - 1]!.to); // ascending, merged when touching
  return changes;
}

const PERSIAN = 'خامنه‌ای می‌گوید آمریکا داعش را ساخت و ایران آن را شکست داد.\n\nوزیر گفت که تورم به ۴٫۲ درصد رسیده است.';
const EMOJI = 'Fans 🎉 cheered 👍🏽 as the team 🇮🇷 won.\n\nThe family 👨‍👩‍👧 watched 😀 from home.';

describe('diffText + applyTextChanges', () => {
  it.each([
    ['identical', 'same text', 'same text'],
    ['empty to text', '', 'abc'],
    ['text to empty', 'abc', ''],
    ['one character', 'abc', 'abd'],
    ['insertion at the top', 'para one\n\npara two', 'new para\n\npara one\n\npara two'],
    ['a line appended', 'A', 'A\nB'],
    ['a line removed at the end', 'A\nB', 'A'],
    ['a line removed at the start', 'A\nB', 'B'],
    ['a word corrected throughout', 'the minister said the minister lied', 'the ministre said the ministre lied'],
    ['Persian ZWNJ removed', PERSIAN, PERSIAN.replace('می‌گوید', 'میگوید')],
    ['Persian word inserted', PERSIAN, PERSIAN.replace('ایران', 'جمهوری اسلامی ایران')],
    ['an emoji replaced by another sharing its high surrogate', EMOJI, EMOJI.replace('😀', '😁')],
    ['an emoji modifier removed', EMOJI, EMOJI.replace('👍🏽', '👍')],
    ['an emoji inserted between emoji', '😀😀', '😀😁😀'],
    ['paragraphs swapped', 'one two three\n\nfour five six', 'four five six\n\none two three'],
  ])('%s', (_name, oldText, newText) => {
    roundTrip(oldText, newText);
  });

  it('round-trips texts with lone surrogates', () => {
    roundTrip('a\ud800b', 'a\udc00b', false);
    roundTrip('\ud83d', '\ud83d\ude00', false);
  });

  it('returns no changes for equal texts and a single small change for a typo', () => {
    expect(diffText('abc', 'abc')).toEqual([]);
    expect(diffText('the minister said', 'the ministre said')).toEqual([{ from: 10, to: 12, insert: 're' }]);
    const long = 'The minister said on Tuesday that inflation had fallen to 4.2 percent in March.';
    expect(diffText(long, long.replace('4.2', '4.3'))).toEqual([{ from: 60, to: 61, insert: '3' }]);
  });

  it('keeps an inserted paragraph as one insertion and unchanged paragraphs untouched', () => {
    const oldText = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} says something distinct about topic ${i * 7}.`).join('\n\n');
    const newText = `A brand new opening paragraph.\n\n${oldText}`;
    expect(roundTrip(oldText, newText)).toEqual([{ from: 0, to: 0, insert: 'A brand new opening paragraph.\n\n' }]);
  });

  it('round-trips random edits of random texts (ASCII, Persian with ZWNJ, emoji)', () => {
    const random = seededRandom(7);
    const alphabet = ['a', 'b', ' ', '\n', 'م', 'ی', '\u200c', '😀', '😁', '👍', '🏽', '.', 'x'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    for (let round = 0; round < 400; round += 1) {
      const length = Math.floor(random() * 80);
      const oldText = Array.from({ length }, pick).join('');
      const chars = [...oldText]; // edit whole code points
      const edits = Math.floor(random() * 5);
      for (let e = 0; e < edits; e += 1) {
        const at = Math.floor(random() * (chars.length + 1));
        chars.splice(at, Math.floor(random() * 4), ...Array.from({ length: Math.floor(random() * 4) }, pick));
      }
      roundTrip(oldText, chars.join(''));
    }
  });

  it('round-trips a long text with an inserted paragraph and scattered typos, with small changes', () => {
    const random = seededRandom(11);
    const words = ['the', 'minister', 'said', 'حکومت', 'می‌خواهم', '2019', 'report', '🎉'];
    const paragraphs = Array.from({ length: 300 }, () => Array.from({ length: 80 }, () => words[Math.floor(random() * words.length)]!).join(' '));
    const oldText = paragraphs.join('\n\n');
    const chars = [...`An inserted paragraph.\n\n${oldText}`];
    for (let i = 0; i < 40; i += 1) chars[Math.floor(random() * chars.length)] = 'Z';
    const newText = chars.join('');
    const changes = roundTrip(oldText, newText);
    const replaced = changes.reduce((sum, change) => sum + change.to - change.from, 0);
    expect(replaced).toBeLessThan(200); // not one giant replacement
  });

  it('round-trips one huge paragraph (sentence then word alignment) and wholesale rewrites', () => {
    const random = seededRandom(3);
    const sentence = () => `${Array.from({ length: 12 }, () => ['alpha', 'beta', 'gamma', 'delta', 'epsilon'][Math.floor(random() * 5)]).join(' ')}.`;
    const oldText = Array.from({ length: 3000 }, sentence).join(' ');
    roundTrip(oldText, oldText.replace(/gamma/g, 'GAMMA'));
    roundTrip(oldText, `Intro. ${oldText.slice(0, 20_000)}x${oldText.slice(20_001)}`);
    roundTrip(oldText, oldText.split(' ').reverse().join(' '));
  });

  it('rejects bad input with a TypeError', () => {
    expect(() => diffText(1 as unknown as string, 'a')).toThrow(TypeError);
    expect(() => diffText('a', null as unknown as string)).toThrow(/newText must be a string/);
    expect(() => applyTextChanges(3 as unknown as string, [])).toThrow(TypeError);
    expect(() => applyTextChanges('abc', 'x' as unknown as TextChange[])).toThrow(/changes must be an array/);
    expect(() => applyTextChanges('abc', [{ from: 2, to: 1, insert: '' }])).toThrow(/starts after it ends/);
    expect(() => applyTextChanges('abc', [{ from: 0, to: 4, insert: '' }])).toThrow(/beyond the end/);
    expect(() => applyTextChanges('abc', [{ from: 1, to: 2, insert: '' }, { from: 0, to: 1, insert: '' }])).toThrow(/ascending/);
    expect(() => applyTextChanges('abc', [{ from: 0.5, to: 1, insert: '' }])).toThrow(/non-negative integer/);
    expect(() => applyTextChanges('abc', [{ from: 0, to: 1, insert: 5 } as unknown as TextChange])).toThrow(/insert must be a string/);
    expect(() => applyTextChanges('abc', [null as unknown as TextChange])).toThrow(/must be an object/);
    expect(() => mapOffset([], -1, 1)).toThrow(TypeError);
    expect(() => mapOffset([], 1, 0 as unknown as 1)).toThrow(/assoc/);
    expect(() => mapOffset([{ from: 3, to: 1, insert: '' }], 1, 1)).toThrow(TypeError);
    expect(() => touchesChange([], 2, 1)).toThrow(/after/);
    expect(() => touchesChange([], Number.NaN, 1)).toThrow(TypeError);
  });
});

describe('mapOffset', () => {
  // "hello world" → "hello big world!": insertion at 6, insertion at 11 (end).
  const insertions: TextChange[] = [
    { from: 6, to: 6, insert: 'big ' },
    { from: 11, to: 11, insert: '!' },
  ];
  // "abcdefgh" → "abXYZfgh": c..e (2..5) replaced.
  const replacement: TextChange[] = [{ from: 2, to: 5, insert: 'XYZ' }];

  it('shifts offsets after a change and leaves earlier ones', () => {
    expect(mapOffset(insertions, 0, 1)).toBe(0);
    expect(mapOffset(insertions, 5, 1)).toBe(5);
    expect(mapOffset(insertions, 7, -1)).toBe(11);
    expect(mapOffset(insertions, 20, 1)).toBe(25);
    expect(mapOffset([], 9, -1)).toBe(9);
  });

  it('uses assoc on an insertion point', () => {
    expect(mapOffset(insertions, 6, -1)).toBe(6);
    expect(mapOffset(insertions, 6, 1)).toBe(10);
    expect(mapOffset(insertions, 11, -1)).toBe(15);
    expect(mapOffset(insertions, 11, 1)).toBe(16);
  });

  it('keeps the edges of a replaced stretch with their unchanged neighbours, and uses assoc inside it', () => {
    expect(mapOffset(replacement, 2, 1)).toBe(2);
    expect(mapOffset(replacement, 2, -1)).toBe(2);
    expect(mapOffset(replacement, 5, -1)).toBe(5);
    expect(mapOffset(replacement, 5, 1)).toBe(5);
    expect(mapOffset(replacement, 3, -1)).toBe(2);
    expect(mapOffset(replacement, 3, 1)).toBe(5);
    expect(mapOffset(replacement, 6, 1)).toBe(6);
    const deletion: TextChange[] = [{ from: 2, to: 5, insert: '' }];
    expect(mapOffset(deletion, 4, 1)).toBe(2);
    expect(mapOffset(deletion, 7, 1)).toBe(4);
  });

  it('maps every unchanged character of a random diff onto the same character', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 100; round += 1) {
      const oldText = Array.from({ length: 60 }, () => 'abcde😀 '[Math.floor(random() * 8)]).join('');
      const chars = [...oldText];
      for (let i = 0; i < 3; i += 1) chars.splice(Math.floor(random() * chars.length), Math.floor(random() * 3), 'Q');
      const newText = chars.join('');
      const changes = diffText(oldText, newText);
      for (let at = 0; at < oldText.length; at += 1) {
        if (touchesChange(changes, at, at + 1)) continue;
        const mapped = mapOffset(changes, at, 1);
        expect(newText[mapped]).toBe(oldText[at]);
        expect(mapOffset(changes, at + 1, -1)).toBe(mapped + 1);
      }
    }
  });
});

describe('touchesChange', () => {
  const changes: TextChange[] = [
    { from: 5, to: 5, insert: 'x' },
    { from: 10, to: 12, insert: '' },
  ];
  it.each([
    [0, 4, false],
    [0, 5, true], // ends where text is inserted
    [5, 8, true], // starts where text is inserted
    [6, 9, false],
    [6, 10, true], // touches the deletion
    [11, 11, true],
    [12, 20, true],
    [13, 20, false],
  ])('old[%i, %i) → %s', (from, to, expected) => {
    expect(touchesChange(changes, from, to)).toBe(expected);
  });
  it('is false without changes', () => {
    expect(touchesChange([], 0, 100)).toBe(false);
  });
});
