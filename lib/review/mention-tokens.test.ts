import { describe, expect, it } from 'vitest';
import { commentPlainText, displaySegments, editableCommentBody, mentionedUserIds, mentionsOutside, parseCommentBody, serializeCommentBody, serializeMention } from './mention-tokens';

const ANA = '11111111-1111-4111-8111-111111111111';
const TOM = '22222222-2222-4222-8222-222222222222';
const OMAR = '33333333-3333-4333-8333-333333333333';

describe('serializeMention / parseCommentBody', () => {
  it('round-trips names with spaces, brackets, backslashes and regex characters', () => {
    for (const label of ['Ana Souza', 'J.(R) Smith*', 'a]b', 'back\\slash', '[x](y)', 'Leïla Ñúñez', '$1 ^.*+?']) {
      const body = `Hi ${serializeMention({ userId: ANA, label })}, see above.`;
      expect(parseCommentBody(body)).toEqual([
        { kind: 'text', text: 'Hi ' },
        { kind: 'mention', userId: ANA, label },
        { kind: 'text', text: ', see above.' },
      ]);
    }
  });
  it('escapes only \\ and ] in the label and lower-cases the id', () => {
    expect(serializeMention({ userId: ANA.toUpperCase(), label: 'a]b\\c' })).toBe(`@[a\\]b\\\\c](${ANA})`);
  });
  it('folds line breaks in a label to spaces', () => {
    expect(serializeMention({ userId: ANA, label: ' Ana\nSouza ' })).toBe(`@[Ana Souza](${ANA})`);
  });
  it('refuses an id that is not a user id', () => {
    expect(() => serializeMention({ userId: 'ana', label: 'Ana' })).toThrow(TypeError);
    expect(() => serializeMention({ userId: `${ANA})`, label: 'Ana' })).toThrow(TypeError);
  });
  it('leaves look-alikes as text: no id, a bad id, an unescaped bracket, a line break', () => {
    for (const body of ['@[Ana](ana)', `@[Ana](${ANA.slice(1)})`, `@[a]b](${ANA})x`, `@[Ana\nSouza](${ANA})`, `@Ana Souza`, `[Ana](${ANA})`]) {
      expect(parseCommentBody(body).filter((s) => s.kind === 'mention')).toEqual([]);
    }
  });
  it('serializes segments back to the same body', () => {
    const body = `@[Ana](${ANA}) and @[Tom Becker](${TOM}): check @[Ana](${ANA})\nplease`;
    expect(serializeCommentBody(parseCommentBody(body))).toBe(body);
  });
  it('reads an empty body as no segments', () => {
    expect(parseCommentBody('')).toEqual([]);
  });
});

describe('mentionedUserIds', () => {
  it('returns each person once, in order of first mention (duplicates collapse)', () => {
    expect(mentionedUserIds(`@[Tom](${TOM}) @[Ana](${ANA}) @[Tom again](${TOM.toUpperCase()})`)).toEqual([TOM, ANA]);
  });
  it('ignores plain @names: only tokens mention anyone', () => {
    expect(mentionedUserIds('@Ana Souza and @tom')).toEqual([]);
  });
});

describe('mentionsOutside', () => {
  const members = new Set([ANA, TOM]);
  it('is empty when everyone mentioned is a member', () => {
    expect(mentionsOutside(`@[Ana](${ANA}) @[Tom](${TOM})`, members)).toEqual([]);
  });
  it('names unknown ids and people of another workspace, once each', () => {
    expect(mentionsOutside(`@[Omar](${OMAR}) @[Ana](${ANA}) @[O.](${OMAR})`, members)).toEqual([{ userId: OMAR, label: 'Omar' }]);
  });
});

describe('commentPlainText', () => {
  it('turns tokens into @label and leaves other text alone', () => {
    expect(commentPlainText(`cc @[Ana Souza](${ANA}) — [x](y) @tom`)).toBe('cc @Ana Souza — [x](y) @tom');
  });
});

describe('displaySegments', () => {
  it('uses the tokens when the body has them', () => {
    expect(displaySegments(`hi @[Ana](${ANA})`, [{ userId: ANA, label: 'Ana Souza' }])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', userId: ANA, label: 'Ana' },
    ]);
  });
  it('emphasises stored mentions by name in a body written before tokens, longest name first', () => {
    const mentions = [
      { userId: TOM, label: 'Tom' },
      { userId: ANA, label: 'J.(R) Smith' },
    ];
    expect(displaySegments('@J.(R) Smith and @Tom, @Tomas', mentions)).toEqual([
      { kind: 'mention', userId: ANA, label: 'J.(R) Smith' },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', userId: TOM, label: 'Tom' },
      { kind: 'text', text: ', ' },
      { kind: 'mention', userId: TOM, label: 'Tom' },
      { kind: 'text', text: 'as' },
    ]);
  });
  it('shows a body without tokens or stored mentions as text', () => {
    expect(displaySegments('@Ana hi', [])).toEqual([{ kind: 'text', text: '@Ana hi' }]);
  });
});

describe('editableCommentBody', () => {
  it('turns a pre-token body’s stored mentions into tokens and leaves a token body as it is', () => {
    expect(editableCommentBody('@Ana Souza look', [{ userId: ANA, label: 'Ana Souza' }])).toBe(`@[Ana Souza](${ANA}) look`);
    const body = `@[Ana](${ANA}) look`;
    expect(editableCommentBody(body, [{ userId: ANA, label: 'Ana Souza' }])).toBe(body);
  });
});
