import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, memberships, sources } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { can, type Action } from '@/lib/auth/permissions';
import { forbidden, notFound } from '@/lib/errors';

export function getRole(db: Db, userId: string, workspaceId: string): Role | null {
  const row = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .get();
  return row?.role ?? null;
}

/**
 * Throws unless `userId` may perform `action` in the workspace. Non-members get "not found"
 * (not "forbidden"), so ids from another workspace reveal nothing.
 */
export function authorize(db: Db, userId: string, workspaceId: string, action: Action, what = 'Article'): Role {
  const role = getRole(db, userId, workspaceId);
  if (!role) throw notFound(what);
  if (!can(role, action)) throw forbidden(`Your role (${role}) cannot do that here.`);
  return role;
}

export function authorizeArticle(db: Db, userId: string, articleId: string, action: Action) {
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw notFound('Article');
  const role = authorize(db, userId, article.workspaceId, action, 'Article');
  return { article, role };
}

export function authorizeClaim(db: Db, userId: string, claimId: string, action: Action) {
  const claim = db.select().from(claims).where(eq(claims.id, claimId)).get();
  if (!claim) throw notFound('Claim');
  const role = authorize(db, userId, claim.workspaceId, action, 'Claim');
  return { claim, role };
}

export function authorizeSource(db: Db, userId: string, sourceId: string, action: Action) {
  const row = db
    .select({ source: sources, workspaceId: claims.workspaceId, articleId: claims.articleId })
    .from(sources)
    .innerJoin(claims, eq(claims.id, sources.claimId))
    .where(eq(sources.id, sourceId))
    .get();
  if (!row) throw notFound('Source');
  const role = authorize(db, userId, row.workspaceId, action, 'Source');
  return { ...row, role };
}
