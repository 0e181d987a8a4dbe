import { and, eq } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../client';
import { execRaw, migrationStatements } from '@/test/fixtures/migration-sql';
import { transaction } from '../transaction';
import { articleRevisions, claims as claimsTable, historyEntries } from '../schema';
import { createArticle, getArticle, updateArticleText } from './articles';
import { getTextAtRevision, LARGE_CHANGE_CHARS, listRevisions, needsSnapshot, SNAPSHOT_EVERY } from './article-revisions';
import { createClaim, listClaims } from './claims';
import { REANCHOR_UPDATE_CHUNK } from './claim-anchoring';
import { catchAppError, reviewFixture, type ReviewFixture } from '@/test/fixtures/review-db';
import { jsonDocToText, plainTextToDocJson } from '@/lib/editor/doc-text';
import { remapClaims } from '@/lib/editor/text-delta';
import { describeHistoryEntry } from '@/lib/review/history-diff';

const TEXT = 'The minister said unemployment fell to 4 percent.\n\nCritics said 😀 the figure ignores discouraged workers.\n\nفارسی: نرخ بیکاری کاهش یافت.\n\nExports doubled since 2019, the ministry claimed.';

let f: ReviewFixture;
beforeEach(async () => {
  f = await reviewFixture();
});

const newArticle = (text = TEXT) => createArticle(f.db, { workspaceId: f.workspaceId, title: `Revisions ${crypto.randomUUID()}`, outlet: '', byline: '', url: null, publishedOn: null, language: 'en', sourceCredit: '', text, createdBy: f.u.tom });
/** The text as stored (import trims line ends). */
const normalized = (text: string) => jsonDocToText(plainTextToDocJson(text));
const save = (articleId: string, text: string, revision: number) => updateArticleText(f.db, articleId, plainTextToDocJson(text), revision, f.u.tom);
const mark = (articleId: string, text: string, quote: string, revision = 1) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return createClaim(f.db, { articleId, revision, start, end: start + quote.length, actorId: f.u.tom });
};

describe('article revisions', () => {
  it('stores the first revision as a snapshot and rebuilds every later one from the changes', async () => {
    const article = await newArticle();
    expect(await getTextAtRevision(f.db, article.id, 1)).toBe(TEXT);
    const texts = [TEXT];
    let text = TEXT;
    for (let revision = 1; revision <= 6; revision += 1) {
      text = revision % 2 ? `Update ${revision}. ${text}` : text.replace('percent', `percent (${revision})`);
      await save(article.id, text, revision);
      texts.push(text);
    }
    for (let revision = 1; revision <= 7; revision += 1) expect(await getTextAtRevision(f.db, article.id, revision)).toBe(texts[revision - 1]);
    const stored = await listRevisions(f.db, article.id);
    expect(stored.map((r) => [r.revision, r.snapshot])).toEqual([[1, true], [2, false], [3, false], [4, false], [5, false], [6, false], [7, false]]);
  });

  it('keeps a snapshot for a large change, and rebuilds across it', async () => {
    const article = await newArticle();
    const big = `${'Lorem ipsum dolor sit amet. '.repeat(Math.ceil((LARGE_CHANGE_CHARS + 10) / 28))}\n\n${TEXT}`;
    await save(article.id, big, 1);
    await save(article.id, `${big} The end.`, 2);
    expect((await listRevisions(f.db, article.id)).map((r) => r.snapshot)).toEqual([true, true, false]);
    expect(await getTextAtRevision(f.db, article.id, 2)).toBe(normalized(big));
    expect(await getTextAtRevision(f.db, article.id, 3)).toBe(normalized(`${big} The end.`));
    expect(await getTextAtRevision(f.db, article.id, 1)).toBe(TEXT);
  });

  it('answers 404 for a revision never stored, and for a broken chain', async () => {
    const article = await newArticle();
    await save(article.id, `${TEXT} One.`, 1);
    await save(article.id, `${TEXT} One. Two.`, 2);
    for (const revision of [0, -1, 1.5, 4]) expect((await catchAppError(() => getTextAtRevision(f.db, article.id, revision))).code).toBe('not_found');
    expect((await catchAppError(() => getTextAtRevision(f.db, crypto.randomUUID(), 1))).code).toBe('not_found');
    await transaction(f.db, async (tx) => {
      await tx.delete(articleRevisions).where(and(eq(articleRevisions.articleId, article.id), eq(articleRevisions.revision, 2)));
    });
    expect((await catchAppError(() => getTextAtRevision(f.db, article.id, 3))).code).toBe('not_found');
  });

  it('snapshots every SNAPSHOT_EVERY-th revision (pure rule)', () => {
    expect(needsSnapshot(SNAPSHOT_EVERY, [], 100)).toBe(true);
    expect(needsSnapshot(SNAPSHOT_EVERY + 1, [{ from: 0, to: 1, insert: 'x' }], 100)).toBe(false);
    expect(needsSnapshot(2, [], 100, true)).toBe(true);
    // More than half the text replaced.
    expect(needsSnapshot(2, [{ from: 0, to: 60, insert: '' }], 100)).toBe(true);
  });

  it('writes a history row with a summary of the change, never the texts', async () => {
    const article = await newArticle();
    const edited = TEXT.replace('4 percent', 'four percent');
    await save(article.id, edited, 1);
    const [row] = await f.db
      .select()
      .from(historyEntries)
      .where(and(eq(historyEntries.articleId, article.id), eq(historyEntries.entityType, 'article'), eq(historyEntries.action, 'update')));
    expect(row!.before).toEqual({ revision: 1 });
    expect(row!.after).toEqual({ revision: 2, baseRevision: 1, changes: 1, inserted: 4, deleted: 1, excerpt: { removed: '4', added: 'four' } });
    expect(JSON.stringify(row!.after)).not.toContain('minister');
    expect(describeHistoryEntry({ entityType: 'article', action: 'update', actorName: 'Tom', before: row!.before, after: row!.after })).toBe('Tom edited the article text: replaced “4” with “four”');
  });

  it('migration 0003 stores each existing article’s current text as a snapshot', async () => {
    const article = await newArticle();
    await save(article.id, `${TEXT} More.`, 1);
    // Back to before the migration: no revisions at all; then its own backfill statement.
    await execRaw(f.db, 'DELETE FROM article_revisions');
    for (const statement of backfillStatements(f.db)) await execRaw(f.db, statement);
    const stored = await listRevisions(f.db, article.id);
    expect(stored.map((r) => [r.revision, r.snapshot])).toEqual([[2, true]]);
    expect(await getTextAtRevision(f.db, article.id, 2)).toBe(`${TEXT} More.`);
    // History starts there: revision 1 is unknown, the next save chains on.
    expect((await catchAppError(() => getTextAtRevision(f.db, article.id, 1))).code).toBe('not_found');
    await save(article.id, `${TEXT} More. Again.`, 2);
    expect(await getTextAtRevision(f.db, article.id, 3)).toBe(`${TEXT} More. Again.`);
  });
});

describe('text save: claims', () => {
  it('rewrites only the claims that moved, and a client derives exactly what was stored', async () => {
    const article = await newArticle();
    const quotes = ['unemployment fell', 'the figure ignores', 'نرخ بیکاری', 'Exports doubled'];
    for (const quote of quotes) await mark(article.id, TEXT, quote);
    const stored = async () => new Map((await listClaims(f.db, article.id)).map((c) => [c.id, c]));

    // An edit far below every quote's context: nothing to write.
    const tail = `${TEXT}\n\nA new closing paragraph that is far from all the claims.`;
    const quiet = await save(article.id, tail, 1);
    expect(quiet).toMatchObject({ anchored: 4, orphaned: 0, rewritten: 0, exceptions: [] });
    expect([...(await stored()).values()].map((c) => c.anchoredRevision)).toEqual([1, 1, 1, 1]);
    expect(quiet.docChanges).toEqual([{ from: 4, to: 4, insert: [{ type: 'paragraph', content: [{ type: 'text', text: 'A new closing paragraph that is far from all the claims.' }] }] }]);

    // Insertion at the top, an edit inside one quote, another quote's words deleted.
    const before = await stored();
    const next = `Breaking: ${tail}`.replace('the figure ignores', 'the figures ignores').replace('Exports doubled since 2019, the ministry claimed.', 'The ministry claimed more.');
    const result = await save(article.id, next, 2);
    expect(result.orphaned).toBe(1);
    const after = await stored();
    const doomed = [...before.values()].find((c) => c.quote.exact === 'Exports doubled')!;
    expect(after.get(doomed.id)).toMatchObject({ anchorState: 'orphaned', quote: doomed.quote, position: doomed.position, anchoredRevision: 3 });
    expect(result.exceptions).toContainEqual({ id: doomed.id, orphaned: true });
    for (const claim of after.values()) if (claim.anchorState === 'anchored') expect(claim.anchoredRevision).toBe(3);

    // The client's derivation from the delta equals what the server stored, field for field.
    const derived = remapClaims([...before.values()], tail, next, result.textChanges, result.exceptions, 3)!;
    for (const claim of derived) {
      const { quote, position, anchorState, anchoredRevision } = after.get(claim.id)!;
      expect({ quote: claim.quote, position: claim.position, anchorState: claim.anchorState, anchoredRevision: claim.anchoredRevision }).toEqual({ quote, position, anchorState, anchoredRevision });
    }
    expect(jsonDocToText((await getArticle(f.db, article.id)).docJson as JSONContent)).toBe(next);
  });

  it('writes a large article’s claims in chunks, each on its words', async () => {
    const paragraphs = Array.from({ length: REANCHOR_UPDATE_CHUNK + 150 }, (_, i) => `Paragraph ${i} says claim number ${i} is true.`);
    const text = paragraphs.join('\n\n');
    const article = await newArticle(text);
    await transaction(f.db, async (tx) => {
      const rows = paragraphs.map((p, i) => {
        const exact = `claim number ${i} is`;
        const start = text.indexOf(p) + p.indexOf(exact);
        return { workspaceId: f.workspaceId, articleId: article.id, number: i + 1, quoteExact: exact, quotePrefix: text.slice(Math.max(0, start - 32), start), quoteSuffix: text.slice(start + exact.length, start + exact.length + 32), positionStart: start, positionEnd: start + exact.length, anchoredRevision: 1, originalQuote: exact, claimText: exact, authorId: f.u.tom };
      });
      for (let i = 0; i < rows.length; i += 200) await tx.insert(claimsTable).values(rows.slice(i, i + 200));
    });
    const next = `Lead paragraph.\n\n${text}`;
    const result = await save(article.id, next, 1);
    expect(result).toMatchObject({ anchored: paragraphs.length, orphaned: 0, rewritten: paragraphs.length, exceptions: [] });
    const rows = await f.db.select({ exact: claimsTable.quoteExact, start: claimsTable.positionStart, end: claimsTable.positionEnd, revision: claimsTable.anchoredRevision }).from(claimsTable).where(eq(claimsTable.articleId, article.id));
    expect(rows).toHaveLength(paragraphs.length);
    for (const row of rows) {
      expect(next.slice(row.start, row.end)).toBe(row.exact);
      expect(row.revision).toBe(2);
    }
  });

  it('refuses a stale base revision and leaves claims and revisions alone', async () => {
    const article = await newArticle();
    const claim = await mark(article.id, TEXT, 'Exports doubled');
    await save(article.id, `Top. ${TEXT}`, 1);
    expect((await catchAppError(() => save(article.id, `Other. ${TEXT}`, 1))).code).toBe('conflict');
    expect((await listRevisions(f.db, article.id)).map((r) => r.revision)).toEqual([1, 2]);
    const [row] = await listClaims(f.db, article.id);
    expect(row).toMatchObject({ id: claim.id, anchoredRevision: 2 });
  });
});

function backfillStatements(db: Db): string[] {
  const statements = migrationStatements(db, '0003_article_revisions.sql');
  const backfill = statements.filter((s) => /^INSERT INTO .article_revisions./.test(s));
  expect(backfill, 'the backfill is in the migration').toHaveLength(1);
  return backfill;
}

