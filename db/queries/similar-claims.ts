import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dialectOf, queryRows, type Db } from '../client';
import { articles, claimLibraryItems, claims, claimVerdicts, memberships, ratingLevels } from '../schema';
import { notFound } from '@/lib/errors';
import { canSeeDecision } from '@/lib/review/verdict-visibility';
import { lookupTerms, rankSimilar, SIMILARITY_THRESHOLD } from '@/lib/search/similarity';
import type { SimilarClaim } from '@/lib/search/types';
import { notTrashed } from './access';
import { claimsWithOpenVote } from './review-session-votes';

export interface FindSimilarOptions {
  /** At most this many suggestions (default 5, at most 20). */
  limit?: number;
  /** Score below which a candidate is left out (default SIMILARITY_THRESHOLD). */
  threshold?: number;
  /** SQLite: how many of the index's best rows the fast path looks at (default PREFILTER; tests and the bench). */
  prefilter?: number;
}

/** How many index hits are re-ranked by lib/search/similarity.ts. */
const CANDIDATES = 50;
/** SQLite: how many of the index's best rows are looked at before falling back to a full join. */
const PREFILTER = 1000;

interface CandidateRow extends Record<string, unknown> {
  kind: string;
  claim_id: string | null;
  library_item_id: string | null;
}

/** The claim's own workspace, article and statement, and the viewer's role there (not a member: not found). */
async function subject(db: Db, userId: string, claimId: string) {
  const [row] = await db
    .select({ id: claims.id, workspaceId: claims.workspaceId, articleId: claims.articleId, claimText: claims.claimText, quoteExact: claims.quoteExact, role: memberships.role })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, claims.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(claims.id, claimId), notTrashed()))
    .limit(1);
  if (!row || !row.role) throw notFound('Claim');
  return { ...row, role: row.role };
}

const KINDS = sql`('claim', 'library')`;

/**
 * Index hits for the statement (claims and library items of the workspace, not of this article),
 * best bm25 / ts_rank first. SQLite: the word index (`search_fts`), and for Persian/Arabic words
 * also the trigram index (`search_trigram`), which matches inside words whatever the affixes.
 * PostgreSQL: the tsvector, and for Persian/Arabic the pg_trgm similarity of the whole body.
 */
async function candidates(db: Db, workspaceId: string, articleId: string, statement: string, prefilter: number): Promise<CandidateRow[]> {
  const terms = lookupTerms(statement);
  const all = [...terms.words, ...terms.numbers];
  if (all.length === 0) return [];
  const scope = sql`d.workspace_id = ${workspaceId} AND d.kind IN ${KINDS} AND (d.article_id IS NULL OR d.article_id <> ${articleId})`;

  if (dialectOf(db) === 'postgres') {
    // Terms are letters and digits only (lookupTerms), quoted all the same.
    const tsquery = all.map((t) => `'${t.replace(/'/g, "''")}'`).join(' | ');
    const trigram = terms.arabicScriptWords.length > 0 ? sql` OR d.body % ${statement}` : sql``;
    return queryRows<CandidateRow>(
      db,
      sql`SELECT d.kind, d.claim_id, d.library_item_id
          FROM search_docs d
          WHERE ${scope} AND (d.tsv @@ to_tsquery('simple', ${tsquery})${trigram})
          ORDER BY ts_rank_cd(d.tsv, to_tsquery('simple', ${tsquery})) + similarity(d.body, ${statement}) DESC, d.id
          LIMIT ${CANDIDATES}`,
    );
  }

  const words = await sqliteTop(db, 'search_fts', all.map((t) => `"${t}"`).join(' OR '), scope, prefilter);
  if (terms.arabicScriptWords.length === 0) return words;
  const grams = await sqliteTop(db, 'search_trigram', terms.arabicScriptWords.map((t) => `"${t}"`).join(' OR '), scope, prefilter);
  return [...words, ...grams];
}

/**
 * SQLite: the best CANDIDATES hits of one FTS5 index within `scope`. Fast path: the index's top
 * PREFILTER rows by bm25 alone, then joined to search_docs (a common word matches tens of thousands
 * of rows; joining each would cost more than ranking it). When those hold too few of the scope's
 * rows (other workspaces', or other kinds, crowd the top) and there were more, the full join runs.
 */
/* eslint-disable no-restricted-syntax -- the SQLite branch: FTS5 rows are search_docs ids by rowid */
async function sqliteTop(db: Db, table: 'search_fts' | 'search_trigram', match: string, scope: SQL, prefilter: number): Promise<CandidateRow[]> {
  const fts = sql.raw(table);
  const fast = await queryRows<CandidateRow>(
    db,
    sql`SELECT d.kind, d.claim_id, d.library_item_id
        FROM (SELECT rowid AS id, bm25(${fts}) AS score FROM ${fts} WHERE ${fts} MATCH ${match} ORDER BY score LIMIT ${prefilter}) m
        CROSS JOIN search_docs d ON d.id = m.id
        WHERE ${scope}
        ORDER BY m.score, d.id
        LIMIT ${CANDIDATES}`,
  );
  if (fast.length >= CANDIDATES) return fast;
  // Fewer than wanted: were there more hits than the fast path looked at?
  const [more] = await queryRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ${match} LIMIT ${prefilter + 1})`);
  if (Number(more?.n ?? 0) <= prefilter) return fast;
  // CROSS JOIN keeps the full-text index as the outer loop (SQLite does not reorder it).
  return queryRows<CandidateRow>(
    db,
    sql`SELECT d.kind, d.claim_id, d.library_item_id
        FROM ${fts} CROSS JOIN search_docs d ON d.id = ${fts}.rowid
        WHERE ${fts} MATCH ${match} AND ${scope}
        ORDER BY bm25(${fts}), d.id
        LIMIT ${CANDIDATES}`,
  );
}
/* eslint-enable no-restricted-syntax */

/** ISO date (YYYY-MM-DD) of a timestamp, or the text as stored. */
function isoDay(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/**
 * "Already checked?": up to `limit` earlier claims (other articles of the claim's workspace, not
 * trashed) and claim library items that say the same thing as the claim, best first, each with the
 * reasons it matched. Candidates come from the full-text index (an OR of the statement's content
 * words and figures, top 50 by bm25 / ts_rank), re-ranked by lib/search/similarity.ts.
 *
 * Blind review: a claim whose decision the viewer may not see (its article under blind review, the
 * viewer neither editor nor owner nor a reviewer who gave their own verdict on it) comes with
 * `decisionHidden` and no verdict or rationale.
 * Throws notFound when the claim does not exist, is in the trash, or the viewer is not a member.
 */
export async function findSimilarClaims(db: Db, viewer: { userId: string }, claimId: string, options: FindSimilarOptions = {}): Promise<SimilarClaim[]> {
  const limit = Math.max(1, Math.min(20, Math.floor(options.limit ?? 5)));
  const me = await subject(db, viewer.userId, claimId);
  const statement = me.claimText.trim() || me.quoteExact;
  const hits = await candidates(db, me.workspaceId, me.articleId, statement, Math.max(1, Math.floor(options.prefilter ?? PREFILTER)));
  const claimIds = [...new Set(hits.flatMap((h) => (h.kind === 'claim' && h.claim_id ? [h.claim_id] : [])))];
  const libraryIds = [...new Set(hits.flatMap((h) => (h.kind === 'library' && h.library_item_id ? [h.library_item_id] : [])))];
  if (claimIds.length === 0 && libraryIds.length === 0) return [];

  const claimRows = claimIds.length
    ? await db
        .select({
          id: claims.id,
          number: claims.number,
          claimText: claims.claimText,
          claimant: claims.claimant,
          claimDate: claims.claimDate,
          rationale: claims.rationale,
          createdAt: claims.createdAt,
          articleId: articles.id,
          articleTitle: articles.title,
          publishedOn: articles.publishedOn,
          blindReview: articles.blindReview,
          verdictLabel: ratingLevels.label,
          verdictColor: ratingLevels.color,
        })
        .from(claims)
        .innerJoin(articles, eq(articles.id, claims.articleId))
        .leftJoin(ratingLevels, eq(ratingLevels.id, claims.verdictId))
        .where(and(inArray(claims.id, claimIds), eq(claims.workspaceId, me.workspaceId), notTrashed()))
    : [];
  const libraryRows = libraryIds.length
    ? await db
        .select()
        .from(claimLibraryItems)
        .where(and(inArray(claimLibraryItems.id, libraryIds), eq(claimLibraryItems.workspaceId, me.workspaceId)))
    : [];

  type Candidate = { type: 'claim'; row: (typeof claimRows)[number] } | { type: 'library'; row: (typeof libraryRows)[number] };
  const ranked = rankSimilar<Candidate>(
    statement,
    [
      ...claimRows.map((row) => ({ text: row.claimText, item: { type: 'claim' as const, row } })),
      ...libraryRows.map((row) => ({ text: row.claimReviewed, item: { type: 'library' as const, row } })),
    ],
    options.threshold ?? SIMILARITY_THRESHOLD,
  ).slice(0, limit);
  if (ranked.length === 0) return [];

  // Blind review and open review-session votes: which of the shown claims' decisions this viewer may not see.
  const shownClaims = ranked.flatMap((r) => (r.item.type === 'claim' ? [r.item.row] : []));
  const hidden = new Set<string>();
  if (shownClaims.length > 0 && !canSeeDecision(me.role, true, false, { voteOpen: true })) {
    const blind = shownClaims.filter((c) => c.blindReview).map((c) => c.id);
    const voted = new Set(
      blind.length > 0
        ? (
            await db
              .select({ claimId: claimVerdicts.claimId })
              .from(claimVerdicts)
              .where(and(eq(claimVerdicts.userId, viewer.userId), inArray(claimVerdicts.claimId, blind)))
          ).map((r) => r.claimId)
        : [],
    );
    const voteOpen = await claimsWithOpenVote(
      db,
      shownClaims.map((c) => c.id),
    );
    for (const c of shownClaims) if (!canSeeDecision(me.role, c.blindReview, voted.has(c.id), { voteOpen: voteOpen.has(c.id) })) hidden.add(c.id);
  }

  return ranked.map(({ item, result }): SimilarClaim => {
    if (item.type === 'library') {
      const row = item.row;
      return {
        type: 'library',
        id: row.id,
        score: result.score,
        reasons: result.reasons,
        claimText: row.claimReviewed,
        claimant: row.claimant,
        date: row.reviewDate ?? row.claimDate,
        verdict: row.ratingName ? { label: row.ratingName, color: null } : null,
        decisionHidden: false,
        rationale: '',
        reviewOrg: row.reviewOrg,
        href: row.url,
        external: true,
      };
    }
    const row = item.row;
    const isHidden = hidden.has(row.id);
    return {
      type: 'claim',
      id: row.id,
      score: result.score,
      reasons: result.reasons,
      claimText: row.claimText,
      claimant: row.claimant,
      date: row.claimDate ?? row.publishedOn ?? isoDay(row.createdAt),
      verdict: isHidden || !row.verdictLabel ? null : { label: row.verdictLabel, color: row.verdictColor },
      decisionHidden: isHidden,
      rationale: isHidden ? '' : row.rationale,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      claimNumber: row.number,
      href: `/articles/${row.articleId}?claim=${row.id}`,
      external: false,
    };
  });
}
