import 'server-only';
import { historyEntries } from '../schema';
import type { Tx } from '../transaction';

/** A transaction handle (see db/transaction.ts): history is written inside the caller's transaction. */
export type { Tx } from '../transaction';

export interface HistoryInput {
  workspaceId: string;
  articleId: string | null;
  claimId: string | null;
  entityType: 'article' | 'claim' | 'source' | 'comment' | 'verdict' | 'assignment' | 'scale' | 'member' | 'workspace' | 'reply_attempt' | 'review_session';
  entityId: string;
  action: 'create' | 'update' | 'delete';
  actorId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordHistory(tx: Tx, entry: HistoryInput): Promise<void> {
  await tx.insert(historyEntries).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}
