import { describe, expect, it } from 'vitest';
import { bodyToCommentDoc, commentDocToBody } from './comment-doc';

const ANA = '11111111-1111-4111-8111-111111111111';

describe('comment body ↔ composer document', () => {
  it('round-trips text, lines, blank lines and mentions', () => {
    for (const body of ['', 'plain', `Hi @[Ana Souza](${ANA}), see\n\nline 3 @[a\\]b](${ANA})`]) {
      expect(commentDocToBody(bodyToCommentDoc(body))).toBe(body);
    }
  });
  it('turns tokens into mention nodes', () => {
    expect(bodyToCommentDoc(`cc @[Ana](${ANA})`)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cc ' }, { type: 'mention', attrs: { id: ANA, label: 'Ana' } }] }],
    });
  });
  it('writes hard breaks as new lines and drops a mention node without an id', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'mention', attrs: { id: null, label: 'x' } }, { type: 'text', text: 'b' }] }] };
    expect(commentDocToBody(doc)).toBe('a\nb');
  });
  it('refuses a mention node whose id is not a user id', () => {
    expect(() => commentDocToBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'ana', label: 'Ana' } }] }] })).toThrow(TypeError);
  });
});
