import { beforeEach, describe, expect, it } from 'vitest';
import { createComment } from './comments';
import { listMentions, markClaimMentionsRead } from './mentions';
import { serializeMention } from '@/lib/review/mention-tokens';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const at = (userId: string, label: string) => serializeMention({ userId, label });

describe('markClaimMentionsRead (opening a discussion reads its mentions)', () => {
  it('marks only my unread mentions in that claim, and only once', async () => {
    const [first, second] = [f.claims[0]!.id, f.claims[1]!.id];
    await createComment(f.db, { claimId: first, body: `${at(f.u.kofi, 'Kofi')} one`, actorId: f.u.ana });
    await createComment(f.db, { claimId: first, body: `${at(f.u.kofi, 'Kofi')} ${at(f.u.tom, 'Tom')} two`, actorId: f.u.ana });
    await createComment(f.db, { claimId: second, body: `${at(f.u.kofi, 'Kofi')} elsewhere`, actorId: f.u.ana });

    expect(await markClaimMentionsRead(f.db, f.u.kofi, first)).toBe(2);
    const unread = await listMentions(f.db, f.u.kofi, { unreadOnly: true });
    expect(unread.map((m) => m.claimId)).toEqual([second]);
    // Tom's mention in the same discussion stays unread: opening it was Kofi's doing.
    expect(await listMentions(f.db, f.u.tom, { unreadOnly: true })).toHaveLength(1);
    // Already read: nothing changes (and the read time is kept).
    const readAt = (await listMentions(f.db, f.u.kofi)).find((m) => m.claimId === first)!.readAt;
    expect(await markClaimMentionsRead(f.db, f.u.kofi, first)).toBe(0);
    expect((await listMentions(f.db, f.u.kofi)).find((m) => m.claimId === first)!.readAt).toBe(readAt);
  });

  it('changes nothing for a claim without my mentions or an unknown claim', async () => {
    await createComment(f.db, { claimId: f.claims[0]!.id, body: `${at(f.u.kofi, 'Kofi')} one`, actorId: f.u.ana });
    expect(await markClaimMentionsRead(f.db, f.u.kofi, f.claims[1]!.id)).toBe(0);
    expect(await markClaimMentionsRead(f.db, f.u.kofi, crypto.randomUUID())).toBe(0);
    expect(await markClaimMentionsRead(f.db, f.u.ana, f.claims[0]!.id)).toBe(0);
    expect(await listMentions(f.db, f.u.kofi, { unreadOnly: true })).toHaveLength(1);
  });
});
