import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { articles, claims, claimLibraryItems, claimVerdicts, comments, searchDocs, sources } from '../schema';
import { transaction } from '../transaction';
import { activeDialect } from '../dialect';
import { reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { openVote, setSessionStatus, setVoteState } from '@/test/fixtures/open-vote';
import { createArticle } from './articles';
import { searchWorkspaces } from './search';
import type { SearchParams, SearchResults } from '@/lib/search/types';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

async function article(title: string, paragraphs: string[], options: { workspaceId?: string; status?: 'draft' | 'in_review' | 'published'; publishedOn?: string | null; blind?: boolean } = {}) {
  const row = await createArticle(f.db, {
    workspaceId: options.workspaceId ?? f.workspaceId,
    title,
    outlet: 'Test Outlet',
    byline: '',
    url: null,
    publishedOn: options.publishedOn ?? null,
    language: 'en',
    sourceCredit: '',
    text: paragraphs.join('\n\n'),
    status: options.status ?? 'in_review',
    createdBy: f.u.tom,
  });
  if (options.blind) await transaction(f.db, (tx) => tx.update(articles).set({ blindReview: true }).where(eq(articles.id, row.id)));
  return row;
}

async function claim(articleRow: { id: string; workspaceId: string; plainText: string; revision: number }, quote: string, fields: Partial<typeof claims.$inferInsert> = {}) {
  const start = articleRow.plainText.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const [row] = await transaction(f.db, (tx) =>
    tx
      .insert(claims)
      .values({
        workspaceId: articleRow.workspaceId,
        articleId: articleRow.id,
        quoteExact: quote,
        positionStart: start,
        positionEnd: start + quote.length,
        anchoredRevision: articleRow.revision,
        originalQuote: quote,
        claimText: quote,
        number: Math.floor(Math.random() * 1e6),
        authorId: f.u.ana,
        ...fields,
      })
      .returning(),
  );
  return row!;
}

const search = (userId: string, q: string, params: Partial<SearchParams> = {}) => searchWorkspaces(f.db, { userId }, { q, ...params });
const kindsOf = (r: SearchResults) => r.groups.flatMap((g) => g.hits.map((h) => h.kind));
const hitsOf = (r: SearchResults) => r.groups.flatMap((g) => g.hits);

async function integrityCheck() {
  if (activeDialect() !== 'sqlite') return;
  await transaction(f.db, async (tx) => {
    await tx.run(sql`INSERT INTO search_fts(search_fts) VALUES('integrity-check')`);
    await tx.run(sql`INSERT INTO search_trigram(search_trigram) VALUES('integrity-check')`);
  });
}

describe('the trigger-maintained index', () => {
  it('follows claims, sources, comments, verdict reasons, titles and deletions', async () => {
    const a = await article('Quokka budget report', ['The council spent zorbleflux money on roads.', 'A second paragraph about parks.']);
    const c = await claim(a, 'The council spent zorbleflux money on roads.', { claimant: 'Mayor Quimby' });
    expect(kindsOf(await search(f.u.ana, 'zorbleflux'))).toEqual(expect.arrayContaining(['claim', 'block']));
    expect(hitsOf(await search(f.u.ana, 'Quimby'))[0]).toMatchObject({ kind: 'claim', href: `/articles/${a.id}?claim=${c.id}` });

    // Claim statement update re-indexes; the old words are gone.
    await transaction(f.db, (tx) => tx.update(claims).set({ claimText: 'Spending on roads tripled', claimant: 'Mayor Flanders', rationale: 'The ledger shows xylophant spending.' }).where(eq(claims.id, c.id)));
    expect(hitsOf(await search(f.u.ana, 'Quimby'))).toEqual([]);
    expect(hitsOf(await search(f.u.ana, 'Flanders'))[0]?.kind).toBe('claim');
    expect(hitsOf(await search(f.u.tom, 'xylophant'))[0]?.kind).toBe('rationale');

    // Source and comment; comment soft delete removes it.
    const [source] = await transaction(f.db, (tx) => tx.insert(sources).values({ claimId: c.id, title: 'Budget ledger wombatic', url: 'https://example.org/ledger', publisher: 'City', excerpt: '' }).returning());
    const [comment] = await transaction(f.db, (tx) => tx.insert(comments).values({ claimId: c.id, authorId: f.u.ana, body: 'Check the quarkle figures again' }).returning());
    expect(hitsOf(await search(f.u.ana, 'wombatic'))[0]).toMatchObject({ kind: 'source', href: `/articles/${a.id}?claim=${c.id}` });
    expect(hitsOf(await search(f.u.ana, 'quarkle'))[0]?.kind).toBe('comment');
    await transaction(f.db, (tx) => tx.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, comment!.id)));
    expect(hitsOf(await search(f.u.ana, 'quarkle'))).toEqual([]);

    // A reviewer's verdict reason.
    await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: c.id, userId: f.u.kofi, verdictId: f.level('false'), reason: 'Numbers are snorkelwise wrong' }));
    expect(hitsOf(await search(f.u.tom, 'snorkelwise'))[0]?.kind).toBe('verdict_reason');

    // Title change.
    await transaction(f.db, (tx) => tx.update(articles).set({ title: 'Platypus budget report' }).where(eq(articles.id, a.id)));
    expect((await search(f.u.ana, 'quokka')).groups).toEqual([]);
    expect((await search(f.u.ana, 'platypus')).groups[0]).toMatchObject({ type: 'article', id: a.id, title: 'Platypus budget report' });
    await integrityCheck();

    // Source delete, claim delete cascade, article delete cascade.
    await transaction(f.db, (tx) => tx.delete(sources).where(eq(sources.id, source!.id)));
    expect(hitsOf(await search(f.u.ana, 'wombatic'))).toEqual([]);
    await transaction(f.db, (tx) => tx.delete(claims).where(eq(claims.id, c.id)));
    expect(await f.db.select().from(searchDocs).where(eq(searchDocs.claimId, c.id))).toEqual([]);
    expect(kindsOf(await search(f.u.ana, 'zorbleflux'))).toEqual(['block']);
    await transaction(f.db, (tx) => tx.delete(articles).where(eq(articles.id, a.id)));
    expect(await f.db.select().from(searchDocs).where(eq(searchDocs.articleId, a.id))).toEqual([]);
    await integrityCheck();
  });

  it('hides trashed articles', async () => {
    const a = await article('Gnarlwhip report', ['Nothing to see about gnarlwhip.']);
    expect((await search(f.u.ana, 'gnarlwhip')).groups).toHaveLength(1);
    await transaction(f.db, (tx) => tx.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, a.id)));
    expect((await search(f.u.ana, 'gnarlwhip')).groups).toEqual([]);
  });
});

describe('scoping and blind review', () => {
  it('finds nothing of another workspace', async () => {
    await article('Blorptastic finances', ['The blorptastic figures.']);
    expect((await search(f.u.ana, 'blorptastic')).groups).toHaveLength(1);
    expect(await search(f.u.omar, 'blorptastic')).toMatchObject({ groups: [], totalGroups: 0 });
    // Asking for a workspace one is not a member of finds nothing either.
    expect((await search(f.u.omar, 'blorptastic', { workspaceId: f.workspaceId })).groups).toEqual([]);
    expect((await search(f.u.ana, 'blorptastic', { workspaceId: f.otherWorkspaceId })).groups).toEqual([]);
  });

  it('hides rationales, reasons, verdicts and statuses from a reviewer who has not voted', async () => {
    const a = await article('Blind piece', ['The mayor said unemployment halved.'], { blind: true });
    const c = await claim(a, 'The mayor said unemployment halved.', { rationale: 'Records show frumious growth instead.', verdictId: f.level('false'), status: 'resolved' });
    await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: c.id, userId: f.u.kofi, verdictId: f.level('false'), reason: 'Bandersnatch data disagrees' }));

    // Ana (reviewer, no verdict): no rationale, no reason, the claim's decision withheld, filters do not match.
    expect(hitsOf(await search(f.u.ana, 'frumious'))).toEqual([]);
    expect(hitsOf(await search(f.u.ana, 'bandersnatch'))).toEqual([]);
    const claimHit = hitsOf(await search(f.u.ana, 'unemployment')).find((h) => h.kind === 'claim');
    expect(claimHit?.claim).toMatchObject({ verdict: null, status: null, decisionHidden: true });
    expect(hitsOf(await search(f.u.ana, 'unemployment', { verdictId: f.level('false') }))).toEqual([]);
    expect(hitsOf(await search(f.u.ana, 'unemployment', { claimStatus: 'resolved' }))).toEqual([]);

    // Kofi sees his own reason but, as a voter, also the rest.
    expect(hitsOf(await search(f.u.kofi, 'bandersnatch'))[0]?.kind).toBe('verdict_reason');
    // The editor sees everything.
    expect(hitsOf(await search(f.u.tom, 'frumious'))[0]?.kind).toBe('rationale');
    const editorHit = hitsOf(await search(f.u.tom, 'unemployment', { verdictId: f.level('false') })).find((h) => h.kind === 'claim');
    expect(editorHit?.claim).toMatchObject({ status: 'resolved', decisionHidden: false, verdict: { id: f.level('false') } });

    // Ana votes: now she finds it.
    await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: c.id, userId: f.u.ana, verdictId: f.level('true'), reason: '' }));
    expect(hitsOf(await search(f.u.ana, 'frumious'))[0]?.kind).toBe('rationale');
    expect(hitsOf(await search(f.u.ana, 'bandersnatch'))[0]?.kind).toBe('verdict_reason');
  });
});

describe('counts', () => {
  it('never counts what blind review hides: the total does not move with a hidden rationale or verdict', async () => {
    // Twelve visible matches (more groups than one page checks), and one blind claim whose decision Ana may not see.
    for (let i = 0; i < 12; i += 1) {
      const open = await article(`Open ${i}`, [`Decoy claim ${i} about glorp.`]);
      await claim(open, `Decoy claim ${i} about glorp.`, { rationale: 'zorblax decoy', verdictId: f.level('false') });
    }
    const blind = await article('Blind one', ['The glorp figure rose.'], { blind: true });
    const secret = await claim(blind, 'The glorp figure rose.', { rationale: 'zorblax secret', verdictId: f.level('false') });
    const totals = async () => [
      (await search(f.u.ana, 'zorblax', { kinds: ['rationale'], limit: 1 })).totalGroups,
      (await search(f.u.ana, 'glorp', { kinds: ['claim'], verdictId: f.level('false'), limit: 1 })).totalGroups,
    ];
    const withSecret = await totals();
    await transaction(f.db, (tx) => tx.update(claims).set({ rationale: 'nothing here', verdictId: f.level('true') }).where(eq(claims.id, secret.id)));
    expect(await totals()).toEqual(withSecret);
    expect(withSecret).toEqual([12, 12]);
  });

  it('never counts what an open review-session vote hides: others’ reasons for everyone, the rationale and verdict for non-editors', async () => {
    for (let i = 0; i < 12; i += 1) {
      const open = await article(`Plain ${i}`, [`Decoy claim ${i} about snark.`]);
      const c = await claim(open, `Decoy claim ${i} about snark.`, { rationale: 'vorpal decoy', verdictId: f.level('false') });
      await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: c.id, userId: f.u.kofi, verdictId: f.level('false'), reason: 'jabberwock decoy' }));
    }
    // Not under blind review: only the vote hides it.
    const voted = await article('Voted one', ['The snark figure rose.']);
    const secret = await claim(voted, 'The snark figure rose.', { rationale: 'vorpal secret', verdictId: f.level('false'), status: 'resolved' });
    await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: secret.id, userId: f.u.kofi, verdictId: f.level('false'), reason: 'jabberwock secret' }));
    await transaction(f.db, (tx) => tx.insert(claimVerdicts).values({ claimId: secret.id, userId: f.u.ana, verdictId: f.level('true'), reason: 'jabberwock mine' }));
    const { sessionId, itemId } = await openVote(f.db, { workspaceId: voted.workspaceId, articleId: voted.id }, secret.id);

    const totals = async (userId: string) => [
      (await search(userId, 'vorpal', { kinds: ['rationale'], limit: 1 })).totalGroups,
      (await search(userId, 'snark', { kinds: ['claim'], verdictId: f.level('false'), limit: 1 })).totalGroups,
      (await search(userId, 'jabberwock', { kinds: ['verdict_reason'], limit: 1 })).totalGroups,
    ];
    const during = { ana: await totals(f.u.ana), tom: await totals(f.u.tom), vera: await totals(f.u.vera) };
    // Ana (voted): her own reason counts, Kofi's, the rationale and the verdict filter do not.
    expect(during.ana).toEqual([12, 12, 13]);
    // Tom (editor): the decision is his to see, Kofi's and Ana's reasons are not.
    expect(during.tom).toEqual([13, 13, 12]);
    expect(during.vera).toEqual([12, 12, 12]);
    // What is hidden neither matches nor is shown.
    expect(hitsOf(await search(f.u.ana, 'secret'))).toEqual([]);
    expect(hitsOf(await search(f.u.tom, 'jabberwock secret'))).toEqual([]);
    expect(hitsOf(await search(f.u.ana, 'snark figure')).find((h) => h.kind === 'claim')?.claim).toMatchObject({ verdict: null, status: null, decisionHidden: true });
    expect(hitsOf(await search(f.u.tom, 'snark figure')).find((h) => h.kind === 'claim')?.claim).toMatchObject({ status: 'resolved', decisionHidden: false });

    // The totals do not move when the hidden texts and decision change.
    await transaction(f.db, (tx) => tx.update(claims).set({ rationale: 'nothing here', verdictId: f.level('true') }).where(eq(claims.id, secret.id)));
    await transaction(f.db, (tx) => tx.update(claimVerdicts).set({ reason: 'nothing here' }).where(and(eq(claimVerdicts.claimId, secret.id), eq(claimVerdicts.userId, f.u.kofi))));
    expect({ ana: await totals(f.u.ana), tom: [(await totals(f.u.tom))[2]], vera: await totals(f.u.vera) }).toEqual({ ana: during.ana, tom: [during.tom[2]], vera: during.vera });
    await transaction(f.db, (tx) => tx.update(claims).set({ rationale: 'vorpal secret', verdictId: f.level('false') }).where(eq(claims.id, secret.id)));
    await transaction(f.db, (tx) => tx.update(claimVerdicts).set({ reason: 'jabberwock secret' }).where(and(eq(claimVerdicts.claimId, secret.id), eq(claimVerdicts.userId, f.u.kofi))));

    // Revealed, then ended: normal rules (no blind review) count everything for everyone (groups are articles).
    await setVoteState(f.db, itemId, 'revealed');
    expect(await totals(f.u.vera)).toEqual([13, 13, 13]);
    await setVoteState(f.db, itemId, 'open');
    await setSessionStatus(f.db, sessionId, 'ended');
    expect(await totals(f.u.ana)).toEqual([13, 13, 13]);
  });
});

describe('filters', () => {
  it('filters by verdict, status, claimant, reviewer, article status, dates and kinds', async () => {
    const a = await article('Old piece', ['Tax cuts grew the snozzberry economy.'], { status: 'draft', publishedOn: '2025-03-01' });
    const b = await article('New piece', ['Snozzberry exports doubled last year.'], { status: 'in_review', publishedOn: '2026-06-01' });
    const ca = await claim(a, 'Tax cuts grew the snozzberry economy.', { claimant: 'Senator Vance', verdictId: f.level('false'), status: 'resolved' });
    const cb = await claim(b, 'Snozzberry exports doubled last year.', { claimant: 'Minister Oduya', status: 'open', authorId: f.u.kofi });
    const claimIds = (r: SearchResults) => hitsOf(r).filter((h) => h.claim).map((h) => h.claim!.id);

    expect(claimIds(await search(f.u.tom, 'snozzberry', { verdictId: f.level('false') }))).toEqual([ca.id]);
    expect(claimIds(await search(f.u.tom, 'snozzberry', { claimStatus: 'open' }))).toEqual([cb.id]);
    expect(claimIds(await search(f.u.tom, 'snozzberry', { claimant: 'senator vance' }))).toEqual([ca.id]);
    expect(claimIds(await search(f.u.tom, 'snozzberry', { reviewerId: f.u.kofi }))).toEqual([cb.id]);
    expect((await search(f.u.tom, 'snozzberry', { articleStatus: 'draft' })).groups.map((g) => g.id)).toEqual([a.id]);
    expect((await search(f.u.tom, 'snozzberry', { from: '2026-01-01' })).groups.map((g) => g.id)).toEqual([b.id]);
    expect((await search(f.u.tom, 'snozzberry', { to: '2025-12-31' })).groups.map((g) => g.id)).toEqual([a.id]);
    expect(new Set(kindsOf(await search(f.u.tom, 'snozzberry', { kinds: ['block'] })))).toEqual(new Set(['block']));
  });

  it('takes the newest-matches window within the viewer\'s workspaces and, with a claim filter, among claim rows', async () => {
    const ours = await article('Quokka census', ['A quokka count.']);
    const checked = await claim(ours, 'A quokka count.', { verdictId: f.level('false'), status: 'resolved' });
    // Newer matches: text blocks of ours, and a busier workspace's rows.
    await article('Quokka blocks', Array.from({ length: 5 }, (_, i) => `Quokka paragraph ${i}.`));
    await article('Their quokkas', Array.from({ length: 8 }, (_, i) => `Another quokka ${i}.`), { workspaceId: f.otherWorkspaceId });
    const windowOf3 = (params: Partial<SearchParams>) => searchWorkspaces(f.db, { userId: f.u.tom }, { q: 'quokka', ...params }, { window: 3 });

    expect((await windowOf3({})).groups.length).toBeGreaterThan(0);
    expect(hitsOf(await windowOf3({ verdictId: f.level('false') })).map((h) => h.claim?.id)).toEqual([checked.id]);
    expect(hitsOf(await windowOf3({ claimStatus: 'resolved' })).map((h) => h.claim?.id)).toEqual([checked.id]);
  });

  it('pages by group, at most five hits a group', async () => {
    const a = await article('Many', Array.from({ length: 8 }, (_, i) => `Paragraph ${i} mentions the jabberwock.`));
    for (let i = 0; i < 3; i += 1) await article(`Other ${i}`, ['One jabberwock here.']);
    const first = await search(f.u.ana, 'jabberwock', { limit: 2 });
    expect(first.totalGroups).toBe(4);
    expect(first.groups).toHaveLength(2);
    const many = (await search(f.u.ana, 'jabberwock', { limit: 50 })).groups.find((g) => g.id === a.id)!;
    expect(many.hits).toHaveLength(5);
    expect(many.moreHits).toBe(3);
    expect(many.hits[0]!.href).toMatch(new RegExp(`^/articles/${a.id}\\?at=\\d+$`));
    const second = await search(f.u.ana, 'jabberwock', { limit: 2, offset: 2 });
    expect(second.groups.map((g) => g.id)).not.toEqual(expect.arrayContaining(first.groups.map((g) => g.id)));
    expect(second.groups).toHaveLength(2);
  });
});

describe('checking in batches', () => {
  it('fills the page past trashed articles and keeps pages disjoint', async () => {
    const rows = [];
    for (let i = 0; i < 24; i += 1) rows.push(await article(`Batch ${i}`, [`The wibblewock count is ${i}.`]));
    // The newest dozen in the trash.
    for (const row of rows.slice(12)) await transaction(f.db, (tx) => tx.update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, row.id)));
    const live = new Set(rows.slice(0, 12).map((r) => r.id));
    const first = await search(f.u.ana, 'wibblewock', { limit: 5 });
    const second = await search(f.u.ana, 'wibblewock', { limit: 5, offset: 5 });
    const third = await search(f.u.ana, 'wibblewock', { limit: 5, offset: 10 });
    const ids = [...first.groups, ...second.groups, ...third.groups].map((g) => g.id);
    expect(first.groups).toHaveLength(5);
    expect(second.groups).toHaveLength(5);
    expect(third.groups).toHaveLength(2);
    expect(new Set(ids).size).toBe(12);
    for (const id of ids) expect(live.has(id)).toBe(true);
    expect(third.totalGroups).toBe(12);
  });
});

describe('query language and snippets', () => {
  it('supports phrases, prefixes, exclusions and OR; hostile syntax never throws', async () => {
    const a = await article('Phrases', ['Inflation rose to forty percent in Vrelnik.', 'Deflation fell in Qorvath city.']);
    const mine = async (q: string) => hitsOf({ ...(await search(f.u.ana, q)), groups: (await search(f.u.ana, q)).groups.filter((g) => g.id === a.id) });
    expect(await mine('"rose to forty"')).toHaveLength(1);
    expect(await mine('"forty rose"')).toHaveLength(0);
    expect(await mine('vrel*')).toHaveLength(1);
    expect(await mine('vrelnik OR qorvath')).toHaveLength(2);
    expect(await mine('vrelnik qorvath')).toHaveLength(0);
    expect(await mine('percent -vrelnik')).toHaveLength(0);
    expect(await mine('fell -"forty percent"')).toHaveLength(1);
    for (const q of ['"unbalanced', 'NEAR(a b)', 'body:inflation', '(((', '^inflation', '*', '-', '-"x y"', 'a AND OR NOT', "'; DROP TABLE claims; --", '\\"\u0000', 'x'.repeat(10_000)]) {
      await expect(search(f.u.ana, q)).resolves.toBeDefined();
    }
    const onlyExcluded = await search(f.u.ana, '-inflation');
    expect(onlyExcluded).toMatchObject({ groups: [], totalGroups: 0 });
    expect(onlyExcluded.notice).toMatch(/exclusions alone/);
    expect((await search(f.u.ana, 'inflation (rose')).notice).toMatch(/Ignored "\("/);
  });

  it('highlights matches as parts, never HTML', async () => {
    await article('Snips', ['Before <b>bold</b> the grumpkin rose sharply after the vote.']);
    const hit = hitsOf(await search(f.u.ana, 'grumpkin'))[0]!;
    expect(hit.snippet.some((p) => p.match && /grumpkin/i.test(p.text))).toBe(true);
    expect(hit.snippet.map((p) => p.text).join('')).toContain('<b>bold</b>');
  });

  it('finds Persian and Arabic words inside longer words through the trigram index', async () => {
    const a = await article('گزارش تورم', ['رئیس‌جمهور گفت والتضخم بلغ أربعين بالمئة.', 'نرخ تورم‌ها در تهران چهل درصد بود.']);
    const arabic = await search(f.u.ana, 'التضخم');
    expect(arabic.groups.map((g) => g.id)).toEqual([a.id]);
    expect(hitsOf(arabic)[0]!.snippet.some((p) => p.match)).toBe(true);
    expect((await search(f.u.ana, 'تورم')).groups.map((g) => g.id)).toEqual([a.id]);
    // A substring inside a Latin word, too.
    await article('Hyper', ['Hyperinflation wrecked savings.']);
    expect((await search(f.u.ana, 'inflation')).groups.length).toBeGreaterThan(0);
  });

  it('finds library items as their own groups', async () => {
    const [item] = await transaction(f.db, (tx) =>
      tx
        .insert(claimLibraryItems)
        .values({ workspaceId: f.workspaceId, url: 'https://factcheck.example/x', claimReviewed: 'Vaccines contain flibbertigibbet chips', claimant: 'A blog', reviewOrg: 'Example Check', ratingName: 'False' })
        .returning(),
    );
    const result = await search(f.u.vera, 'flibbertigibbet');
    expect(result.groups[0]).toMatchObject({ type: 'library', id: item!.id, reviewOrg: 'Example Check', url: 'https://factcheck.example/x', href: `/library?workspace=${f.workspaceId}#item-${item!.id}` });
    expect(result.groups[0]!.hits[0]).toMatchObject({ kind: 'library', href: `/library?workspace=${f.workspaceId}#item-${item!.id}` });
    expect((await search(f.u.omar, 'flibbertigibbet')).groups).toEqual([]);
    // The claim library item's claimant is a claimant filter match too.
    expect((await search(f.u.vera, 'flibbertigibbet', { claimant: 'a blog' })).groups).toHaveLength(1);
  });
});

describe('ranking on a small labelled set', () => {
  it('puts the expected document first', async () => {
    const docs = {
      budget: await article('City budget deficit doubles', ['The council published its annual accounts.']),
      vaccine: await article('Health ministry report', ['Vaccination rates rose in the north.', 'Measles cases fell by half.']),
      election: await article('Election turnout claims', ['Turnout was the highest since 1990, the governor said.']),
      climate: await article('Heatwave coverage', ['Temperatures broke records across the region.']),
      housing: await article('Rents and housing', ['Average rents rose 12 percent, the mayor claimed.']),
      crime: await article('Police statistics', ['Reported burglaries dropped sharply last year.']),
      jobs: await article('Jobs report', ['The unemployment rate fell to 4 percent.']),
      trade: await article('Export figures', ['Wheat exports to Egypt tripled in a decade.']),
      transport: await article('Metro expansion', ['The new metro line carries 200000 riders a day.']),
      water: await article('Drought measures', ['Reservoirs are at 30 percent of capacity.']),
    };
    await claim(docs.housing, 'Average rents rose 12 percent', { claimant: 'Mayor Lopez' });
    await claim(docs.jobs, 'The unemployment rate fell to 4 percent.', { claimant: 'Labour minister' });
    const top = async (q: string) => (await search(f.u.ana, q)).groups[0]?.id;
    expect(await top('budget deficit')).toBe(docs.budget.id);
    expect(await top('measles')).toBe(docs.vaccine.id);
    expect(await top('turnout 1990')).toBe(docs.election.id);
    expect(await top('rents percent')).toBe(docs.housing.id);
    expect(await top('unemployment')).toBe(docs.jobs.id);
    expect(await top('"wheat exports"')).toBe(docs.trade.id);
    expect(await top('metro riders')).toBe(docs.transport.id);
    expect(await top('reservoir*')).toBe(docs.water.id);
    expect(await top('Lopez')).toBe(docs.housing.id);
    // A claim outranks a mere block mention: "percent" is in several texts, the jobs claim states it.
    const percent = await search(f.u.ana, 'unemployment percent');
    expect(percent.groups[0]!.id).toBe(docs.jobs.id);
    expect(percent.groups[0]!.hits[0]!.kind).toBe('claim');
    void and;
  });
});
