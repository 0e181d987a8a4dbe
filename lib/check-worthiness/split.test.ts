import { describe, expect, it } from 'vitest';
import { splitSentences, type SplitOptions } from './split';

const texts = (text: string, options?: SplitOptions): string[] => splitSentences(text, options).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['empty', '', []],
    ['whitespace only', '  \n\t ', []],
    ['two plain sentences', 'One fact. Another fact.', ['One fact.', 'Another fact.']],
    ['titles', 'Mr. Smith met Dr. Jones. They talked.', ['Mr. Smith met Dr. Jones.', 'They talked.']],
    ['initialism mid-sentence', 'The U.S. Army left. It was over.', ['The U.S. Army left.', 'It was over.']],
    ['initialism at the end before a starter', 'It was made in the U.S. The price rose.', ['It was made in the U.S.', 'The price rose.']],
    ['hyphenated initialism', 'U.S.-backed groups won. Then peace.', ['U.S.-backed groups won.', 'Then peace.']],
    ['decimals and money', 'It rose 3.5 percent to $1.12 billion. Done.', ['It rose 3.5 percent to $1.12 billion.', 'Done.']],
    ['abbreviated month', 'It opened on Jan. 5 in Paris. Crowds came.', ['It opened on Jan. 5 in Paris.', 'Crowds came.']],
    ['question and exclamation', 'Is it true? Yes! It is.', ['Is it true?', 'Yes!', 'It is.']],
    ['quoted question with lower-case tag', '"Is it true?" he asked. She nodded.', ['"Is it true?" he asked.', 'She nodded.']],
    ['closing curly quote after the stop', 'He said, “It fell by a third.” Others disagreed.', ['He said, “It fell by a third.”', 'Others disagreed.']],
    ['guillemets', '«Nous partons.» Ils sont partis.', ['«Nous partons.»', 'Ils sont partis.']],
    ['ellipsis mid-sentence', 'Well... it depends. Fine.', ['Well... it depends.', 'Fine.']],
    ['URL and e-mail stay whole', 'See example.com/a.b for details. Write to a.b@c.example now.', ['See example.com/a.b for details.', 'Write to a.b@c.example now.']],
    ['headline lines (plain text)', 'Budget approved\n\nThe council voted.', ['Budget approved', 'The council voted.']],
    ['single newline ends a line in plain text', 'Caption line\nBody sentence.', ['Caption line', 'Body sentence.']],
    ['single newline is a space in paragraph mode', 'A wrapped\nsentence here.\n\nNext one.', ['A wrapped\nsentence here.', 'Next one.'], { newlines: 'paragraph' } as SplitOptions],
    ['Persian question mark and full stop', 'آیا این درست است؟ بله درست است. تمام.', ['آیا این درست است؟', 'بله درست است.', 'تمام.']],
    ['Arabic full stop ۔ and question mark ؟', 'قال الوزير ذلك۔ هل هذا صحيح؟ نعم', ['قال الوزير ذلك۔', 'هل هذا صحيح؟', 'نعم']],
    ['Persian quotes', 'او گفت «این بحرانی است.» سپس رفت.', ['او گفت «این بحرانی است.»', 'سپس رفت.']],
    ['Persian digits with decimal mark', 'نرخ ۳٫۵ درصد بود. پایان.', ['نرخ ۳٫۵ درصد بود.', 'پایان.']],
  ] as [string, string, string[], SplitOptions?][])('%s', (_name, text, expected, options) => {
    expect(texts(text, options)).toEqual(expected);
  });

  it('forced breaks start a new sentence', () => {
    const text = 'Item one has 5 beds Item two has 6';
    expect(texts(text, { breaks: [20] })).toEqual(['Item one has 5 beds', 'Item two has 6']);
  });

  it('never loses or duplicates a character: spans + whitespace rebuild the text', () => {
    const text = 'Mr. A said “x.” B? C!\n\n D… e. ۱۲٫۵ درصد؟ «نقل» U.S. The end. ' + 'long '.repeat(500) + 'tail';
    const spans = splitSentences(text, { maxSentenceChars: 300 });
    let rebuilt = '';
    let at = 0;
    for (const s of spans) {
      expect(text.slice(at, s.start).trim()).toBe('');
      expect(s.end).toBeGreaterThan(s.start);
      rebuilt += text.slice(at, s.end);
      at = s.end;
    }
    rebuilt += text.slice(at);
    expect(rebuilt).toBe(text);
    expect(spans.some((s) => s.chunked)).toBe(true);
  });

  it('cuts a run with no sentence end into bounded pieces, never inside a surrogate pair', () => {
    const words = 'word '.repeat(40_000);
    const spans = splitSentences(words);
    expect(spans.length).toBeGreaterThan(150);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(1000);
    const emoji = '😀'.repeat(1500); // no whitespace at all
    for (const s of splitSentences(emoji, { maxSentenceChars: 101 })) {
      expect(s.start % 2).toBe(0);
      expect(s.end % 2).toBe(0);
    }
  });
});
