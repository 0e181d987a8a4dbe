import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/domain/roles';
import type { ReviewSessionStatus, SessionAbilities, SessionItemOutcome, SessionVoteState } from '@/lib/domain/review-sessions';

/**
 * Who may do what in a review session: the pure rule behind every session write (the queries in
 * db/queries/review-session*.ts load the facts and call it) and the `me` abilities of the view.
 */

/** The PATCH ops (lib/validations/review-sessions.ts), attendance actions, notes and action items. */
export type SessionOperation =
  | 'reorder'
  | 'addItem'
  | 'dropItem'
  | 'goto'
  | 'timebox'
  | 'callVote'
  | 'reveal'
  | 'decide'
  | 'defer'
  | 'takeLead'
  | 'end'
  | 'join'
  | 'leave'
  | 'follow'
  | 'breakAway'
  | 'writeNote'
  | 'addAction'
  | 'markActionDone';

export interface SessionFacts {
  /** The member's role in the session's workspace (non-members never get here: they get a 404). */
  role: Role;
  status: ReviewSessionStatus;
  isLead: boolean;
  /** Has an open attendance interval. */
  joined: boolean;
  /** For item ops: the item's outcome and vote state. */
  item?: { outcome: SessionItemOutcome; voteState: SessionVoteState };
  /** For markActionDone: the member is the action's assignee. */
  isAssignee?: boolean;
}

export type SessionDecision = { ok: true } | { ok: false; code: 'forbidden' | 'conflict'; reason: string };

const OK: SessionDecision = { ok: true };
const refuse = (code: 'forbidden' | 'conflict', reason: string): SessionDecision => ({ ok: false, code, reason });

const LEAD_OPS: ReadonlySet<SessionOperation> = new Set(['reorder', 'addItem', 'dropItem', 'goto', 'timebox', 'callVote', 'reveal', 'decide', 'defer', 'addAction']);
/** Item ops that change what became of the item, or its vote: only while it is pending. */
const PENDING_ITEM_OPS: ReadonlySet<SessionOperation> = new Set(['dropItem', 'timebox', 'callVote', 'reveal', 'decide', 'defer']);

const OUTCOME_WORD: Record<SessionItemOutcome, string> = { pending: 'pending', decided: 'decided', deferred: 'deferred', dropped: 'dropped' };

export function checkSessionOp(op: SessionOperation, facts: SessionFacts): SessionDecision {
  // A task stays in its assignee's My queue after the session: marking it done outlives the meeting.
  if (op === 'markActionDone') {
    return facts.isAssignee || (facts.isLead && can(facts.role, 'session:lead')) ? OK : refuse('forbidden', 'Only the person the action is assigned to, or the session lead, can mark it done.');
  }
  if (facts.status === 'ended') return refuse('conflict', 'This review session has ended; its record can no longer be changed.');

  if (op === 'join' || op === 'leave') return can(facts.role, 'session:join') ? OK : refuse('forbidden', `Your role (${facts.role}) cannot join review sessions.`);
  if (op === 'follow' || op === 'breakAway') {
    if (!can(facts.role, 'session:join')) return refuse('forbidden', `Your role (${facts.role}) cannot join review sessions.`);
    return facts.joined ? OK : refuse('conflict', 'Join the session first.');
  }
  if (op === 'writeNote') return can(facts.role, 'session:note') ? OK : refuse('forbidden', `Your role (${facts.role}) cannot write session notes.`);
  if (op === 'takeLead' || op === 'end') return can(facts.role, 'session:lead') ? OK : refuse('forbidden', `Your role (${facts.role}) cannot lead a review session.`);

  // Lead ops.
  if (!LEAD_OPS.has(op)) return refuse('forbidden', 'Unknown session operation.');
  if (!can(facts.role, 'session:lead')) return refuse('forbidden', `Your role (${facts.role}) cannot lead a review session.`);
  if (!facts.isLead) return refuse('forbidden', 'Only the session lead can do that. Take the lead first.');
  if (op === 'decide' && !can(facts.role, 'verdict:final')) return refuse('forbidden', `Your role (${facts.role}) cannot set the final verdict.`);
  if (PENDING_ITEM_OPS.has(op) && facts.item) {
    if (facts.item.outcome !== 'pending') return refuse('conflict', `This item is already ${OUTCOME_WORD[facts.item.outcome]}.`);
    if (op === 'callVote' && facts.item.voteState === 'open') return refuse('conflict', 'A vote is already open on this item.');
    if (op === 'reveal' && facts.item.voteState !== 'open') return refuse('conflict', 'No vote is open on this item.');
  }
  return OK;
}

/** The viewer's `me` in ReviewSessionView. */
export function sessionAbilities(facts: Pick<SessionFacts, 'role' | 'status' | 'isLead' | 'joined'> & { following: boolean }): SessionAbilities {
  const running = facts.status === 'running';
  const mayLead = can(facts.role, 'session:lead');
  return {
    joined: running && facts.joined,
    following: running && facts.joined && facts.following,
    isLead: running && facts.isLead,
    canTakeLead: running && mayLead && !facts.isLead,
    canLead: running && mayLead && facts.isLead,
    canVote: running && can(facts.role, 'verdict:own'),
    canWriteNotes: running && can(facts.role, 'session:note'),
  };
}
