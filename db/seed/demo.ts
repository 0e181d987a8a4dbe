import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { transaction } from '../transaction';
import { memberships, ratingLevels, ratingScales, users, workspaces } from '../schema';
import type { Role } from '@/lib/domain/roles';
import { createArticle, findArticleBySlug } from '../queries/articles';
import { createClaim, updateClaim } from '../queries/claims';
import { createDefaultScale } from '../queries/scales';
import { addSource } from '../queries/sources';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_CLAIMS } from './demo-claims';
import { seedCityBudget } from './city-budget';
import { seedDemoLibrary } from './claim-library';
import { seedEarlierArticles } from './earlier-articles';
import { FIXTURE_DIR, fixtureMetadataSchema, loadFixtureArticle } from './fixture-article';

export const DEMO_PASSWORD = 'claimdesk-demo';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; workspace: 'demo-desk' | 'other-desk' }> = [
  { email: 'nadia@claimdesk.demo', name: 'Nadia Rahimi', role: 'owner', workspace: 'demo-desk' },
  { email: 'tom@claimdesk.demo', name: 'Tom Becker', role: 'editor', workspace: 'demo-desk' },
  { email: 'ana@claimdesk.demo', name: 'Ana Souza', role: 'reviewer', workspace: 'demo-desk' },
  { email: 'kofi@claimdesk.demo', name: 'Kofi Mensah', role: 'reviewer', workspace: 'demo-desk' },
  { email: 'vera@claimdesk.demo', name: 'Vera Lind', role: 'viewer', workspace: 'demo-desk' },
  // A second workspace, so isolation between desks can be seen and tested.
  { email: 'omar@other.demo', name: 'Omar Haddad', role: 'owner', workspace: 'other-desk' },
];

// No public URL pattern: ClaimReview urls name Claimdesk's own public pages, the default a newcomer should see.
const WORKSPACES = {
  'demo-desk': { name: 'Demo Fact-Check Desk', organizationName: 'Claimdesk Demo Desk', organizationUrl: 'https://claimdesk.example', factCheckUrlPattern: null },
  'other-desk': { name: 'Other Newsroom', organizationName: 'Other Newsroom', organizationUrl: null, factCheckUrlPattern: null },
} as const;

/** The demo article's metadata and body text (page chrome and headline removed). */
export function loadDemoArticle(dir = FIXTURE_DIR) {
  return loadFixtureArticle({ metadata: 'metadata.json', text: 'seed-article.txt' }, fixtureMetadataSchema, dir);
}

/**
 * Seeds demo users, workspaces, the worked demo article and the published demo fact-check
 * (db/seed/city-budget.ts). Safe to run again: existing rows are kept. `appUrl` (default
 * NEXTAUTH_URL) is the instance's base URL, which the published fact-check's snapshot is built on.
 */
export async function seedDemo(db: Db, options: { appUrl?: string } = {}): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const workspaceIds = await transaction(db, async (tx) => {
    const ids: Record<string, string> = {};
    for (const [slug, ws] of Object.entries(WORKSPACES)) {
      const [existing] = await tx.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
      ids[slug] = existing?.id ?? (await tx.insert(workspaces).values({ slug, ...ws }).returning({ id: workspaces.id }))[0]!.id;
      const [hasScale] = await tx.select({ id: ratingScales.id }).from(ratingScales).where(eq(ratingScales.workspaceId, ids[slug]!)).limit(1);
      if (!hasScale) await createDefaultScale(tx, ids[slug]!);
    }
    for (const u of DEMO_USERS) {
      const [existing] = await tx.select().from(users).where(eq(users.email, u.email)).limit(1);
      const userId = existing?.id ?? (await tx.insert(users).values({ email: u.email, name: u.name, passwordHash, emailVerifiedAt: new Date() }).returning({ id: users.id }))[0]!.id;
      const workspaceId = ids[u.workspace]!;
      const [member] = await tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).limit(1);
      if (!member) await tx.insert(memberships).values({ workspaceId, userId, role: u.role });
    }
    return ids;
  });

  const userRows = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => userRows.find((row) => row.email === email)!.id;
  const workedArticle = await seedWorkedArticle(db, workspaceIds['demo-desk']!, userId);
  const appUrl = options.appUrl ?? (process.env.NEXTAUTH_URL?.trim() || 'http://localhost:3000');
  const factCheck = await seedCityBudget(db, { workspaceIds, userId, appUrl });
  // The desk's memory: earlier fact-checks and other fact-checkers' reviews, so "Already checked?"
  // has something to suggest on the demo article at once.
  const earlier = await seedEarlierArticles(db, workspaceIds['demo-desk']!, userId);
  const library = await seedDemoLibrary(db, workspaceIds['demo-desk']!, userId('tom@claimdesk.demo'));
  return { created: workedArticle || factCheck || earlier || library.created > 0 };
}

/** The worked demo article (fixtures/demo/seed-article.txt), in review. */
async function seedWorkedArticle(db: Db, demoWorkspaceId: string, userId: (email: string) => string): Promise<boolean> {
  const { metadata, text } = loadDemoArticle();
  if (await findArticleBySlug(db, demoWorkspaceId, metadata.slug)) return false;

  const { dropLines, ...articleMetadata } = metadata;
  void dropLines;
  const article = await createArticle(db, { ...articleMetadata, workspaceId: demoWorkspaceId, text, status: 'in_review', createdBy: userId('tom@claimdesk.demo') });

  const levels = await db.select({ id: ratingLevels.id, key: ratingLevels.key }).from(ratingLevels).innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId)).where(eq(ratingScales.workspaceId, demoWorkspaceId));
  const levelId = (key: string) => levels.find((l) => l.key === key)?.id ?? null;

  for (const demo of DEMO_CLAIMS) {
    const start = article.plainText.indexOf(demo.quote);
    if (start < 0) throw new Error(`Demo claim quote not found in the demo article: ${demo.quote}`);
    const actorId = userId(demo.author);
    const claim = await createClaim(db, { articleId: article.id, revision: article.revision, start, end: start + demo.quote.length, actorId });
    await updateClaim(db, claim.id, { version: claim.version, claimText: demo.claimText ?? claim.claimText, claimant: demo.claimant, ...(demo.claimDate !== undefined ? { claimDate: demo.claimDate } : {}), verdictId: demo.verdict ? levelId(demo.verdict) : null, rationale: demo.rationale, status: demo.status }, actorId);
    for (const source of demo.sources) await addSource(db, claim.id, source, actorId);
  }
  return true;
}
