import type { SessionTaskQueueItem } from './review-sessions';
import type { AnchorState, ArticleStatus, ClaimStatus } from './statuses';
import type { AgreementSummary } from '@/lib/review/agreement';
import type { FieldChange } from '@/lib/review/history-diff';

// What reviewers exchange on a claim: assignments, verdicts, agreement, comments, mentions, the queue, the timeline.

export interface AssignmentDto {
  id: string;
  workspaceId: string;
  articleId: string;
  /** Null when the whole article is assigned. */
  claimId: string | null;
  assigneeId: string;
  assigneeName: string;
  assignedById: string | null;
  assignedByName: string | null;
  createdAt: string;
}

/** One reviewer's own verdict on a claim (the final verdict is claims.verdictId). */
export interface VerdictDto {
  id: string;
  claimId: string;
  userId: string;
  userName: string;
  verdictId: string;
  verdictKey: string;
  verdictLabel: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VerdictList {
  claimId: string;
  blindReview: boolean;
  /** True when the others' verdicts are withheld from this viewer (blind review, not yet voted; or a vote is open). */
  hidden: boolean;
  /**
   * True while the lead of a running review session has called a vote on this claim: everyone
   * sees only their own verdict until the reveal, editors and owners included (`hidden` is true too).
   */
  voteOpen: boolean;
  /** While a vote is open and I have a verdict: whether it counts as my vote (given or saved again since the call); else null. */
  mineCountsAsVote: boolean | null;
  /** How many reviewers gave a verdict, hidden ones included (a count only: never by level). */
  total: number;
  mine: VerdictDto | null;
  /** Everyone else's verdicts; empty while hidden. */
  others: VerdictDto[];
}

export interface ClaimAgreement {
  claimId: string;
  verdicts: number;
  /** Share of agreeing reviewer pairs on this claim; null with fewer than two verdicts. */
  agreement: number | null;
}

export interface ArticleAgreement extends AgreementSummary {
  articleId: string;
  blindReview: boolean;
  claimsTotal: number;
  /** Per claim, only where this viewer may see the verdicts (blind review and open votes hide the rest). */
  perClaim: ClaimAgreement[];
  /** Claims left out of perClaim and the summary because a review session's vote on them is open. */
  voteOpenClaimIds: string[];
}

export interface CommentDto {
  id: string;
  claimId: string;
  authorId: string | null;
  authorName: string | null;
  /** Empty once deleted: the thread keeps a "comment deleted" placeholder, not the text. */
  body: string;
  deleted: boolean;
  edited: boolean;
  /** Internal by default; a public comment is shown as a note from the desk on the claim's public page. */
  isPublic: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  mentions: Array<{ userId: string; name: string }>;
}

export interface MentionDto {
  id: string;
  commentId: string;
  claimId: string;
  articleId: string;
  articleTitle: string;
  workspaceId: string;
  claimText: string;
  authorName: string | null;
  /** The start of the comment, for a notification line. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface QueueItem {
  claimId: string;
  claimText: string;
  /** The claim's words; a multi-part claim's parts joined by " … ". */
  quote: string;
  /** Whether the words are still found in the text: an orphaned (or partly orphaned) claim is marked in the queue. */
  anchorState: AnchorState;
  /** null under blind review: every claim in my queue awaits my verdict, so its status is hidden from me. */
  claimStatus: ClaimStatus | null;
  articleId: string;
  articleTitle: string;
  articleSlug: string;
  articleStatus: ArticleStatus;
  workspaceId: string;
  workspaceName: string;
  assignmentId: string;
  /** Assigned this claim directly, or the whole article. */
  assignedVia: 'claim' | 'article';
  assignedAt: string;
}

export interface MyQueue {
  claims: QueueItem[];
  mentions: MentionDto[];
  /** Open tasks given to me in review sessions (claims assigned there are in `claims`). */
  sessionTasks: SessionTaskQueueItem[];
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** One sentence, e.g. "Ana Souza changed the verdict from True to False". */
  summary: string;
  /** Field-level before/after, bookkeeping columns left out. */
  changes: FieldChange[];
  before: unknown;
  after: unknown;
  /** True when blind review withholds this entry's content from the viewer. */
  redacted: boolean;
}
