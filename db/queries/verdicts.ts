import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { isUniqueViolation, transaction } from '../transaction';
import { articles, claims, claimVerdicts, ratingLevels, users } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { AppError, conflict, notFound } from '@/lib/errors';
import { percentAgreement, summarizeAgreement } from '@/lib/review/agreement';
import { canSeeOthersVerdicts } from '@/lib/review/verdict-visibility';
import { MAX_REASON_CHARS } from '@/lib/validations/review';
import { assertArticleWritable } from './article-lock';
import { recordHistory, type Tx } from './history';
import { hasOpenVote, openVoteOn, openVoteClaimsOfArticle } from './review-session-votes';
import { countsAsVote } from '@/lib/review-sessions/votes';
import { assertLevelInWorkspace } from './scales';
import type { VerdictDto, VerdictList, ArticleAgreement } from '@/lib/domain/review';

type VerdictRow = typeof claimVerdicts.$inferSelect;

async function verdictRows(db: Db | Tx, where: SQL) {
  return db
    .select({ verdict: claimVerdicts, userName: users.name, key: ratingLevels.key, label: ratingLevels.label })
    .from(claimVerdicts)
    .innerJoin(users, eq(users.id, claimVerdicts.userId))
    .innerJoin(ratingLevels, eq(ratingLevels.id, claimVerdicts.verdictId))
    .where(where)
    .orderBy(asc(claimVerdicts.createdAt), asc(users.name));
}

function toDto(r: { verdict: VerdictRow; userName: string; key: string; label: string }): VerdictDto {
  const v = r.verdict;
  return { id: v.id, claimId: v.claimId, userId: v.userId, userName: r.userName, verdictId: v.verdictId, verdictKey: r.key, verdictLabel: r.label, reason: v.reason, createdAt: v.createdAt.toISOString(), updatedAt: v.updatedAt.toISOString(), version: v.version };
}

async function claimWithArticle(db: Db | Tx, claimId: string) {
  const [row] = await db
    .select({ claimId: claims.id, workspaceId: claims.workspaceId, articleId: claims.articleId, blindReview: articles.blindReview })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(claims.id, claimId))
    .limit(1);
  if (!row) throw notFound('Claim');
  return row;
}

/**
 * The verdicts on a claim as `viewerId` (with `viewerRole`) may see them: blind review, and a vote
 * called in a running review session (lib/review/verdict-visibility.ts). `total` stays a plain
 * count while hidden; nothing tells the levels apart.
 */
export async function listVerdicts(db: Db | Tx, claimId: string, viewerId: string, viewerRole: Role | null): Promise<VerdictList> {
  const claim = await claimWithArticle(db, claimId);
  const vote = await openVoteOn(db, claimId);
  const voteOpen = vote !== null;
  const all = (await verdictRows(db, eq(claimVerdicts.claimId, claimId))).map(toDto);
  const mine = all.find((v) => v.userId === viewerId) ?? null;
  const hidden = !canSeeOthersVerdicts(viewerRole, claim.blindReview, mine !== null, { voteOpen });
  // A verdict from before the vote was called is not a vote until saved again (lib/review-sessions/votes.ts).
  const mineCountsAsVote = vote && mine ? countsAsVote(new Date(mine.updatedAt), vote.calledAt) : null;
  return { claimId, blindReview: claim.blindReview, hidden, voteOpen, mineCountsAsVote, total: all.length, mine, others: hidden ? [] : all.filter((v) => v.userId !== viewerId) };
}

export interface UpsertVerdictInput {
  claimId: string;
  userId: string;
  verdictId: string;
  reason: string;
  /**
   * The version of my verdict I edited; omit only when I have none yet. Omitting it while one
   * exists (another tab saved first) is a stale write and is refused.
   */
  version?: number;
}

export interface UpsertVerdictResult {
  verdict: VerdictDto;
  created: boolean;
  /** False when nothing differed (no new version, no history, no event needed). */
  changed: boolean;
  workspaceId: string;
  articleId: string;
}

/** Records or changes my own verdict; refused (409) on a published or retracted article. */
export async function upsertMyVerdict(db: Db, input: UpsertVerdictInput): Promise<UpsertVerdictResult> {
  const reason = input.reason.trim();
  if (reason.length > MAX_REASON_CHARS) throw new AppError('unprocessable', `The reason can be at most ${MAX_REASON_CHARS.toLocaleString('en')} characters.`);
  try {
    return await writeMyVerdict(db, input, reason);
  } catch (error) {
    // Another request created my verdict between our read and our insert (the unique index on
    // claim + user refused the second row): answer as if we had seen it, with the 409 and my current verdict.
    if (!isUniqueViolation(error)) throw error;
    return writeMyVerdict(db, input, reason);
  }
}

async function writeMyVerdict(db: Db, input: UpsertVerdictInput, reason: string): Promise<UpsertVerdictResult> {
  return transaction(db, async (tx) => {
    const claim = await claimWithArticle(tx, input.claimId);
    await assertArticleWritable(tx, claim.articleId);
    await assertLevelInWorkspace(tx, input.verdictId, claim.workspaceId);
    const [current] = await tx.select().from(claimVerdicts).where(and(eq(claimVerdicts.claimId, input.claimId), eq(claimVerdicts.userId, input.userId))).limit(1);
    const currentDto = async () => toDto((await verdictRows(tx, eq(claimVerdicts.id, current!.id)))[0]!);
    const scope = { workspaceId: claim.workspaceId, articleId: claim.articleId };
    const history = { ...scope, claimId: input.claimId, entityType: 'verdict' as const, actorId: input.userId };

    if (!current) {
      if (input.version !== undefined) throw conflict('Your verdict on this claim no longer exists. Give it again.', null);
      const [row] = await tx.insert(claimVerdicts).values({ claimId: input.claimId, userId: input.userId, verdictId: input.verdictId, reason }).returning();
      await recordHistory(tx, { ...history, entityId: row!.id, action: 'create', after: { userId: input.userId, verdictId: input.verdictId, reason } });
      return { verdict: toDto((await verdictRows(tx, eq(claimVerdicts.id, row!.id)))[0]!), created: true, changed: true, ...scope };
    }
    if (input.version !== current.version) {
      throw conflict('You changed your verdict elsewhere since you opened this claim.', await currentDto());
    }
    if (current.verdictId === input.verdictId && current.reason === reason) {
      // Saved again unchanged while a vote is open on the claim: that confirms it as this reviewer's
      // vote (a vote counts from verdicts written at or after the call — review-session-ops.ts), so
      // updated_at moves; no new version, no history, no event (`changed` stays false).
      if (await hasOpenVote(tx, input.claimId)) await tx.update(claimVerdicts).set({ updatedAt: new Date() }).where(eq(claimVerdicts.id, current.id));
      return { verdict: await currentDto(), created: false, changed: false, ...scope };
    }
    const updated = await tx
      .update(claimVerdicts)
      .set({ verdictId: input.verdictId, reason, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(claimVerdicts.id, current.id), eq(claimVerdicts.version, current.version)))
      .returning({ id: claimVerdicts.id });
    if (updated.length !== 1) throw conflict('You changed your verdict elsewhere since you opened this claim.', await currentDto());
    await recordHistory(tx, { ...history, entityId: current.id, action: 'update', before: { userId: input.userId, verdictId: current.verdictId, reason: current.reason }, after: { userId: input.userId, verdictId: input.verdictId, reason } });
    return { verdict: await currentDto(), created: false, changed: true, ...scope };
  });
}

/**
 * Agreement among reviewers' own verdicts on an article's claims, by rating level key (stable
 * across label edits). Claims with fewer than two verdicts do not count.
 */
export async function articleAgreement(db: Db, articleId: string, viewerId: string, viewerRole: Role | null): Promise<ArticleAgreement> {
  const [article] = await db.select({ id: articles.id, blindReview: articles.blindReview }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!article) throw notFound('Article');
  const claimIds = (await db.select({ id: claims.id }).from(claims).where(eq(claims.articleId, articleId)).orderBy(asc(claims.positionStart), asc(claims.id))).map((c) => c.id);
  const rows = await db
    .select({ claimId: claimVerdicts.claimId, userId: claimVerdicts.userId, key: ratingLevels.key })
    .from(claimVerdicts)
    .innerJoin(claims, eq(claims.id, claimVerdicts.claimId))
    .innerJoin(ratingLevels, eq(ratingLevels.id, claimVerdicts.verdictId))
    .where(eq(claims.articleId, articleId));
  const byClaim = new Map<string, { keys: string[]; mine: boolean }>();
  for (const r of rows) {
    const entry = byClaim.get(r.claimId) ?? { keys: [], mine: false };
    entry.keys.push(r.key);
    entry.mine ||= r.userId === viewerId;
    byClaim.set(r.claimId, entry);
  }
  // Only claims whose verdicts this viewer may see count, in the summary as in the per-claim list:
  // a claim under an open vote is left out for everyone (its agreement is the spread being hidden).
  const voteOpen = await openVoteClaimsOfArticle(db, articleId);
  const visible = claimIds.filter((id) => byClaim.has(id) && canSeeOthersVerdicts(viewerRole, article.blindReview, byClaim.get(id)!.mine, { voteOpen: voteOpen.has(id) }));
  const perClaim = visible.map((id) => {
    const keys = byClaim.get(id)!.keys;
    return { claimId: id, verdicts: keys.length, agreement: percentAgreement([keys]) };
  });
  return { articleId, blindReview: article.blindReview, claimsTotal: claimIds.length, ...summarizeAgreement(visible.map((id) => byClaim.get(id)!.keys)), perClaim, voteOpenClaimIds: claimIds.filter((id) => voteOpen.has(id)) };
}
