import { describe, expect, it } from 'vitest';
import { extractMentions, type MentionableMember } from './mentions';

const MEMBERS: MentionableMember[] = [
  { id: 'ana', name: 'Ana Souza', email: 'ana@claimdesk.demo' },
  { id: 'ana2', name: 'Ana', email: 'a.lima@claimdesk.demo' },
  { id: 'tom', name: 'Tom Becker', email: 'tom@claimdesk.demo' },
  { id: 'kofi', name: 'Kofi Mensah', email: 'k.mensah@claimdesk.demo' },
  { id: 'leila', name: 'Leïla Ñúñez', email: 'leila@claimdesk.demo' },
];

describe('extractMentions', () => {
  it('finds a full name with spaces, case-insensitively', () => {
    expect(extractMentions('Thanks @kofi mensah, agreed.', MEMBERS)).toEqual(['kofi']);
  });
  it('prefers the longest match at the same @', () => {
    expect(extractMentions('@Ana Souza can you check?', MEMBERS)).toEqual(['ana']);
    expect(extractMentions('@Ana can you check?', MEMBERS)).toEqual(['ana2']);
  });
  it('matches the email local part', () => {
    expect(extractMentions('cc @tom and @k.mensah', MEMBERS)).toEqual(['tom', 'kofi']);
  });
  it('accepts any whitespace between name parts and punctuation after', () => {
    expect(extractMentions('(@Tom\nBecker): see above; @Ana Souza.', MEMBERS)).toEqual(['tom', 'ana']);
  });
  it('ignores @ inside email addresses in the text', () => {
    expect(extractMentions('Write to tom@claimdesk.demo or ana@claimdesk.demo', MEMBERS)).toEqual([]);
  });
  it('accepts a full email after @', () => {
    expect(extractMentions('@k.mensah@claimdesk.demo please look', MEMBERS)).toEqual(['kofi']);
  });
  it('does not match a prefix of a longer word', () => {
    expect(extractMentions('@tomas and @Anabel', MEMBERS)).toEqual([]);
  });
  it('handles non-ASCII names', () => {
    expect(extractMentions('@leïla ñúñez ok', MEMBERS)).toEqual(['leila']);
  });
  it('returns each member once, in order of first mention', () => {
    expect(extractMentions('@tom @Ana Souza @TOM @tom becker', MEMBERS)).toEqual(['tom', 'ana']);
  });
  it('returns nothing when there is no mention or no member', () => {
    expect(extractMentions('no mentions here @', MEMBERS)).toEqual([]);
    expect(extractMentions('@tom', [])).toEqual([]);
  });
  it('skips members with empty names', () => {
    expect(extractMentions('@ hello', [{ id: 'x', name: '', email: 'noat' }])).toEqual([]);
  });
  it('treats regex characters in names literally', () => {
    expect(extractMentions('@J.(R) Smith', [{ id: 'j', name: 'J.(R) Smith', email: 'j@x.y' }])).toEqual(['j']);
  });
  it('rejects bad input with clear messages', () => {
    expect(() => extractMentions(42 as unknown as string, MEMBERS)).toThrow('The comment body must be a string.');
    expect(() => extractMentions('@a', null as unknown as MentionableMember[])).toThrow(/Members must be an array/);
    expect(() => extractMentions('@a', [{ id: '', name: 'a', email: 'a@b' }])).toThrow('Member 0 needs a non-empty string id.');
    expect(() => extractMentions('@a', [{ id: 'a', name: 3, email: 'a@b' } as unknown as MentionableMember])).toThrow(/string name and email/);
  });
});
