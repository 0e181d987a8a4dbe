import 'server-only';
import { libraryItemHref } from '@/lib/claim-review/links';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../client';
import { activeDialect } from '../dialect';
import type { Role } from '@/lib/domain/roles';
import { can } from '@/lib/auth/permissions';
import { canSeeDecision, canSeeOthersVerdicts } from '@/lib/review/verdict-visibility';
import { DECISION_DOC_KINDS, type SearchDocKind } from '@/lib/domain/search';
import type { ArticleStatus, ClaimStatus } from '@/lib/domain/statuses';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from '@/lib/search/params';
import { parseSearchQuery, positiveTerms, toFts5Match, toTrigramMatch, termWords, toTsQuery, trigramClauses, type ParsedQuery } from '@/lib/search/query';
import { substringSnippet, wordSnippet } from '@/lib/search/snippet';
import { claimsWithOpenVote, openVoteExists } from './review-session-votes';
import type { SearchHit, SearchParams, SearchResultGroup, SearchResults, SnippetPart } from '@/lib/search/types';

/**
 * Full-text search over the desk's memory (search_docs, kept by triggers and by
 * db/queries/search-index.ts), on either dialect.
 *
 * 1. Candidates: the word index drives (FTS5 MATCH / tsv @@ tsquery), restricted to the viewer's
 *    workspaces (and the kinds and claim filters asked for), ranked by bm25 / ts_rank_cd times a
 *    weight per kind of text (a claim counts more than a comment). A word in every other document
 *    ranks only its newest WINDOW matches, and each branch keeps the best few hundred rows: the
 *    cost of a search is bounded whatever is typed. When the word hits do not fill the page, the
 *    trigram index (FTS5 trigram / pg_trgm ILIKE) adds substring matches (inside words, Persian and
 *    Arabic with attached prefixes), ranked after every word hit.
 * 2. Checks on those rows only, group batch by group batch until the page is full (checkRows): not in
 *    the trash, blind review and open review-session votes exactly as lib/review/verdict-visibility.ts
 *    (rationales only where the viewer may see the claim's decision, others' reasons only where they
 *    may see others' verdicts, a reviewer's own reason always; a hidden claim's verdict and status
 *    are withheld and never match a filter), the filters.
 * 3. Grouped by article (a library item is its own group), groups ranked by their best hit, paged
 *    by group; snippets (loadSnippets) and names read for the page only.
 */

export interface SearchViewer {
  userId: string;
}

/**
 * Rows each branch keeps before the per-row checks: enough for the page asked for (a group has
 * one hit or several), few enough that the checks stay a few milliseconds. `totalGroups` counts the
 * groups among them, so it is a lower bound for very common words ("200+").
 */
function candidateCap(needGroups: number): number {
  return Math.min(2000, Math.max(250, needGroups * 10));
}
export const HITS_PER_GROUP = 5;

/** How much a match in each kind of text counts (bm25 and ts_rank_cd are multiplied by it). */
export const KIND_WEIGHTS: Readonly<Record<SearchDocKind, number>> = {
  claim: 2.2,
  title: 2.0,
  library: 1.8,
  rationale: 1.5,
  source: 1.4,
  verdict_reason: 1.3,
  block: 1.0,
  comment: 0.9,
};

/** Kinds tied to a claim (they open the article at the claim). */
const CLAIM_KINDS: ReadonlySet<SearchDocKind> = new Set(['claim', 'rationale', 'verdict_reason', 'source', 'comment']);
/** Kinds whose body joins several fields with newlines (shown with a separator in snippets). */
const FIELD_KINDS: ReadonlySet<SearchDocKind> = new Set(['title', 'claim', 'source', 'library']);

const DECISION_KINDS: ReadonlySet<SearchDocKind> = new Set(DECISION_DOC_KINDS);

interface CandidateRow {
  id: number;
  kind: SearchDocKind;
  workspace_id: string;
  article_id: string | null;
  claim_id: string | null;
  library_item_id: string | null;
  block_start: number | null;
  score: number;
  tier: number;
  decision_visible: boolean;
}

function list(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

function weightCase(alias = 'd'): SQL {
  return sql.raw(`CASE ${alias}.kind ${Object.entries(KIND_WEIGHTS).map(([kind, weight]) => `WHEN '${kind}' THEN ${weight}`).join(' ')} ELSE 1 END`);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchWorkspaces(db: Db, viewer: SearchViewer, params: SearchParams, tuning: { window?: number } = {}): Promise<SearchResults> {
  const started = performance.now();
  const parsed = parseSearchQuery(params.q);
  const base = { query: parsed.text, ...(parsed.notice ? { notice: parsed.notice } : {}) };
  const limit = Math.min(Math.max(1, Math.trunc(params.limit ?? SEARCH_DEFAULT_LIMIT)), SEARCH_MAX_LIMIT);
  const offset = Math.max(0, Math.trunc(params.offset ?? 0));
  const done = (groups: SearchResultGroup[], totalGroups: number): SearchResults => ({ ...base, groups, totalGroups, tookMs: Math.round((performance.now() - started) * 10) / 10 });
  if (parsed.empty) return done([], 0);

  const { rows: candidates, unchecked } = await findCandidates(db, viewer, params, parsed, offset + limit, Math.max(1, tuning.window ?? WINDOW));
  if (candidates.length === 0) return done([], unchecked);

  // One row per document (a word hit wins over the same document's trigram hit), best first.
  const best = new Map<number, CandidateRow>();
  for (const row of candidates) {
    const seen = best.get(row.id);
    if (!seen || row.tier < seen.tier || (row.tier === seen.tier && row.score < seen.score)) best.set(row.id, row);
  }
  const ordered = [...best.values()].sort((a, b) => a.tier - b.tier || a.score - b.score || a.id - b.id);
  const groups = new Map<string, CandidateRow[]>();
  for (const row of ordered) {
    const key = groupKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const page = [...groups.values()].slice(offset, offset + limit);
  if (page.length === 0) return done([], groups.size + unchecked);
  const shown = page.flatMap((group) => group.slice(0, HITS_PER_GROUP));

  const [details, snippets] = await Promise.all([loadDetails(db, shown), loadSnippets(db, shown, parsed)]);
  const result: SearchResultGroup[] = [];
  for (const group of page) {
    const first = group[0]!;
    const hits = group.slice(0, HITS_PER_GROUP).map((row) => toHit(row, details, snippets));
    if (first.article_id) {
      const article = details.articles.get(first.article_id);
      if (!article) continue;
      result.push({
        type: 'article',
        id: article.id,
        title: article.title,
        workspaceId: article.workspace_id,
        workspaceName: article.workspace_name,
        articleStatus: article.status,
        date: article.date,
        href: `/articles/${article.id}`,
        hits,
        moreHits: group.length - hits.length,
      });
    } else {
      const item = details.library.get(first.library_item_id!);
      if (!item) continue;
      result.push({
        type: 'library',
        id: item.id,
        title: item.claim_reviewed,
        workspaceId: item.workspace_id,
        workspaceName: item.workspace_name,
        date: item.review_date,
        reviewOrg: item.review_org,
        url: item.url,
        href: libraryItemHref(item.workspace_id, item.id),
        hits,
        moreHits: group.length - hits.length,
      });
    }
  }
  return done(result, groups.size + unchecked);
}

function hrefOf(row: CandidateRow): string {
  if (row.library_item_id && !row.article_id) return libraryItemHref(row.workspace_id, row.library_item_id);
  if (row.claim_id && CLAIM_KINDS.has(row.kind)) return `/articles/${row.article_id}?claim=${row.claim_id}`;
  if (row.kind === 'block' && row.block_start !== null) return `/articles/${row.article_id}?at=${row.block_start}`;
  return `/articles/${row.article_id}`;
}

function toHit(row: CandidateRow, details: Details, snippets: Map<number, SnippetPart[]>): SearchHit {
  const hit: SearchHit = { kind: row.kind, docId: Number(row.id), snippet: snippets.get(Number(row.id)) ?? [], rank: row.score, href: hrefOf(row) };
  if (row.kind === 'block' && row.block_start !== null) hit.blockStart = Number(row.block_start);
  if (row.claim_id) {
    const claim = details.claims.get(row.claim_id);
    if (claim) {
      const visible = row.decision_visible;
      const level = visible && claim.verdict_id ? details.levels.get(claim.verdict_id) : undefined;
      hit.claim = {
        id: claim.id,
        number: Number(claim.number),
        claimText: claim.claim_text,
        claimant: claim.claimant,
        status: visible ? claim.status : null,
        verdict: level ? { id: level.id, label: level.label, color: level.color } : null,
        decisionHidden: !visible,
      };
    }
  }
  return hit;
}

// --- candidates --------------------------------------------------------------------------------

/** Type aliases (not interfaces) for rows: queryRows wants a plain record type. */
type DocRow = {
  id: number;
  kind: SearchDocKind;
  workspace_id: string;
  article_id: string | null;
  claim_id: string | null;
  library_item_id: string | null;
  author_id: string | null;
  block_start: number | null;
  score: number;
  tier?: number;
};

/**
 * Most matches any query ranks: past this many matching rows (a word in every other document), only
 * the newest WINDOW matches are ranked, so the cost of a search stays bounded whatever the word.
 */
const WINDOW = 3000;

function docColumns(): SQL {
  return sql`d.kind, d.workspace_id, d.article_id, d.claim_id, d.library_item_id, d.author_id, d.block_start`;
}

/**
 * What the newest-WINDOW cut is taken within: the viewer's workspaces, the kinds asked for, and
 * (with a claim filter) rows of claims. Index lookups only, no claim read per match — so another
 * workspace's rows, or rows a kind filter drops, never push this workspace's matches out of the
 * window, and a claim filter still finds its claims among the newest claim matches.
 */
interface SearchScope {
  window: SQL;
  rows: SQL;
  /** How many of the newest matches are ranked (WINDOW; tests pass a small one). */
  size: number;
}

function hasClaimFilter(params: SearchParams): boolean {
  return Boolean(params.verdictId || params.claimStatus || params.reviewerId);
}

/**
 * `articles` read through its covering search index. SQLite otherwise picks the unique index on id
 * and then reads the table row, walking the stored document on the way to the columns after it.
 */
function articleStates(alias: string): SQL {
  return activeDialect() === 'postgres' ? sql.raw(`articles ${alias}`) : sql.raw(`articles ${alias} INDEXED BY articles_search_state_idx`);
}

/** Blind review lets the viewer see the row's claim: no blind review on its article, or their own verdict on it. */
function blindAllows(viewerId: string): SQL {
  return sql`(NOT EXISTS (SELECT 1 FROM ${articleStates('ba')} WHERE ba.id = d.article_id AND ba.blind_review)
    OR EXISTS (SELECT 1 FROM claim_verdicts ov WHERE ov.claim_id = d.claim_id AND ov.user_id = ${viewerId}))`;
}

function privilegedIn(privilegedWorkspaceIds: readonly string[]): SQL | null {
  return privilegedWorkspaceIds.length > 0 ? sql`d.workspace_id IN (${list(privilegedWorkspaceIds)})` : null;
}

/**
 * lib/review/verdict-visibility.ts as SQL over a search_docs row `d`, in the scan itself, not only
 * in checkRows, so that nothing the viewer may not see is ever counted (a total that moved with a
 * hidden rationale would be an oracle). Article lookups go through articles_search_state_idx
 * (covering), never the article's document; open votes through review_session_items_claim_idx.
 *
 * decisionVisible (canSeeDecision): the viewer may see the decision of the row's claim — they set
 * final verdicts in its workspace, or blind review allows it and no vote on the claim is open.
 */
function decisionVisible(viewerId: string, privilegedWorkspaceIds: readonly string[]): SQL {
  const privileged = privilegedIn(privilegedWorkspaceIds);
  return sql`(${privileged ? sql`${privileged} OR ` : sql``}d.claim_id IS NULL
    OR (${blindAllows(viewerId)} AND NOT ${openVoteExists(sql`d.claim_id`)}))`;
}

/**
 * othersVisible (canSeeOthersVerdicts): the viewer may see other reviewers' verdicts (their
 * reasons) on the row's claim — no vote on it is open, whoever they are, and blind review allows it.
 */
function othersVisible(viewerId: string, privilegedWorkspaceIds: readonly string[]): SQL {
  const privileged = privilegedIn(privilegedWorkspaceIds);
  return sql`(d.claim_id IS NULL
    OR (NOT ${openVoteExists(sql`d.claim_id`)} AND (${privileged ? sql`${privileged} OR ` : sql``}${blindAllows(viewerId)})))`;
}

function scopeOf(workspaceIds: readonly string[], params: SearchParams, size: number, viewer: { userId: string; privilegedWorkspaceIds: readonly string[] }): SearchScope {
  const parts: SQL[] = [sql`d.workspace_id IN (${list(workspaceIds)})`];
  if (params.kinds && params.kinds.length > 0) parts.push(sql`d.kind IN (${list(params.kinds)})`);
  if (hasClaimFilter(params)) parts.push(sql`d.claim_id IS NOT NULL`);
  const window = sql.join(parts, sql` AND `);
  const visible = decisionVisible(viewer.userId, viewer.privilegedWorkspaceIds);
  parts.push(sql`(d.article_id IS NULL OR NOT EXISTS (SELECT 1 FROM ${articleStates('ta')} WHERE ta.id = d.article_id AND ta.deleted_at IS NOT NULL))`);
  // A reviewer's reason is theirs (always) or another's (with the others' verdicts); a rationale is the decision.
  parts.push(
    sql`(d.kind NOT IN (${list(DECISION_DOC_KINDS)}) OR (d.kind = 'verdict_reason' AND (d.author_id = ${viewer.userId} OR ${othersVisible(viewer.userId, viewer.privilegedWorkspaceIds)})) OR (d.kind <> 'verdict_reason' AND ${visible}))`,
  );
  if (params.verdictId || params.claimStatus) parts.push(visible);
  // Claim filters narrow the scan itself (one claim lookup by key per match), so a filter that few
  // claims pass still fills the page; blind review is checked afterwards (checkRows).
  const claimConditions: SQL[] = [];
  if (params.verdictId) claimConditions.push(sql`cl.verdict_id = ${params.verdictId}`);
  if (params.claimStatus) claimConditions.push(sql`cl.status = ${params.claimStatus}`);
  if (params.reviewerId) {
    claimConditions.push(
      sql`(cl.author_id = ${params.reviewerId} OR EXISTS (SELECT 1 FROM claim_verdicts rv WHERE rv.claim_id = cl.id AND rv.user_id = ${params.reviewerId}) OR EXISTS (SELECT 1 FROM assignments ra WHERE ra.claim_id = cl.id AND ra.assignee_id = ${params.reviewerId}))`,
    );
  }
  const claimant = params.claimant?.trim();
  if (claimant) {
    const claimMatch = claimConditions.length > 0 ? sql` AND ${sql.join(claimConditions, sql` AND `)}` : sql``;
    parts.push(
      sql`(EXISTS (SELECT 1 FROM claims cl WHERE cl.id = d.claim_id AND lower(trim(cl.claimant)) = lower(${claimant})${claimMatch})${
        claimConditions.length === 0 ? sql` OR EXISTS (SELECT 1 FROM claim_library_items li WHERE li.id = d.library_item_id AND d.article_id IS NULL AND lower(trim(li.claimant)) = lower(${claimant}))` : sql``
      })`,
    );
  } else if (claimConditions.length > 0) {
    parts.push(sql`EXISTS (SELECT 1 FROM claims cl WHERE cl.id = d.claim_id AND ${sql.join(claimConditions, sql` AND `)})`);
  }
  return { window, rows: sql.join(parts, sql` AND `), size };
}

/* eslint-disable no-restricted-syntax -- FTS5 tables are keyed by rowid (= search_docs.id); SQLite branch only */
/**
 * Matches in one FTS5 table (`search_fts` for words, `search_trigram` for substrings): the newest
 * `scope.size` within the window scope, ranked by `score` (given the table's bm25).
 */
async function sqliteFtsRows(db: Db, table: 'search_fts' | 'search_trigram', match: string, score: (bm25: SQL) => SQL, scope: SearchScope, cap: number): Promise<DocRow[]> {
  const fts = sql.raw(table);
  const [edge] = await queryRows<{ id: number }>(
    db,
    sql`SELECT ${fts}.rowid AS id FROM ${fts} JOIN search_docs d ON d.id = ${fts}.rowid
      WHERE ${fts} MATCH ${match} AND ${scope.window} ORDER BY ${fts}.rowid DESC LIMIT 1 OFFSET ${scope.size - 1}`,
  );
  const window = edge ? sql` AND ${fts}.rowid >= ${edge.id}` : sql``;
  return queryRows<DocRow>(
    db,
    sql`SELECT ${fts}.rowid AS id, ${score(sql`bm25(${fts})`)} AS score, ${docColumns()}
      FROM ${fts} JOIN search_docs d ON d.id = ${fts}.rowid
      WHERE ${fts} MATCH ${match}${window} AND ${scope.rows} ORDER BY score, id LIMIT ${cap}`,
  );
}

async function sqliteWordRows(db: Db, parsed: ParsedQuery, scope: SearchScope, cap: number): Promise<DocRow[]> {
  const match = toFts5Match(parsed);
  return match ? sqliteFtsRows(db, 'search_fts', match, (bm25) => sql`${bm25} * ${weightCase()}`, scope, cap) : [];
}

async function sqliteTrigramRows(db: Db, parsed: ParsedQuery, scope: SearchScope, cap: number): Promise<DocRow[]> {
  const match = toTrigramMatch(parsed);
  // Ranked after every word hit: 1 + a number in (0, 1], smaller for a better trigram bm25.
  return match ? sqliteFtsRows(db, 'search_trigram', match, (bm25) => sql`1.0 + 1.0 / (1.0 - ${bm25} * ${weightCase()})`, scope, cap) : [];
}
/* eslint-enable no-restricted-syntax */

async function pgWordRows(db: Db, parsed: ParsedQuery, scope: SearchScope, cap: number): Promise<DocRow[]> {
  const tsquery = toTsQuery(parsed);
  if (!tsquery) return [];
  const found = await queryRows<DocRow>(
    db,
    // The window is chosen on ids alone (no tsvector carried through the sort), then ranked. The
    // matches are materialised first: with "ORDER BY id DESC LIMIT" right on the table the planner
    // walks the primary key backwards and tests every row instead of using the GIN index.
    sql`WITH q AS (SELECT ${tsquery} AS q),
      m AS MATERIALIZED (SELECT d.id FROM search_docs d, q WHERE d.tsv @@ q.q AND ${scope.window}),
      w AS (SELECT m.id FROM m ORDER BY m.id DESC LIMIT ${scope.size})
      SELECT d.id, -ts_rank_cd(d.tsv, q.q) * ${weightCase()} AS score, ${docColumns()}
      FROM w JOIN search_docs d ON d.id = w.id, q
      WHERE ${scope.rows}
      ORDER BY score, d.id LIMIT ${cap}`,
  );
  return found.map((row) => ({ ...row, id: Number(row.id), score: Number(row.score) }));
}

async function pgTrigramRows(db: Db, parsed: ParsedQuery, scope: SearchScope, cap: number): Promise<DocRow[]> {
  const clauses = trigramClauses(parsed);
  if (!clauses) return [];
  const needles = clauses.flat();
  const positive = sql.join(
    clauses.map((c) => sql`(${sql.join(c.map((t) => sql`d.body ILIKE ${`%${escapeLike(t)}%`}`), sql` OR `)})`),
    sql` AND `,
  );
  const negative = parsed.exclusions.map((e) => sql` AND d.body NOT ILIKE ${`%${escapeLike(e.text)}%`}`);
  const found = await queryRows<DocRow>(
    db,
    sql`SELECT w.id, 1.0 + (1.0 - word_similarity(${needles.join(' ')}, w.body)) / ${weightCase('w')} AS score,
        w.kind, w.workspace_id, w.article_id, w.claim_id, w.library_item_id, w.author_id, w.block_start
      FROM (WITH m AS MATERIALIZED (SELECT d.id FROM search_docs d WHERE ${positive}${sql.join(negative, sql``)} AND ${scope.window})
            SELECT d.id, d.body, ${docColumns()} FROM (SELECT id FROM m ORDER BY id DESC LIMIT ${scope.size}) mw JOIN search_docs d ON d.id = mw.id WHERE ${scope.rows}) w
      ORDER BY score, id LIMIT ${cap}`,
  );
  return found.map((row) => ({ ...row, id: Number(row.id), score: Number(row.score) }));
}

type ArticleState = {
  id: string;
  deleted_at: unknown;
  blind_review: unknown;
  status: ArticleStatus;
  published_on: string | null;
  created_at: unknown;
};

function isoDay(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/**
 * The checks the scan could not make, on a batch of candidate rows: each article read once by key
 * (trash, blind review, status, date), the viewer's own verdicts only for claims under blind
 * review, open votes for the batch's claims. The claim filters' values were matched by the scan
 * (scopeOf); here a claim whose decision blind review or an open vote hides from the viewer stops
 * matching them, as does its rationale; others' reasons go where others' verdicts are hidden.
 */
async function checkRows(db: Db, viewer: SearchViewer, params: SearchParams, roles: Map<string, Role>, found: DocRow[]): Promise<CandidateRow[]> {
  if (found.length === 0) return [];
  const articleIds = [...new Set(found.map((r) => r.article_id).filter((v): v is string => v !== null))];
  const datesWanted = Boolean(params.from || params.to);
  const libraryIds = datesWanted ? [...new Set(found.filter((r) => !r.article_id && r.library_item_id).map((r) => r.library_item_id!))] : [];
  const [articleRows, libraryRows] = await Promise.all([
    articleIds.length ? queryRows<ArticleState>(db, sql`SELECT a.id, a.deleted_at, a.blind_review, a.status, a.published_on, a.created_at FROM ${articleStates('a')} WHERE a.id IN (${list(articleIds)})`) : [],
    libraryIds.length ? queryRows<{ id: string; review_date: string | null }>(db, sql`SELECT id, review_date FROM claim_library_items WHERE id IN (${list(libraryIds)})`) : [],
  ]);
  const articlesById = new Map(articleRows.map((r) => [r.id, r]));
  const libraryById = new Map(libraryRows.map((r) => [r.id, r]));
  const blindClaims = [
    ...new Set(found.filter((r) => r.claim_id && r.article_id && Boolean(articlesById.get(r.article_id)?.blind_review)).map((r) => r.claim_id!)),
  ];
  const voted = new Set(
    blindClaims.length
      ? (await queryRows<{ claim_id: string }>(db, sql`SELECT claim_id FROM claim_verdicts WHERE user_id = ${viewer.userId} AND claim_id IN (${list(blindClaims)})`)).map((r) => r.claim_id)
      : [],
  );
  const voteOpen = await claimsWithOpenVote(db, [...new Set(found.flatMap((r) => (r.claim_id && r.article_id ? [r.claim_id] : [])))]);
  const out: CandidateRow[] = [];
  for (const row of found) {
    const article = row.article_id ? articlesById.get(row.article_id) : undefined;
    if (row.article_id && (!article || article.deleted_at !== null)) continue;
    const role = roles.get(row.workspace_id) ?? null;
    const facts = row.claim_id && article ? ([role, Boolean(article.blind_review), voted.has(row.claim_id), { voteOpen: voteOpen.has(row.claim_id) }] as const) : null;
    const visible = !facts || canSeeDecision(...facts);
    const othersShown = !facts || canSeeOthersVerdicts(...facts);
    if (DECISION_KINDS.has(row.kind) && !(row.kind === 'verdict_reason' ? othersShown || row.author_id === viewer.userId : visible)) continue;
    if ((params.verdictId || params.claimStatus) && !visible) continue;
    if (params.articleStatus && article?.status !== params.articleStatus) continue;
    if (datesWanted) {
      const item = !row.article_id && row.library_item_id ? libraryById.get(row.library_item_id) : undefined;
      const day = article ? (article.published_on ?? isoDay(article.created_at)) : (item?.review_date?.slice(0, 10) ?? null);
      if (!day || (params.from && day < params.from) || (params.to && day > params.to)) continue;
    }
    out.push({
      id: Number(row.id),
      kind: row.kind,
      workspace_id: row.workspace_id,
      article_id: row.article_id,
      claim_id: row.claim_id,
      library_item_id: row.library_item_id,
      block_start: row.block_start === null ? null : Number(row.block_start),
      score: Number(row.score),
      tier: row.tier ?? 0,
      decision_visible: visible,
    });
  }
  return out;
}

function groupKey(row: { article_id: string | null; library_item_id: string | null }): string {
  return row.article_id ? `a:${row.article_id}` : `l:${row.library_item_id}`;
}

/**
 * Word hits, then (when they do not fill the page asked for) trigram hits; grouped in rank order and
 * checked group batch by group batch until the page is full, so a page reads the state of a few
 * dozen articles, not of every candidate. `unchecked` counts the candidate groups left unchecked
 * (counted in totalGroups as they are).
 */
async function findCandidates(db: Db, viewer: SearchViewer, params: SearchParams, parsed: ParsedQuery, needGroups: number, windowSize: number): Promise<{ rows: CandidateRow[]; unchecked: number }> {
  const none = { rows: [], unchecked: 0 };
  const memberRows = await queryRows<{ workspace_id: string; role: Role }>(db, sql`SELECT workspace_id, role FROM memberships WHERE user_id = ${viewer.userId}`);
  const roles = new Map(memberRows.map((r) => [r.workspace_id, r.role]));
  const workspaceIds = params.workspaceId ? (roles.has(params.workspaceId) ? [params.workspaceId] : []) : [...roles.keys()];
  if (workspaceIds.length === 0) return none;
  const privilegedWorkspaceIds = workspaceIds.filter((id) => can(roles.get(id) ?? null, 'verdict:final'));
  const scope = scopeOf(workspaceIds, params, windowSize, { userId: viewer.userId, privilegedWorkspaceIds });
  const pg = activeDialect() === 'postgres';
  const cap = candidateCap(needGroups);

  const groups = new Map<string, DocRow[]>();
  const add = (found: DocRow[], tier: number) => {
    for (const row of found) {
      const key = groupKey(row);
      const group = groups.get(key);
      const tagged = { ...row, tier };
      if (group) group.push(tagged);
      else groups.set(key, [tagged]);
    }
  };
  add(await (pg ? pgWordRows(db, parsed, scope, cap) : sqliteWordRows(db, parsed, scope, cap)), 0);
  // Trigram hits rank after every word hit: needed only when the word hits cannot fill the page.
  if (groups.size < needGroups) {
    const seen = new Set([...groups.values()].flat().map((r) => Number(r.id)));
    add((await (pg ? pgTrigramRows(db, parsed, scope, cap) : sqliteTrigramRows(db, parsed, scope, cap))).filter((r) => !seen.has(Number(r.id))), 1);
  }

  const ordered = [...groups.values()];
  const checked: CandidateRow[] = [];
  let valid = 0;
  let next = 0;
  // Article filters can drop most groups: then everything is checked, and the total is exact.
  const everything = Boolean(params.articleStatus || params.from || params.to);
  while (next < ordered.length && (everything || valid < needGroups)) {
    const size = everything ? ordered.length : Math.max(10, needGroups - valid + 5);
    const batch = ordered.slice(next, next + size);
    next += batch.length;
    const passed = await checkRows(db, viewer, params, roles, batch.flat());
    valid += new Set(passed.map(groupKey)).size;
    checked.push(...passed);
  }
  return { rows: checked, unchecked: ordered.length - next };
}

// --- page details ------------------------------------------------------------------------------

type DetailClaim = {
  id: string;
  number: number;
  claim_text: string;
  claimant: string;
  status: ClaimStatus;
  verdict_id: string | null;
};

interface Details {
  articles: Map<string, { id: string; title: string; workspace_id: string; workspace_name: string; status: ArticleStatus; date: string | null }>;
  library: Map<string, { id: string; claim_reviewed: string; workspace_id: string; workspace_name: string; review_org: string; url: string; review_date: string | null }>;
  claims: Map<string, DetailClaim>;
  levels: Map<string, { id: string; label: string; color: string }>;
}

async function loadDetails(db: Db, shown: CandidateRow[]): Promise<Details> {
  const articleIds = [...new Set(shown.map((r) => r.article_id).filter((v): v is string => v !== null))];
  const libraryIds = [...new Set(shown.filter((r) => !r.article_id).map((r) => r.library_item_id).filter((v): v is string => v !== null))];
  const claimIds = [...new Set(shown.map((r) => r.claim_id).filter((v): v is string => v !== null))];
  const pg = activeDialect() === 'postgres';
  const createdDay = pg ? sql`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : sql`date(a.created_at / 1000, 'unixepoch')`;
  const [articleRows, libraryRows, claimRows] = await Promise.all([
    articleIds.length
      ? queryRows<{ id: string; title: string; workspace_id: string; workspace_name: string; status: ArticleStatus; date: string | null }>(
          db,
          sql`SELECT a.id, a.title, a.workspace_id, w.name AS workspace_name, a.status, coalesce(a.published_on, ${createdDay}) AS date
            FROM articles a JOIN workspaces w ON w.id = a.workspace_id WHERE a.id IN (${list(articleIds)})`,
        )
      : [],
    libraryIds.length
      ? queryRows<{ id: string; claim_reviewed: string; workspace_id: string; workspace_name: string; review_org: string; url: string; review_date: string | null }>(
          db,
          sql`SELECT li.id, li.claim_reviewed, li.workspace_id, w.name AS workspace_name, li.review_org, li.url, li.review_date
            FROM claim_library_items li JOIN workspaces w ON w.id = li.workspace_id WHERE li.id IN (${list(libraryIds)})`,
        )
      : [],
    claimIds.length
      ? queryRows<DetailClaim>(db, sql`SELECT id, number, claim_text, claimant, status, verdict_id FROM claims WHERE id IN (${list(claimIds)})`)
      : [],
  ]);
  // Verdict names only for claims whose decision the viewer may see.
  const visibleClaims = new Set(shown.filter((r) => r.claim_id && r.decision_visible).map((r) => r.claim_id!));
  const levelIds = [...new Set(claimRows.filter((c) => visibleClaims.has(c.id) && c.verdict_id).map((c) => c.verdict_id!))];
  const levelRows = levelIds.length ? await queryRows<{ id: string; label: string; color: string }>(db, sql`SELECT id, label, color FROM rating_levels WHERE id IN (${list(levelIds)})`) : [];

  return {
    articles: new Map(articleRows.map((r) => [r.id, r])),
    library: new Map(libraryRows.map((r) => [r.id, r])),
    claims: new Map(claimRows.map((r) => [r.id, r])),
    levels: new Map(levelRows.map((r) => [r.id, r])),
  };
}

/**
 * Snippets for the hits shown, marked here on both dialects (lib/search/snippet.ts): one read of the
 * bodies by key, instead of FTS5 snippet() or ts_headline, which re-run the whole match per call
 * (FTS5) or drop tag-like text such as "<b>" from the snippet (ts_headline). Word hits mark the
 * query's words (case and diacritics folded like the index), substring hits the substrings.
 */
async function loadSnippets(db: Db, shown: CandidateRow[], parsed: ParsedQuery): Promise<Map<number, SnippetPart[]>> {
  const out = new Map<number, SnippetPart[]>();
  if (shown.length === 0) return out;
  const separator = (kind: SearchDocKind) => (FIELD_KINDS.has(kind) ? ' · ' : ' ');
  const byId = new Map(shown.map((r) => [Number(r.id), r]));
  const terms = positiveTerms(parsed);
  const words = terms.flatMap((term) => {
    const list = termWords(term);
    return list.map((word, index) => ({ word, prefix: term.prefix && index === list.length - 1 }));
  });
  const needles = terms.map((t) => t.text);
  const bodies = await queryRows<{ id: number; body: string }>(
    db,
    sql`SELECT id, body FROM search_docs WHERE id IN (${sql.join(
      [...byId.keys()].map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  for (const { id, body } of bodies) {
    const row = byId.get(Number(id));
    if (!row) continue;
    const options = { fieldSeparator: separator(row.kind) };
    out.set(Number(id), row.tier === 0 ? wordSnippet(body, words, options) : substringSnippet(body, needles, options));
  }
  return out;
}
