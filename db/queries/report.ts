import 'server-only';
/**
 * Builds the export view model (lib/export/view-model.ts) from the database: the one place
 * the route, the CLI and the tests get report data from. A fixed number of queries however
 * many claims the article has (related rows are fetched for all claims at once).
 */
import { and, asc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articlePublications, articles, claims, claimVerdicts, comments, historyEntries, ratingLevels, replyAttempts, sources, users, workspaces } from '../schema';
import { REPLY_METHOD_LABELS } from '@/lib/domain/publishing';
import type { Role } from '@/lib/domain/roles';
import { anchor, codePointIndex } from '@/lib/anchoring';
import { ClaimPartsError, readClaimParts } from '@/lib/claims/parts';
import type { ClaimPart } from '@/lib/domain/claims';
import { orderClaimsByText } from '@/lib/editor/claim-ranges';
import { docBlocks, docBlocksMatchText, type DocBlock } from '@/lib/editor/doc-blocks';
import { AppError, notFound } from '@/lib/errors';
import { commentPlainText } from '@/lib/review/mention-tokens';
import type { ReportClaim, ReportPerson, ReportPublication, ReportVerdict, ReportViewModel } from '@/lib/export/view-model';
import { ratingBounds } from '@/lib/verdicts';
import { publicationFromLog } from '@/lib/publishing/public-view';
import type { Tx } from './history';
import { getScale } from './scales';
import { canSeeDecision, canSeeOthersVerdicts } from '@/lib/review/verdict-visibility';
import { openVoteClaimsOfArticle } from './review-session-votes';
import { redactClaimAudit } from '@/lib/review/blind-review';
import { scrubDeletedCommentAudit } from '@/lib/review/deleted-comments';

type ClaimRow = typeof claims.$inferSelect;
type PublicationRow = Pick<typeof articlePublications.$inferSelect, 'kind' | 'note' | 'createdAt'>;

export interface ReportOptions {
  /** Base URL of this Claimdesk instance, e.g. http://localhost:3000 (a trailing slash is dropped). */
  appUrl: string;
  /** When the report is generated; default now. */
  now?: Date;
  /**
   * Who is exporting. Under blind review a member who may not yet see colleagues' verdicts gets a
   * report without them (and without the final verdict) on claims they have not rated, exactly as
   * in the workbench; on a claim with an open review-session vote nobody gets colleagues' verdicts,
   * and only those who set the final verdict get the decision. Omitted (the command line, run by
   * whoever holds the database): everything.
   */
  viewer?: { userId: string; role: Role };
}

export async function buildReportViewModel(db: Db, articleId: string, opts: ReportOptions): Promise<ReportViewModel> {
  // One read transaction: the report is a consistent snapshot even while others keep editing
  // (repeatable read on PostgreSQL: every statement sees the same snapshot, not just its own).
  return transaction(db, (tx) => buildReportViewModelInTx(tx, articleId, opts), { isolation: 'repeatable read' });
}

/**
 * The internal report view model read inside the caller's transaction (publishing builds the
 * snapshot in the same transaction that records the publication). A fixed number of queries.
 */
export async function buildReportViewModelInTx(tx: Tx, articleId: string, opts: ReportOptions): Promise<ReportViewModel> {
  // Every article column but the editor document (~730 KB on a 100,000-word article), read below for its structure only.
  const { docJson: _docJson, ...articleColumns } = getTableColumns(articles);
  const [found] = await tx.select({ article: articleColumns, workspace: workspaces }).from(articles).innerJoin(workspaces, eq(workspaces.id, articles.workspaceId)).where(eq(articles.id, articleId)).limit(1);
  if (!found) throw notFound('Article');
  const { article, workspace } = found;
  const publicationRows = await tx
    .select({ kind: articlePublications.kind, note: articlePublications.note, createdAt: articlePublications.createdAt })
    .from(articlePublications)
    .where(eq(articlePublications.articleId, articleId))
    .orderBy(asc(articlePublications.sequence));
  const scale = await getScale(tx, workspace.id);
  const bounds = ratingBounds(scale.levels);
  const appUrl = opts.appUrl.replace(/\/+$/, '');
  const blocks = await readArticleBlocks(tx, articleId, article.plainText);

  const claimRows = await tx
    .select()
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.positionStart), asc(claims.positionEnd), asc(claims.createdAt), asc(claims.id));
  await yieldToEventLoop();
  const allRelated = await readRelatedRows(tx, articleId, claimRows.length);
  const hidden = opts.viewer ? claimsHiddenFrom(opts.viewer, article.blindReview, claimRows, allRelated, await openVoteClaimsOfArticle(tx, articleId)) : null;
  const hiddenDecisions = hidden?.decisions ?? new Set<string>();
  const related = hidden && opts.viewer ? withholdBlindVerdicts(allRelated, hidden, opts.viewer.userId) : allRelated;

  const verdictIds = [...claimRows.map((c) => c.verdictId), ...related.reviewerVerdicts.map((v) => v.verdictId)].filter((id): id is string => id !== null);
  const verdicts = await readVerdicts(tx, verdictIds);
  const personIds = [
    ...claimRows.map((c) => c.authorId),
    ...related.reviewerVerdicts.map((v) => v.userId),
    ...related.comments.map((c) => c.authorId),
    ...related.history.map((h) => h.actorId),
  ].filter((id): id is string => id !== null);
  const people = await readPeople(tx, personIds);
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);

  const sourcesOf = groupByClaim(related.sources);
  const reviewerVerdictsOf = groupByClaim(related.reviewerVerdicts);
  const repliesOf = groupByClaim(related.replies);
  const commentsOf = groupByClaim(related.comments);
  const historyOf = groupByClaim(related.history);

  const deletedCommentIds = new Set(related.comments.filter((c) => c.deletedAt !== null).map((c) => c.id));
  // Who deleted each deleted comment, and when: its audit row.
  const deletions = new Map(related.history.filter((h) => h.entityType === 'comment' && h.action === 'delete').map((h) => [h.entityId, h]));

  await yieldToEventLoop();
  const placedParts = claimPartRanges(article.plainText, claimRows);
  // A claim sits where its first part still in the text does.
  const ranges = new Map<string, { start: number; end: number }>();
  for (const [id, { ranges: partRanges }] of placedParts) {
    const first = partRanges.find((r) => r !== null);
    if (first) ranges.set(id, first);
  }
  await yieldToEventLoop();
  const ordered = orderClaimsByText(claimRows, ranges);

  // Listed in text order; each keeps its stable number (creation order, never reused).
  const toReportClaim = (row: ClaimRow): ReportClaim => {
    const range = ranges.get(row.id) ?? null;
    const placed = placedParts.get(row.id);
    return {
      id: row.id,
      number: row.number,
      exclusionReason: row.exclusionReason,
      start: range?.start ?? null,
      end: range?.end ?? null,
      quote: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
      position: { start: row.positionStart, end: row.positionEnd },
      orphaned: range === null,
      ...(placed && placed.parts.length > 1
        ? {
            parts: placed.parts.map((part, i) => {
              const partRange = placed.ranges[i] ?? null;
              return {
                quote: { ...part.quote },
                position: { ...part.position },
                start: partRange?.start ?? null,
                end: partRange?.end ?? null,
                orphaned: partRange === null,
              };
            }),
          }
        : {}),
      claimText: row.claimText,
      claimant: row.claimant,
      claimDate: row.claimDate,
      claimAppearance: row.claimAppearance,
      ...(hiddenDecisions.has(row.id)
        ? { finalVerdict: null, rationale: '', status: null, decisionHidden: true }
        : { finalVerdict: row.verdictId ? (verdicts.get(row.verdictId) ?? null) : null, rationale: row.rationale, status: row.status, decisionHidden: false }),
      author: person(row.authorId),
      reviewers: reviewerVerdictsOf(row.id).flatMap((v) => {
        const reviewer = person(v.userId);
        const verdict = verdicts.get(v.verdictId);
        return reviewer && verdict ? [{ reviewer, verdict, reason: v.reason, createdAt: v.createdAt.toISOString() }] : [];
      }),
      sources: sourcesOf(row.id).map((s) => ({
        id: s.id,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        excerpt: s.excerpt,
        excerptPrefix: s.excerptPrefix,
        excerptSuffix: s.excerptSuffix,
        accessedOn: s.accessedOn,
        isPublic: s.isPublic,
      })),
      replies: repliesOf(row.id).map((r) => ({
        id: r.id,
        contactedOn: r.contactedOn,
        method: r.method,
        methodLabel: REPLY_METHOD_LABELS[r.method] ?? r.method,
        contact: r.contact,
        response: r.response,
        respondedOn: r.respondedOn,
        showPublicly: r.showPublicly,
      })),
      comments: commentsOf(row.id).map((c) => {
        const deletion = c.deletedAt ? deletions.get(c.id) : undefined;
        return {
          id: c.id,
          author: person(c.authorId),
          // A deleted comment keeps the audit fact (who deleted it, when), never its text.
          // Mention tokens read as @Name in every report format.
          body: c.deletedAt ? '' : commentPlainText(c.body),
          deleted: c.deletedAt ? { by: person(deletion?.actorId ?? null), at: (deletion?.createdAt ?? c.deletedAt).toISOString() } : null,
          createdAt: c.createdAt.toISOString(),
          updatedAt: c.updatedAt.toISOString(),
          isPublic: c.isPublic,
        };
      }),
      history: historyOf(row.id).map((h) => {
        const { before, after } = h.entityType === 'comment' && deletedCommentIds.has(h.entityId) ? scrubDeletedCommentAudit(h) : h;
        return { id: h.id, actor: person(h.actorId), action: h.action, entityType: h.entityType, entityId: h.entityId, before, after, createdAt: h.createdAt.toISOString() };
      }),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  };
  // In slices with a turn of the event loop between them: 2,000 claims with their comments and history take tens of ms.
  const reportClaims: ReportClaim[] = [];
  for (let from = 0; from < ordered.length; from += CLAIM_SLICE) {
    if (from > 0) await yieldToEventLoop();
    for (const row of ordered.slice(from, from + CLAIM_SLICE)) reportClaims.push(toReportClaim(row));
  }

  return {
    workspace: {
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      organizationName: workspace.organizationName,
      organizationUrl: workspace.organizationUrl,
      factCheckUrlPattern: workspace.factCheckUrlPattern,
    },
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      outlet: article.outlet,
      byline: article.byline,
      url: article.url,
      canonicalUrl: `${appUrl}/articles/${encodeURIComponent(article.id)}`,
      publishedOn: article.publishedOn,
      language: article.language,
      sourceCredit: article.sourceCredit,
      status: article.status,
      revision: article.revision,
      text: article.plainText,
      ...(blocks ? { blocks } : {}),
    },
    scale: {
      name: scale.name,
      levels: scale.levels.map(toReportVerdict),
      bestRating: bounds.best,
      worstRating: bounds.worst,
    },
    claims: reportClaims,
    audience: 'internal',
    publication: publicationOf(article.firstPublishedAt, publicationRows),
    generatedAt: (opts.now ?? new Date()).toISOString(),
    appUrl,
  };
}

/**
 * The article's structure (lib/editor/doc-blocks.ts) for the renderers: headings, lists, quotes,
 * formatting and links over its plain text. Read from the document, which is not kept: the blocks
 * are a few numbers per paragraph. Undefined (paragraphs, as before) if they do not describe the
 * stored text, which would be a bug elsewhere: a report never highlights the wrong words for it.
 */
async function readArticleBlocks(tx: Tx, articleId: string, text: string): Promise<DocBlock[] | undefined> {
  const [row] = await tx.select({ doc: articles.docJson }).from(articles).where(eq(articles.id, articleId)).limit(1);
  const blocks = docBlocks(row?.doc);
  return docBlocksMatchText(blocks, text) ? blocks : undefined;
}

/**
 * The publication record from the article's log (rows in sequence order): first published (the
 * article's own date, else its first `published` row), last published or corrected, the
 * correction notes, and the retraction. Null while the article has never been published.
 */
export function publicationOf(firstPublishedAt: Date | null, rows: readonly PublicationRow[]): ReportPublication | null {
  // Published before the log existed: the article has its date but no `published` step; count the date as one.
  const legacy = firstPublishedAt !== null && !rows.some((r) => r.kind === 'published' || r.kind === 'corrected');
  return publicationFromLog(legacy ? [{ kind: 'published', note: '', createdAt: firstPublishedAt }, ...rows] : rows, { firstPublishedAt });
}

type RelatedRows = Awaited<ReturnType<typeof readRelatedRows>>;

/** What a viewer may not see in a report, by claim (lib/review/verdict-visibility.ts). */
interface HiddenInReport {
  /** Claims whose decision (final verdict, rationale, status) is withheld. */
  decisions: Set<string>;
  /** Claims whose colleagues' verdicts (and their history) are withheld; the viewer's own stay. */
  others: Set<string>;
}

/**
 * Blind review and open review-session votes in reports, exactly as in the workbench
 * (db/queries/claim-views.ts, db/queries/verdicts.ts): under blind review the claims the viewer
 * has not rated (unless they set the final verdict); under an open vote colleagues' verdicts for
 * everyone and the decision for those who do not set the final verdict.
 */
function claimsHiddenFrom(viewer: { userId: string; role: Role }, blindReview: boolean, claimRows: ClaimRow[], related: RelatedRows, voteOpen: ReadonlySet<string>): HiddenInReport {
  const rated = new Set(related.reviewerVerdicts.filter((v) => v.userId === viewer.userId).map((v) => v.claimId));
  const decisions = new Set<string>();
  const others = new Set<string>();
  for (const c of claimRows) {
    const options = { voteOpen: voteOpen.has(c.id) };
    if (!canSeeDecision(viewer.role, blindReview, rated.has(c.id), options)) decisions.add(c.id);
    if (!canSeeOthersVerdicts(viewer.role, blindReview, rated.has(c.id), options)) others.add(c.id);
  }
  return { decisions, others };
}

/** The fields of a 'review_session' history entry that tell the item's outcome (cf. db/queries/timeline.ts). */
const SESSION_OUTCOME_FIELDS: ReadonlySet<string> = new Set(['outcome', 'verdictLabel', 'verdictKey', 'verdictId', 'note', 'votes']);

function withoutSessionOutcome(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SESSION_OUTCOME_FIELDS.has(key)));
}

/**
 * On claims whose colleagues' verdicts are hidden: drop those verdicts and their history entries
 * (the viewer's own stay). On claims whose decision is hidden: strip the decision (final verdict,
 * rationale, status) from the claim's own history entries, and the outcome from review-session ones.
 */
function withholdBlindVerdicts(related: RelatedRows, hidden: HiddenInReport, viewerId: string): RelatedRows {
  if (hidden.decisions.size === 0 && hidden.others.size === 0) return related;
  const othersHidden = (claimId: string | null) => claimId !== null && hidden.others.has(claimId);
  const decisionHidden = (claimId: string | null) => claimId !== null && hidden.decisions.has(claimId);
  return {
    ...related,
    reviewerVerdicts: related.reviewerVerdicts.filter((v) => v.userId === viewerId || !hidden.others.has(v.claimId)),
    history: related.history
      .filter((h) => !(othersHidden(h.claimId) && h.entityType === 'verdict' && h.actorId !== viewerId))
      .map((h) => {
        if (decisionHidden(h.claimId) && h.entityType === 'claim') {
          const { before, after } = redactClaimAudit(h);
          return { ...h, before, after };
        }
        if (decisionHidden(h.claimId) && h.entityType === 'review_session') return { ...h, before: withoutSessionOutcome(h.before), after: withoutSessionOutcome(h.after) };
        return h;
      }),
  };
}

/** Claims turned into report claims per turn of the event loop. */
const CLAIM_SLICE = 250;

/**
 * Lets other requests run between the report's steps. On SQLite each query runs synchronously on
 * this thread, and awaiting a settled promise never leaves the current task: without this, reading
 * a 2,000-claim report was one uninterrupted stall of all its queries and processing together.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Where each part of each claim sits in the text (UTF-16 offsets, null for a part no longer
 * found), as lib/editor/claim-ranges.ts resolveClaimRanges does for one span, with one code-point
 * index of the text for all claims (not one O(n) scan each). Parts come from lib/claims/parts.ts;
 * a malformed parts_json falls back to the claim's first-part columns rather than failing the report.
 */
function claimPartRanges(text: string, rows: readonly ClaimRow[]): Map<string, { parts: ClaimPart[]; ranges: Array<{ start: number; end: number } | null> }> {
  const index = codePointIndex(text);
  const placed = new Map<string, { parts: ClaimPart[]; ranges: Array<{ start: number; end: number } | null> }>();
  for (const row of rows) {
    const parts = partsOf(row);
    const ranges = parts.map((part) => {
      if (row.anchorState === 'orphaned' || part.anchorState === 'orphaned') return null;
      return anchor(
        text,
        [
          { type: 'TextQuoteSelector', exact: part.quote.exact, prefix: part.quote.prefix, suffix: part.quote.suffix },
          { type: 'TextPositionSelector', start: part.position.start, end: part.position.end },
        ],
        index,
      );
    });
    placed.set(row.id, { parts, ranges });
  }
  return placed;
}

function partsOf(row: ClaimRow): ClaimPart[] {
  try {
    return readClaimParts(row);
  } catch (error) {
    if (!(error instanceof ClaimPartsError)) throw error;
    return readClaimParts({ ...row, partsJson: null, anchorState: row.anchorState === 'orphaned' ? 'orphaned' : 'anchored' });
  }
}

/**
 * Sources, reviewer verdicts, comments (deleted ones as placeholders) and history of all the
 * article's claims, in display order. Selected by the article's claims in a subquery, not by a
 * list of 2,000 ids: building and binding that list was most of the cost of reading a big report.
 */
async function readRelatedRows(tx: Tx, articleId: string, claimCount: number) {
  if (claimCount === 0) return { sources: [], reviewerVerdicts: [], replies: [], comments: [], history: [] };
  const claimIds = tx.select({ id: claims.id }).from(claims).where(eq(claims.articleId, articleId));
  // One after another: a transaction is one connection, which runs one statement at a time.
  const sourceRows = await tx.select().from(sources).where(inArray(sources.claimId, claimIds)).orderBy(asc(sources.position), asc(sources.createdAt), asc(sources.id));
  await yieldToEventLoop();
  const reviewerVerdicts = await tx.select().from(claimVerdicts).where(inArray(claimVerdicts.claimId, claimIds)).orderBy(asc(claimVerdicts.createdAt), asc(claimVerdicts.id));
  // Right of reply, oldest attempt first.
  await yieldToEventLoop();
  const replies = await tx.select().from(replyAttempts).where(inArray(replyAttempts.claimId, claimIds)).orderBy(asc(replyAttempts.contactedOn), asc(replyAttempts.createdAt), asc(replyAttempts.id));
  await yieldToEventLoop();
  const commentRows = await tx.select().from(comments).where(inArray(comments.claimId, claimIds)).orderBy(asc(comments.createdAt), asc(comments.id));
  await yieldToEventLoop();
  const history = await tx.select().from(historyEntries).where(inArray(historyEntries.claimId, claimIds)).orderBy(asc(historyEntries.createdAt), asc(historyEntries.id));
  return { sources: sourceRows, reviewerVerdicts, replies, comments: commentRows, history };
}

/** Rows grouped by claim, keeping their order; a lookup that returns [] for a claim without any. */
function groupByClaim<T extends { claimId: string | null }>(rows: readonly T[]): (claimId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.claimId === null) continue;
    const group = groups.get(row.claimId);
    if (group) group.push(row);
    else groups.set(row.claimId, [row]);
  }
  return (claimId) => groups.get(claimId) ?? [];
}

/** Every referenced rating level by id, including one no longer on the scale (the summary still counts it). */
async function readVerdicts(tx: Tx, ids: string[]): Promise<Map<string, ReportVerdict>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select().from(ratingLevels).where(inArray(ratingLevels.id, unique));
  return new Map(rows.map((row) => [row.id, toReportVerdict(row)]));
}

async function readPeople(tx: Tx, ids: string[]): Promise<Map<string, ReportPerson>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

function toReportVerdict(level: { key: string; label: string; color: string; value: number | null }): ReportVerdict {
  return { key: level.key, label: level.label, color: level.color, value: level.value };
}

export interface ExportableArticle {
  id: string;
  slug: string;
  title: string;
  workspaceId: string;
}

/** Raised when a slug names articles in several workspaces; `details.candidates` lists them. */
export class AmbiguousArticleError extends AppError {
  constructor(
    slug: string,
    readonly candidates: Array<ExportableArticle & { workspaceSlug: string; workspaceName: string }>,
  ) {
    const listed = candidates.map((c) => `  ${c.id}  (workspace "${c.workspaceName}" [${c.workspaceSlug}]: ${c.title})`).join('\n');
    super('conflict', `Several articles have the slug "${slug}":\n${listed}\nName the one you mean by its id.`, { candidates });
    this.name = 'AmbiguousArticleError';
  }
}

/**
 * The article named by an id, else by a slug. A slug is only unique within a workspace, so a
 * slug used in several workspaces is refused with the candidates listed.
 */
export async function findArticleForExport(db: Db, idOrSlug: string): Promise<ExportableArticle> {
  const needle = idOrSlug.trim();
  const columns = { id: articles.id, slug: articles.slug, title: articles.title, workspaceId: articles.workspaceId };
  // Trashed articles are not exported (db/queries/article-trash.ts): restore one first.
  const [byId] = await db.select(columns).from(articles).where(and(eq(articles.id, needle), isNull(articles.deletedAt))).limit(1);
  if (byId) return byId;
  const bySlug = await db
    .select({ ...columns, workspaceSlug: workspaces.slug, workspaceName: workspaces.name })
    .from(articles)
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .where(and(eq(articles.slug, needle), isNull(articles.deletedAt)))
    .orderBy(asc(workspaces.slug));
  const [only, ...others] = bySlug;
  if (!only) throw new AppError('not_found', `No article has the id or slug "${needle}".`);
  if (others.length > 0) throw new AmbiguousArticleError(needle, bySlug);
  return { id: only.id, slug: only.slug, title: only.title, workspaceId: only.workspaceId };
}
