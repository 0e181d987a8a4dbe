import { describe, expect, it } from 'vitest';
import { maskMarkdown } from './markdown';
import { scoreSentences } from './score';

describe('maskMarkdown', () => {
  it.each([
    ['heading', '# Budget approved', '  Budget approved'],
    ['emphasis', 'It is **very** _big_.', 'It is   very    big .'],
    ['link keeps its label', 'See [the report](http://x.example/r).', 'See  the report                     .'],
    ['image keeps its alt text', '![A chart](c.png) here', `  A chart${' '.repeat(9)}here`],
    ['inline code', 'Run `npm test` now.', 'Run  npm test  now.'],
    ['list item', '- 5 beds were added', '  5 beds were added'],
    ['numbered item', '12. Item', '    Item'],
    ['block quote', '> He said so.', '  He said so.'],
    ['HTML tag', 'A <b>bold</b> move.', 'A    bold     move.'],
    ['snake_case stays', 'The my_var value.', 'The my_var value.'],
  ])('%s', (_name, source, masked) => {
    const result = maskMarkdown(source);
    expect(result.text).toBe(masked);
    expect(result.text.length).toBe(source.length);
  });

  it('blanks fenced code and keeps the line breaks', () => {
    const source = 'Before.\n```\nconst x = 1.5;\n```\nAfter.';
    const { text } = maskMarkdown(source);
    expect(text.length).toBe(source.length);
    expect(text.split('\n')).toEqual(['Before.', '   ', '              ', '   ', 'After.']);
  });

  it('list items are sentences of their own; offsets point into the Markdown source (spans end before trailing syntax)', () => {
    const source = '## Figures\n\n- The budget is **$412 million**\n- Taxes rose 9 percent\n';
    const masked = maskMarkdown(source);
    const result = scoreSentences(masked.text, { newlines: 'paragraph', breaks: masked.breaks });
    expect(result.sentences.map((s) => source.slice(s.start, s.end))).toEqual(['Figures', 'The budget is **$412 million', 'Taxes rose 9 percent']);
    const money = result.sentences[1]?.reasons.find((r) => r.cue === 'money');
    expect(money && source.slice(money.start, money.end)).toBe('$412 million');
  });
});
