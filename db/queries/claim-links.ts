import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claimLibraryItems, claimLinks, claims, claimVerdicts, ratingLevels, ratingScales } from '../schema';
import { can } from '@/lib/auth/permissions';
import type { ClaimDto } from '@/lib/domain/claims';
import type { VerdictDto } from '@/lib/domain/review';
import type { Role } from '@/lib/domain/roles';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { canSeeDecision } from '@/lib/review/verdict-visibility';
import type { ClaimLinkDto } from '@/lib/search/types';
import { MAX_REASON_CHARS } from '@/lib/validations/review';
import { notTrashed } from './access';
import { assertClaimWritable } from './article-lock';
import { claimsWithHiddenDecision } from './claim-views';
import { getClaim, updateClaim } from './claims';
import { recordHistory, type Tx } from './history';
import { hasOpenVote } from './review-session-votes';
import { upsertMyVerdict } from './verdicts';

/** What a reused verdict is based on: an earlier claim, or an item of the claim library. */
export type ReuseSource = { claimId: string } | { libraryItemId: string };

export interface ClaimLinkViewer {
  userId: string;
  role: Role;
}

const MAX_RATIONALE_CHARS = 20_000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type LinkRow = typeof claimLinks.$inferSelect;

/** The other sides of the links, as DTOs; links whose other side is gone (trashed article) are left out. */
async function toDtos(db: Db | Tx, rows: Array<{ link: LinkRow; direction: ClaimLinkDto['direction'] }>): Promise<ClaimLinkDto[]> {
  const otherClaimIds = rows.flatMap(({ link, direction }) => (direction === 'basis_of' ? [link.claimId] : link.basedOnClaimId ? [link.basedOnClaimId] : []));
  const libraryIds = rows.flatMap(({ link, direction }) => (direction === 'based_on' && link.basedOnLibraryItemId ? [link.basedOnLibraryItemId] : []));
  const claimRows = otherClaimIds.length
    ? await db
        .select({ id: claims.id, number: claims.number, claimText: claims.claimText, articleId: articles.id, articleTitle: articles.title })
        .from(claims)
        .innerJoin(articles, eq(articles.id, claims.articleId))
        .where(and(inArray(claims.id, [...new Set(otherClaimIds)]), notTrashed()))
    : [];
  const libraryRows = libraryIds.length ? await db.select().from(claimLibraryItems).where(inArray(claimLibraryItems.id, [...new Set(libraryIds)])) : [];
  const claimById = new Map(claimRows.map((c) => [c.id, c]));
  const libraryById = new Map(libraryRows.map((l) => [l.id, l]));
  return rows.flatMap(({ link, direction }): ClaimLinkDto[] => {
    const base = { id: link.id, direction, createdAt: link.createdAt.toISOString(), createdBy: link.createdBy };
    const otherClaimId = direction === 'basis_of' ? link.claimId : link.basedOnClaimId;
    if (otherClaimId) {
      const c = claimById.get(otherClaimId);
      if (!c) return [];
      return [{ ...base, other: { type: 'claim', id: c.id, number: c.number, claimText: c.claimText, articleId: c.articleId, articleTitle: c.articleTitle, href: `/articles/${c.articleId}?claim=${c.id}` } }];
    }
    const item = link.basedOnLibraryItemId ? libraryById.get(link.basedOnLibraryItemId) : undefined;
    if (!item) return [];
    return [{ ...base, other: { type: 'library', id: item.id, claimReviewed: item.claimReviewed, reviewOrg: item.reviewOrg, ratingName: item.ratingName, href: item.url } }];
  });
}

/** Claims (grouped by article) whose decision this viewer may not see. */
async function hiddenClaims(db: Db | Tx, viewer: ClaimLinkViewer, claimIds: string[]): Promise<Set<string>> {
  // Those who set the final verdict see every decision (blind review or open vote alike).
  if (claimIds.length === 0 || canSeeDecision(viewer.role, true, false, { voteOpen: true })) return new Set();
  const rows = await db.select({ id: claims.id, articleId: claims.articleId }).from(claims).where(inArray(claims.id, claimIds));
  const byArticle = new Map<string, string[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r.id]);
  const hidden = new Set<string>();
  for (const [articleId, ids] of byArticle) for (const id of await claimsWithHiddenDecision(db as Db, articleId, ids, viewer)) hidden.add(id);
  return hidden;
}

/**
 * The claim's "based on" links both ways: what its verdict started from (`based_on`) and the later
 * claims whose verdicts started from it (`basis_of`), oldest first. A link says where a decision
 * came from, so blind review withholds it like the decision: a link whose later claim's decision
 * the viewer may not see is left out (unless the viewer made it).
 */
export async function listClaimLinks(db: Db, viewer: ClaimLinkViewer, claimId: string): Promise<ClaimLinkDto[]> {
  const rows = await db
    .select()
    .from(claimLinks)
    .where(or(eq(claimLinks.claimId, claimId), eq(claimLinks.basedOnClaimId, claimId)))
    .orderBy(asc(claimLinks.createdAt), asc(claimLinks.id));
  if (rows.length === 0) return [];
  const hidden = await hiddenClaims(
    db,
    viewer,
    [...new Set(rows.map((r) => r.claimId))],
  );
  const visible = rows.filter((r) => r.createdBy === viewer.userId || !hidden.has(r.claimId));
  return toDtos(
    db,
    visible.map((link) => ({ link, direction: link.claimId === claimId ? ('based_on' as const) : ('basis_of' as const) })),
  );
}

export interface ReuseVerdictInput {
  claimId: string;
  actorId: string;
  /** The actor's role in the claim's workspace (the route authorised it). */
  role: Role;
  from: ReuseSource;
  /** The claim's version the actor saw: a stale one is refused (409) with the current claim. */
  version: number;
}

export interface ReuseVerdictResult {
  /** The claim after the reuse (unredacted: the route shows it as the viewer may see it). */
  claim: ClaimDto;
  claimChanged: boolean;
  /** The actor's own verdict, when the reuse set it (reviewers). */
  verdict: VerdictDto | null;
  verdictCreated: boolean;
  link: ClaimLinkDto;
  /** What the reuse filled in; `scaleMismatch`: the earlier rating is not on this workspace's scale. */
  applied: { finalVerdict: boolean; ownVerdict: boolean; rationale: boolean; scaleMismatch: boolean };
  workspaceId: string;
  articleId: string;
}

interface Basis {
  /** Where the claim's history says the verdict came from: claim #3 in “Title”. */
  label: string;
  levelId: string | null;
  scaleMismatch: boolean;
  /** The text to start the rationale (or the reviewer's reason) from. */
  prefill: string;
  link: { basedOnClaimId: string } | { basedOnLibraryItemId: string };
}

/** A level of the workspace's scale, by id (an earlier claim's verdict). */
async function levelInWorkspace(tx: Tx, levelId: string, workspaceId: string): Promise<{ id: string; label: string } | null> {
  const [row] = await tx
    .select({ id: ratingLevels.id, label: ratingLevels.label })
    .from(ratingLevels)
    .innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId))
    .where(and(eq(ratingLevels.id, levelId), eq(ratingScales.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** A level of the workspace's scale whose label (or key) is the rating's name, case-insensitively. */
async function levelByName(tx: Tx, name: string, workspaceId: string): Promise<string | null> {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  const levels = await tx
    .select({ id: ratingLevels.id, key: ratingLevels.key, label: ratingLevels.label })
    .from(ratingLevels)
    .innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId))
    .where(eq(ratingScales.workspaceId, workspaceId));
  const slug = wanted.replace(/\s+/g, '-');
  return levels.find((l) => l.label.trim().toLowerCase() === wanted)?.id ?? levels.find((l) => l.key === slug)?.id ?? null;
}

async function resolveBasis(tx: Tx, target: { id: string; workspaceId: string }, actor: ClaimLinkViewer, from: ReuseSource): Promise<Basis> {
  if ('claimId' in from) {
    if (from.claimId === target.id) throw new AppError('unprocessable', 'A claim cannot be based on itself.');
    const [source] = await tx
      .select({ id: claims.id, number: claims.number, verdictId: claims.verdictId, rationale: claims.rationale, articleId: claims.articleId, title: articles.title, blindReview: articles.blindReview })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(eq(claims.id, from.claimId), eq(claims.workspaceId, target.workspaceId), notTrashed()))
      .limit(1);
    if (!source) throw notFound('Earlier claim');
    if (!canSeeDecision(actor.role, true, false, { voteOpen: true }) && (await hasOpenVote(tx, source.id))) {
      throw forbidden(`The decision on claim #${source.number} is hidden while a review session's vote on it is open, so it cannot be reused yet.`);
    }
    if (source.blindReview && !canSeeDecision(actor.role, true, false)) {
      const [mine] = await tx.select({ id: claimVerdicts.id }).from(claimVerdicts).where(and(eq(claimVerdicts.claimId, source.id), eq(claimVerdicts.userId, actor.userId))).limit(1);
      if (!mine) throw forbidden(`The decision on claim #${source.number} is hidden until you give your own verdict on it, so it cannot be reused.`);
    }
    const level = source.verdictId ? await levelInWorkspace(tx, source.verdictId, target.workspaceId) : null;
    if (!level && source.rationale.trim() === '') throw new AppError('unprocessable', `Claim #${source.number} has no verdict or rationale yet: there is nothing to reuse.`);
    const label = `claim #${source.number} in “${source.title}”`;
    // A rationale written under blind review is not copied into a claim whose article is not under
    // it: reviewers who have not voted on the earlier claim would read it there. The link says where to look.
    const [targetArticle] = source.blindReview ? await tx.select({ blindReview: articles.blindReview }).from(articles).innerJoin(claims, eq(claims.articleId, articles.id)).where(eq(claims.id, target.id)).limit(1) : [];
    const copyRationale = source.rationale.trim() !== '' && (!source.blindReview || Boolean(targetArticle?.blindReview));
    const prefill = copyRationale ? `Based on ${label}: ${source.rationale.trim()}` : level ? `Based on ${label}, rated ${level.label}.` : `Based on ${label}.`;
    return { label, levelId: level?.id ?? null, scaleMismatch: source.verdictId !== null && !level, prefill, link: { basedOnClaimId: source.id } };
  }
  const [item] = await tx
    .select()
    .from(claimLibraryItems)
    .where(and(eq(claimLibraryItems.id, from.libraryItemId), eq(claimLibraryItems.workspaceId, target.workspaceId)))
    .limit(1);
  if (!item) throw notFound('Library item');
  const levelId = await levelByName(tx, item.ratingName, target.workspaceId);
  const org = item.reviewOrg || 'another fact-checker';
  const label = `the fact-check by ${org}`;
  const rating = item.ratingName ? `, rated “${item.ratingName}”` : '';
  return { label, levelId, scaleMismatch: item.ratingName !== '' && !levelId, prefill: `Based on ${label} (${item.url})${rating}.`, link: { basedOnLibraryItemId: item.id } };
}

/**
 * "Reuse verdict": records that the claim's verdict is based on an earlier claim or a library
 * item, and fills in a starting point, all in one transaction through the usual write paths
 * (version check, publishing lock, history):
 * - an editor or owner (who sets the final verdict) gets the earlier verdict as the final verdict
 *   when it is on this workspace's scale (a library rating matched to a level by name), and the
 *   rationale "Based on claim #N in “…”: …" when the rationale is empty;
 * - a reviewer gets their own verdict set to it, with that text as their reason (kept if they
 *   had written one); when no level matches, the claim's empty rationale is filled instead, if
 *   blind review lets them see it.
 * Refused: a stale `version` (409), a locked article (409), an earlier claim whose decision blind
 * review hides from the actor (403), one with nothing to reuse (422).
 */
export async function reuseVerdict(db: Db, input: ReuseVerdictInput): Promise<ReuseVerdictResult> {
  const actor = { userId: input.actorId, role: input.role };
  return transaction(db, async (tx) => {
    await assertClaimWritable(tx, input.claimId);
    const [target] = await tx.select().from(claims).where(eq(claims.id, input.claimId)).limit(1);
    if (!target) throw notFound('Claim');
    if (target.version !== input.version) throw conflict('Someone else changed this claim since you opened it.', await getClaim(tx, input.claimId));
    const basis = await resolveBasis(tx, target, actor, input.from);

    const sameLink =
      'basedOnClaimId' in basis.link
        ? eq(claimLinks.basedOnClaimId, basis.link.basedOnClaimId)
        : eq(claimLinks.basedOnLibraryItemId, basis.link.basedOnLibraryItemId);
    let [link] = await tx.select().from(claimLinks).where(and(eq(claimLinks.claimId, target.id), sameLink)).limit(1);
    link ??= (await tx.insert(claimLinks).values({ workspaceId: target.workspaceId, claimId: target.id, kind: 'based_on', ...basis.link, createdBy: actor.userId }).returning())[0]!;

    const applied = { finalVerdict: false, ownVerdict: false, rationale: false, scaleMismatch: basis.scaleMismatch };
    const rationaleEmpty = target.rationale.trim() === '';
    let verdict: VerdictDto | null = null;
    let verdictCreated = false;
    let claimAfter: ClaimDto | null = null;

    if (can(actor.role, 'verdict:final')) {
      const change = {
        version: target.version,
        ...(basis.levelId ? { verdictId: basis.levelId } : {}),
        ...(rationaleEmpty ? { rationale: clip(basis.prefill, MAX_RATIONALE_CHARS) } : {}),
      };
      claimAfter = await updateClaim(tx, target.id, change, actor.userId);
      applied.finalVerdict = basis.levelId !== null && basis.levelId !== target.verdictId;
      applied.rationale = rationaleEmpty;
    } else if (basis.levelId) {
      const [mine] = await tx.select().from(claimVerdicts).where(and(eq(claimVerdicts.claimId, target.id), eq(claimVerdicts.userId, actor.userId))).limit(1);
      const reason = mine && mine.reason.trim() ? mine.reason : clip(basis.prefill, MAX_REASON_CHARS);
      const result = await upsertMyVerdict(tx, { claimId: target.id, userId: actor.userId, verdictId: basis.levelId, reason, ...(mine ? { version: mine.version } : {}) });
      verdict = result.verdict;
      verdictCreated = result.created;
      applied.ownVerdict = result.changed;
    } else if (rationaleEmpty && (await claimsWithHiddenDecision(tx, target.articleId, [target.id], actor)).size === 0) {
      claimAfter = await updateClaim(tx, target.id, { version: target.version, rationale: clip(basis.prefill, MAX_RATIONALE_CHARS) }, actor.userId);
      applied.rationale = true;
    }

    // The claim's history says where its verdict came from (blind review hides it with the decision).
    await recordHistory(tx, {
      workspaceId: target.workspaceId,
      articleId: target.articleId,
      claimId: target.id,
      entityType: 'claim',
      entityId: target.id,
      action: 'update',
      actorId: actor.userId,
      before: { basedOn: null },
      after: { basedOn: basis.label },
    });

    const claim = claimAfter ?? (await getClaim(tx, target.id));
    const [dto] = await toDtos(tx, [{ link, direction: 'based_on' }]);
    if (!dto) throw notFound('Earlier claim');
    return { claim, claimChanged: claim.version !== target.version, verdict, verdictCreated, link: dto, applied, workspaceId: target.workspaceId, articleId: target.articleId };
  });
}
