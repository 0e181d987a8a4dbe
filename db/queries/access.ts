import 'server-only';
import { and, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, memberships, sources } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { can, type Action } from '@/lib/auth/permissions';
import { forbidden, notFound } from '@/lib/errors';

/**
 * Not in the trash (articles.deleted_at null). A trashed article is "not found" to every route and
 * page but the trash list and restore (db/queries/article-trash.ts): every query that hands out an
 * article, or something of one, by id or in a list adds this condition.
 */
export function notTrashed() {
  return isNull(articles.deletedAt);
}

export async function getRole(db: Db, userId: string, workspaceId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return row?.role ?? null;
}

/** Throws unless `role` (null: not a member) may perform `action`; non-members get "not found". */
function checkRole(role: Role | null, action: Action, what: string): Role {
  if (!role) throw notFound(what);
  if (!can(role, action)) throw forbidden(`Your role (${role}) cannot do that here.`);
  return role;
}

/**
 * Throws unless `userId` may perform `action` in the workspace. Non-members get "not found"
 * (not "forbidden"), so ids from another workspace reveal nothing.
 */
export async function authorize(db: Db, userId: string, workspaceId: string, action: Action, what = 'Article'): Promise<Role> {
  return checkRole(await getRole(db, userId, workspaceId), action, what);
}

/**
 * An article row as authorisation hands it out: every column except the text (`plainText`) and
 * the document (`docJson`), which on a long article are megabytes. Callers that need them read
 * them explicitly (getArticleDoc below, getArticle in ./articles, or the article-text cache).
 */
export type ArticleAccess = Omit<typeof articles.$inferSelect, 'plainText' | 'docJson'>;

function accessColumns() {
  // Built on first use, not at import: `articles` is the active dialect's table.
  const { plainText: _plainText, docJson: _docJson, ...columns } = getTableColumns(articles);
  return columns;
}
let columnsCache: ReturnType<typeof accessColumns> | null = null;

/**
 * The article (narrow: no text, no document) and the user's role in its workspace, in one query.
 * Missing article or non-member → "not found"; a role without `action` → "forbidden".
 */
export async function authorizeArticle(db: Db, userId: string, articleId: string, action: Action): Promise<{ article: ArticleAccess; role: Role }> {
  columnsCache ??= accessColumns();
  const [row] = await db
    .select({ article: columnsCache, role: memberships.role })
    .from(articles)
    .leftJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(articles.id, articleId), notTrashed()))
    .limit(1);
  if (!row) throw notFound('Article');
  const role = checkRole(row.role ?? null, action, 'Article');
  return { article: row.article as ArticleAccess, role };
}

/**
 * The article's workspace and the user's role in it (role null: not a member), or null when there
 * is no such article. One narrow row that never touches the text: on SQLite, columns stored after
 * the text and document (revision, status, version …) can only be reached by walking the row's
 * overflow pages, megabytes on a long article, and a read connection walks them again after every
 * commit. What a long-lived stream re-checks, and what a hot write route needs to authorise.
 */
export async function getArticleMembership(db: Db, userId: string, articleId: string): Promise<{ workspaceId: string; role: Role | null } | null> {
  const [row] = await db
    .select({ workspaceId: articles.workspaceId, role: memberships.role })
    .from(articles)
    .leftJoin(memberships, and(eq(memberships.workspaceId, articles.workspaceId), eq(memberships.userId, userId)))
    .where(and(eq(articles.id, articleId), notTrashed()))
    .limit(1);
  return row ? { workspaceId: row.workspaceId, role: row.role ?? null } : null;
}

/** The user's role in the workspace of an article (null: no such article, or not a member). */
export async function getArticleRole(db: Db, userId: string, articleId: string): Promise<Role | null> {
  return (await getArticleMembership(db, userId, articleId))?.role ?? null;
}

/**
 * The roles of several users in the article's workspace, in one query (users without a membership,
 * or an unknown article, are absent from the map). What the live streams re-check in batches.
 */
export async function getArticleRoles(db: Db, articleId: string, userIds: readonly string[]): Promise<Map<string, Role>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(articles)
    .innerJoin(memberships, eq(memberships.workspaceId, articles.workspaceId))
    .where(and(eq(articles.id, articleId), notTrashed(), inArray(memberships.userId, [...userIds])));
  return new Map(rows.map((r) => [r.userId, r.role]));
}

/**
 * authorizeArticle for routes that need only the article's scope (its id and workspace), not its
 * state: the same answers (non-member or missing → not found, role without `action` → forbidden).
 */
export async function authorizeArticleScope(db: Db, userId: string, articleId: string, action: Action): Promise<{ articleId: string; workspaceId: string; role: Role }> {
  const membership = await getArticleMembership(db, userId, articleId);
  if (!membership) throw notFound('Article');
  return { articleId, workspaceId: membership.workspaceId, role: checkRole(membership.role, action, 'Article') };
}

/** The article's document (Tiptap JSON) and revision, for callers that send the document itself. */
export async function getArticleDoc(db: Db, articleId: string): Promise<{ doc: unknown; revision: number }> {
  const [row] = await db.select({ doc: articles.docJson, revision: articles.revision }).from(articles).where(and(eq(articles.id, articleId), notTrashed())).limit(1);
  if (!row) throw notFound('Article');
  return row;
}

export async function authorizeClaim(db: Db, userId: string, claimId: string, action: Action) {
  const [row] = await db
    .select({ claim: claims })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.id, claimId), notTrashed()))
    .limit(1);
  if (!row) throw notFound('Claim');
  const { claim } = row;
  const role = await authorize(db, userId, claim.workspaceId, action, 'Claim');
  return { claim, role };
}

export async function authorizeSource(db: Db, userId: string, sourceId: string, action: Action) {
  const [row] = await db
    .select({ source: sources, workspaceId: claims.workspaceId, articleId: claims.articleId })
    .from(sources)
    .innerJoin(claims, eq(claims.id, sources.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(sources.id, sourceId), notTrashed()))
    .limit(1);
  if (!row) throw notFound('Source');
  const role = await authorize(db, userId, row.workspaceId, action, 'Source');
  return { ...row, role };
}
