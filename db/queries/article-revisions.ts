import 'server-only';
import { and, asc, desc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type { Db } from '../client';
import type { Tx } from '../transaction';
import { articleRevisions } from '../schema';
import { applyTextChanges, type TextChange } from '@/lib/text/diff';
import { notFound } from '@/lib/errors';

/**
 * Text revisions, stored once per save (see db/schema/sqlite/article-revisions.ts). A revision is
 * its changes against the previous one; a snapshot of the full text is kept for the first one,
 * every SNAPSHOT_EVERY-th, and whenever the changes are large, so rebuilding any revision applies
 * at most SNAPSHOT_EVERY - 1 small change lists to a snapshot.
 */

export const SNAPSHOT_EVERY = 50;
/** Changes longer than this (inserted UTF-16 units, or a fraction of the text) get a snapshot instead of a long replay. */
export const LARGE_CHANGE_CHARS = 64 * 1024;

export interface NewRevision {
  articleId: string;
  revision: number;
  /** Changes against the previous revision's text; ignored (stored as []) for a first revision. */
  changes: readonly TextChange[];
  text: string;
  doc: JSONContent;
  actorId: string | null;
  /** A first revision (a new article): always a snapshot. */
  first?: boolean;
}

/** Whether this revision keeps a full snapshot (pure, for tests). */
export function needsSnapshot(revision: number, changes: readonly TextChange[], textLength: number, first = false): boolean {
  if (first || revision % SNAPSHOT_EVERY === 0) return true;
  let size = 0;
  for (const change of changes) size += change.insert.length + (change.to - change.from);
  return size > LARGE_CHANGE_CHARS || size > textLength / 2;
}

/** Stores one text revision inside the caller's transaction. */
export async function recordRevision(tx: Tx, input: NewRevision): Promise<{ snapshot: boolean }> {
  const snapshot = needsSnapshot(input.revision, input.changes, input.text.length, input.first);
  await tx.insert(articleRevisions).values({
    articleId: input.articleId,
    revision: input.revision,
    changes: input.first ? [] : [...input.changes],
    snapshot: snapshot ? input.text : null,
    docJson: snapshot ? input.doc : null,
    actorId: input.actorId,
  });
  return { snapshot };
}

/**
 * The article's plain text at `revision`: the nearest snapshot at or before it, with the changes
 * of every later revision up to it applied. 404 when that revision was never stored (before the
 * revisions table existed, or beyond the current one).
 */
export async function getTextAtRevision(db: Db, articleId: string, revision: number): Promise<string> {
  if (!Number.isInteger(revision) || revision < 1) throw notFound('Revision');
  const [base] = await db
    .select({ revision: articleRevisions.revision, snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), lte(articleRevisions.revision, revision), isNotNull(articleRevisions.snapshot)))
    .orderBy(desc(articleRevisions.revision))
    .limit(1);
  if (!base || base.snapshot === null) throw notFound('Revision');
  if (base.revision === revision) return base.snapshot;
  const later = await db
    .select({ revision: articleRevisions.revision, changes: articleRevisions.changes })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), gt(articleRevisions.revision, base.revision), lte(articleRevisions.revision, revision)))
    .orderBy(asc(articleRevisions.revision));
  // Every revision in between must be there: a gap means the chain is broken, not a smaller text.
  if (later.length !== revision - base.revision || later.some((row, i) => row.revision !== base.revision + i + 1)) throw notFound('Revision');
  let text = base.snapshot;
  for (const row of later) text = applyTextChanges(text, readChanges(row.changes));
  return text;
}

/** The stored revision numbers of an article, ascending (for history and comparison views). */
export async function listRevisions(db: Db, articleId: string): Promise<Array<{ revision: number; actorId: string | null; createdAt: Date; snapshot: boolean }>> {
  const rows = await db
    .select({ revision: articleRevisions.revision, actorId: articleRevisions.actorId, createdAt: articleRevisions.createdAt, snapshot: sql<number>`case when ${articleRevisions.snapshot} is null then 0 else 1 end`.mapWith(Number) })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(asc(articleRevisions.revision));
  return rows.map((row) => ({ ...row, snapshot: row.snapshot === 1 }));
}

/** jsonb comes back parsed; a JSON text column too (mode json). Anything else is corrupt. */
function readChanges(value: unknown): TextChange[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(parsed)) throw new Error('article_revisions.changes is not a list of changes');
  return parsed as TextChange[];
}
