import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { historyEntries, mentions } from '../schema';
import { createComment, deleteComment, getCommentScope, listComments, updateComment } from './comments';
import { serializeMention } from '@/lib/review/mention-tokens';
import { listMentions, markMentionsRead } from './mentions';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

/** A mention token for a fixture user, written with the name the composer would show. */
const at = (userId: string, label: string) => serializeMention({ userId, label });


describe('comments', () => {
  it('creates a comment with mention rows by id (each once, not for the author) and a history row', async () => {
    const claimId = f.claims[0]!.id;
    const body = `${at(f.u.kofi, 'Kofi Mensah')} and ${at(f.u.tom, 'Tom')}, please check. Also ${at(f.u.ana, 'Ana')} and ${at(f.u.kofi, 'Kofi')} again.`;
    const { comment, mentionedUserIds } = await createComment(f.db, { claimId, body: `  ${body}  `, actorId: f.u.ana });
    expect(comment).toMatchObject({ claimId, authorId: f.u.ana, authorName: 'Ana Souza', body, deleted: false, edited: false, version: 1 });
    expect(mentionedUserIds).toEqual([f.u.kofi, f.u.tom]);
    expect(comment.mentions.map((m) => m.name)).toEqual(['Kofi Mensah', 'Tom Becker']);
    expect(await f.db.select().from(mentions).where(eq(mentions.commentId, comment.id))).toHaveLength(2);
    const history = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, comment.id));
    expect(history).toMatchObject([{ entityType: 'comment', action: 'create', claimId, actorId: f.u.ana }]);
  });

  it('refuses mentions of people outside the workspace and unknown ids with a 422 naming them, writing nothing', async () => {
    const claimId = f.claims[0]!.id;
    const outsider = await catchAppError(() => createComment(f.db, { claimId, body: `${at(f.u.tom, 'Tom')} ${at(f.u.omar, 'Omar Haddad')}?`, actorId: f.u.ana }));
    expect(outsider).toMatchObject({ code: 'unprocessable', message: 'You can only mention members of this workspace; @Omar Haddad is not.' });
    const unknown = await catchAppError(() => createComment(f.db, { claimId, body: `${at(crypto.randomUUID(), 'Ghost')} ${at(crypto.randomUUID(), 'Nobody')}`, actorId: f.u.ana }));
    expect(unknown.message).toBe('You can only mention members of this workspace; @Ghost, @Nobody are not.');
    expect(await listComments(f.db, claimId)).toEqual([]);
    expect(await listMentions(f.db, f.u.tom)).toEqual([]);
  });

  it('does not read plain @names as mentions, and keeps names with spaces and regex characters by id', async () => {
    const claimId = f.claims[0]!.id;
    expect((await createComment(f.db, { claimId, body: '@Kofi Mensah and @tom', actorId: f.u.ana })).mentionedUserIds).toEqual([]);
    const { comment } = await createComment(f.db, { claimId, body: `${at(f.u.kofi, 'K. (Mensah)* [x]')} ok`, actorId: f.u.ana });
    expect(comment.mentions).toEqual([{ userId: f.u.kofi, name: 'Kofi Mensah' }]);
  });

  it('lists the thread oldest first, with deleted comments as placeholders', async () => {
    const claimId = f.claims[1]!.id;
    const a = (await createComment(f.db, { claimId, body: 'first', actorId: f.u.ana })).comment;
    await createComment(f.db, { claimId, body: `second ${at(f.u.ana, 'Ana')}`, actorId: f.u.kofi });
    await deleteComment(f.db, a.id, a.version, f.u.ana);
    const thread = await listComments(f.db, claimId);
    expect(thread.map((c) => [c.body, c.deleted])).toEqual([
      ['', true],
      [`second ${at(f.u.ana, 'Ana')}`, false],
    ]);
    expect(thread[1]!.mentions).toEqual([{ userId: f.u.ana, name: 'Ana Souza' }]);
    expect(await listComments(f.db, f.claims[2]!.id)).toEqual([]);
  });

  it('refuses an empty or overlong body', async () => {
    expect((await catchAppError(() => createComment(f.db, { claimId: f.claims[0]!.id, body: '   ', actorId: f.u.ana }))).code).toBe('unprocessable');
    expect((await catchAppError(() => createComment(f.db, { claimId: f.claims[0]!.id, body: 'x'.repeat(5001), actorId: f.u.ana }))).message).toMatch(/at most 5,000/);
    expect((await catchAppError(() => createComment(f.db, { claimId: crypto.randomUUID(), body: 'hi', actorId: f.u.ana }))).code).toBe('not_found');
  });

  it('edits only your own comment, syncing mentions and keeping read state', async () => {
    const { comment } = await createComment(f.db, { claimId: f.claims[0]!.id, body: `${at(f.u.tom, 'Tom')} ${at(f.u.kofi, 'Kofi')} look`, actorId: f.u.ana });
    await markMentionsRead(f.db, f.u.tom);
    expect(await catchAppError(() => updateComment(f.db, comment.id, { body: 'hijack', version: 1 }, f.u.kofi))).toMatchObject({ code: 'forbidden', message: 'You can only edit your own comments.' });
    const body = `${at(f.u.tom, 'Tom')} ${at(f.u.nadia, 'Nadia')} look again`;
    const { comment: edited, mentionedUserIds } = await updateComment(f.db, comment.id, { body, version: 1 }, f.u.ana);
    expect(edited).toMatchObject({ body, version: 2, edited: true });
    expect(mentionedUserIds).toEqual([f.u.nadia]);
    expect(edited.mentions.map((m) => m.name)).toEqual(['Nadia Rahimi', 'Tom Becker']);
    expect((await listMentions(f.db, f.u.tom))[0]!.readAt).not.toBeNull();
    expect(await listMentions(f.db, f.u.kofi)).toEqual([]);
  });

  it('refuses a stale edit with 409 and the current comment', async () => {
    const { comment } = await createComment(f.db, { claimId: f.claims[0]!.id, body: 'v1', actorId: f.u.ana });
    await updateComment(f.db, comment.id, { body: 'v2', version: 1 }, f.u.ana);
    const error = await catchAppError(() => updateComment(f.db, comment.id, { body: 'v2 from another tab', version: 1 }, f.u.ana));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ current: { id: comment.id, body: 'v2', version: 2 } });
  });

  it('an unchanged edit is a no-op (no new version)', async () => {
    const { comment } = await createComment(f.db, { claimId: f.claims[0]!.id, body: 'same', actorId: f.u.ana });
    expect((await updateComment(f.db, comment.id, { body: ' same ', version: 1 }, f.u.ana)).comment.version).toBe(1);
  });

  it('soft-deletes only your own comment, with a version check; history keeps the fact, not the text', async () => {
    const { comment } = await createComment(f.db, { claimId: f.claims[0]!.id, body: 'oops @tom', actorId: f.u.ana });
    await updateComment(f.db, comment.id, { body: 'oops @tom, really', version: 1 }, f.u.ana);
    expect((await catchAppError(() => deleteComment(f.db, comment.id, 1, f.u.tom))).code).toBe('forbidden');
    expect((await catchAppError(() => deleteComment(f.db, comment.id, 7, f.u.ana))).code).toBe('conflict');
    const deleted = await deleteComment(f.db, comment.id, 2, f.u.ana);
    expect(deleted).toMatchObject({ deleted: true, body: '', version: 3, mentions: [] });
    expect(await listMentions(f.db, f.u.tom)).toEqual([]);
    expect((await catchAppError(() => updateComment(f.db, comment.id, { body: 'x', version: 3 }, f.u.ana))).message).toBe('This comment was deleted.');
    // Ordered explicitly: PostgreSQL returns rows in no set order, and the scrub rewrites the older rows.
    const entries = await f.db.select().from(historyEntries).where(eq(historyEntries.entityId, comment.id)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
    // create, edit, delete: all three kept, by Ana, none with the words or who was mentioned.
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([['create', f.u.ana], ['update', f.u.ana], ['delete', f.u.ana]]);
    expect(entries.at(-1)).toMatchObject({ action: 'delete', before: { authorId: f.u.ana }, after: { deletedAt: expect.any(String) } });
    expect(JSON.stringify(entries)).not.toMatch(/oops|mentions/);
  });

  it('gives the scope needed to authorise a comment write', async () => {
    const { comment } = await createComment(f.db, { claimId: f.claims[0]!.id, body: 'hi', actorId: f.u.ana });
    expect(await getCommentScope(f.db, comment.id)).toMatchObject({ workspaceId: f.workspaceId, articleId: f.article.id, comment: { id: comment.id } });
    expect((await catchAppError(() => getCommentScope(f.db, crypto.randomUUID()))).code).toBe('not_found');
  });
});

describe('mentions', () => {
  it('lists my mentions newest first with context, and marks them read', async () => {
    await createComment(f.db, { claimId: f.claims[0]!.id, body: `${at(f.u.kofi, 'kofi')} one`, actorId: f.u.ana });
    const second = await createComment(f.db, { claimId: f.claims[1]!.id, body: `${at(f.u.kofi, 'kofi')} two`, actorId: f.u.tom });
    const list = await listMentions(f.db, f.u.kofi);
    expect(list).toHaveLength(2);
    expect(list.map((m) => m.excerpt).sort()).toEqual(['@kofi one', '@kofi two']);
    expect(list.find((m) => m.commentId === second.comment.id)).toMatchObject({ articleTitle: f.article.title, authorName: 'Tom Becker', claimId: f.claims[1]!.id, readAt: null });
    expect(await markMentionsRead(f.db, f.u.kofi, [list[0]!.id])).toBe(1);
    expect(await listMentions(f.db, f.u.kofi, { unreadOnly: true })).toHaveLength(1);
    expect(await markMentionsRead(f.db, f.u.kofi)).toBe(1);
    expect(await markMentionsRead(f.db, f.u.kofi, [])).toBe(0);
    expect(await listMentions(f.db, f.u.kofi, { unreadOnly: true })).toEqual([]);
  });

  it('cannot mark someone else’s mention read', async () => {
    await createComment(f.db, { claimId: f.claims[0]!.id, body: `${at(f.u.kofi, 'kofi')} one`, actorId: f.u.ana });
    const id = (await listMentions(f.db, f.u.kofi))[0]!.id;
    expect(await markMentionsRead(f.db, f.u.tom, [id])).toBe(0);
    expect(await listMentions(f.db, f.u.kofi, { unreadOnly: true })).toHaveLength(1);
  });
});
