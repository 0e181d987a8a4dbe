import 'server-only';
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, assignments, claims, claimVerdicts, memberships, users, workspaces } from '../schema';
import { can } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors';
import { recordHistory } from './history';
import { openVoteExists } from './review-session-votes';
import { listMentions } from './mentions';
import { mySessionTasks } from './review-session-tasks';
import { ClaimPartsError, joinPartQuotes, readClaimParts, type ClaimPartsRow } from '@/lib/claims/parts';
import type { AssignmentDto, MyQueue } from '@/lib/domain/review';

async function assignmentRows(db: Db, where: SQL): Promise<AssignmentDto[]> {
  const assignee = alias(users, 'assignee');
  const assigner = alias(users, 'assigner');
  const rows = await db
    .select({ a: assignments, assigneeName: assignee.name, assignedByName: assigner.name })
    .from(assignments)
    .innerJoin(assignee, eq(assignee.id, assignments.assigneeId))
    .leftJoin(assigner, eq(assigner.id, assignments.assignedBy))
    .where(where)
    .orderBy(asc(assignments.createdAt), asc(assignee.name));
  return rows.map(({ a, assigneeName, assignedByName }) => ({
      id: a.id,
      workspaceId: a.workspaceId,
      articleId: a.articleId,
      claimId: a.claimId,
      assigneeId: a.assigneeId,
      assigneeName,
      assignedById: a.assignedBy,
      assignedByName,
      createdAt: a.createdAt.toISOString(),
    }));
}

export async function listAssignments(db: Db, articleId: string): Promise<AssignmentDto[]> {
  return assignmentRows(db, eq(assignments.articleId, articleId));
}

export async function getAssignment(db: Db, assignmentId: string): Promise<AssignmentDto> {
  // An assignment on a trashed article is gone with it (db/queries/article-trash.ts).
  const live = db.select({ id: articles.id }).from(articles).where(isNull(articles.deletedAt));
  const row = (await assignmentRows(db, and(eq(assignments.id, assignmentId), inArray(assignments.articleId, live))!))[0];
  if (!row) throw notFound('Assignment');
  return row;
}

export interface AssignInput {
  articleId: string;
  /** Omit or null to assign the whole article. */
  claimId?: string | null;
  assigneeId: string;
  actorId: string;
}

/**
 * Assigns a claim (or a whole article) to a member who can give verdicts (reviewer or above) in
 * the article's workspace. Assigning the same thing twice returns the existing assignment.
 * Serializable: no unique index guards "the same thing" (claim_id may be NULL), so two requests
 * assigning it at once must not both find nothing and both insert.
 */
export async function assign(db: Db, input: AssignInput): Promise<{ assignment: AssignmentDto; created: boolean }> {
  const claimId = input.claimId ?? null;
  const id = await transaction(db, async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, input.articleId)).limit(1);
    if (!article) throw notFound('Article');
    if (claimId) {
      const [claim] = await tx.select({ articleId: claims.articleId }).from(claims).where(eq(claims.id, claimId)).limit(1);
      if (!claim || claim.articleId !== article.id) throw notFound('Claim');
    }
    const [member] = await tx
      .select({ role: memberships.role, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, article.workspaceId), eq(memberships.userId, input.assigneeId)))
      .limit(1);
    if (!member) throw new AppError('unprocessable', 'That person is not a member of this workspace.');
    if (!can(member.role, 'verdict:own')) throw new AppError('unprocessable', `${member.name} is a ${member.role}; only reviewers, editors and owners can be assigned.`);
    const [existing] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.articleId, article.id), claimId ? eq(assignments.claimId, claimId) : isNull(assignments.claimId), eq(assignments.assigneeId, input.assigneeId)))
      .limit(1);
    if (existing) return { id: existing.id, created: false };
    const [row] = await tx.insert(assignments).values({ workspaceId: article.workspaceId, articleId: article.id, claimId, assigneeId: input.assigneeId, assignedBy: input.actorId }).returning();
    await recordHistory(tx, { workspaceId: article.workspaceId, articleId: article.id, claimId, entityType: 'assignment', entityId: row!.id, action: 'create', actorId: input.actorId, after: { claimId, assigneeId: input.assigneeId, assigneeName: member.name } });
    return { id: row!.id, created: true };
  }, { isolation: 'serializable' });
  return { assignment: await getAssignment(db, id.id), created: id.created };
}

export async function unassign(db: Db, assignmentId: string, actorId: string): Promise<AssignmentDto> {
  const current = await getAssignment(db, assignmentId);
  await transaction(db, async (tx) => {
    const deleted = await tx.delete(assignments).where(eq(assignments.id, assignmentId)).returning({ id: assignments.id });
    if (deleted.length !== 1) throw notFound('Assignment');
    await recordHistory(tx, { workspaceId: current.workspaceId, articleId: current.articleId, claimId: current.claimId, entityType: 'assignment', entityId: assignmentId, action: 'delete', actorId, before: { claimId: current.claimId, assigneeId: current.assigneeId, assigneeName: current.assigneeName } });
  });
  return current;
}

/** The claim's words as one quote (a multi-part claim's parts joined by " … "); a malformed parts_json shows the first part rather than breaking the queue. */
function queueQuote(row: ClaimPartsRow & { id: string }): string {
  try {
    return joinPartQuotes(readClaimParts(row));
  } catch (error) {
    if (error instanceof ClaimPartsError) return row.quoteExact;
    throw error;
  }
}

/**
 * What awaits me, across my workspaces: claims assigned to me (directly, or through their
 * article) that I have not yet given a verdict on, plus unread @mentions. Resolved claims and
 * published articles are done and drop out; so does everything in a workspace where I can no
 * longer give verdicts (left, or demoted to viewer). Under blind review a reviewer cannot know a
 * claim is resolved before voting, so there resolved claims stay (status hidden): their dropping
 * out would reveal it.
 */
export async function myQueue(db: Db, userId: string): Promise<MyQueue> {
  // A reviewer cannot know the status of a claim with an open review-session vote either (lib/review/verdict-visibility.ts).
  const voteHidesForMe = and(eq(memberships.role, 'reviewer'), openVoteExists(sql`${claims.id}`))!;
  const select = {
    claimId: claims.id,
    claimText: claims.claimText,
    quoteExact: claims.quoteExact,
    quotePrefix: claims.quotePrefix,
    quoteSuffix: claims.quoteSuffix,
    positionEnd: claims.positionEnd,
    partsJson: claims.partsJson,
    anchorState: claims.anchorState,
    claimStatus: claims.status,
    blindForMe: and(eq(articles.blindReview, true), eq(memberships.role, 'reviewer'))!,
    voteHidesForMe,
    position: claims.positionStart,
    articleId: articles.id,
    articleTitle: articles.title,
    articleSlug: articles.slug,
    articleStatus: articles.status,
    workspaceId: workspaces.id,
    workspaceName: workspaces.name,
    assignmentId: assignments.id,
    assignedAt: assignments.createdAt,
  };
  const pending = (join: SQL) =>
    db
      .select(select)
      .from(assignments)
      .innerJoin(claims, join)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
      .innerJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId), inArray(memberships.role, ['reviewer', 'editor', 'owner'])))
      .leftJoin(claimVerdicts, and(eq(claimVerdicts.claimId, claims.id), eq(claimVerdicts.userId, userId)))
      .where(and(eq(assignments.assigneeId, userId), isNull(claimVerdicts.id), isNull(articles.deletedAt), or(ne(claims.status, 'resolved'), and(eq(articles.blindReview, true), eq(memberships.role, 'reviewer')), voteHidesForMe), ne(articles.status, 'published')));
  const direct = (await pending(eq(claims.id, assignments.claimId))).map((r) => ({ ...r, assignedVia: 'claim' as const }));
  const viaArticle = (await pending(and(isNull(assignments.claimId), eq(claims.articleId, assignments.articleId))!)).map((r) => ({ ...r, assignedVia: 'article' as const }));
  // A claim assigned both ways is listed once, as its direct assignment.
  const byClaim = new Map<string, (typeof direct)[number] | (typeof viaArticle)[number]>();
  for (const item of [...direct, ...viaArticle]) if (!byClaim.has(item.claimId)) byClaim.set(item.claimId, item);
  const items = [...byClaim.values()].sort(
    (a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || a.articleTitle.localeCompare(b.articleTitle) || a.position - b.position,
  );
  return {
    claims: items.map(({ position, assignedAt, blindForMe, voteHidesForMe: voteHides, claimStatus, quoteExact, quotePrefix, quoteSuffix, positionEnd, partsJson, ...item }) => ({
      ...item,
      quote: queueQuote({ id: item.claimId, quoteExact, quotePrefix, quoteSuffix, positionStart: position, positionEnd, partsJson, anchorState: item.anchorState }),
      claimStatus: blindForMe || voteHides ? null : claimStatus,
      assignedAt: assignedAt.toISOString(),
    })),
    mentions: await listMentions(db, userId, { unreadOnly: true }),
    sessionTasks: await mySessionTasks(db, userId),
  };
}
