import type { JSONContent } from '@tiptap/core';
import { parseCommentBody, serializeMention } from './mention-tokens';

/**
 * A comment body (text with `@[Name](id)` mention tokens) ↔ the comment composer's Tiptap document:
 * one paragraph per line, each token a `mention` node with `id` and `label` attributes.
 */

export function bodyToCommentDoc(body: string): JSONContent {
  return {
    type: 'doc',
    content: body.split('\n').map((line) => {
      const content: JSONContent[] = parseCommentBody(line).map((s) => (s.kind === 'text' ? { type: 'text', text: s.text } : { type: 'mention', attrs: { id: s.userId, label: s.label } }));
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }),
  };
}

function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention') {
    const id: unknown = node.attrs?.id;
    const label: unknown = node.attrs?.label;
    // A mention node always carries a user id; one without is dropped rather than sent as text.
    return typeof id === 'string' ? serializeMention({ userId: id, label: typeof label === 'string' ? label : '' }) : '';
  }
  return (node.content ?? []).map(inlineText).join('');
}

export function commentDocToBody(doc: JSONContent): string {
  return (doc.content ?? []).map(inlineText).join('\n');
}
