import 'server-only';
/**
 * Publishing a fact-check: the publication log (article_publications) and the three steps that
 * write it. Publish (from `ready`, through the gate in lib/publishing/gate.ts) stores the public
 * snapshot public pages serve; reopen for correction (published → in review) keeps that snapshot
 * public until the next publication, which is a correction with a note; retract (owners) is final.
 *
 * Each step is one serializable transaction: it reads the article, its claims and its log,
 * decides, and writes the article, the claims' first publication date, the log row and the
 * history entry together. Two publishes racing: the second sees the first's commit (SQLite's
 * single writer; PostgreSQL retries the loser after its serialization failure) and gets 409.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { monotonicNow } from '../schema/clock';
import { transaction } from '../transaction';
import { articlePublications, articles, claims, users, workspaces } from '../schema';
import type { PublicationEntryDto, PublicationKind, PublicationStateDto, PublishBlocker } from '@/lib/domain/publishing';
import type { Role } from '@/lib/domain/roles';
import { statusInSentence } from '@/lib/domain/status-labels';
import { can } from '@/lib/auth/permissions';
import { AppError, forbidden, notFound } from '@/lib/errors';
import type { ReportViewModel } from '@/lib/export/view-model';
import { isExcluded, publishBlockers } from '@/lib/publishing/gate';
import { publicationFromLog, toPublicView } from '@/lib/publishing/public-view';
import { publicArticleUrl } from '@/lib/publishing/urls';
import { canSeeDecision } from '@/lib/review/verdict-visibility';
import { readArticleReviewState, type ArticleReviewState } from './article-status';
import { recordHistory, type Tx } from './history';
import { buildReportViewModelInTx } from './report';
import { openVoteClaimsOfArticle } from './review-session-votes';

const STALE = 'Someone else changed this article since you opened it.';

/** What one publication step returns: the article's new review state and its publication state. */
export interface PublicationChange {
  article: ArticleReviewState;
  publication: PublicationStateDto;
  /** The log row written. */
  entry: PublicationEntryDto;
}

interface StepInput {
  articleId: string;
  /** The article version the user saw (409 when stale). */
  version: number;
  role: Role;
  actorId: string;
  /** Base URL of this instance, for the public URL and the snapshot. */
  appUrl: string;
  /** When the step happens; default now. */
  now?: Date;
}

export interface PublishInput extends StepInput {
  /** Required when the article was published before (the republication is a correction). */
  correctionNote?: string;
  /** An owner's reason for publishing despite blockers. */
  overrideReason?: string;
}

export interface ReasonInput extends StepInput {
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Reading

async function readFacts(tx: Db | Tx, articleId: string) {
  const [article] = await tx
    .select({
      id: articles.id,
      workspaceId: articles.workspaceId,
      slug: articles.slug,
      status: articles.status,
      version: articles.version,
      blindReview: articles.blindReview,
      firstPublishedAt: articles.firstPublishedAt,
      workspaceSlug: workspaces.slug,
    })
    .from(articles)
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!article) throw notFound('Article');
  const claimRows = await tx
    .select({ id: claims.id, number: claims.number, exclusionReason: claims.exclusionReason, verdictId: claims.verdictId, anchorState: claims.anchorState, firstPublishedAt: claims.firstPublishedAt })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  const log = await readLog(tx, articleId);
  const everPublished = article.firstPublishedAt !== null || log.some((row) => row.kind === 'published' || row.kind === 'corrected');
  return { article, claims: claimRows, log, everPublished };
}

type Facts = Awaited<ReturnType<typeof readFacts>>;

async function readLog(tx: Db | Tx, articleId: string) {
  return tx
    .select({
      id: articlePublications.id,
      sequence: articlePublications.sequence,
      kind: articlePublications.kind,
      note: articlePublications.note,
      overrideReason: articlePublications.overrideReason,
      overriddenBlockers: articlePublications.overriddenBlockers,
      actorId: articlePublications.actorId,
      actorName: users.name,
      createdAt: articlePublications.createdAt,
    })
    .from(articlePublications)
    .leftJoin(users, eq(users.id, articlePublications.actorId))
    .where(eq(articlePublications.articleId, articleId))
    .orderBy(asc(articlePublications.sequence));
}

function toEntryDto(row: Awaited<ReturnType<typeof readLog>>[number]): PublicationEntryDto {
  return {
    id: row.id,
    sequence: row.sequence,
    kind: row.kind,
    note: row.note,
    overrideReason: row.overrideReason,
    overriddenBlockers: Array.isArray(row.overriddenBlockers) ? (row.overriddenBlockers as PublishBlocker[]) : [],
    actorId: row.actorId,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface PublicationStateOptions {
  /**
   * Who asks. Under blind review, a member who may not see colleagues' verdicts yet is not told
   * which claims lack a final verdict (that would reveal which have one); nor, on claims with an open
   * review-session vote, is a member who does not set the final verdict; omitted: everything.
   */
  viewer?: { role: Role };
}

/**
 * `voteOpen`: the article's claims with an open review-session vote, whose decision (so whether they
 * lack a final verdict) is withheld from members who do not set the final verdict.
 */
function stateOf(facts: Facts, appUrl: string, options: PublicationStateOptions = {}, voteOpen: ReadonlySet<string> = new Set()): PublicationStateDto {
  const { article } = facts;
  let blockers = publishBlockers(facts.claims);
  const viewer = options.viewer;
  if (viewer) {
    blockers = blockers.filter(
      (b) => b.kind !== 'no_final_verdict' || (canSeeDecision(viewer.role, article.blindReview, false) && canSeeDecision(viewer.role, article.blindReview, false, { voteOpen: b.claimId !== null && voteOpen.has(b.claimId) })),
    );
  }
  return {
    articleId: article.id,
    status: article.status,
    version: article.version,
    everPublished: facts.everPublished,
    firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
    blockers,
    publicUrl: publicArticleUrl(appUrl, article.workspaceSlug, article.slug),
    log: facts.log.map(toEntryDto),
  };
}

/**
 * GET /api/articles/:id/publication: status, what blocks publishing, the public URL and the
 * publication log (oldest first). The caller has checked that the user may read the article.
 */
export async function getPublicationState(db: Db, articleId: string, appUrl: string, options: PublicationStateOptions = {}): Promise<PublicationStateDto> {
  const facts = await readFacts(db, articleId);
  return stateOf(facts, appUrl, options, options.viewer ? await openVoteClaimsOfArticle(db, articleId) : new Set());
}

/** The article's publication steps, oldest first (each with who and why). */
export async function listPublicationLog(db: Db, articleId: string): Promise<PublicationEntryDto[]> {
  return (await readLog(db, articleId)).map(toEntryDto);
}

export interface PreviewOptions {
  appUrl: string;
  /** The correction note being written, to show it where it will appear. */
  correctionNote?: string;
  now?: Date;
  /** Who previews: under blind review a reviewer's preview withholds decisions as the workbench does. */
  viewer?: { userId: string; role: Role };
}

/**
 * The public report that publishing now would store (the preview before confirming): the same
 * view model publishArticle snapshots, with the publication record it would have.
 */
export async function buildPublicationPreview(db: Db, articleId: string, options: PreviewOptions): Promise<ReportViewModel> {
  const now = options.now ?? new Date();
  return transaction(
    db,
    async (tx) => {
      const facts = await readFacts(tx, articleId);
      const vm = await buildReportViewModelInTx(tx, articleId, { appUrl: options.appUrl, now, viewer: options.viewer });
      const kind: PublicationKind = facts.everPublished ? 'corrected' : 'published';
      const publication = publicationFromLog(facts.log, { pending: { kind, note: options.correctionNote?.trim() ?? '', createdAt: now }, firstPublishedAt: facts.article.firstPublishedAt ?? now })!;
      return toPublicView(vm, publication);
    },
    { isolation: 'repeatable read' },
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

async function appendStep(
  tx: Tx,
  facts: Facts,
  step: { kind: PublicationKind; note: string; actorId: string; createdAt: Date; overrideReason?: string | null; overriddenBlockers?: PublishBlocker[] | null; snapshot?: ReportViewModel | null },
) {
  const sequence = facts.log.reduce((highest, row) => Math.max(highest, row.sequence), 0) + 1;
  const [row] = await tx
    .insert(articlePublications)
    .values({
      workspaceId: facts.article.workspaceId,
      articleId: facts.article.id,
      sequence,
      kind: step.kind,
      note: step.note,
      overrideReason: step.overrideReason ?? null,
      overriddenBlockers: step.overriddenBlockers ?? null,
      workspaceSlug: facts.article.workspaceSlug,
      articleSlug: facts.article.slug,
      snapshot: step.snapshot ?? null,
      actorId: step.actorId,
      createdAt: step.createdAt,
    })
    .returning({ id: articlePublications.id });
  return row!.id;
}

/** The article's status changes with its version checked in the WHERE: 0 rows → 409. */
async function moveArticle(tx: Tx, facts: Facts, input: StepInput, set: { status: ArticleReviewState['status']; updatedAt: Date; firstPublishedAt?: Date }) {
  const updated = await tx
    .update(articles)
    .set({ ...set, version: facts.article.version + 1 })
    .where(and(eq(articles.id, facts.article.id), eq(articles.version, input.version)))
    .returning({ id: articles.id });
  if (updated.length !== 1) throw new AppError('conflict', STALE, { current: await readArticleReviewState(tx, facts.article.id) });
}

async function finish(tx: Tx, input: StepInput, entryId: string): Promise<PublicationChange> {
  const facts = await readFacts(tx, input.articleId);
  const entry = facts.log.find((row) => row.id === entryId)!;
  return { article: await readArticleReviewState(tx, input.articleId), publication: stateOf(facts, input.appUrl), entry: toEntryDto(entry) };
}

async function refuse(tx: Tx, articleId: string, message: string, extra: Record<string, unknown> = {}): Promise<never> {
  throw new AppError('conflict', message, { ...extra, current: await readArticleReviewState(tx, articleId) });
}

async function checkVersion(tx: Tx, facts: Facts, input: StepInput): Promise<void> {
  if (facts.article.version !== input.version) await refuse(tx, input.articleId, STALE);
}

/**
 * Publishes the article (editors; from `ready` only) or republishes it after a reopen (a
 * correction, which needs a note). Blockers (lib/publishing/gate.ts) refuse it with 409 and
 * `details.blockers`, unless an owner gives an override reason (recorded with the blockers);
 * an editor's override is refused with 403. Stores the public snapshot, stamps the claims
 * published for the first time, and records history.
 */
export async function publishArticle(db: Db, input: PublishInput): Promise<PublicationChange> {
  if (!can(input.role, 'article:publish')) throw forbidden(`Your role (${input.role}) cannot publish fact-checks. Ask an editor.`);
  const correctionNote = input.correctionNote?.trim() || undefined;
  const overrideReason = input.overrideReason?.trim() || undefined;
  return transaction(
    db,
    async (tx) => {
      const facts = await readFacts(tx, input.articleId);
      const { article } = facts;
      if (article.status === 'published') await refuse(tx, article.id, 'This fact-check is already published. To change it, reopen it for correction first.');
      if (article.status === 'retracted') await refuse(tx, article.id, 'This fact-check was retracted, so it cannot be published again.');
      if (article.status !== 'ready') await refuse(tx, article.id, `Only an article that is ready can be published; this one is ${statusInSentence(article.status)}. Mark it ready first.`);
      await checkVersion(tx, facts, input);
      if (facts.everPublished && !correctionNote) throw new AppError('unprocessable', 'This fact-check was published before, so republishing it needs a correction note: what changed, for readers.', { fields: [{ path: 'correctionNote', message: 'Write a correction note.' }] });
      if (!facts.everPublished && correctionNote) throw new AppError('unprocessable', 'This is the first publication, so there is nothing to correct yet: leave the correction note empty.', { fields: [{ path: 'correctionNote', message: 'Leave empty for a first publication.' }] });

      const blockers = publishBlockers(facts.claims);
      if (blockers.length > 0) {
        if (!overrideReason) {
          const more = blockers.length > 1 ? ` (and ${blockers.length - 1} more)` : '';
          await refuse(tx, article.id, `This fact-check cannot be published yet: ${blockers[0]!.message}${more}`, { blockers });
        }
        // Overriding the gate is an owner's call, recorded with its reason.
        if (input.role !== 'owner') throw new AppError('forbidden', 'Only an owner can publish despite what blocks it. Resolve the items listed, or ask an owner.', { blockers });
      }

      const now = input.now ?? monotonicNow();
      const kind: PublicationKind = facts.everPublished ? 'corrected' : 'published';
      await moveArticle(tx, facts, input, { status: 'published', updatedAt: now, ...(article.firstPublishedAt ? {} : { firstPublishedAt: now }) });
      const included = facts.claims.filter((c) => !isExcluded(c)).map((c) => c.id);
      if (included.length > 0) {
        // A new version: clients holding the claim in full see it changed (it can no longer be deleted).
        await tx
          .update(claims)
          .set({ firstPublishedAt: now, version: sql`${claims.version} + 1` })
          .where(and(inArray(claims.id, included), isNull(claims.firstPublishedAt)));
      }

      const internal = await buildReportViewModelInTx(tx, article.id, { appUrl: input.appUrl, now });
      const publication = publicationFromLog(facts.log, { pending: { kind, note: correctionNote ?? '', createdAt: now }, firstPublishedAt: article.firstPublishedAt ?? now })!;
      const snapshot = toPublicView(internal, publication);
      const overridden = blockers.length > 0 ? blockers : null;
      const entryId = await appendStep(tx, facts, { kind, note: correctionNote ?? '', actorId: input.actorId, createdAt: now, overrideReason: overridden ? overrideReason : null, overriddenBlockers: overridden, snapshot });
      await recordHistory(tx, {
        workspaceId: article.workspaceId,
        articleId: article.id,
        claimId: null,
        entityType: 'article',
        entityId: article.id,
        action: 'update',
        actorId: input.actorId,
        before: { status: article.status },
        after: { status: 'published', publication: kind, ...(correctionNote ? { correctionNote } : {}), ...(overridden ? { overrideReason } : {}) },
      });
      return finish(tx, input, entryId);
    },
    { isolation: 'serializable' },
  );
}

/**
 * Reopens a published fact-check for correction (editors): published → in review, with the
 * reason in the log. The public pages keep the last publication until it is republished.
 */
export async function reopenArticle(db: Db, input: ReasonInput): Promise<PublicationChange> {
  if (!can(input.role, 'article:publish')) throw forbidden(`Your role (${input.role}) cannot reopen a published fact-check. Ask an editor.`);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('unprocessable', 'Say why the fact-check is reopened (what needs correcting).');
  return transaction(
    db,
    async (tx) => {
      const facts = await readFacts(tx, input.articleId);
      const { article } = facts;
      if (article.status === 'retracted') await refuse(tx, article.id, 'This fact-check was retracted, so it cannot be reopened.');
      if (article.status !== 'published') await refuse(tx, article.id, `Only a published fact-check can be reopened for correction; this one is ${statusInSentence(article.status)}.`);
      await checkVersion(tx, facts, input);
      const now = input.now ?? monotonicNow();
      await moveArticle(tx, facts, input, { status: 'in_review', updatedAt: now });
      const entryId = await appendStep(tx, facts, { kind: 'reopened', note: reason, actorId: input.actorId, createdAt: now });
      await recordHistory(tx, { workspaceId: article.workspaceId, articleId: article.id, claimId: null, entityType: 'article', entityId: article.id, action: 'update', actorId: input.actorId, before: { status: 'published' }, after: { status: 'in_review', publication: 'reopened', reason } });
      return finish(tx, input, entryId);
    },
    { isolation: 'serializable' },
  );
}

/**
 * Retracts a fact-check (owners): a published one, or one reopened after publication. Final: the
 * public pages keep their address and show the retraction notice (date, reason).
 */
export async function retractArticle(db: Db, input: ReasonInput): Promise<PublicationChange> {
  if (input.role !== 'owner') throw forbidden(`Only an owner can retract a fact-check${input.role ? ` (your role: ${input.role})` : ''}.`);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('unprocessable', 'Say why the fact-check is retracted: readers will see this reason.');
  return transaction(
    db,
    async (tx) => {
      const facts = await readFacts(tx, input.articleId);
      const { article } = facts;
      if (article.status === 'retracted') await refuse(tx, article.id, 'This fact-check is already retracted.');
      if (!facts.everPublished) await refuse(tx, article.id, 'This article has never been published, so there is nothing to retract.');
      await checkVersion(tx, facts, input);
      const now = input.now ?? monotonicNow();
      await moveArticle(tx, facts, input, { status: 'retracted', updatedAt: now });
      const entryId = await appendStep(tx, facts, { kind: 'retracted', note: reason, actorId: input.actorId, createdAt: now });
      await recordHistory(tx, { workspaceId: article.workspaceId, articleId: article.id, claimId: null, entityType: 'article', entityId: article.id, action: 'update', actorId: input.actorId, before: { status: article.status }, after: { status: 'retracted', publication: 'retracted', reason } });
      return finish(tx, input, entryId);
    },
    { isolation: 'serializable' },
  );
}
