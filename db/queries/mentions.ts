import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { commentPlainText } from '@/lib/review/mention-tokens';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { articles, claims, comments, memberships, mentions, users } from '../schema';
import type { MentionDto } from '@/lib/domain/review';

const EXCERPT_CHARS = 200;

/**
 * Where the user was @mentioned, newest first. Only live comments, in workspaces the user still
 * belongs to (a removed member's old mentions are not theirs to read any more).
 */
export async function listMentions(db: Db, userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<MentionDto[]> {
  const author = alias(users, 'author');
  const rows = await db
    .select({
      id: mentions.id,
      commentId: comments.id,
      claimId: claims.id,
      articleId: articles.id,
      articleTitle: articles.title,
      workspaceId: articles.workspaceId,
      claimText: claims.claimText,
      authorName: author.name,
      body: comments.body,
      createdAt: mentions.createdAt,
      readAt: mentions.readAt,
    })
    .from(mentions)
    .innerJoin(comments, eq(comments.id, mentions.commentId))
    .innerJoin(claims, eq(claims.id, comments.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId)))
    .leftJoin(author, eq(author.id, comments.authorId))
    .where(and(eq(mentions.userId, userId), isNull(comments.deletedAt), isNull(articles.deletedAt), options.unreadOnly ? isNull(mentions.readAt) : undefined))
    .orderBy(desc(mentions.createdAt), desc(mentions.id))
    .limit(options.limit ?? 100);
  return rows.map(({ body: stored, ...r }) => {
    const body = commentPlainText(stored);
    return {
      ...r,
      excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS - 1)}…` : body,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    };
  });
}

/** Marks the user's own mentions read (all of them when `ids` is omitted). Returns how many changed. */
export async function markMentionsRead(db: Db, userId: string, ids?: string[]): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0;
  const changed = await transaction(db, async (tx) =>
    tx
      .update(mentions)
      .set({ readAt: new Date() })
      .where(and(eq(mentions.userId, userId), isNull(mentions.readAt), ids ? inArray(mentions.id, ids) : undefined))
      .returning({ id: mentions.id }),
  );
  return changed.length;
}

/**
 * Marks the user's unread mentions in one claim's discussion read: opening the discussion is
 * reading them (the inbox link and the workbench both open it). Returns how many changed.
 */
export async function markClaimMentionsRead(db: Db, userId: string, claimId: string): Promise<number> {
  const changed = await transaction(db, async (tx) =>
    tx
      .update(mentions)
      .set({ readAt: new Date() })
      .where(and(eq(mentions.userId, userId), isNull(mentions.readAt), inArray(mentions.commentId, tx.select({ id: comments.id }).from(comments).where(eq(comments.claimId, claimId)))))
      .returning({ id: mentions.id }),
  );
  return changed.length;
}
