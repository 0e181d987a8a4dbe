import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/editor/article-schema';
import { containerDirectionDecorations } from './container-direction';
import { linkHint, linkHintDecorations } from './link-hints';

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const li = (text: string): JSONContent => ({ type: 'listItem', content: [p(t(text))] });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: null, class: null, title: null } });
const docOf = (...content: JSONContent[]) => articleSchema().nodeFromJSON({ type: 'doc', content });

describe('link hints', () => {
  it('puts the target on every run of linked text, one run per link even across marks', () => {
    const doc = docOf(p(t('See '), t('the ', [link('https://example.org/a')]), t('report', [link('https://example.org/a'), { type: 'bold' }]), t(' and '), t('more', [link('mailto:desk@example.org')])));
    const found = linkHintDecorations(doc).find();
    expect(found.map((d) => [doc.textBetween(d.from, d.to), (d as unknown as { type: { attrs: { title: string } } }).type.attrs.title])).toEqual([
      ['the report', linkHint('https://example.org/a')],
      ['more', linkHint('mailto:desk@example.org')],
    ]);
    expect(linkHint('https://example.org/a')).toMatch(/^https:\/\/example\.org\/a\n.*new tab/);
  });

  it('has nothing to show for a document without links', () => {
    expect(linkHintDecorations(docOf(p(t('No links here.')))).find()).toEqual([]);
  });
});

describe('container direction', () => {
  it('gives lists and quotes the direction of their first words', () => {
    const doc = docOf(
      { type: 'bulletList', content: [li('مورد اول'), li('second')] },
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [li('first'), li('دوم')] },
      { type: 'blockquote', content: [p(t('«שלום» he said'))] },
      { type: 'blockquote', content: [p(t('2024 — ...'))] },
    );
    const dirs = containerDirectionDecorations(doc)
      .find()
      .map((d) => [doc.nodeAt(d.from)!.type.name, (d as unknown as { type: { attrs: { dir: string } } }).type.attrs.dir]);
    // The last quote has no letters: no decoration, its dir="auto" stays.
    expect(dirs).toEqual([
      ['bulletList', 'rtl'],
      ['orderedList', 'ltr'],
      ['blockquote', 'rtl'],
    ]);
  });

  it('reaches nested lists', () => {
    const doc = docOf({ type: 'bulletList', content: [{ type: 'listItem', content: [p(t('outer')), { type: 'bulletList', content: [li('درونی')] }] }] });
    const dirs = containerDirectionDecorations(doc)
      .find()
      .map((d) => (d as unknown as { type: { attrs: { dir: string } } }).type.attrs.dir);
    expect(dirs).toEqual(['ltr', 'rtl']);
  });
});
