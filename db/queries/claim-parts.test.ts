import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { articles, claims, historyEntries } from '../schema';
import { transaction } from '../transaction';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { plainTextToDocJson } from '@/lib/editor/doc-text';
import { MAX_CLAIM_PARTS } from '@/lib/claims/parts';
import { createArticle, updateArticleText } from './articles';
import { createClaim, getClaim, listClaims, setClaimParts, updateClaim } from './claims';
import { remapClaims } from '@/lib/editor/text-delta';
import { partsOfRow, toClaimRow } from '@/lib/editor/claim-rows';
import { createComment, listComments } from './comments';
import { addSource, updateSource } from './sources';

/**
 * Issue 12: PUT /api/claims/:id/anchor's query. Change words, re-attach an orphan and multi-part
 * claims keep the claim (id, number, verdict, sources, comments, history) and record the quote
 * old → new; stale versions and revisions, bad ranges and a locked article are refused.
 */

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said the figure ignores discouraged workers.\n\nExports doubled since 2019, the ministry claimed.';
const at = (quote: string, text = TEXT) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

let f: ReviewFixture;
let articleId: string;

beforeEach(async () => {
  f = await reviewFixture();
  articleId = (await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Parts', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: TEXT, createdBy: f.u.tom })).id;
});

const claimOn = async (quote: string) => createClaim(f.db, { articleId, revision: 1, ...at(quote), actorId: f.u.tom });
const quoteHistory = async (claimId: string) =>
  (await f.db.select().from(historyEntries).where(eq(historyEntries.claimId, claimId)).orderBy(asc(historyEntries.createdAt)))
    .filter((h) => h.action === 'update' && (h.after as Record<string, unknown> | null)?.quote !== undefined)
    .map((h) => [(h.before as { quote: string }).quote, (h.after as { quote: string }).quote]);

describe('setClaimParts: change words', () => {
  it('keeps the claim, its number, verdict, sources, comments and history, and records the quote old → new', async () => {
    const claim = await claimOn('unemployment fell');
    await addSource(f.db, claim.id, { url: 'https://stats.example', title: 'Survey', publisher: '', excerpt: '', accessedOn: null }, f.u.tom);
    await createComment(f.db, { claimId: claim.id, body: 'Check the survey.', actorId: f.u.ana });
    const decided = await updateClaim(f.db, claim.id, { version: claim.version, verdictId: f.level('false'), rationale: 'Because.' }, f.u.tom);
    const historyBefore = (await f.db.select().from(historyEntries).where(eq(historyEntries.claimId, claim.id))).length;

    const changed = await setClaimParts(f.db, claim.id, { version: decided.version, revision: 1, parts: [at('unemployment fell to 4 percent')] }, f.u.ana);
    expect(changed).toMatchObject({ id: claim.id, number: claim.number, verdictId: f.level('false'), rationale: 'Because.', version: decided.version + 1, anchorState: 'anchored', anchoredRevision: 1 });
    expect(changed.quote.exact).toBe('unemployment fell to 4 percent');
    expect(changed.quote.prefix).toBe('The minister said ');
    expect(changed.position).toEqual({ start: 18, end: 48 });
    expect(changed.parts).toEqual([{ quote: changed.quote, position: changed.position, anchorState: 'anchored' }]);
    expect(changed.originalQuote).toBe('unemployment fell');
    expect(changed.sources.map((s) => s.title)).toEqual(['Survey']);
    expect((await listComments(f.db, claim.id)).map((c) => c.body)).toEqual(['Check the survey.']);
    expect((await f.db.select().from(historyEntries).where(eq(historyEntries.claimId, claim.id))).length).toBe(historyBefore + 1);
    expect(await quoteHistory(claim.id)).toEqual([['unemployment fell', 'unemployment fell to 4 percent']]);
    // A single part is stored in the columns alone.
    expect((await f.db.select({ partsJson: claims.partsJson }).from(claims).where(eq(claims.id, claim.id)))[0]!.partsJson).toBeNull();
  });

  it('trims spaces around a part and leaves a claim alone (no new version) when nothing changes', async () => {
    const claim = await claimOn('unemployment fell');
    const { start, end } = at('unemployment fell');
    const same = await setClaimParts(f.db, claim.id, { version: claim.version, revision: 1, parts: [{ start: start - 1, end: end + 1 }] }, f.u.tom);
    expect(same.version).toBe(claim.version);
    expect(await quoteHistory(claim.id)).toEqual([]);
  });

  it('makes a multi-part claim: parts in text order, joined quote in history, parts_json stored', async () => {
    const claim = await claimOn('Exports doubled since 2019');
    const changed = await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('Exports doubled since 2019'), at('The minister said')] }, f.u.tom);
    expect(changed.parts.map((p) => p.quote.exact)).toEqual(['The minister said', 'Exports doubled since 2019']);
    expect(changed.parts.every((p) => p.anchorState === 'anchored')).toBe(true);
    expect(changed.quote).toEqual(changed.parts[0]!.quote);
    expect(changed.position).toEqual(changed.parts[0]!.position);
    expect(await quoteHistory(claim.id)).toEqual([['Exports doubled since 2019', 'The minister said … Exports doubled since 2019']]);
    // Back to one part: parts_json is cleared.
    const single = await setClaimParts(f.db, claim.id, { version: 2, revision: 1, parts: [at('Exports doubled')] }, f.u.tom);
    expect(single.parts).toHaveLength(1);
    expect((await f.db.select({ partsJson: claims.partsJson }).from(claims).where(eq(claims.id, claim.id)))[0]!.partsJson).toBeNull();
  });
});

describe('setClaimParts: re-attach an orphan', () => {
  it('puts an orphaned claim on the words that replaced its own, at the current revision', async () => {
    const claim = await claimOn('the figure ignores discouraged workers');
    const newText = TEXT.replace('the figure ignores discouraged workers', 'nobody asked the unemployed');
    const saved = await updateArticleText(f.db, articleId, plainTextToDocJson(newText), 1, f.u.tom);
    const orphan = await getClaim(f.db, claim.id);
    expect(orphan.anchorState).toBe('orphaned');

    const attached = await setClaimParts(f.db, claim.id, { version: orphan.version, revision: saved.article.revision, parts: [at('nobody asked the unemployed', newText)] }, f.u.ana);
    expect(attached).toMatchObject({ id: claim.id, anchorState: 'anchored', anchoredRevision: saved.article.revision, originalQuote: 'the figure ignores discouraged workers' });
    expect(attached.quote.exact).toBe('nobody asked the unemployed');
    expect(await quoteHistory(claim.id)).toEqual([['the figure ignores discouraged workers', 'nobody asked the unemployed']]);
  });
});

describe('setClaimParts: { keep } keeps a current part as it is', () => {
  /** A three-part claim whose second and third parts' words were deleted (both orphaned), at revision 2. */
  async function twoOrphans() {
    const claim = await claimOn('The minister said');
    await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('The minister said'), at('the figure ignores discouraged workers'), at('Exports doubled since 2019')] }, f.u.tom);
    const text2 = TEXT.replace('the figure ignores discouraged workers', 'nothing').replace('Exports doubled since 2019', 'Imports');
    await updateArticleText(f.db, articleId, plainTextToDocJson(text2), 1, f.u.tom);
    return { claim: await getClaim(f.db, claim.id), text2 };
  }

  it('re-attaches one orphaned part and keeps the other orphaned part and the anchored part as they are', async () => {
    const { claim, text2 } = await twoOrphans();
    expect(claim.parts.map((p) => p.anchorState)).toEqual(['anchored', 'orphaned', 'orphaned']);
    const saved = await setClaimParts(f.db, claim.id, { version: claim.version, revision: 2, parts: [{ keep: 0 }, at('nothing', text2), { keep: 2 }] }, f.u.tom);
    expect(saved.parts.map((p) => [p.quote.exact, p.anchorState])).toEqual([
      ['The minister said', 'anchored'],
      ['nothing', 'anchored'],
      ['Exports doubled since 2019', 'orphaned'],
    ]);
    expect(saved.parts[0]).toEqual(claim.parts[0]);
    expect(saved.parts[2]).toEqual(claim.parts[2]);
    expect(saved).toMatchObject({ anchorState: 'partial', version: claim.version + 1 });
    expect((await quoteHistory(claim.id)).at(-1)).toEqual([
      'The minister said … the figure ignores discouraged workers … Exports doubled since 2019',
      'The minister said … nothing … Exports doubled since 2019',
    ]);
  });

  it('adds a part in text order next to the kept ones; keeping every part changes nothing', async () => {
    const { claim, text2 } = await twoOrphans();
    const unchanged = await setClaimParts(f.db, claim.id, { version: claim.version, revision: 2, parts: [{ keep: 0 }, { keep: 1 }, { keep: 2 }] }, f.u.tom);
    expect(unchanged).toMatchObject({ version: claim.version, parts: claim.parts });
    // The new words come before the kept anchored part in the text: the found parts are put in text order.
    const added = await setClaimParts(f.db, claim.id, { version: claim.version, revision: 2, parts: [{ keep: 0 }, { keep: 1 }, { keep: 2 }, at('Critics', text2)] }, f.u.tom);
    expect(added.parts.map((p) => [p.quote.exact, p.anchorState])).toEqual([
      ['The minister said', 'anchored'],
      ['the figure ignores discouraged workers', 'orphaned'],
      ['Exports doubled since 2019', 'orphaned'],
      ['Critics', 'anchored'],
    ]);
    // Only kept parts: a part removed.
    const removed = await setClaimParts(f.db, claim.id, { version: added.version, revision: 2, parts: [{ keep: 3 }] }, f.u.tom);
    expect(removed.parts).toEqual([added.parts[3]]);
    expect((await f.db.select({ partsJson: claims.partsJson }).from(claims).where(eq(claims.id, claim.id)))[0]!.partsJson).toBeNull();
  });

  it.each([
    ['an index past the claim\'s parts', [{ keep: 0 }, { keep: 3 }], /Part 2 keeps part 4 of the claim, but the claim has 3 parts/],
    ['the same part kept twice', [{ keep: 1 }, { keep: 0 }, { keep: 1 }], /Parts 1 and 3 both keep part 2/],
    ['new words overlapping a kept anchored part', [{ keep: 0 }, at('minister')], /Parts 1 and 2 overlap \(“minister” is in both\)/],
  ])('refuses %s with a clear 422 and changes nothing', async (_, parts, message) => {
    const { claim } = await twoOrphans();
    const error = await catchAppError(() => setClaimParts(f.db, claim.id, { version: claim.version, revision: 2, parts }, f.u.tom));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
    expect((await getClaim(f.db, claim.id)).version).toBe(claim.version);
  });
});

describe('setClaimParts: the claim statement', () => {
  it('follows the new words while it still equals the old quote (spaces collapsed), recorded in the same history entry', async () => {
    const claim = await claimOn('unemployment fell');
    expect(claim.claimText).toBe('unemployment fell');
    const changed = await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('The minister said'), at('unemployment fell to 4 percent')] }, f.u.tom);
    expect(changed.claimText).toBe('The minister said … unemployment fell to 4 percent');
    const entries = (await f.db.select().from(historyEntries).where(eq(historyEntries.claimId, claim.id))).filter((h) => h.action === 'update');
    expect(entries.map((h) => [h.before, h.after])).toEqual([
      [
        { quote: 'unemployment fell', claimText: 'unemployment fell' },
        { quote: 'The minister said … unemployment fell to 4 percent', claimText: 'The minister said … unemployment fell to 4 percent' },
      ],
    ]);
  });

  it('leaves a statement someone wrote alone', async () => {
    const claim = await claimOn('unemployment fell');
    const edited = await updateClaim(f.db, claim.id, { version: 1, claimText: 'Unemployment fell to 4%.' }, f.u.tom);
    const changed = await setClaimParts(f.db, claim.id, { version: edited.version, revision: 1, parts: [at('unemployment fell to 4 percent')] }, f.u.tom);
    expect(changed.claimText).toBe('Unemployment fell to 4%.');
    expect(await quoteHistory(claim.id)).toEqual([['unemployment fell', 'unemployment fell to 4 percent']]);
  });
});

describe('setClaimParts: characters outside the BMP', () => {
  const EMOJI = '🚀 Launch: the 🇫🇷 minister said exports grew 😀 by 12% in 2024.';
  const emojiArticle = async () => (await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Emoji', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text: EMOJI, createdBy: f.u.tom })).id;
  const cp = (utf16: number) => [...EMOJI.slice(0, utf16)].length;

  it('stores code-point positions for parts after and containing astral characters', async () => {
    const id = await emojiArticle();
    const claim = await createClaim(f.db, { articleId: id, revision: 1, ...at('minister said', EMOJI), actorId: f.u.tom });
    const parts = [at('minister said', EMOJI), at('grew 😀 by 12%', EMOJI)];
    const multi = await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts }, f.u.tom);
    expect(multi.parts.map((p) => p.quote.exact)).toEqual(['minister said', 'grew 😀 by 12%']);
    expect(multi.parts.map((p) => p.position)).toEqual(parts.map((r) => ({ start: cp(r.start), end: cp(r.end) })));
    // Code points, not UTF-16: the emoji before and inside count once each.
    expect(multi.parts[1]!.position.end - multi.parts[1]!.position.start).toBe([...'grew 😀 by 12%'].length);
    expect([...EMOJI].slice(multi.parts[1]!.position.start, multi.parts[1]!.position.end).join('')).toBe('grew 😀 by 12%');
  });

  it('refuses a part that splits a surrogate pair with a clear 422', async () => {
    const id = await emojiArticle();
    const claim = await createClaim(f.db, { articleId: id, revision: 1, ...at('minister said', EMOJI), actorId: f.u.tom });
    const emoji = EMOJI.indexOf('😀');
    const error = await catchAppError(() => setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('minister said', EMOJI), { start: EMOJI.indexOf('grew'), end: emoji + 1 }] }, f.u.tom));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/splits a character/);
    expect((await getClaim(f.db, claim.id)).version).toBe(1);
  });
});

describe('setClaimParts: refusals', () => {
  it('refuses a stale claim version with the current claim, and a stale revision with the current revision', async () => {
    const claim = await claimOn('unemployment fell');
    await updateClaim(f.db, claim.id, { version: 1, claimant: 'The minister' }, f.u.tom);
    const stale = await catchAppError(() => setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('unemployment')] }, f.u.tom));
    expect(stale.status).toBe(409);
    expect((stale.details as { current: { id: string; version: number } }).current).toMatchObject({ id: claim.id, version: 2 });

    await updateArticleText(f.db, articleId, plainTextToDocJson(`Intro.\n\n${TEXT}`), 1, f.u.tom);
    const oldRevision = await catchAppError(() => setClaimParts(f.db, claim.id, { version: 2, revision: 1, parts: [at('unemployment')] }, f.u.tom));
    expect(oldRevision.status).toBe(409);
    expect(oldRevision.message).toMatch(/article text changed/);
    expect(oldRevision.details).toMatchObject({ revision: 2 });
    expect((await getClaim(f.db, claim.id)).quote.exact).toBe('unemployment fell');
  });

  it.each([
    ['an empty part', [{ start: 5, end: 5 }], /The selection is empty/],
    ['a part past the end of the text', [{ start: 10, end: TEXT.length + 3 }], /outside the article text/],
    ['a part of spaces only', [{ start: TEXT.indexOf('\n\n'), end: TEXT.indexOf('\n\n') + 2 }], /only spaces/],
    ['overlapping parts', [at('unemployment fell to'), at('fell to 4 percent')], /Parts 1 and 2 overlap \(“fell to” is in both\)/],
    ['the same part twice', [at('Exports'), at('The minister'), at('Exports')], /Parts 1 and 3 overlap/],
    ['no parts', [], /Select the words of the claim/],
    ['too many parts', Array.from({ length: MAX_CLAIM_PARTS + 1 }, (_, i) => ({ start: i * 2, end: i * 2 + 1 })), new RegExp(`at most ${MAX_CLAIM_PARTS} parts`)],
  ])('refuses %s with a clear message and changes nothing', async (_, parts, message) => {
    const claim = await claimOn('unemployment fell');
    const error = await catchAppError(() => setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts }, f.u.tom));
    expect(error.code).toBe('unprocessable');
    expect(error.message).toMatch(message);
    expect(await getClaim(f.db, claim.id)).toMatchObject({ version: 1, quote: { exact: 'unemployment fell' } });
  });

  it('refuses on a published article (reopen first)', async () => {
    const claim = await claimOn('unemployment fell');
    await transaction(f.db, async (tx) => {
      await tx.update(articles).set({ status: 'published' }).where(eq(articles.id, articleId));
    });
    const error = await catchAppError(() => setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('unemployment fell to 4 percent')] }, f.u.tom));
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ locked: true, status: 'published' });
    expect((await getClaim(f.db, claim.id)).version).toBe(1);
  });
});

describe('text saves re-anchor every part', () => {
  it('moves a multi-part claim part by part: one part moved, one deleted → partial, the moved part on its words', async () => {
    const claim = await claimOn('The minister said');
    const parts = [at('The minister said'), at('the figure ignores discouraged workers'), at('Exports doubled since 2019')];
    const multi = await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts }, f.u.tom);
    expect(multi.parts).toHaveLength(3);
    // Another claim that stays whole, and one that was orphaned before this save.
    const whole = await claimOn('unemployment fell');

    // Insert above everything (all parts move), delete the second part's words.
    const newText = `Update.\n\n${TEXT.replace('Critics said the figure ignores discouraged workers.', 'Critics disagreed.')}`;
    const saved = await updateArticleText(f.db, articleId, plainTextToDocJson(newText), 1, f.u.tom);
    expect(saved).toMatchObject({ anchored: 1, partial: 1, orphaned: 0, newlyOrphaned: 1 });
    // The client cannot derive a part lost from one range: it is told to refetch.
    expect(saved.exceptions).toEqual([{ id: claim.id, refetch: true }]);

    const after = await getClaim(f.db, claim.id);
    expect(after).toMatchObject({ anchorState: 'partial', anchoredRevision: 2, version: multi.version, number: claim.number });
    expect(after.parts.map((p) => [p.quote.exact, p.anchorState])).toEqual([
      ['The minister said', 'anchored'],
      ['the figure ignores discouraged workers', 'orphaned'],
      ['Exports doubled since 2019', 'anchored'],
    ]);
    const moved = after.parts[2]!;
    expect(newText.slice(moved.position.start, moved.position.end)).toBe('Exports doubled since 2019');
    expect(after.parts[0]!.position.start).toBe(newText.indexOf('The minister said'));
    // The orphaned part keeps its old selectors; the columns mirror parts[0].
    expect(after.parts[1]!.position).toEqual(multi.parts[1]!.position);
    expect(after.quote).toEqual(after.parts[0]!.quote);
    expect((await getClaim(f.db, whole.id)).position.start).toBe(newText.indexOf('unemployment fell'));

    // A second save that orphans nothing new reports no newly orphaned claims, though one is still partial.
    const again = await updateArticleText(f.db, articleId, plainTextToDocJson(`${newText}\n\nMore.`), 2, f.u.tom);
    expect(again).toMatchObject({ partial: 1, newlyOrphaned: 0, exceptions: [] });
  });

  it('lets a multi-part claim whose parts all follow the text move without exceptions', async () => {
    const claim = await claimOn('The minister said');
    await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('The minister said'), at('Exports doubled')] }, f.u.tom);
    await claimOn('unemployment fell');
    const held = await listClaims(f.db, articleId);
    const newText = `Update.\n\n${TEXT.replace('Critics said', 'Critics, again, said')}`;
    const saved = await updateArticleText(f.db, articleId, plainTextToDocJson(newText), 1, f.u.tom);
    expect(saved).toMatchObject({ anchored: 2, partial: 0, orphaned: 0, newlyOrphaned: 0, exceptions: [], rewritten: 2 });
    const after = await getClaim(f.db, claim.id);
    expect(after.parts.map((p) => newText.slice(p.position.start, p.position.end))).toEqual(['The minister said', 'Exports doubled']);
    expect(after.parts.every((p) => p.anchorState === 'anchored')).toBe(true);
    // What a client derives from the delta (full claims and slim list rows) is what the server stored.
    const stored = new Map((await listClaims(f.db, articleId)).map((c) => [c.id, c]));
    const derived = remapClaims(held, TEXT, newText, saved.textChanges, saved.exceptions, saved.article.revision)!;
    for (const c of derived) {
      const s = stored.get(c.id)!;
      expect({ quote: c.quote, position: c.position, parts: c.parts, anchorState: c.anchorState, anchoredRevision: c.anchoredRevision }).toEqual({ quote: s.quote, position: s.position, parts: s.parts, anchorState: s.anchorState, anchoredRevision: s.anchoredRevision });
    }
    const rows = remapClaims(held.map(toClaimRow), TEXT, newText, saved.textChanges, saved.exceptions, saved.article.revision)!;
    expect(rows.map((r) => partsOfRow(r).map((p) => [p.position, p.quote.exact]))).toEqual(derived.map((c) => c.parts.map((p) => [p.position, p.quote.exact])));
    expect(rows.find((r) => r.id === claim.id)!.parts![0]!.quote).toEqual({ exact: 'The minister said' });
  });

  it('counts as newly orphaned only claims that were fully anchored before the save', async () => {
    const early = await claimOn('the figure ignores discouraged workers');
    const late = await claimOn('Exports doubled since 2019');
    // Save 1 orphans `early`.
    const text2 = TEXT.replace('the figure ignores discouraged workers', 'nothing');
    const first = await updateArticleText(f.db, articleId, plainTextToDocJson(text2), 1, f.u.tom);
    expect(first).toMatchObject({ orphaned: 1, newlyOrphaned: 1 });
    // Save 2 orphans `late`; `early` is still orphaned but not new.
    const text3 = text2.replace('Exports doubled since 2019', 'Imports');
    const second = await updateArticleText(f.db, articleId, plainTextToDocJson(text3), 2, f.u.tom);
    expect(second).toMatchObject({ orphaned: 2, newlyOrphaned: 1 });
    expect((await getClaim(f.db, early.id)).anchorState).toBe('orphaned');
    expect((await getClaim(f.db, late.id)).anchorState).toBe('orphaned');
  });
});

describe('text saves: parts never share words, newly orphaned counts parts lost', () => {
  // The same words twice, close enough for the search near the deleted part to reach the first.
  const REPEAT = 'In May the figures rose sharply. In June the figures rose sharply. Nobody knew why.';
  const articleOn = async (text: string) => (await createArticle(f.db, { workspaceId: f.workspaceId, title: 'Repeat', outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: f.u.tom })).id;

  it('orphans a part whose words are gone instead of putting it on an earlier part of the same claim, and refetches', async () => {
    const id = await articleOn(REPEAT);
    const second = REPEAT.lastIndexOf('figures rose sharply');
    const claim = await createClaim(f.db, { articleId: id, revision: 1, ...at('figures rose sharply', REPEAT), actorId: f.u.tom });
    await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('figures rose sharply', REPEAT), { start: second, end: second + 'figures rose sharply'.length }] }, f.u.tom);
    // The second sentence is replaced: the second part's words are gone; the same words are still in the first part.
    const newText = REPEAT.replace(' In June the figures rose sharply.', '');
    const saved = await updateArticleText(f.db, id, plainTextToDocJson(newText), 1, f.u.tom);
    expect(saved).toMatchObject({ partial: 1, newlyOrphaned: 1 });
    expect(saved.exceptions).toEqual([{ id: claim.id, refetch: true }]);
    const after = await getClaim(f.db, claim.id);
    expect(after.anchorState).toBe('partial');
    expect(after.parts.map((p) => p.anchorState)).toEqual(['anchored', 'orphaned']);
    expect(newText.slice(after.parts[0]!.position.start, after.parts[0]!.position.end)).toBe('figures rose sharply');
    expect(after.parts[1]!.position.start).toBe(second);
  });

  it('counts a claim whenever fewer of its parts are found: anchored → partial, partial losing a part, partial → orphaned', async () => {
    const claim = await claimOn('The minister said');
    await setClaimParts(f.db, claim.id, { version: 1, revision: 1, parts: [at('The minister said'), at('the figure ignores discouraged workers'), at('Exports doubled since 2019')] }, f.u.tom);
    const text2 = TEXT.replace('the figure ignores discouraged workers', 'nothing');
    expect(await updateArticleText(f.db, articleId, plainTextToDocJson(text2), 1, f.u.tom)).toMatchObject({ partial: 1, newlyOrphaned: 1 });
    const text3 = text2.replace('Exports doubled since 2019', 'Imports');
    expect(await updateArticleText(f.db, articleId, plainTextToDocJson(text3), 2, f.u.tom)).toMatchObject({ partial: 1, newlyOrphaned: 1 });
    expect((await getClaim(f.db, claim.id)).parts.map((p) => p.anchorState)).toEqual(['anchored', 'orphaned', 'orphaned']);
    const text4 = text3.replace('The minister said', 'Someone claimed');
    expect(await updateArticleText(f.db, articleId, plainTextToDocJson(text4), 3, f.u.tom)).toMatchObject({ orphaned: 1, partial: 0, newlyOrphaned: 1 });
    // Nothing more to lose: not counted again.
    expect(await updateArticleText(f.db, articleId, plainTextToDocJson(`${text4}\n\nMore.`), 4, f.u.tom)).toMatchObject({ orphaned: 1, newlyOrphaned: 0 });
  });
});

describe('a malformed parts_json', () => {
  it('does not fail the list or a text save: the claim is read, and re-anchored, as the single part its columns hold', async () => {
    const claim = await claimOn('Exports doubled');
    await transaction(f.db, async (tx) => {
      await tx.update(claims).set({ partsJson: '{"not": "parts"}' }).where(eq(claims.id, claim.id));
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      expect((await listClaims(f.db, articleId))[0]!.parts).toEqual([{ quote: claim.quote, position: claim.position, anchorState: 'anchored' }]);
      const newText = `Update.\n\n${TEXT}`;
      await updateArticleText(f.db, articleId, plainTextToDocJson(newText), 1, f.u.tom);
    } finally {
      console.error = original;
    }
    expect(errors.some((e) => String(e).includes(`Claim ${claim.id}: parts_json must be an array of parts.`))).toBe(true);
    const [row] = await f.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row).toMatchObject({ partsJson: null, positionStart: `Update.\n\n${TEXT}`.indexOf('Exports doubled'), anchorState: 'anchored' });
  });
});

describe('sources: the quoted passage as a TextQuoteSelector', () => {
  it('stores the words around the excerpt, defaults them to empty, and keeps them when an update leaves them out', async () => {
    const claim = await claimOn('unemployment fell');
    const plain = await addSource(f.db, claim.id, { url: 'https://a.example', title: 'A', publisher: '', excerpt: '', accessedOn: null }, f.u.tom);
    expect(plain).toMatchObject({ excerpt: '', excerptPrefix: '', excerptSuffix: '' });
    const quoted = await addSource(f.db, claim.id, { url: 'https://b.example', title: 'B', publisher: '', excerpt: 'fell to 4.1%', excerptPrefix: 'unemployment', excerptSuffix: 'in May', accessedOn: null }, f.u.tom);
    expect(quoted).toMatchObject({ excerpt: 'fell to 4.1%', excerptPrefix: 'unemployment', excerptSuffix: 'in May' });
    const kept = await updateSource(f.db, quoted.id, { url: 'https://b.example', title: 'B2', publisher: '', excerpt: 'fell to 4.1%', accessedOn: null, version: quoted.version }, f.u.tom);
    expect(kept).toMatchObject({ title: 'B2', excerptPrefix: 'unemployment', excerptSuffix: 'in May' });
    const cleared = await updateSource(f.db, quoted.id, { url: 'https://b.example', title: 'B2', publisher: '', excerpt: 'fell', excerptPrefix: '', excerptSuffix: 'to', accessedOn: null, version: kept.version }, f.u.tom);
    expect(cleared).toMatchObject({ excerpt: 'fell', excerptPrefix: '', excerptSuffix: 'to' });
    expect((await getClaim(f.db, claim.id)).sources.map((s) => [s.excerptPrefix, s.excerptSuffix])).toEqual([['', ''], ['', 'to']]);
  });

  it('clears the context when the excerpt changes without it, and keeps the spaces that separate it from the excerpt', async () => {
    const claim = await claimOn('unemployment fell');
    const quoted = await addSource(f.db, claim.id, { url: 'https://b.example', title: 'B', publisher: '', excerpt: 'taxes', excerptPrefix: 'the minister said ', excerptSuffix: ' would rise', accessedOn: null }, f.u.tom);
    expect(quoted).toMatchObject({ excerptPrefix: 'the minister said ', excerptSuffix: ' would rise' });
    const changed = await updateSource(f.db, quoted.id, { url: 'https://b.example', title: 'B', publisher: '', excerpt: 'wages', accessedOn: null, version: quoted.version }, f.u.tom);
    expect(changed).toMatchObject({ excerpt: 'wages', excerptPrefix: '', excerptSuffix: '' });
  });
});
