import 'server-only';
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, claimSuggestions, suggestionRuns } from '../schema';
import { isUniqueViolation, transaction, type Tx } from '../transaction';
import { authorize, notTrashed } from './access';
import { getTextAtRevision } from './article-revisions';
import { claimAnchorColumns } from './claim-anchoring';
import { createClaim, updateClaim } from './claims';
import { effectiveThreshold, getCheckWorthinessSettingsRow } from './check-worthiness-settings';
import { anchor, describe, reanchorAll, type Selector, type TextRange } from '@/lib/anchoring';
import type { Action } from '@/lib/auth/permissions';
import { readClaimPartsOrColumns } from '@/lib/claims/parts';
import type { ClaimDto } from '@/lib/domain/claims';
import type { ArticleSuggestionsDto, SuggestionDto, SuggestionRunDto, SuggestionState } from '@/lib/domain/check-worthiness';
import type { Reason, ScoreResult } from '@/lib/check-worthiness/types';
import { AppError, conflict, notFound } from '@/lib/errors';
import { getArticleTextCache, type ArticleText } from '@/lib/server/article-text-cache';
import { SUGGESTION_STORE_FLOOR, type AcceptSuggestionInput } from '@/lib/validations/check-worthiness';

/**
 * Check-worthiness suggestions (issue 16): Find claims runs, the suggestions they store, anchored to
 * the article text like claims (quote + context + code-point position at a revision) and re-anchored
 * to the current revision when read (lib/anchoring reanchorAll, the machinery claims use), accept
 * (through createClaim) and dismiss. The background runner is lib/server/check-worthiness-jobs.ts.
 */

type RunRow = typeof suggestionRuns.$inferSelect;
type SuggestionRow = typeof claimSuggestions.$inferSelect;

/** Suggestion rows per multi-row INSERT (about 20 parameters each: far below either dialect's limit). */
const INSERT_CHUNK = 200;
/** Sentences described between two yields to the event loop when a run's suggestions are stored. */
const YIELD_EVERY = 250;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export const DEAD_RUN_MESSAGE = 'The server stopped while Find claims was running. Run it again.';

/** A running row not written for this long when a new run is asked for is taken as dead (progress is written every second). */
export const ABANDONED_RUN_AFTER_MS = 10 * 60_000;

export function toRunDto(row: RunRow): SuggestionRunDto {
  const progress = row.status === 'running' ? (row.sentencesTotal > 0 ? Math.min(0.99, row.sentencesDone / row.sentencesTotal) : 0) : row.status === 'done' ? 1 : row.sentencesTotal > 0 ? row.sentencesDone / row.sentencesTotal : 0;
  return {
    id: row.id,
    articleId: row.articleId,
    revision: row.revision,
    status: row.status,
    sentencesDone: row.sentencesDone,
    sentencesTotal: row.sentencesTotal,
    progress: Math.round(progress * 1000) / 1000,
    language: (row.language as SuggestionRunDto['language']) ?? null,
    languageSupport: (row.languageSupport as SuggestionRunDto['languageSupport']) ?? null,
    unsupportedCues: row.unsupportedCues ?? [],
    chunkedSentences: row.chunkedSentences,
    error: row.error,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    version: row.version,
  };
}

/** A suggestion as the routes return it; `range` is its place in the current text (null: orphaned). */
export function toSuggestionDto(row: SuggestionRow, range: TextRange | null, current: ArticleText | null): SuggestionDto {
  const placed = range && current ? describe(current.text, range.start, range.end, current.index) : null;
  return {
    id: row.id,
    articleId: row.articleId,
    runId: row.runId,
    revision: current?.revision ?? row.revision,
    range: range ?? { start: 0, end: 0 },
    anchorState: range ? 'anchored' : 'orphaned',
    position: placed ? { start: placed[1].start, end: placed[1].end } : { start: row.positionStart, end: row.positionEnd },
    quote: placed ? { exact: placed[0].exact, prefix: placed[0].prefix ?? '', suffix: placed[0].suffix ?? '' } : { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
    score: row.score,
    reasons: row.reasons,
    claimant: row.claimant,
    state: row.state,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    claimId: row.claimId,
    version: row.version,
  };
}

/** "Find claims is already running on this article (40%)": the 409 of a second start, with the run. */
export function runningConflict(run: RunRow): AppError {
  const dto = toRunDto(run);
  return new AppError('conflict', `Find claims is already running on this article (${Math.round(dto.progress * 100)}%).`, { run: dto });
}

// ---------------------------------------------------------------------------------------------
// Text

/** The article's current text, revision and code-point index (the per-revision cache, else read). */
export async function currentArticleText(db: Db, articleId: string): Promise<ArticleText & { workspaceId: string }> {
  const [head] = await db.select({ revision: articles.revision, workspaceId: articles.workspaceId }).from(articles).where(and(eq(articles.id, articleId), notTrashed())).limit(1);
  if (!head) throw notFound('Article');
  const cache = getArticleTextCache();
  const cached = cache.get(articleId, head.revision);
  if (cached) return { ...cached, workspaceId: head.workspaceId };
  const [row] = await db.select({ text: articles.plainText, revision: articles.revision }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  return { ...cache.set(articleId, row.revision, row.text), workspaceId: head.workspaceId };
}

// ---------------------------------------------------------------------------------------------
// Anchoring

type AnchorRow = Pick<SuggestionRow, 'id' | 'revision' | 'positionStart' | 'positionEnd' | 'quoteExact' | 'quotePrefix' | 'quoteSuffix' | 'anchorState'>;

const selectorsOf = (row: AnchorRow): Selector[] => [
  { type: 'TextQuoteSelector', exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
  { type: 'TextPositionSelector', start: row.positionStart, end: row.positionEnd },
];

/**
 * Where each suggestion is in the current text (UTF-16; null: orphaned). Rows stored at the current
 * revision are read off their position; rows of an older revision go through reanchorAll from the
 * text of their revision (one call per revision), or anchor() on the current text when that revision's
 * text is no longer stored. An orphan stays an orphan (never moved onto other words).
 */
export async function anchorToCurrent(db: Db, articleId: string, current: ArticleText, rows: readonly AnchorRow[]): Promise<Map<string, TextRange | null>> {
  const result = new Map<string, TextRange | null>();
  const older = new Map<number, AnchorRow[]>();
  for (const row of rows) {
    if (row.anchorState === 'orphaned') result.set(row.id, null);
    else if (row.revision === current.revision) {
      const start = current.index.toUtf16(row.positionStart);
      const end = current.index.toUtf16(row.positionEnd);
      result.set(row.id, start !== null && end !== null && end > start ? { start, end } : null);
    } else {
      const list = older.get(row.revision) ?? [];
      list.push(row);
      older.set(row.revision, list);
    }
  }
  for (const [revision, list] of older) {
    let oldText: string | null = null;
    try {
      oldText = await getTextAtRevision(db, articleId, revision);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
    const found = oldText !== null ? reanchorAll(oldText, current.text, list.map(selectorsOf), { newIndex: current.index }) : list.map((row) => anchor(current.text, selectorsOf(row), current.index));
    list.forEach((row, i) => result.set(row.id, found[i] ?? null));
  }
  return result;
}

/**
 * Re-anchors rows stored at older revisions and writes their new selectors (or `orphaned`) at the
 * current revision, inside the caller's transaction; returns every row's current range.
 */
async function reanchorAndStore(tx: Tx, articleId: string, current: ArticleText, rows: readonly AnchorRow[]): Promise<Map<string, TextRange | null>> {
  const ranges = await anchorToCurrent(tx, articleId, current, rows);
  for (const row of rows) {
    if (row.revision === current.revision || row.anchorState === 'orphaned') continue;
    const range = ranges.get(row.id) ?? null;
    if (!range) {
      await tx.update(claimSuggestions).set({ anchorState: 'orphaned', revision: current.revision, updatedAt: new Date() }).where(eq(claimSuggestions.id, row.id));
      continue;
    }
    const [quote, position] = describe(current.text, range.start, range.end, current.index);
    await tx
      .update(claimSuggestions)
      .set({ revision: current.revision, positionStart: position.start, positionEnd: position.end, quoteExact: quote.exact, quotePrefix: quote.prefix ?? '', quoteSuffix: quote.suffix ?? '', updatedAt: new Date() })
      .where(eq(claimSuggestions.id, row.id));
  }
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function latestRun(db: Db, articleId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.articleId, articleId)).orderBy(desc(suggestionRuns.startedAt), desc(suggestionRuns.createdAt)).limit(1);
  return row ?? null;
}

export async function getRunRow(db: Db, runId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(suggestionRuns).where(eq(suggestionRuns.id, runId)).limit(1);
  return row ?? null;
}

/**
 * GET /api/articles/:id/suggestions: the latest run and the open, anchored suggestions at or above
 * the workspace threshold, placed on the current text (suggestions of an older revision are
 * re-anchored and stored so; orphans are left out), in text order.
 */
export async function listArticleSuggestions(db: Db, articleId: string): Promise<ArticleSuggestionsDto> {
  const current = await currentArticleText(db, articleId);
  const settings = await getCheckWorthinessSettingsRow(db, current.workspaceId);
  const threshold = await effectiveThreshold(db, current.workspaceId, settings);
  const run = await latestRun(db, articleId);
  const open = () =>
    db
      .select()
      .from(claimSuggestions)
      .where(and(eq(claimSuggestions.articleId, articleId), eq(claimSuggestions.state, 'open'), eq(claimSuggestions.anchorState, 'anchored'), sql`${claimSuggestions.score} >= ${threshold}`));
  let rows = await open();
  let text = current;
  let ranges: Map<string, TextRange | null>;
  if (rows.some((row) => row.revision !== current.revision)) {
    // Stored at an older revision: re-anchored once, in a transaction (the text cannot change under it).
    ranges = await transaction(db, async (tx) => {
      const now = await currentArticleText(tx, articleId);
      text = now;
      const stale = await tx
        .select()
        .from(claimSuggestions)
        .where(and(eq(claimSuggestions.articleId, articleId), eq(claimSuggestions.state, 'open'), eq(claimSuggestions.anchorState, 'anchored'), ne(claimSuggestions.revision, now.revision)));
      const moved = await reanchorAndStore(tx, articleId, now, stale);
      rows = await open();
      const all = await anchorToCurrent(tx, articleId, now, rows.filter((row) => !moved.has(row.id)));
      for (const [id, range] of moved) all.set(id, range);
      return all;
    });
  } else {
    ranges = await anchorToCurrent(db, articleId, current, rows);
  }
  const suggestions = rows
    .map((row) => ({ row, range: ranges.get(row.id) ?? null }))
    .filter((s): s is { row: SuggestionRow; range: TextRange } => s.range !== null)
    .sort((a, b) => a.range.start - b.range.start)
    .map(({ row, range }) => toSuggestionDto(row, range, text));
  return { run: run ? toRunDto(run) : null, suggestions, threshold, languageSupport: run?.languageSupport === 'full' || run?.languageSupport === 'partial' ? run.languageSupport : null, revision: text.revision };
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * Starts a run at the article's current revision: one `running` row per article (partial unique
 * index; a concurrent second start loses there), else 409 naming the running one's progress.
 */
export async function startSuggestionRun(db: Db, input: { articleId: string; actorId: string | null; now?: Date }): Promise<SuggestionRunDto> {
  try {
    return await transaction(db, async (tx) => {
      const [article] = await tx.select({ workspaceId: articles.workspaceId, revision: articles.revision }).from(articles).where(and(eq(articles.id, input.articleId), notTrashed())).limit(1);
      if (!article) throw notFound('Article');
      const [running] = await tx.select().from(suggestionRuns).where(and(eq(suggestionRuns.articleId, input.articleId), eq(suggestionRuns.status, 'running'))).limit(1);
      const now = input.now ?? new Date();
      if (running && running.updatedAt.getTime() > now.getTime() - ABANDONED_RUN_AFTER_MS) throw runningConflict(running);
      if (running) {
        await tx.update(suggestionRuns).set({ status: 'failed', error: DEAD_RUN_MESSAGE, finishedAt: now, updatedAt: now, version: running.version + 1 }).where(and(eq(suggestionRuns.id, running.id), eq(suggestionRuns.status, 'running')));
      }
      const [row] = await tx.insert(suggestionRuns).values({ workspaceId: article.workspaceId, articleId: input.articleId, revision: article.revision, status: 'running', startedBy: input.actorId, startedAt: now, updatedAt: now }).returning();
      if (!row) throw new Error('startSuggestionRun: the insert returned no row');
      return toRunDto(row);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [running] = await db.select().from(suggestionRuns).where(and(eq(suggestionRuns.articleId, input.articleId), eq(suggestionRuns.status, 'running'))).limit(1);
    throw running ? runningConflict(running) : new AppError('conflict', 'Find claims is already running on this article.');
  }
}

/** Progress while running (the runner writes it about once a second); false when the run is no longer running. */
export async function recordRunProgress(db: Db, runId: string, progress: { sentencesDone: number; sentencesTotal: number }): Promise<RunRow | null> {
  const [row] = await transaction(db, (tx) =>
    tx
    .update(suggestionRuns)
    .set({ sentencesDone: progress.sentencesDone, sentencesTotal: progress.sentencesTotal, updatedAt: new Date(), version: sql`${suggestionRuns.version} + 1` })
    .where(and(eq(suggestionRuns.id, runId), eq(suggestionRuns.status, 'running')))
    .returning(),
  );
  return row ?? null;
}

/** Ends a running run as failed or cancelled with a message (no-op when it already ended). */
export async function endRun(db: Db, runId: string, status: 'failed' | 'cancelled', message: string): Promise<RunRow | null> {
  const now = new Date();
  const [row] = await transaction(db, (tx) =>
    tx
    .update(suggestionRuns)
    .set({ status, error: message, finishedAt: now, updatedAt: now, version: sql`${suggestionRuns.version} + 1` })
    .where(and(eq(suggestionRuns.id, runId), eq(suggestionRuns.status, 'running')))
    .returning(),
  );
  return row ?? null;
}

/** Moves a running run onto a newer revision (the text was saved during the run: it is scored again once). */
export async function rebaseRun(db: Db, runId: string, revision: number): Promise<RunRow | null> {
  const [row] = await transaction(db, (tx) =>
    tx
    .update(suggestionRuns)
    .set({ revision, sentencesDone: 0, sentencesTotal: 0, updatedAt: new Date(), version: sql`${suggestionRuns.version} + 1` })
    .where(and(eq(suggestionRuns.id, runId), eq(suggestionRuns.status, 'running')))
    .returning(),
  );
  return row ?? null;
}

/**
 * Running rows not written for `olderThan` (their process died: progress is written every second)
 * are marked failed. Returns how many. The start-up sweep (lib/server/check-worthiness-jobs.ts).
 */
export async function failDeadRuns(db: Db, olderThan: Date): Promise<number> {
  const now = new Date();
  const rows = await transaction(db, (tx) =>
    tx
    .update(suggestionRuns)
    .set({ status: 'failed', error: DEAD_RUN_MESSAGE, finishedAt: now, updatedAt: now, version: sql`${suggestionRuns.version} + 1` })
    .where(and(eq(suggestionRuns.status, 'running'), lt(suggestionRuns.updatedAt, olderThan)))
    .returning({ id: suggestionRuns.id }),
  );
  return rows.length;
}

/** The article's claims' anchored parts as UTF-16 ranges of the current text. */
async function claimedRanges(tx: Tx, articleId: string, current: ArticleText): Promise<TextRange[]> {
  const rows = await tx.select({ id: claims.id, ...claimAnchorColumns() }).from(claims).where(eq(claims.articleId, articleId));
  const ranges: TextRange[] = [];
  for (const row of rows) {
    for (const part of readClaimPartsOrColumns(row)) {
      if (part.anchorState !== 'anchored') continue;
      const start = current.index.toUtf16(part.position.start);
      const end = current.index.toUtf16(part.position.end);
      if (start !== null && end !== null && end > start) ranges.push({ start, end });
    }
  }
  return ranges;
}

export type FinishOutcome = { status: 'done'; run: RunRow; stored: number; skipped: number } | { status: 'stale'; revision: number } | { status: 'gone' };

/**
 * The end of a run, in one transaction: if the article is still at the revision scored, its OPEN
 * suggestions are replaced by the new sentences scoring at least SUGGESTION_STORE_FLOOR, except a
 * sentence on the range of a dismissed or accepted suggestion (re-anchored to this text), which is
 * never suggested again, and a sentence overlapping a claim's words (already marked); the run is marked done with its counts and language. A text saved during
 * the run: `stale` (nothing written; the runner rebases and scores again, or fails the run).
 */
export async function finishSuggestionRun(db: Db, runId: string, scoredRevision: number, result: ScoreResult): Promise<FinishOutcome> {
  return transaction(
    db,
    async (tx) => {
      const run = await getRunRow(tx, runId);
      if (!run || run.status !== 'running') return { status: 'gone' } as const;
      const current = await currentArticleText(tx, run.articleId);
      if (current.revision !== scoredRevision) return { status: 'stale', revision: current.revision } as const;

      const decidedRows = await tx
        .select()
        .from(claimSuggestions)
        .where(and(eq(claimSuggestions.articleId, run.articleId), inArray(claimSuggestions.state, ['dismissed', 'accepted'] satisfies SuggestionState[])));
      const decided = [...(await reanchorAndStore(tx, run.articleId, current, decidedRows)).values()].filter((r): r is TextRange => r !== null);
      // Words already marked as a claim are not suggested (claims are kept anchored to the current text by every save).
      const claimed = await claimedRanges(tx, run.articleId, current);
      await tx.delete(claimSuggestions).where(and(eq(claimSuggestions.articleId, run.articleId), eq(claimSuggestions.state, 'open')));

      const values: Array<typeof claimSuggestions.$inferInsert> = [];
      let skipped = 0;
      for (const [n, sentence] of result.sentences.entries()) {
        // SQLite runs every query synchronously: other requests get a turn every few hundred sentences.
        if (n > 0 && n % YIELD_EVERY === 0) await yieldToEventLoop();
        if (sentence.score < SUGGESTION_STORE_FLOOR) continue;
        const raw = current.text.slice(sentence.start, sentence.end);
        const start = sentence.start + (raw.length - raw.trimStart().length);
        const end = sentence.end - (raw.length - raw.trimEnd().length);
        if (end <= start) continue;
        if (decided.some((r) => r.start < end && start < r.end) || claimed.some((r) => r.start < end && start < r.end)) {
          skipped += 1;
          continue;
        }
        let selectors: ReturnType<typeof describe>;
        try {
          selectors = describe(current.text, start, end, current.index);
        } catch {
          continue; // a range splitting a surrogate pair: not suggested
        }
        const [quote, position] = selectors;
        const reasons: Reason[] = sentence.reasons.map((r) => ({ ...r, start: Math.max(0, r.start - start), end: Math.max(0, r.end - start) }));
        values.push({
          workspaceId: run.workspaceId,
          articleId: run.articleId,
          runId: run.id,
          revision: current.revision,
          positionStart: position.start,
          positionEnd: position.end,
          quoteExact: quote.exact,
          quotePrefix: quote.prefix ?? '',
          quoteSuffix: quote.suffix ?? '',
          score: sentence.score,
          reasons,
          features: sentence.features,
          claimant: (sentence.reasons.find((r) => r.cue === 'attribution' && r.who)?.who ?? '').slice(0, 200),
        });
      }
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        if (i > 0) await yieldToEventLoop();
        await tx.insert(claimSuggestions).values(values.slice(i, i + INSERT_CHUNK));
      }
      const now = new Date();
      const [done] = await tx
        .update(suggestionRuns)
        .set({
          status: 'done',
          sentencesDone: result.sentences.length,
          sentencesTotal: result.sentences.length,
          language: result.language,
          languageSupport: result.languageSupport,
          unsupportedCues: result.unsupportedCues,
          chunkedSentences: result.chunkedSentences,
          error: null,
          finishedAt: now,
          updatedAt: now,
          version: sql`${suggestionRuns.version} + 1`,
        })
        .where(and(eq(suggestionRuns.id, runId), eq(suggestionRuns.status, 'running')))
        .returning();
      if (!done) return { status: 'gone' } as const;
      return { status: 'done', run: done, stored: values.length, skipped } as const;
    },
    { groupCommit: false },
  );
}

// ---------------------------------------------------------------------------------------------
// Deciding

/** The suggestion and the user's role in its workspace: another workspace's (or a trashed article's) is "not found". */
export async function authorizeSuggestion(db: Db, userId: string, suggestionId: string, action: Action): Promise<SuggestionRow> {
  const [row] = await db
    .select({ suggestion: claimSuggestions })
    .from(claimSuggestions)
    .innerJoin(articles, eq(articles.id, claimSuggestions.articleId))
    .where(and(eq(claimSuggestions.id, suggestionId), notTrashed()))
    .limit(1);
  if (!row) throw notFound('Suggestion');
  await authorize(db, userId, row.suggestion.workspaceId, action, 'Suggestion');
  return row.suggestion;
}

const STALE_SUGGESTION = 'This suggestion changed since you opened it (accepted, dismissed or replaced by a new run). Reload the suggestions.';

async function lockedSuggestion(tx: Tx, suggestionId: string, version: number, states: readonly SuggestionState[]): Promise<{ row: SuggestionRow; current: ArticleText; range: TextRange | null }> {
  const [row] = await tx.select().from(claimSuggestions).where(eq(claimSuggestions.id, suggestionId)).limit(1);
  if (!row) throw notFound('Suggestion');
  const current = await currentArticleText(tx, row.articleId);
  const range = (await reanchorAndStore(tx, row.articleId, current, [row])).get(row.id) ?? null;
  if (row.version !== version || !states.includes(row.state)) throw conflict(STALE_SUGGESTION, toSuggestionDto(row, range, current));
  return { row, current, range };
}

/**
 * Accept: the claim is created through createClaim (the same anchoring and revision checks as a
 * hand-made claim: the article's current revision, the suggestion's range re-anchored to it), the
 * claimant pre-filled from the attribution and the claim date from the article (createClaim's),
 * either overridden by `input.claim`; the suggestion is marked accepted with the claim's id. One
 * transaction; a stale version (already accepted, dismissed, or replaced) is 409 and creates nothing.
 */
export async function acceptSuggestion(db: Db, suggestionId: string, input: AcceptSuggestionInput, actor: { id: string; name?: string | null }): Promise<{ suggestion: SuggestionDto; claim: ClaimDto }> {
  return transaction(db, async (tx) => {
    const { row, current, range } = await lockedSuggestion(tx, suggestionId, input.version, ['open']);
    if (!range) throw new AppError('conflict', 'The sentence of this suggestion is no longer in the article text.', { current: toSuggestionDto({ ...row, anchorState: 'orphaned' }, null, current) });
    let claim = await createClaim(tx, { articleId: row.articleId, revision: current.revision, start: range.start, end: range.end, actorId: actor.id, actorName: actor.name });
    const fields = { claimant: input.claim?.claimant ?? row.claimant, ...(input.claim?.claimText !== undefined ? { claimText: input.claim.claimText } : {}), ...(input.claim?.claimDate !== undefined ? { claimDate: input.claim.claimDate } : {}) };
    if (fields.claimant !== claim.claimant || ('claimText' in fields && fields.claimText !== claim.claimText) || ('claimDate' in fields && fields.claimDate !== claim.claimDate)) {
      claim = await updateClaim(tx, claim.id, { version: claim.version, ...fields }, actor.id);
    }
    const now = new Date();
    const [updated] = await tx
      .update(claimSuggestions)
      .set({ state: 'accepted', claimId: claim.id, decidedBy: actor.id, decidedAt: now, updatedAt: now, version: row.version + 1 })
      .where(and(eq(claimSuggestions.id, row.id), eq(claimSuggestions.version, row.version)))
      .returning();
    if (!updated) throw conflict(STALE_SUGGESTION, null);
    return { suggestion: toSuggestionDto(updated, range, current), claim };
  });
}

/** Dismiss (open → dismissed: never suggested again, survives re-runs and edits) or restore (dismissed → open). 409 when stale. */
export async function decideSuggestion(db: Db, suggestionId: string, version: number, to: 'dismissed' | 'open', actorId: string): Promise<SuggestionDto> {
  return transaction(db, async (tx) => {
    const { row, current, range } = await lockedSuggestion(tx, suggestionId, version, to === 'dismissed' ? ['open'] : ['dismissed']);
    const now = new Date();
    const [updated] = await tx
      .update(claimSuggestions)
      .set({ state: to, decidedBy: to === 'dismissed' ? actorId : null, decidedAt: to === 'dismissed' ? now : null, updatedAt: now, version: row.version + 1 })
      .where(and(eq(claimSuggestions.id, row.id), eq(claimSuggestions.version, row.version)))
      .returning();
    if (!updated) throw conflict(STALE_SUGGESTION, null);
    return toSuggestionDto(updated, range, current);
  });
}
