import { describe, expect, it } from 'vitest';
import { countWords, docStats } from './doc-stats';

const text = (t: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const link = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: null, class: null, title: null } });

describe('countWords', () => {
  it('counts words in English, Persian (with ZWNJ) and mixed text', () => {
    expect(countWords('The council said the budget grew by 12 percent.')).toBe(9);
    expect(countWords('رئیس‌جمهور گفت تورم به ۱۰ درصد رسید')).toBe(7);
    expect(countWords("It's a well-known fact — isn't it?")).toBe(6);
  });

  it('counts nothing in empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  — … !!! \n\n ')).toBe(0);
  });
});

describe('docStats', () => {
  it('counts paragraphs in lists and quotes, headings, and each link once even when split by bold', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Budget')] },
        { type: 'paragraph', content: [text('See '), text('the ', [link('https://a.example/')]), text('report', [link('https://a.example/'), { type: 'bold' }]), text(' and '), text('this', [link('https://b.example/')])] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [text('two')] }] }] },
        { type: 'blockquote', content: [{ type: 'heading', attrs: { level: 3 }, content: [text('Quoted')] }, { type: 'paragraph' }] },
      ],
    };
    expect(docStats(doc, 'Budget\n\nSee the report and this\n\none\n\ntwo\n\nQuoted\n\n')).toEqual({ words: 9, paragraphs: 4, headings: 2, links: 2 });
  });

  it('answers zeros for an empty document', () => {
    expect(docStats({ type: 'doc', content: [{ type: 'paragraph' }] }, '')).toEqual({ words: 0, paragraphs: 1, headings: 0, links: 0 });
    expect(docStats({ type: 'doc' }, '')).toEqual({ words: 0, paragraphs: 0, headings: 0, links: 0 });
  });

  it('walks a deeply nested document without recursion limits', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [text('deep')] };
    for (let i = 0; i < 20_000; i += 1) node = { type: 'blockquote', content: [node] };
    expect(docStats({ type: 'doc', content: [node] }, 'deep')).toEqual({ words: 1, paragraphs: 1, headings: 0, links: 0 });
  });
});
