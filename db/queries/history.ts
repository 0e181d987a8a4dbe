import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { historyEntries, users } from '../schema';

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

export function listClaimHistory(db: Db, claimId: string) {
  return db
    .select({ entry: historyEntries, actorName: users.name })
    .from(historyEntries)
    .leftJoin(users, eq(users.id, historyEntries.actorId))
    .where(eq(historyEntries.claimId, claimId))
    .orderBy(desc(historyEntries.createdAt))
    .all();
}
