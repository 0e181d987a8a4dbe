import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { articles, claims, memberships, sources } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { can, type Action } from '@/lib/auth/permissions';
import { forbidden, notFound } from '@/lib/errors';

export async function getRole(db: Db, userId: string, workspaceId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return row?.role ?? null;
}

/**
 * Throws unless `userId` may perform `action` in the workspace. Non-members get "not found"
 * (not "forbidden"), so ids from another workspace reveal nothing.
 */
export async function authorize(db: Db, userId: string, workspaceId: string, action: Action, what = 'Article'): Promise<Role> {
  const role = await getRole(db, userId, workspaceId);
  if (!role) throw notFound(what);
  if (!can(role, action)) throw forbidden(`Your role (${role}) cannot do that here.`);
  return role;
}

export async function authorizeArticle(db: Db, userId: string, articleId: string, action: Action) {
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!article) throw notFound('Article');
  const role = await authorize(db, userId, article.workspaceId, action, 'Article');
  return { article, role };
}

export async function authorizeClaim(db: Db, userId: string, claimId: string, action: Action) {
  const [claim] = await db.select().from(claims).where(eq(claims.id, claimId)).limit(1);
  if (!claim) throw notFound('Claim');
  const role = await authorize(db, userId, claim.workspaceId, action, 'Claim');
  return { claim, role };
}

export async function authorizeSource(db: Db, userId: string, sourceId: string, action: Action) {
  const [row] = await db
    .select({ source: sources, workspaceId: claims.workspaceId, articleId: claims.articleId })
    .from(sources)
    .innerJoin(claims, eq(claims.id, sources.claimId))
    .where(eq(sources.id, sourceId))
    .limit(1);
  if (!row) throw notFound('Source');
  const role = await authorize(db, userId, row.workspaceId, action, 'Source');
  return { ...row, role };
}
