import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { createArticleSchema } from './articles';
import { importPreviewJsonSchema } from './imports';

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

describe('createArticleSchema with an imported document', () => {
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi.' }] }] };
  it('accepts a doc with its import format, or text alone', () => {
    expect(createArticleSchema.safeParse({ title: 'T', doc, importFormat: 'docx' }).success).toBe(true);
    expect(createArticleSchema.safeParse({ title: 'T', text: 'x' }).success).toBe(true);
    expect(createArticleSchema.safeParse({ title: 'T', text: 'x', importFormat: 'text' }).success).toBe(true);
  });
  it('refuses neither, both, a doc without its format, an unknown format, or text claiming another format', () => {
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T' }))).toBe('Paste or upload the article text.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: 'x', doc, importFormat: 'docx' }))).toBe('Send the article as text or as a document, not both.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', doc }))).toBe('Say which format the document was imported from.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', doc, importFormat: 'pdf' }))).toBe('Unknown import format.');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', text: 'x', importFormat: 'url' }))).toBe('Plain text is imported as "text".');
    expect(firstMessage(createArticleSchema.safeParse({ title: 'T', doc: { type: 'paragraph' }, importFormat: 'docx' }))).toBeDefined();
  });
});

describe('importPreviewJsonSchema', () => {
  const workspaceId = crypto.randomUUID();
  it('reads each kind of input', () => {
    expect(importPreviewJsonSchema.parse({ workspaceId, format: 'rich-text', html: '<h2>A</h2>', text: 'A' })).toEqual({ workspaceId, format: 'rich-text', html: '<h2>A</h2>', text: 'A' });
    expect(importPreviewJsonSchema.parse({ workspaceId, format: 'url', url: ' https://news.example/a ' })).toMatchObject({ url: 'https://news.example/a' });
  });
  it('refuses an unknown format, a missing field, a non-http URL and an oversized paste', () => {
    expect(firstMessage(importPreviewJsonSchema.safeParse({ workspaceId, format: 'pdf' }))).toBe('Choose how the article comes in: text, rich-text, markdown or url.');
    expect(firstMessage(importPreviewJsonSchema.safeParse({ workspaceId, format: 'text' }))).toBe('The text must be text.');
    expect(firstMessage(importPreviewJsonSchema.safeParse({ workspaceId, format: 'url', url: 'javascript:alert(1)' }))).toBe('Enter a full web address starting with http:// or https://.');
    expect(firstMessage(importPreviewJsonSchema.safeParse({ workspaceId, format: 'markdown', text: 'x'.repeat(MAX_IMPORT_BYTES + 1) }))).toMatch(/^The text is larger than 10 MB/);
    expect(firstMessage(importPreviewJsonSchema.safeParse({ format: 'text', text: 'x' }))).toBe('Choose the workspace the article goes to.');
  });
});
