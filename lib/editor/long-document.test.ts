import { describe, expect, it } from 'vitest';
import { LONG_DOCUMENT_BLOCKS, isLongDocument } from './long-document';

const paragraphs = (n: number) => ({ type: 'doc', content: Array.from({ length: n }, () => ({ type: 'paragraph', content: [{ type: 'text', text: 'x' }] })) });

describe('isLongDocument', () => {
  it('is false below the threshold and true from it on', () => {
    expect(isLongDocument(paragraphs(0))).toBe(false);
    expect(isLongDocument(paragraphs(LONG_DOCUMENT_BLOCKS - 1))).toBe(false);
    expect(isLongDocument(paragraphs(LONG_DOCUMENT_BLOCKS))).toBe(true);
    expect(isLongDocument(paragraphs(LONG_DOCUMENT_BLOCKS * 9))).toBe(true);
  });

  it('is false for anything that is not a document with a content array', () => {
    for (const bad of [null, undefined, 0, 'doc', [], {}, { type: 'doc' }, { content: 'x'.repeat(500) }, { content: { length: 500 } }]) expect(isLongDocument(bad)).toBe(false);
  });
});
