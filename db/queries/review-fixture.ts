import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { createTestDb, type Db } from '../client';
import { articles, ratingLevels, ratingScales, users, workspaces } from '../schema';
import { seedDemo } from '../seed/demo';
import { listClaims } from './claims';

/**
 * Test fixture for the review queries (not imported by app code): a migrated in-memory database
 * with the demo seed, and handy ids. Demo roles: nadia owner, tom editor, ana and kofi reviewers,
 * vera viewer (all in demo-desk); omar owns other-desk.
 */
export async function reviewFixture() {
  const db: Db = createTestDb();
  await seedDemo(db);
  const userId = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id;
  const u = {
    nadia: userId('nadia@claimdesk.demo'),
    tom: userId('tom@claimdesk.demo'),
    ana: userId('ana@claimdesk.demo'),
    kofi: userId('kofi@claimdesk.demo'),
    vera: userId('vera@claimdesk.demo'),
    omar: userId('omar@other.demo'),
  };
  const workspaceId = db.select().from(workspaces).where(eq(workspaces.slug, 'demo-desk')).get()!.id;
  const otherWorkspaceId = db.select().from(workspaces).where(eq(workspaces.slug, 'other-desk')).get()!.id;
  const article = db.select().from(articles).where(eq(articles.workspaceId, workspaceId)).get()!;
  const claims = listClaims(db, article.id);
  const levelRows = db.select({ id: ratingLevels.id, key: ratingLevels.key, workspaceId: ratingScales.workspaceId }).from(ratingLevels).innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId)).all();
  const level = (key: string, ws = workspaceId) => levelRows.find((l) => l.key === key && l.workspaceId === ws)!.id;
  return { db, u, workspaceId, otherWorkspaceId, article, claims, level };
}

export type ReviewFixture = Awaited<ReturnType<typeof reviewFixture>>;

/** Runs `fn`, which must throw an AppError, and returns that error for the test to inspect. */
export function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError');
}
