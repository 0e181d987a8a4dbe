import 'server-only';
import { and, asc, eq, inArray, lt, max } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, sources, users } from '../schema';
import { describe } from '@/lib/anchoring';
import { conflict, AppError, notFound } from '@/lib/errors';
import type { SetClaimPartsInput, UpdateClaimInput } from '@/lib/validations/claims';
import { assertClaimWritable, lockArticleRow, refuseIfLocked } from './article-lock';
import { recordHistory, type Tx } from './history';
import { assertLevelInWorkspace } from './scales';
import type { SourceArchiveDto, SourceDto, ClaimDto, ClaimPart } from '@/lib/domain/claims';
import { latestArchives } from './source-archives';
import type { CodePointIndex } from '@/lib/anchoring';
import { getArticleTextCache, type ArticleText } from '@/lib/server/article-text-cache';
import { MAX_CLAIM_PARTS, joinPartQuotes, partsColumns, readClaimPartsOrColumns, sortParts } from '@/lib/claims/parts';

type ClaimRow = typeof claims.$inferSelect;
type SourceRow = typeof sources.$inferSelect;

export function toSourceDto(row: SourceRow, archive?: SourceArchiveDto | null): SourceDto {
  return {
    id: row.id,
    claimId: row.claimId,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    excerpt: row.excerpt,
    excerptPrefix: row.excerptPrefix,
    excerptSuffix: row.excerptSuffix,
    accessedOn: row.accessedOn,
    isPublic: row.isPublic,
    version: row.version,
    ...(archive !== undefined ? { archive } : {}),
  };
}

function toClaimDto(row: ClaimRow, authorName: string | null, claimSources: SourceRow[], archives?: Map<string, SourceArchiveDto>): ClaimDto {
  // One malformed parts_json must not fail the article's whole list: logged, read as its columns.
  const parts = readClaimPartsOrColumns(row);
  return {
    id: row.id,
    articleId: row.articleId,
    number: row.number,
    exclusionReason: row.exclusionReason,
    firstPublishedAt: row.firstPublishedAt ? row.firstPublishedAt.toISOString() : null,
    quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
    position: { start: row.positionStart, end: row.positionEnd },
    parts,
    anchoredRevision: row.anchoredRevision,
    anchorState: row.anchorState,
    originalQuote: row.originalQuote,
    claimText: row.claimText,
    claimant: row.claimant,
    claimDate: row.claimDate,
    claimAppearance: row.claimAppearance,
    verdictId: row.verdictId,
    rationale: row.rationale,
    status: row.status,
    authorId: row.authorId,
    authorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    sources: claimSources.map((s) => toSourceDto(s, archives ? (archives.get(s.id) ?? null) : undefined)),
    verdictHidden: false,
  };
}

/** Claims of an article with their sources, in text order (orphans last); each carries its stable number. */
export async function listClaims(db: Db, articleId: string): Promise<ClaimDto[]> {
  const rows = await db
    .select({ claim: claims, authorName: users.name })
    .from(claims)
    .leftJoin(users, eq(users.id, claims.authorId))
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.positionStart), asc(claims.positionEnd), asc(claims.createdAt), asc(claims.id));
  const ids = rows.map((r) => r.claim.id);
  const sourceRows = ids.length ? await db.select().from(sources).where(inArray(sources.claimId, ids)).orderBy(asc(sources.position), asc(sources.createdAt), asc(sources.id)) : [];
  const byClaim = new Map<string, SourceRow[]>();
  for (const s of sourceRows) byClaim.set(s.claimId, [...(byClaim.get(s.claimId) ?? []), s]);
  const archives = await latestArchives(db, sourceRows.map((s) => s.id));
  const dtos = rows.map((r) => toClaimDto(r.claim, r.authorName, byClaim.get(r.claim.id) ?? [], archives));
  // A claim with any part found sorts by its first part; fully orphaned claims come last.
  return [...dtos.filter((c) => c.anchorState !== 'orphaned'), ...dtos.filter((c) => c.anchorState === 'orphaned')];
}

export async function getClaim(db: Db, claimId: string): Promise<ClaimDto> {
  const [row] = await db.select({ claim: claims, authorName: users.name }).from(claims).leftJoin(users, eq(users.id, claims.authorId)).where(eq(claims.id, claimId)).limit(1);
  if (!row) throw notFound('Claim');
  const claimSources = await db.select().from(sources).where(eq(sources.claimId, claimId)).orderBy(asc(sources.position), asc(sources.createdAt), asc(sources.id));
  return toClaimDto(row.claim, row.authorName, claimSources, await latestArchives(db, claimSources.map((s) => s.id)));
}

export interface CreateClaimArgs {
  articleId: string;
  revision: number;
  start: number;
  end: number;
  actorId: string;
  /** The actor's display name for the answer (saves a read); read from the users table when omitted. */
  actorName?: string | null;
}

/**
 * Creates a claim on a span of the article's current text; the quote and selectors come from the
 * server's copy. The claim's number is the article's next one (1, 2, 3 … in creation order).
 */
export async function createClaim(db: Db, args: CreateClaimArgs): Promise<ClaimDto> {
  return transaction(db, async (tx) => {
    // The article's small columns, under its row lock (lockArticleRow: on PostgreSQL concurrent
    // creations take turns here, and a text save or publish waits for this one, or this one sees
    // theirs; SQLite has one writer). The article row itself is not written: on SQLite that would
    // rewrite the text and document with it. The number is one above both the highest number in
    // use and the article's floor (claim_counter), which deleting the newest claim raises, so a
    // deleted claim's number is never handed out again.
    const article = await lockArticleRow(tx, args.articleId);
    refuseIfLocked(article.status);
    if (article.revision !== args.revision) {
      throw conflict('The article text changed since you selected it. Reload and select the words again.', { revision: article.revision });
    }
    // The revision was checked under the row lock, in this transaction: the text of that revision
    // cannot change (every text edit bumps it), so a cached copy is as good as reading it here.
    const { text, index } = await articleTextAt(tx, article.id, article.revision);
    if (args.end > text.length) throw new AppError('unprocessable', 'The selection is outside the article text.');
    const exact = text.slice(args.start, args.end);
    if (exact.trim() === '') throw new AppError('unprocessable', 'Select some words, not just spaces.');
    // Trim surrounding whitespace so the highlight hugs the words.
    const start = args.start + (exact.length - exact.trimStart().length);
    const end = args.end - (exact.length - exact.trimEnd().length);
    const [quote, position] = describeSelection(text, start, end, index);
    const number = Math.max(article.claimCounter, await highestClaimNumber(tx, article.id)) + 1;
    const [row] = await tx
      .insert(claims)
      .values({
        workspaceId: article.workspaceId,
        articleId: article.id,
        number,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix ?? '',
        quoteSuffix: quote.suffix ?? '',
        positionStart: position.start,
        positionEnd: position.end,
        anchoredRevision: article.revision,
        originalQuote: quote.exact,
        claimText: quote.exact.replace(/\s+/g, ' '),
        claimDate: article.publishedOn,
        claimAppearance: article.url,
        authorId: args.actorId,
      })
      .returning();
    if (!row) throw new Error('createClaim: the insert returned no row');
    await recordHistory(tx, { workspaceId: row.workspaceId, articleId: row.articleId, claimId: row.id, entityType: 'claim', entityId: row.id, action: 'create', actorId: args.actorId, after: row });
    // A new claim has no sources yet; its author is the actor. No re-read after the commit.
    const authorName = args.actorName !== undefined ? args.actorName : ((await tx.select({ name: users.name }).from(users).where(eq(users.id, args.actorId)).limit(1))[0]?.name ?? null);
    return toClaimDto(row, authorName, []);
  });
}

/**
 * The article's plain text at `revision` with its code-point index: from the per-revision cache,
 * else read (the caller has checked, in `tx`, that `revision` is the current one).
 */
async function articleTextAt(tx: Tx, articleId: string, revision: number): Promise<ArticleText> {
  const cache = getArticleTextCache();
  const cached = cache.get(articleId, revision);
  if (cached) return cached;
  const [row] = await tx.select({ text: articles.plainText, revision: articles.revision }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) throw notFound('Article');
  if (row.revision !== revision) throw new Error(`createClaim: revision ${revision} is no longer current (${row.revision}) inside the transaction`);
  return cache.set(articleId, revision, row.text);
}

/** The highest claim number in use on the article (0: none); an index lookup (claims_article_number_idx). */
async function highestClaimNumber(tx: Tx, articleId: string): Promise<number> {
  const [row] = await tx.select({ n: max(claims.number).mapWith(Number) }).from(claims).where(eq(claims.articleId, articleId));
  return row?.n ?? 0;
}

/** describe(), with a bad range (e.g. half an emoji selected) reported as the user's input error. */
function describeSelection(text: string, start: number, end: number, index?: CodePointIndex) {
  try {
    return describe(text, start, end, index);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('unprocessable', 'That selection cannot be marked (it splits a character). Select whole words.');
    throw error;
  }
}

/** The 409 of a stale article revision (details `{ revision }`: the current one), as opposed to a stale claim version (`{ current }`). */
export function staleRevision(message: string, revision: number): AppError {
  return new AppError('conflict', message, { revision, staleRevision: true });
}

/**
 * Puts the claim on new words (PUT /api/claims/:id/anchor): `parts` (UTF-16 ranges into the
 * article's plain text at `revision`, or `{ keep: i }`: the claim's current part i as it is) replace
 * ALL of its parts; change words is one range, add a part is the old parts kept plus the new range,
 * re-attach is the orphaned part's entry replaced by a range (the other parts kept). A statement
 * (claimText) still equal to the old joined quote follows the new one. The claim keeps its id,
 * number, verdict, sources, comments and history; its version is bumped and the history records
 * the quote old → new (parts joined by ' … '). 409 on a stale version (details: the current claim)
 * or revision (details: `{ revision }`), or on a published article; 422 on a range outside the
 * text, of spaces only, splitting a character, or overlapping another part, and on a kept index
 * that is not a current part or is kept twice.
 */
export async function setClaimParts(db: Db, claimId: string, input: SetClaimPartsInput, actorId: string): Promise<ClaimDto> {
  if (input.parts.length === 0) throw new AppError('unprocessable', 'Select the words of the claim.');
  if (input.parts.length > MAX_CLAIM_PARTS) throw new AppError('unprocessable', `A claim can have at most ${MAX_CLAIM_PARTS} parts.`);
  await transaction(db, async (tx) => {
    // assertClaimWritable, keeping the article row it locks: its revision is checked under the lock
    // (a text save waits for this write or is seen by it, as in createClaim).
    const [owner] = await tx.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, claimId)).limit(1);
    if (!owner) throw notFound('Claim');
    const article = await lockArticleRow(tx, owner.articleId);
    refuseIfLocked(article.status);
    const [current] = await tx.select().from(claims).where(eq(claims.id, claimId)).limit(1);
    if (!current) throw notFound('Claim');
    if (current.version !== input.version) throw conflict('Someone else changed this claim since you opened it.', await getClaim(tx, claimId));
    if (article.revision !== input.revision) {
      throw staleRevision('The article text changed since you selected the words. Select them again in the current text.', article.revision);
    }
    const { text, index } = await articleTextAt(tx, article.id, article.revision);
    const before = readClaimPartsOrColumns(current);
    const parts = describeParts(text, input.parts, before, index);
    const columns = partsColumns(parts);
    const unchanged =
      current.anchorState === columns.anchorState &&
      current.partsJson === columns.partsJson &&
      current.positionStart === columns.positionStart &&
      current.positionEnd === columns.positionEnd &&
      current.quoteExact === columns.quoteExact &&
      current.quotePrefix === columns.quotePrefix &&
      current.quoteSuffix === columns.quoteSuffix;
    if (unchanged) return;
    // A statement still equal to the words it was made from (spaces collapsed) follows the new words.
    const oldQuote = joinPartQuotes(before);
    const newQuote = joinPartQuotes(parts);
    const followsQuote = collapseSpaces(current.claimText) === collapseSpaces(oldQuote) && collapseSpaces(newQuote) !== collapseSpaces(current.claimText);
    const claimText = followsQuote ? collapseSpaces(newQuote) : current.claimText;
    const updated = await tx
      .update(claims)
      .set({ ...columns, claimText, anchoredRevision: article.revision, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(claims.id, claimId), eq(claims.version, input.version)))
      .returning({ id: claims.id });
    if (updated.length !== 1) throw conflict('Someone else changed this claim since you opened it.', null);
    await recordHistory(tx, {
      workspaceId: current.workspaceId,
      articleId: current.articleId,
      claimId,
      entityType: 'claim',
      entityId: claimId,
      action: 'update',
      actorId,
      before: followsQuote ? { quote: oldQuote, claimText: current.claimText } : { quote: oldQuote },
      after: followsQuote ? { quote: newQuote, claimText } : { quote: newQuote },
    });
  });
  return getClaim(db, claimId);
}

/**
 * The claim's new parts: each wanted range's selectors in `text` (trimmed to the words), each
 * `{ keep }` the current part as it is (stored selectors and state). Found parts are put in text
 * order among their entries' places; a kept orphaned part stays at its entry's place (its stored
 * position is stale). Refuses (422) a range outside the text, of spaces only or splitting a
 * character, a kept index that is not a current part or is kept twice, and overlapping ranges
 * (with each other or with a kept part that is anchored).
 */
function describeParts(text: string, entries: SetClaimPartsInput['parts'], current: readonly ClaimPart[], index: CodePointIndex): ClaimPart[] {
  const many = entries.length > 1;
  const which = (i: number) => (many ? `Part ${i + 1}` : 'The selection');
  const keptBy = new Map<number, number>();
  // UTF-16 spans of the found parts (new ranges and kept anchored parts), for the overlap check.
  const spans: Array<{ start: number; end: number; input: number }> = [];
  const resolved = entries.map((entry, i): { kept: ClaimPart } | { start: number; end: number } => {
    if ('keep' in entry) {
      const part = current[entry.keep];
      if (!part) throw new AppError('unprocessable', `${which(i)} keeps part ${entry.keep + 1} of the claim, but the claim has ${current.length === 1 ? 'one part' : `${current.length} parts`} (keep counts from 0).`);
      const other = keptBy.get(entry.keep);
      if (other !== undefined) throw new AppError('unprocessable', `Parts ${other + 1} and ${i + 1} both keep part ${entry.keep + 1} of the claim. Keep each part once.`);
      keptBy.set(entry.keep, i);
      if (part.anchorState === 'anchored') {
        const start = index.toUtf16(part.position.start);
        const end = index.toUtf16(part.position.end);
        if (start !== null && end !== null) spans.push({ start, end, input: i });
      }
      return { kept: part };
    }
    const range = entry;
    if (range.start < 0 || range.end <= range.start) throw new AppError('unprocessable', `${which(i)} is empty: select some words.`);
    if (range.end > text.length) throw new AppError('unprocessable', `${which(i)} is outside the article text (it has ${text.length} characters).`);
    const exact = text.slice(range.start, range.end);
    if (exact.trim() === '') throw new AppError('unprocessable', `${which(i)} covers only spaces: select some words.`);
    const trimmed = { start: range.start + (exact.length - exact.trimStart().length), end: range.end - (exact.length - exact.trimEnd().length) };
    spans.push({ ...trimmed, input: i });
    return trimmed;
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i += 1) {
    const prev = spans[i - 1]!;
    const next = spans[i]!;
    if (next.start < prev.end) {
      const [a, b] = [prev.input + 1, next.input + 1].sort((x, y) => x - y);
      throw new AppError('unprocessable', `Parts ${a} and ${b} overlap (“${shortQuote(text.slice(next.start, Math.min(prev.end, next.end)))}” is in both). Each part must cover separate words.`);
    }
  }
  const parts = resolved.map((r): ClaimPart => {
    if ('kept' in r) return r.kept;
    const [quote, position] = describeSelection(text, r.start, r.end, index);
    return { quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' }, position: { start: position.start, end: position.end }, anchorState: 'anchored' };
  });
  // Text order among the found parts' places; orphaned parts keep theirs.
  const slots = parts.flatMap((p, i) => (p.anchorState === 'anchored' ? [i] : []));
  const found = sortParts(slots.map((i) => parts[i]!));
  slots.forEach((slot, k) => {
    parts[slot] = found[k]!;
  });
  return parts;
}

const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

function shortQuote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** `exclusionReason`: a reason excludes the claim from the fact-check, null includes it again. */
const EDITABLE_FIELDS = ['claimText', 'claimant', 'claimDate', 'claimAppearance', 'verdictId', 'rationale', 'status', 'exclusionReason'] as const;

/**
 * Applies a partial update if `version` is current; otherwise 409 with the current claim. A
 * published or retracted article's claims are read-only (409, see assertArticleWritable).
 */
export async function updateClaim(db: Db, claimId: string, input: UpdateClaimInput, actorId: string): Promise<ClaimDto> {
  await transaction(db, async (tx) => {
    await assertClaimWritable(tx, claimId);
    const [current] = await tx.select().from(claims).where(eq(claims.id, claimId)).limit(1);
    if (!current) throw notFound('Claim');
    if (current.version !== input.version) {
      throw conflict('Someone else changed this claim since you opened it.', await getClaim(tx, claimId));
    }
    if (input.verdictId) await assertLevelInWorkspace(tx, input.verdictId, current.workspaceId);
    const changes: Partial<ClaimRow> = {};
    for (const field of EDITABLE_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== current[field]) Object.assign(changes, { [field]: value });
    }
    if (Object.keys(changes).length === 0) return;
    const updated = await tx
      .update(claims)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(claims.id, claimId), eq(claims.version, input.version)))
      .returning({ id: claims.id });
    if (updated.length !== 1) throw conflict('Someone else changed this claim since you opened it.', null);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof ClaimRow]]));
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.articleId, claimId, entityType: 'claim', entityId: claimId, action: 'update', actorId, before, after: changes });
  });
  return getClaim(db, claimId);
}

/**
 * Deletes a claim (and its sources) if `version` is current. Never on a locked article, and never
 * a claim that has been published (even once the article is reopened): that one can only be excluded.
 */
export async function deleteClaim(db: Db, claimId: string, version: number, actorId: string): Promise<void> {
  await transaction(db, async (tx) => {
    await assertClaimWritable(tx, claimId);
    const [current] = await tx.select().from(claims).where(eq(claims.id, claimId)).limit(1);
    if (!current) throw notFound('Claim');
    if (current.firstPublishedAt !== null) {
      throw new AppError('conflict', `Claim ${current.number} has been published, so it cannot be deleted. Exclude it from the fact-check instead.`, { published: true, number: current.number });
    }
    if (current.version !== version) throw conflict('Someone else changed this claim since you opened it.', await getClaim(tx, claimId));
    // The version is checked again in the DELETE: a change committed since our read wins.
    const deleted = await tx
      .delete(claims)
      .where(and(eq(claims.id, claimId), eq(claims.version, version)))
      .returning({ id: claims.id });
    if (deleted.length !== 1) throw conflict('Someone else changed this claim since you opened it.', null);
    // The newest claim's number must not come back: raise the article's floor to it (createClaim).
    // Only then is the article row written (rarely: most deletions are not of the newest claim).
    if (current.number > (await highestClaimNumber(tx, current.articleId))) {
      await tx
        .update(articles)
        .set({ claimCounter: current.number })
        .where(and(eq(articles.id, current.articleId), lt(articles.claimCounter, current.number)));
    }
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.articleId, claimId, entityType: 'claim', entityId: claimId, action: 'delete', actorId, before: current });
  });
}
