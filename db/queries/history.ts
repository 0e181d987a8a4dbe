import 'server-only';
import type { Db } from '../client';
import { historyEntries } from '../schema';

/** A Drizzle transaction or the database itself: history is written inside the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface HistoryInput {
  workspaceId: string;
  articleId: string | null;
  claimId: string | null;
  entityType: 'article' | 'claim' | 'source' | 'comment' | 'verdict' | 'assignment' | 'scale' | 'member' | 'workspace';
  entityId: string;
  action: 'create' | 'update' | 'delete';
  actorId: string | null;
  before?: unknown;
  after?: unknown;
}

export function recordHistory(tx: Tx, entry: HistoryInput): void {
  tx.insert(historyEntries)
    .values({ ...entry, before: entry.before ?? null, after: entry.after ?? null })
    .run();
}
