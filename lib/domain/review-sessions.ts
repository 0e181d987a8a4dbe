// Review sessions: the desk's fact-check meeting on one article (agenda, follow the lead, vote and
// reveal, decisions, notes, action items, minutes). Stored in db/schema/*/review-sessions.ts.

export const REVIEW_SESSION_STATUSES = ['running', 'ended'] as const;
export type ReviewSessionStatus = (typeof REVIEW_SESSION_STATUSES)[number];

/** What became of an agenda item. `pending` until the lead decides, defers or drops it. */
export const SESSION_ITEM_OUTCOMES = ['pending', 'decided', 'deferred', 'dropped'] as const;
export type SessionItemOutcome = (typeof SESSION_ITEM_OUTCOMES)[number];

/** `open`: a called vote hides every verdict on the claim from everyone until `revealed`. */
export const SESSION_VOTE_STATES = ['none', 'open', 'revealed'] as const;
export type SessionVoteState = (typeof SESSION_VOTE_STATES)[number];

/** Why the agenda proposal put a claim on it (lib/review-sessions/agenda.ts); `added` by hand. */
export const AGENDA_REASONS = ['disagreement', 'unread_discussion', 'no_final_verdict', 'added'] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number];

export const SESSION_ACTION_KINDS = ['claim', 'task'] as const;
export type SessionActionKind = (typeof SESSION_ACTION_KINDS)[number];

/** Longest timebox the lead may set on an item (seconds). */
export const MAX_TIMEBOX_SECONDS = 60 * 60;
export const MAX_SESSION_NOTE_CHARS = 2000;
export const MAX_SESSION_ACTION_CHARS = 500;
export const MAX_AGENDA_ITEMS = 200;

export interface SessionPerson {
  userId: string;
  name: string;
}

/** One claim the proposal suggests, in agenda order. */
export interface AgendaProposalItem {
  claimId: string;
  claimNumber: number | null;
  quote: string;
  reason: AgendaReason;
  /** Share of agreeing reviewer pairs (0–1) when reason is `disagreement`, else null. */
  agreement: number | null;
  verdictCount: number;
  unreadComments: number;
}

export interface SessionVoteResult {
  userId: string;
  name: string;
  verdictId: string;
  verdictKey: string;
  verdictLabel: string;
}

/** One rating level's share of the votes (the spread shown at reveal). */
export interface SessionVoteSpread {
  verdictKey: string;
  verdictLabel: string;
  count: number;
}

export interface SessionVoteDto {
  state: SessionVoteState;
  calledAt: string | null;
  revealedAt: string | null;
  /** Who has voted (never what) while open; everyone whose verdict counts once revealed. */
  voters: Array<SessionPerson & { voted: boolean }>;
  /** Present participants who may vote, for "3 of 4 voted". */
  eligibleCount: number;
  votedCount: number;
  /** The votes, only once revealed (null while open or never called). */
  results: SessionVoteResult[] | null;
  spread: SessionVoteSpread[] | null;
  /** Share of agreeing pairs among the revealed votes; null with fewer than two. */
  agreement: number | null;
}

export interface SessionNoteDto {
  id: string;
  itemId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SessionItemDto {
  id: string;
  /** Null when the claim was deleted since (the snapshot below still names it). */
  claimId: string | null;
  claimNumber: number | null;
  claimQuote: string;
  position: number;
  reason: AgendaReason;
  outcome: SessionItemOutcome;
  /** The lead's note on a deferral or drop. */
  outcomeNote: string;
  decidedVerdict: { id: string; key: string; label: string } | null;
  decidedBy: SessionPerson | null;
  decidedAt: string | null;
  timeboxSeconds: number | null;
  vote: SessionVoteDto;
  notes: SessionNoteDto[];
  version: number;
  /**
   * Set when this viewer may not see the claim's decision (blind review without their own verdict,
   * or a vote open on the claim for a member who does not set the final verdict): `outcome` reads
   * `pending`, and the decided level, who decided and when, the outcome note, the notes and the
   * vote's results are withheld (as SessionMinutes items' `decisionHidden`).
   */
  decisionHidden?: true;
}

export interface SessionAttendeeDto extends SessionPerson {
  role: string;
  /** Join/leave intervals, oldest first; the last has `leftAt` null while joined. */
  intervals: Array<{ joinedAt: string; leftAt: string | null }>;
  joined: boolean;
  /** Joined and following the lead (false: broken away, looking elsewhere). */
  following: boolean;
}

export interface SessionActionDto {
  id: string;
  itemId: string | null;
  kind: SessionActionKind;
  assignee: SessionPerson;
  /** For `claim`: the claim assigned (an assignments row was made, so it is in their My queue). */
  claimId: string | null;
  claimNumber: number | null;
  text: string;
  createdBy: SessionPerson | null;
  createdAt: string;
  doneAt: string | null;
  version: number;
}

/** What the viewer may do in this session (computed on the server from role and lead). */
export interface SessionAbilities {
  joined: boolean;
  following: boolean;
  isLead: boolean;
  /** Editor or owner (not the lead): may take the lead. */
  canTakeLead: boolean;
  /** Lead operations: agenda, go to item, timebox, call vote, reveal, decide, defer, drop, end. */
  canLead: boolean;
  /** Gives own verdicts (reviewer and up); a viewer can follow but not vote. */
  canVote: boolean;
  /** Writes notes (reviewer and up). */
  canWriteNotes: boolean;
}

export interface ReviewSessionView {
  id: string;
  workspaceId: string;
  articleId: string;
  status: ReviewSessionStatus;
  version: number;
  lead: SessionPerson | null;
  startedBy: SessionPerson | null;
  startedAt: string;
  endedAt: string | null;
  /** Server clock when this view was built: the client's timebox countdown corrects for skew with it. */
  serverNow: string;
  currentItemId: string | null;
  /** When the current item became current (its timebox counts from here). */
  itemStartedAt: string | null;
  items: SessionItemDto[];
  attendees: SessionAttendeeDto[];
  actions: SessionActionDto[];
  me: SessionAbilities;
  /** Set once ended. */
  minutes: SessionMinutes | null;
}

export interface ReviewSessionSummary {
  id: string;
  articleId: string;
  status: ReviewSessionStatus;
  lead: SessionPerson | null;
  startedAt: string;
  endedAt: string | null;
  itemCount: number;
  decidedCount: number;
  deferredCount: number;
  attendeeCount: number;
}

/** GET /api/articles/:articleId/review-sessions */
export interface ArticleReviewSessions {
  running: ReviewSessionView | null;
  past: ReviewSessionSummary[];
}

/** The frozen record written when the session ends (stored as JSON with the session). */
export interface SessionMinutes {
  sessionId: string;
  article: { id: string; title: string };
  workspaceName: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  lead: SessionPerson | null;
  /** Everyone who joined, with every join/leave interval (a leave is the end time if they stayed). */
  attendees: Array<SessionPerson & { role: string; intervals: Array<{ joinedAt: string; leftAt: string }> }>;
  items: Array<{
    position: number;
    claimId: string | null;
    claimNumber: number | null;
    claimQuote: string;
    outcome: SessionItemOutcome;
    outcomeNote: string;
    decidedVerdict: { key: string; label: string } | null;
    decidedBy: SessionPerson | null;
    votes: SessionVoteResult[];
    agreement: number | null;
    notes: Array<{ authorName: string | null; body: string; createdAt: string }>;
    /**
     * Set only in a copy for one reader (lib/review-sessions/minutes-redaction.ts): blind review
     * withholds this claim's decision from them, so the outcome reads `pending` and votes, notes
     * and the outcome note are empty.
     */
    decisionHidden?: true;
    /**
     * Set only in a copy for one reader: a vote is open on this claim in a running session now, so
     * the others' verdicts are hidden from everyone — `votes` is empty and `agreement` null.
     */
    votesHidden?: true;
  }>;
  actions: Array<{ kind: SessionActionKind; assigneeName: string; claimNumber: number | null; text: string; itemPosition: number | null }>;
}

/** A session task (not a claim: those are assignments) in its assignee's My queue. */
export interface SessionTaskQueueItem {
  id: string;
  sessionId: string;
  articleId: string;
  articleTitle: string;
  text: string;
  claimId: string | null;
  claimNumber: number | null;
  sessionStartedAt: string;
  createdByName: string | null;
  version: number;
}
