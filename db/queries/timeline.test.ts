import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles, historyEntries } from '../schema';
import { transaction } from '../transaction';
import { assign } from './assignments';
import { updateClaim } from './claims';
import { createComment, deleteComment, updateComment } from './comments';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { addSource } from './sources';
import { claimTimeline } from './timeline';
import { upsertMyVerdict } from './verdicts';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const turnOnBlindReview = () =>
  transaction(f.db, async (tx) => {
    await tx.update(articles).set({ blindReview: true }).where(eq(articles.id, f.article.id));
  });

describe('claimTimeline', () => {
  it('tells the story of a claim, newest first, with actor names and sentences', async () => {
    const claim = f.claims.find((c) => c.verdictId !== null && c.sources.length > 0)!;
    const labelOf = (key: string) => ({ true: 'True', false: 'False' })[key]!;
    await updateClaim(f.db, claim.id, { version: claim.version, verdictId: f.level('true') }, f.u.tom);
    await addSource(f.db, claim.id, { url: 'https://example.org/report', title: 'The report', publisher: '', excerpt: '', accessedOn: null }, f.u.ana);
    const { comment } = await createComment(f.db, { claimId: claim.id, body: 'Checked with @kofi', actorId: f.u.ana });
    await updateComment(f.db, comment.id, { body: 'Checked with @kofi twice', version: 1 }, f.u.ana);
    await upsertMyVerdict(f.db, { claimId: claim.id, userId: f.u.kofi, verdictId: f.level('false'), reason: 'No' });
    await assign(f.db, { articleId: f.article.id, claimId: claim.id, assigneeId: f.u.kofi, actorId: f.u.tom });

    const entries = await claimTimeline(f.db, claim.id, { userId: f.u.tom, role: 'editor' });
    const summaries = entries.map((e) => e.summary);
    expect(summaries.slice(0, 6)).toEqual([
      'Tom Becker assigned the claim to Kofi Mensah',
      `Kofi Mensah gave their verdict: ${labelOf('false')}`,
      'Ana Souza edited a comment',
      'Ana Souza commented “Checked with @kofi”',
      'Ana Souza added the source “The report”',
      expect.stringMatching(/^Tom Becker changed the verdict from .+ to True$/),
    ]);
    expect(summaries.at(-1)).toMatch(/created the claim/);
    const verdictChange = entries[5]!;
    expect(verdictChange).toMatchObject({ entityType: 'claim', action: 'update', actorId: f.u.tom, actorName: 'Tom Becker', redacted: false });
    expect(verdictChange.changes).toEqual([{ field: 'verdictId', before: claim.verdictId, after: f.level('true') }]);
    expect(entries[2]!.changes).toEqual([{ field: 'body', before: 'Checked with @kofi', after: 'Checked with @kofi twice' }]);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('keeps other reviewers’ verdicts out of a blind reviewer’s timeline until they vote', async () => {
    await turnOnBlindReview();
    const claimId = f.claims[0]!.id;
    await upsertMyVerdict(f.db, { claimId, userId: f.u.kofi, verdictId: f.level('false'), reason: 'secret reasoning' });
    const hidden = (await claimTimeline(f.db, claimId, { userId: f.u.ana, role: 'reviewer' }))[0]!;
    expect(hidden).toMatchObject({ entityType: 'verdict', redacted: true, before: null, after: null, changes: [], summary: 'Kofi Mensah recorded a verdict (hidden until you give yours)' });
    expect(JSON.stringify(await claimTimeline(f.db, claimId, { userId: f.u.ana, role: 'reviewer' }))).not.toContain('secret reasoning');
    // Editors see it; so does Ana once she has voted.
    expect((await claimTimeline(f.db, claimId, { userId: f.u.tom, role: 'editor' }))[0]!.redacted).toBe(false);
    await upsertMyVerdict(f.db, { claimId, userId: f.u.ana, verdictId: f.level('true'), reason: '' });
    const afterVoting = await claimTimeline(f.db, claimId, { userId: f.u.ana, role: 'reviewer' });
    expect(afterVoting.filter((e) => e.entityType === 'verdict').map((e) => e.redacted)).toEqual([false, false]);
  });

  it('under blind review strips rationale and status changes from claim entries until the reviewer votes', async () => {
    const claim = f.claims.find((c) => c.verdictId === null)!;
    await updateClaim(f.db, claim.id, { version: claim.version, status: 'in_review' }, f.u.tom);
    await updateClaim(f.db, claim.id, { version: claim.version + 1, rationale: 'The ministry says otherwise: FALSE.', status: 'resolved' }, f.u.tom);
    await updateClaim(f.db, claim.id, { version: claim.version + 2, claimant: 'The minister', rationale: 'Rewritten: still FALSE.' }, f.u.tom);
    await turnOnBlindReview();

    const ana = { userId: f.u.ana, role: 'reviewer' as const };
    const entries = (await claimTimeline(f.db, claim.id, ana)).filter((e) => e.entityType === 'claim');
    expect(entries.map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Tom Becker changed the claimant from “.+” to “The minister” \(other changes hidden until you give your verdict\)$/),
      'Tom Becker changed the claim (details hidden until you give your verdict)',
      'Tom Becker changed the claim (details hidden until you give your verdict)',
      // The seed's edit touched only the claimant: nothing to hide.
      expect.stringMatching(/^Kofi Mensah set the claimant to “/),
      expect.stringMatching(/created the claim “/),
    ]);
    expect(entries.map((e) => e.redacted)).toEqual([true, true, true, false, false]);
    expect(entries[0]!.changes).toEqual([{ field: 'claimant', before: expect.anything(), after: 'The minister' }]);
    const json = JSON.stringify(await claimTimeline(f.db, claim.id, ana));
    expect(json).not.toMatch(/FALSE|resolved|in_review|"rationale"|"status"/);

    // Editors see every change; so does Ana once she has voted.
    expect(JSON.stringify(await claimTimeline(f.db, claim.id, { userId: f.u.tom, role: 'editor' }))).toContain('still FALSE');
    await upsertMyVerdict(f.db, { claimId: claim.id, userId: f.u.ana, verdictId: f.level('false'), reason: '' });
    expect((await claimTimeline(f.db, claim.id, ana)).filter((e) => e.entityType === 'claim').every((e) => !e.redacted)).toBe(true);
  });

  it('a deleted comment shows as deleted, by whom and when, with its text gone from every entry', async () => {
    const claimId = f.claims[0]!.id;
    const { comment } = await createComment(f.db, { claimId, body: 'Private hunch about @kofi', actorId: f.u.ana });
    await updateComment(f.db, comment.id, { body: 'Private hunch, edited', version: 1 }, f.u.ana);
    // A history row written before deletions scrubbed history (older databases) is scrubbed on read.
    await transaction(f.db, async (tx) => {
      await tx.insert(historyEntries).values({ workspaceId: f.workspaceId, articleId: f.article.id, claimId, entityType: 'comment', entityId: comment.id, action: 'update', actorId: f.u.ana, before: { body: 'Legacy copy of the hunch' }, after: { body: 'Legacy copy, edited' } });
    });
    await deleteComment(f.db, comment.id, 2, f.u.ana);

    const entries = (await claimTimeline(f.db, claimId, { userId: f.u.tom, role: 'editor' })).filter((e) => e.entityType === 'comment');
    expect(entries.map((e) => e.summary)).toEqual(['Ana Souza deleted a comment', 'Ana Souza edited a comment', 'Ana Souza edited a comment', 'Ana Souza commented']);
    expect(entries[0]).toMatchObject({ action: 'delete', actorName: 'Ana Souza', at: expect.any(String) });
    expect(JSON.stringify(entries)).not.toMatch(/hunch|Legacy|kofi/i);
  });

  it('404s for an unknown claim', async () => {
    await expect(claimTimeline(f.db, crypto.randomUUID(), { userId: f.u.tom, role: 'editor' })).rejects.toThrow('Claim not found.');
  });
});
