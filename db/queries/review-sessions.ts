import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { isUniqueViolation, transaction } from '../transaction';
import {
  articles,
  claims,
  claimVerdicts,
  comments,
  memberships,
  mentions,
  ratingLevels,
  reviewSessionActions,
  reviewSessionAttendance,
  reviewSessionItems,
  reviewSessionNotes,
  reviewSessions,
  users,
} from '../schema';
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';
import type {
  AgendaProposalItem,
  AgendaReason,
  ArticleReviewSessions,
  ReviewSessionSummary,
  ReviewSessionView,
  SessionActionDto,
  SessionAttendeeDto,
  SessionItemDto,
  SessionNoteDto,
  SessionPerson,
  SessionVoteDto,
} from '@/lib/domain/review-sessions';
import { AppError, notFound } from '@/lib/errors';
import { proposeAgenda, type AgendaCandidate } from '@/lib/review-sessions/agenda';
import { sessionAbilities } from '@/lib/review-sessions/policy';
import { canSeeDecision, canSeeOthersVerdicts } from '@/lib/review/verdict-visibility';
import { countsAsVote, eligibleVoterIds, voteAgreement, voteSpread } from '@/lib/review-sessions/votes';
import { notTrashed } from './access';
import { joinSession, type SessionItemRow, type SessionRow } from './review-session-core';
import { minutesForViewer } from './review-session-minutes';
import { claimsWithOpenVote, openVoteClaimsOfArticle } from './review-session-votes';
import type { Tx } from './history';

/**
 * Review sessions: the agenda proposal, starting one, the session as a viewer sees it
 * (ReviewSessionView), and an article's sessions. The lead's operations are in
 * review-session-ops.ts; attendance, notes and action items in their own modules.
 */

/**
 * The agenda candidates of an article's claims, for `userId` (the editor about to start).
 * `unreadComments` is the number of that editor's unread @mentions in the claim's live discussion:
 * the only per-person read state the desk keeps is on mentions (mentions.read_at, set when the
 * discussion is opened), comments themselves carry none. So "unread discussion" means "you were
 * asked something there and have not looked yet", which is what a meeting should pick up.
 */
async function agendaCandidates(db: Db | Tx, articleId: string, userId: string): Promise<AgendaCandidate[]> {
  const rows = await db
    .select({ id: claims.id, number: claims.number, quote: claims.quoteExact, positionStart: claims.positionStart, verdictId: claims.verdictId, exclusionReason: claims.exclusionReason })
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.positionStart), asc(claims.createdAt), asc(claims.id));
  if (rows.length === 0) return [];
  const verdicts = await db
    .select({ claimId: claimVerdicts.claimId, key: ratingLevels.key })
    .from(claimVerdicts)
    .innerJoin(claims, eq(claims.id, claimVerdicts.claimId))
    .innerJoin(ratingLevels, eq(ratingLevels.id, claimVerdicts.verdictId))
    .where(eq(claims.articleId, articleId));
  const unread = await db
    .select({ claimId: comments.claimId, n: count().mapWith(Number) })
    .from(mentions)
    .innerJoin(comments, eq(comments.id, mentions.commentId))
    .innerJoin(claims, eq(claims.id, comments.claimId))
    .where(and(eq(claims.articleId, articleId), eq(mentions.userId, userId), isNull(mentions.readAt), isNull(comments.deletedAt)))
    .groupBy(comments.claimId);
  // A claim whose vote is open in a running session: its verdicts are hidden from everyone, so they
  // count for nothing here (no verdict count, no agreement, never "disagreement").
  const voteOpen = await openVoteClaimsOfArticle(db, articleId);
  const keys = new Map<string, string[]>();
  for (const v of verdicts) if (!voteOpen.has(v.claimId)) keys.set(v.claimId, [...(keys.get(v.claimId) ?? []), v.key]);
  const unreadBy = new Map(unread.map((u) => [u.claimId, u.n]));
  return rows.map((r) => ({
    claimId: r.id,
    claimNumber: r.number,
    quote: r.quote,
    positionStart: r.positionStart,
    hasFinalVerdict: r.verdictId !== null,
    excluded: r.exclusionReason !== null,
    reviewerVerdictKeys: keys.get(r.id) ?? [],
    unreadComments: unreadBy.get(r.id) ?? 0,
  }));
}

/**
 * The proposed agenda for the article (GET …/review-sessions/proposal). Refused (409 naming the lead)
 * while a session runs on the article: the proposal carries each claim's verdict count and agreement,
 * which must not move in front of an editor while a vote is open — and no second session can start.
 */
export async function proposeSessionAgenda(db: Db | Tx, articleId: string, userId: string): Promise<AgendaProposalItem[]> {
  const running = await runningSession(db, articleId);
  if (running) throw alreadyRunning(running);
  return proposeAgenda(await agendaCandidates(db, articleId, userId));
}

/**
 * The running sessions with an item on this claim (id and version, for session.updated) — read
 * before the claim is deleted, since the item's claim_id is cleared with it.
 */
export async function runningSessionsWithClaim(db: Db, claimId: string): Promise<Array<{ id: string; version: number }>> {
  return db
    .selectDistinct({ id: reviewSessions.id, version: reviewSessions.version })
    .from(reviewSessionItems)
    .innerJoin(reviewSessions, eq(reviewSessions.id, reviewSessionItems.sessionId))
    .where(and(eq(reviewSessionItems.claimId, claimId), eq(reviewSessions.status, 'running')));
}

/** The running session's id and lead's name, if one is running on the article. */
async function runningSession(db: Db | Tx, articleId: string): Promise<{ id: string; leadName: string | null } | null> {
  const [row] = await db
    .select({ id: reviewSessions.id, leadName: users.name })
    .from(reviewSessions)
    .leftJoin(users, eq(users.id, reviewSessions.leadId))
    .where(and(eq(reviewSessions.articleId, articleId), eq(reviewSessions.status, 'running')))
    .limit(1);
  return row ?? null;
}

function alreadyRunning(running: { id: string; leadName: string | null } | null): AppError {
  const who = running?.leadName ? ` led by ${running.leadName}` : '';
  return new AppError('conflict', `A review session${who} is already running on this article. Join it instead.`, { sessionId: running?.id ?? null, leadName: running?.leadName ?? null });
}

export interface StartSessionArgs {
  articleId: string;
  userId: string;
  /** The agenda in order; omitted: the proposal. */
  claimIds?: string[] | undefined;
  timeboxSeconds?: number | null | undefined;
}

/**
 * Starts a session: the starter leads it and has joined it; the first item is current. Refused
 * (409 naming the lead) while another runs on the article: checked first, and guaranteed by the
 * partial unique index (two starts at once: the second insert fails and gets the same 409).
 * Returns the new session's id.
 */
export async function startSession(db: Db, args: StartSessionArgs): Promise<{ id: string; workspaceId: string; version: number }> {
  try {
    return await transaction(db, async (tx) => {
      const [article] = await tx.select({ id: articles.id, workspaceId: articles.workspaceId }).from(articles).where(and(eq(articles.id, args.articleId), notTrashed())).limit(1);
      if (!article) throw notFound('Article');
      const running = await runningSession(tx, article.id);
      if (running) throw alreadyRunning(running);

      const proposal = await proposeSessionAgenda(tx, article.id, args.userId);
      let agenda: Array<{ claimId: string; reason: AgendaReason }>;
      if (args.claimIds) {
        const wanted = args.claimIds;
        const found = wanted.length ? await tx.select({ id: claims.id }).from(claims).where(and(inArray(claims.id, wanted), eq(claims.articleId, article.id))) : [];
        if (found.length !== wanted.length) throw notFound('Claim');
        const reasons = new Map(proposal.map((p) => [p.claimId, p.reason]));
        agenda = wanted.map((claimId) => ({ claimId, reason: reasons.get(claimId) ?? 'added' }));
      } else {
        agenda = proposal.map((p) => ({ claimId: p.claimId, reason: p.reason }));
      }

      const now = new Date();
      const [session] = await tx
        .insert(reviewSessions)
        .values({ workspaceId: article.workspaceId, articleId: article.id, status: 'running', leadId: args.userId, startedBy: args.userId, startedAt: now })
        .returning({ id: reviewSessions.id, version: reviewSessions.version });
      const sessionId = session!.id;
      if (agenda.length) {
        const snapshots = await tx.select({ id: claims.id, number: claims.number, quote: claims.quoteExact }).from(claims).where(inArray(claims.id, agenda.map((a) => a.claimId)));
        const byId = new Map(snapshots.map((s) => [s.id, s]));
        const inserted = await tx
          .insert(reviewSessionItems)
          .values(
            agenda.map((a, i) => ({
              sessionId,
              claimId: a.claimId,
              claimNumber: byId.get(a.claimId)?.number ?? null,
              claimQuote: byId.get(a.claimId)?.quote ?? '',
              position: i + 1,
              reason: a.reason,
              timeboxSeconds: args.timeboxSeconds ?? null,
            })),
          )
          .returning({ id: reviewSessionItems.id, position: reviewSessionItems.position });
        const first = inserted.sort((a, b) => a.position - b.position)[0]!;
        await tx.update(reviewSessions).set({ currentItemId: first.id, itemStartedAt: now }).where(eq(reviewSessions.id, sessionId));
      }
      await joinSession(tx, sessionId, args.userId, now);
      return { id: sessionId, workspaceId: article.workspaceId, version: session!.version };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw alreadyRunning(await runningSession(db, args.articleId));
  }
}

export interface ViewOptions {
  /**
   * Who is looking at the article right now (the presence registry's user ids): a joined
   * participant counts as an eligible voter only while present. Null: everyone joined counts.
   */
  presentUserIds?: ReadonlySet<string> | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const person = (userId: string | null, name: string | null): SessionPerson | null => (userId && name !== null ? { userId, name } : null);

/** The session as `viewerId` (with `viewerRole`) sees it: while a vote is open, who voted but never what. */
export async function getSessionView(db: Db | Tx, sessionId: string, viewerId: string, viewerRole: Role, options: ViewOptions = {}): Promise<ReviewSessionView> {
  const lead = alias(users, 'lead');
  const starter = alias(users, 'starter');
  const [row] = await db
    .select({ s: reviewSessions, leadName: lead.name, starterName: starter.name, blindReview: articles.blindReview })
    .from(reviewSessions)
    .innerJoin(articles, eq(articles.id, reviewSessions.articleId))
    .leftJoin(lead, eq(lead.id, reviewSessions.leadId))
    .leftJoin(starter, eq(starter.id, reviewSessions.startedBy))
    .where(eq(reviewSessions.id, sessionId))
    .limit(1);
  if (!row) throw notFound('Review session');
  const s: SessionRow = row.s;
  const running = s.status === 'running';

  const decider = alias(users, 'decider');
  const itemRows = await db
    .select({ item: reviewSessionItems, deciderName: decider.name })
    .from(reviewSessionItems)
    .leftJoin(decider, eq(decider.id, reviewSessionItems.decidedBy))
    .where(eq(reviewSessionItems.sessionId, sessionId))
    .orderBy(asc(reviewSessionItems.position), asc(reviewSessionItems.createdAt));
  const noteRows = await db
    .select({ note: reviewSessionNotes, authorName: users.name })
    .from(reviewSessionNotes)
    .leftJoin(users, eq(users.id, reviewSessionNotes.authorId))
    .where(eq(reviewSessionNotes.sessionId, sessionId))
    .orderBy(asc(reviewSessionNotes.createdAt), asc(reviewSessionNotes.id));
  const attendanceRows = await db
    .select({ a: reviewSessionAttendance, name: users.name, role: memberships.role })
    .from(reviewSessionAttendance)
    .innerJoin(users, eq(users.id, reviewSessionAttendance.userId))
    .leftJoin(memberships, and(eq(memberships.userId, reviewSessionAttendance.userId), eq(memberships.workspaceId, s.workspaceId)))
    .where(eq(reviewSessionAttendance.sessionId, sessionId))
    .orderBy(asc(reviewSessionAttendance.joinedAt), asc(reviewSessionAttendance.createdAt));
  const assignee = alias(users, 'assignee');
  const creator = alias(users, 'creator');
  const actionRows = await db
    .select({ action: reviewSessionActions, assigneeName: assignee.name, creatorName: creator.name, claimNumber: claims.number })
    .from(reviewSessionActions)
    .innerJoin(assignee, eq(assignee.id, reviewSessionActions.assigneeId))
    .leftJoin(creator, eq(creator.id, reviewSessionActions.createdBy))
    .leftJoin(claims, eq(claims.id, reviewSessionActions.claimId))
    .where(eq(reviewSessionActions.sessionId, sessionId))
    .orderBy(asc(reviewSessionActions.createdAt), asc(reviewSessionActions.id));

  // Attendees, one per person, intervals oldest first.
  const attendees = new Map<string, SessionAttendeeDto>();
  for (const r of attendanceRows) {
    const entry = attendees.get(r.a.userId) ?? { userId: r.a.userId, name: r.name, role: r.role ?? 'former member', intervals: [], joined: false, following: false };
    entry.intervals.push({ joinedAt: r.a.joinedAt.toISOString(), leftAt: iso(r.a.leftAt) });
    if (r.a.leftAt === null && running) {
      entry.joined = true;
      entry.following = r.a.following;
    }
    attendees.set(r.a.userId, entry);
  }
  const present = options.presentUserIds ?? null;
  const participants = [...attendees.values()].filter((a) => a.joined).map((a) => ({ userId: a.userId, mayVote: can(a.role as Role, 'verdict:own') }));
  // The joined, present participants who may vote — the lead only once they voted (lib/review-sessions/votes.ts).
  const eligibleIn = (votedIds: ReadonlySet<string>) => eligibleVoterIds(participants, s.leadId, votedIds, present);
  const nameOf = (userId: string) => attendees.get(userId)?.name ?? '';

  // Who has voted on each claim with an open vote (ids and names only: never what): a verdict
  // written or saved again since the vote was called; one from before the call is not a vote.
  const openClaimIds = itemRows.filter((r) => r.item.voteState === 'open' && r.item.claimId).map((r) => r.item.claimId!);
  const verdictRows = openClaimIds.length
    ? await db
        .select({ claimId: claimVerdicts.claimId, userId: claimVerdicts.userId, name: users.name, updatedAt: claimVerdicts.updatedAt })
        .from(claimVerdicts)
        .innerJoin(users, eq(users.id, claimVerdicts.userId))
        .where(inArray(claimVerdicts.claimId, openClaimIds))
        .orderBy(asc(claimVerdicts.createdAt))
    : [];

  // Blind review still holds in the session: the revealed votes, the decided level and the lead's outcome note are shown to
  // whoever may see others' verdicts and the decision on that claim (lib/review/verdict-visibility.ts),
  // i.e. everyone unless the article is under blind review and the viewer, a reviewer, has not given a verdict.
  const itemClaimIds = [...new Set(itemRows.map((r) => r.item.claimId).filter((id): id is string => id !== null))];
  const mineOn = new Set(
    row.blindReview && itemClaimIds.length
      ? (await db.select({ claimId: claimVerdicts.claimId }).from(claimVerdicts).where(and(eq(claimVerdicts.userId, viewerId), inArray(claimVerdicts.claimId, itemClaimIds)))).map((v) => v.claimId)
      : [],
  );
  // A vote open on the claim in the running session (this one or, for a past session's item, the
  // one running now) hides the others' verdicts from everyone and the decision from non-deciders.
  const voteOpenNow = await claimsWithOpenVote(db, itemClaimIds);
  const facts = (claimId: string | null) => [claimId !== null && mineOn.has(claimId), { voteOpen: claimId !== null && voteOpenNow.has(claimId) }] as const;
  const seesVotes = (claimId: string | null) => canSeeOthersVerdicts(viewerRole, row.blindReview, ...facts(claimId));
  const seesDecision = (claimId: string | null) => canSeeDecision(viewerRole, row.blindReview, ...facts(claimId));

  const voteDto = (item: SessionItemRow): SessionVoteDto => {
    const base = { state: item.voteState, calledAt: iso(item.voteCalledAt), revealedAt: iso(item.voteRevealedAt) };
    if (item.voteState === 'open') {
      const voted = verdictRows.filter((v) => v.claimId === item.claimId && countsAsVote(v.updatedAt, item.voteCalledAt));
      const votedIds = new Set(voted.map((v) => v.userId));
      const eligible = eligibleIn(votedIds);
      const voters = eligible.map((userId) => ({ userId, name: nameOf(userId), voted: votedIds.has(userId) }));
      for (const v of voted) if (!voters.some((x) => x.userId === v.userId)) voters.push({ userId: v.userId, name: v.name, voted: true });
      return { ...base, voters, eligibleCount: eligible.length, votedCount: eligible.filter((id) => votedIds.has(id)).length, results: null, spread: null, agreement: null };
    }
    if (item.voteState === 'revealed') {
      const results = item.votes ?? [];
      const voters = results.map((r) => ({ userId: r.userId, name: r.name, voted: true }));
      const eligibleCount = running ? eligibleIn(new Set(results.map((r) => r.userId))).length : results.length;
      if (!seesVotes(item.claimId) || !seesDecision(item.claimId)) return { ...base, voters, eligibleCount, votedCount: results.length, results: null, spread: null, agreement: null };
      return { ...base, voters, eligibleCount, votedCount: results.length, results, spread: voteSpread(results), agreement: voteAgreement(results) };
    }
    return { ...base, voters: [], eligibleCount: eligibleIn(new Set()).length, votedCount: 0, results: null, spread: null, agreement: null };
  };

  const notesByItem = new Map<string, SessionNoteDto[]>();
  for (const n of noteRows) {
    const dto: SessionNoteDto = { id: n.note.id, itemId: n.note.itemId, authorId: n.note.authorId, authorName: n.authorName, body: n.note.body, createdAt: n.note.createdAt.toISOString(), updatedAt: n.note.updatedAt.toISOString(), version: n.note.version };
    notesByItem.set(n.note.itemId, [...(notesByItem.get(n.note.itemId) ?? []), dto]);
  }
  const items: SessionItemDto[] = itemRows.map(({ item, deciderName }) => {
    const dto: SessionItemDto = {
      id: item.id,
      claimId: item.claimId,
      claimNumber: item.claimNumber,
      claimQuote: item.claimQuote,
      position: item.position,
      // "Disagreement" states that the reviewers disagree: only for whoever may see their verdicts.
      reason: item.reason === 'disagreement' && !seesVotes(item.claimId) ? 'no_final_verdict' : item.reason,
      outcome: item.outcome,
      outcomeNote: item.outcomeNote,
      decidedVerdict: item.decidedVerdictId || item.decidedVerdictKey ? { id: item.decidedVerdictId ?? '', key: item.decidedVerdictKey ?? '', label: item.decidedVerdictLabel ?? '' } : null,
      decidedBy: person(item.decidedBy, deciderName),
      decidedAt: iso(item.decidedAt),
      timeboxSeconds: item.timeboxSeconds,
      vote: voteDto(item),
      notes: notesByItem.get(item.id) ?? [],
      version: item.version,
    };
    // Blind review (or an open vote) withholds the claim's decision: the item reads as pending —
    // whatever its outcome, so "hidden" never means "decided" — with nothing of the decision in it.
    // The item under an open vote in this running session is pending and has nothing decided to
    // hide; only blind review (not the vote itself) withholds its live meeting notes.
    const votingHere = running && item.voteState === 'open' && canSeeDecision(viewerRole, row.blindReview, item.claimId !== null && mineOn.has(item.claimId), { voteOpen: false });
    if (!seesDecision(item.claimId) && !votingHere) return { ...dto, outcome: 'pending', outcomeNote: '', decidedVerdict: null, decidedBy: null, decidedAt: null, notes: [], decisionHidden: true };
    return dto;
  });
  const actions: SessionActionDto[] = actionRows.map((r) => ({
    id: r.action.id,
    itemId: r.action.itemId,
    kind: r.action.kind,
    assignee: { userId: r.action.assigneeId, name: r.assigneeName },
    claimId: r.action.claimId,
    claimNumber: r.claimNumber ?? null,
    text: r.action.text,
    createdBy: person(r.action.createdBy, r.creatorName),
    createdAt: r.action.createdAt.toISOString(),
    doneAt: iso(r.action.doneAt),
    version: r.action.version,
  }));
  const mine = attendees.get(viewerId);
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    articleId: s.articleId,
    status: s.status,
    version: s.version,
    lead: person(s.leadId, row.leadName),
    startedBy: person(s.startedBy, row.starterName),
    startedAt: s.startedAt.toISOString(),
    endedAt: iso(s.endedAt),
    serverNow: new Date().toISOString(),
    currentItemId: s.currentItemId,
    itemStartedAt: iso(s.itemStartedAt),
    items,
    attendees: [...attendees.values()],
    actions,
    me: sessionAbilities({ role: viewerRole, status: s.status, isLead: s.leadId === viewerId, joined: mine?.joined ?? false, following: mine?.following ?? false }),
    // The frozen minutes as this viewer may read them (blind review withholds decisions, votes and notes per claim).
    minutes: s.minutes ? await minutesForViewer(db, s.minutes, s.articleId, { userId: viewerId, role: viewerRole }) : null,
  };
}

/**
 * Whether the viewer may see the decision on each of these claims (blind review, an open vote now;
 * lib/review/verdict-visibility.ts) — the same rule as the session view's items. A deleted claim
 * (null) counts as one without the viewer's verdict.
 */
async function decisionVisibility(db: Db | Tx, articleId: string, claimIds: ReadonlyArray<string | null>, viewerId: string, viewerRole: Role): Promise<(claimId: string | null) => boolean> {
  if (canSeeDecision(viewerRole, true, false, { voteOpen: true })) return () => true;
  const ids = [...new Set(claimIds.filter((id): id is string => id !== null))];
  const [article] = await db.select({ blindReview: articles.blindReview }).from(articles).where(eq(articles.id, articleId)).limit(1);
  const blindReview = Boolean(article?.blindReview);
  const voteOpen = await claimsWithOpenVote(db, ids);
  const mine = new Set(blindReview && ids.length ? (await db.select({ claimId: claimVerdicts.claimId }).from(claimVerdicts).where(and(eq(claimVerdicts.userId, viewerId), inArray(claimVerdicts.claimId, ids)))).map((v) => v.claimId) : []);
  return (claimId) => canSeeDecision(viewerRole, blindReview, claimId !== null && mine.has(claimId), { voteOpen: claimId !== null && voteOpen.has(claimId) });
}

/** The article's running session (as the viewer sees it) and its past ones, newest first. */
export async function listArticleSessions(db: Db, articleId: string, viewerId: string, viewerRole: Role, options: ViewOptions = {}): Promise<ArticleReviewSessions> {
  const running = await runningSession(db, articleId);
  const lead = alias(users, 'lead');
  const past = await db
    .select({ s: reviewSessions, leadName: lead.name })
    .from(reviewSessions)
    .leftJoin(lead, eq(lead.id, reviewSessions.leadId))
    .where(and(eq(reviewSessions.articleId, articleId), eq(reviewSessions.status, 'ended')))
    .orderBy(desc(reviewSessions.startedAt), desc(reviewSessions.id));
  const ids = past.map((p) => p.s.id);
  const itemRows = ids.length
    ? await db.select({ sessionId: reviewSessionItems.sessionId, claimId: reviewSessionItems.claimId, outcome: reviewSessionItems.outcome }).from(reviewSessionItems).where(inArray(reviewSessionItems.sessionId, ids))
    : [];
  // The counts leave out the items whose decision this viewer may not see (as the session view reads them: pending).
  const seesDecision = await decisionVisibility(db, articleId, itemRows.map((i) => i.claimId), viewerId, viewerRole);
  const itemCounts = new Map<string, { items: number; decided: number; deferred: number }>();
  for (const i of itemRows) {
    const c = itemCounts.get(i.sessionId) ?? { items: 0, decided: 0, deferred: 0 };
    c.items += 1;
    if (seesDecision(i.claimId)) {
      if (i.outcome === 'decided') c.decided += 1;
      if (i.outcome === 'deferred') c.deferred += 1;
    }
    itemCounts.set(i.sessionId, c);
  }
  const attendeeCounts = ids.length
    ? await db
        .select({ sessionId: reviewSessionAttendance.sessionId, n: sql<number>`count(distinct ${reviewSessionAttendance.userId})`.mapWith(Number) })
        .from(reviewSessionAttendance)
        .where(and(inArray(reviewSessionAttendance.sessionId, ids), isNotNull(reviewSessionAttendance.userId)))
        .groupBy(reviewSessionAttendance.sessionId)
    : [];
  const itemsBy = itemCounts;
  const attendeesBy = new Map(attendeeCounts.map((c) => [c.sessionId, c.n]));
  const summaries: ReviewSessionSummary[] = past.map(({ s, leadName }) => ({
    id: s.id,
    articleId: s.articleId,
    status: s.status,
    lead: person(s.leadId, leadName),
    startedAt: s.startedAt.toISOString(),
    endedAt: iso(s.endedAt),
    itemCount: itemsBy.get(s.id)?.items ?? 0,
    decidedCount: itemsBy.get(s.id)?.decided ?? 0,
    deferredCount: itemsBy.get(s.id)?.deferred ?? 0,
    attendeeCount: attendeesBy.get(s.id) ?? 0,
  }));
  return { running: running ? await getSessionView(db, running.id, viewerId, viewerRole, options) : null, past: summaries };
}
