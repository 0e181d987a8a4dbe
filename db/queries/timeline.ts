import 'server-only';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, claimVerdicts, comments, historyEntries, ratingLevels, ratingScales, users } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { notFound } from '@/lib/errors';
import { HIDDEN_UNTIL_VERDICT, redactClaimAudit } from '@/lib/review/blind-review';
import { scrubDeletedCommentAudit } from '@/lib/review/deleted-comments';
import { DEFAULT_IGNORED_FIELDS, describeHistoryEntry, diffRecords, type FieldChange } from '@/lib/review/history-diff';
import { canSeeDecision, canSeeOthersVerdicts, HIDDEN_UNTIL_REVEAL } from '@/lib/review/verdict-visibility';
import { hasOpenVote } from './review-session-votes';
import type { TimelineEntry } from '@/lib/domain/review';

const CLAIM_VERBS = { create: 'created the claim', update: 'changed the claim', delete: 'deleted the claim' } as const;

const TIMELINE_IGNORED = [...DEFAULT_IGNORED_FIELDS, 'id', 'createdAt', 'workspaceId', 'articleId', 'claimId'];

/** Old or hand-written audit rows may not be records; one odd row must not break the timeline. */
function safeDiff(before: unknown, after: unknown): FieldChange[] {
  try {
    return diffRecords(before, after, { ignore: TIMELINE_IGNORED });
  } catch {
    return [];
  }
}

/** The fields of a 'review_session' history entry that tell the item's outcome. */
const SESSION_OUTCOME_FIELDS: ReadonlySet<string> = new Set(['outcome', 'verdictLabel', 'verdictKey', 'verdictId', 'note', 'votes']);

function withoutSessionOutcome(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value === undefined ? null : value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SESSION_OUTCOME_FIELDS.has(key)));
}

/**
 * Everything that happened to a claim, newest first: the claim itself and its sources, comments,
 * reviewers' verdicts and assignments (all recorded with the claim's id).
 *
 * Blind review applies here too: a reviewer who may not see others' verdicts yet gets those
 * entries without their content ("Kofi Mensah recorded a verdict"), and claim entries without the
 * decision (final verdict, rationale, status), so the history cannot be used to peek. So does an
 * open vote in a review session (lib/review/verdict-visibility.ts): others' verdict entries are
 * withheld from everyone, the decision from those who do not set the final verdict; and a review
 * session's entry ("Decided in the review session of …: False") loses its outcome, label and note
 * wherever the decision is hidden, leaving "Discussed in the review session of …".
 */
export async function claimTimeline(db: Db, claimId: string, viewer: { userId: string; role: Role | null }): Promise<TimelineEntry[]> {
  const [claim] = await db
    .select({ workspaceId: claims.workspaceId, blindReview: articles.blindReview })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(claims.id, claimId))
    .limit(1);
  if (!claim) throw notFound('Claim');
  const voted = (await db.select({ id: claimVerdicts.id }).from(claimVerdicts).where(and(eq(claimVerdicts.claimId, claimId), eq(claimVerdicts.userId, viewer.userId))).limit(1)).length > 0;
  const voteOpen = await hasOpenVote(db, claimId);
  const hideOthers = !canSeeOthersVerdicts(viewer.role, claim.blindReview, voted, { voteOpen });
  const hideDecision = !canSeeDecision(viewer.role, claim.blindReview, voted, { voteOpen });
  // What the sentence says is hidden: blind review's phrase while it alone would hide it, else the vote's.
  const blindHides = !canSeeOthersVerdicts(viewer.role, claim.blindReview, voted);
  const hiddenPart = (blindHides ? HIDDEN_UNTIL_VERDICT : HIDDEN_UNTIL_REVEAL).toLowerCase();

  const labels = new Map(
    (
      await db
        .select({ id: ratingLevels.id, label: ratingLevels.label })
        .from(ratingLevels)
        .innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId))
        .where(eq(ratingScales.workspaceId, claim.workspaceId))
    ).map((l) => [l.id, l.label]),
  );
  const ctx = { verdictLabel: (id: string) => labels.get(id) };

  const rows = await db
    .select({ entry: historyEntries, actorName: users.name })
    .from(historyEntries)
    .leftJoin(users, eq(users.id, historyEntries.actorId))
    .where(eq(historyEntries.claimId, claimId))
    // created_at is strictly increasing per process (db/schema/clock.ts), so entries written in one
    // transaction keep their order; the id only makes rows from different processes deterministic.
    .orderBy(desc(historyEntries.createdAt), desc(historyEntries.id));

  // Entries written before deleted comments were scrubbed at deletion time may still hold text.
  const deletedComments = new Set(
    (
      await db
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.claimId, claimId), isNotNull(comments.deletedAt)))
    ).map((c) => c.id),
  );

  return rows.map(({ entry: stored, actorName }) => {
    const entry = stored.entityType === 'comment' && deletedComments.has(stored.entityId) ? { ...stored, ...scrubDeletedCommentAudit(stored) } : stored;
    const base = { id: entry.id, at: entry.createdAt.toISOString(), actorId: entry.actorId, actorName, entityType: entry.entityType, entityId: entry.entityId, action: entry.action };
    // The claim row carries the decision (final verdict, rationale, status): under blind review
    // those fields leave the entry, and the sentence says that something was hidden.
    if (hideDecision && entry.entityType === 'claim') {
      const { before, after, hidDecision } = redactClaimAudit(entry);
      const shown = { before, after, changes: safeDiff(before, after) };
      if (!hidDecision) return { ...base, ...shown, summary: describeHistoryEntry({ ...entry, actorName, before, after }, ctx), redacted: false };
      const summary =
        entry.action === 'update' && shown.changes.length > 0
          ? `${describeHistoryEntry({ ...entry, actorName, before, after }, ctx)} (other changes ${hiddenPart})`
          : `${actorName ?? 'Someone'} ${CLAIM_VERBS[entry.action]} (details ${hiddenPart})`;
      return { ...base, ...shown, summary, redacted: true };
    }
    if (hideOthers && entry.entityType === 'verdict' && entry.actorId !== viewer.userId) {
      const verb = entry.action === 'create' ? 'recorded a verdict' : entry.action === 'delete' ? 'withdrew their verdict' : 'updated their verdict';
      const until = blindHides ? 'hidden until you give yours' : HIDDEN_UNTIL_REVEAL.toLowerCase();
      return { ...base, summary: `${actorName ?? 'Someone'} ${verb} (${until})`, changes: [], before: null, after: null, redacted: true };
    }
    // A review session's record of the item: its outcome (decided with which verdict, deferred with
    // which note, dropped) is the decision; what stays is that the claim was discussed, and when.
    if (hideDecision && entry.entityType === 'review_session') {
      const before = withoutSessionOutcome(entry.before);
      const after = withoutSessionOutcome(entry.after);
      return { ...base, summary: describeHistoryEntry({ entityType: entry.entityType, action: entry.action, actorName, before, after }, ctx), changes: safeDiff(before, after), before, after, redacted: true };
    }
    return {
      ...base,
      summary: describeHistoryEntry({ entityType: entry.entityType, action: entry.action, actorName, before: entry.before, after: entry.after }, ctx),
      changes: safeDiff(entry.before, entry.after),
      before: entry.before,
      after: entry.after,
      redacted: false,
    };
  });
}
