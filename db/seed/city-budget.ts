import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { articlePublications, ratingLevels, ratingScales } from '../schema';
import { createArticle, findArticleBySlug, getArticle } from '../queries/articles';
import { setArticleStatus } from '../queries/article-status';
import { createClaim, updateClaim } from '../queries/claims';
import { publishArticle } from '../queries/publications';
import { createReplyAttempt } from '../queries/reply-attempts';
import { addSource } from '../queries/sources';
import type { SourceFields } from '@/lib/validations/claims';
import { publicArticleUrl } from '@/lib/publishing/urls';
import { CITY_BUDGET_CLAIMS } from './city-budget-claims';
import { FIXTURE_DIR, fixtureMetadataSchema, loadFixtureArticle } from './fixture-article';

/**
 * The second demo article: a short fictional council-budget story (fixtures/demo/city-budget-*),
 * checked and already published, so its public fact-check pages exist from the first start.
 */

const metadataSchema = fixtureMetadataSchema.extend({
  /** The seeded workspace it belongs to (scripts/start.sh reads this file to print the public URL). */
  workspace: z.string(),
});

export function loadCityBudgetArticle(dir = FIXTURE_DIR) {
  return loadFixtureArticle({ metadata: 'city-budget-metadata.json', text: 'city-budget-article.txt' }, metadataSchema, dir);
}

/** Where the published demo fact-check is served (signed out). */
export function cityBudgetPublicUrl(appUrl: string): string {
  const { metadata } = loadCityBudgetArticle();
  return publicArticleUrl(appUrl, metadata.workspace, metadata.slug);
}

export interface CityBudgetSeedInput {
  /** Ids of the seeded workspaces by slug. */
  workspaceIds: Record<string, string>;
  userId: (email: string) => string;
  /** Base URL of the instance (the publication snapshot and public URL are built on it). */
  appUrl: string;
}

const PUBLISHER = 'nadia@claimdesk.demo';

/**
 * Seeds and publishes the fact-check unless it is there already (by its slug, or by a slug it was
 * published under before a rename). Returns whether anything was written.
 */
export async function seedCityBudget(db: Db, { workspaceIds, userId, appUrl }: CityBudgetSeedInput): Promise<boolean> {
  const { metadata, text } = loadCityBudgetArticle();
  const workspaceId = workspaceIds[metadata.workspace];
  if (!workspaceId) throw new Error(`The city budget demo names workspace "${metadata.workspace}", which the seed does not create.`);
  const ownerId = userId(PUBLISHER);

  const existing = await findArticleBySlug(db, workspaceId, metadata.slug);
  if (existing) {
    // A seed interrupted between "ready" and publishing: finish it (never republish a reopened one).
    if (existing.status !== 'ready' || existing.firstPublishedAt) return false;
    await publishArticle(db, { articleId: existing.id, version: existing.version, role: 'owner', actorId: ownerId, appUrl });
    return true;
  }
  const [renamed] = await db
    .select({ id: articlePublications.id })
    .from(articlePublications)
    .where(and(eq(articlePublications.workspaceId, workspaceId), eq(articlePublications.articleSlug, metadata.slug)))
    .limit(1);
  if (renamed) return false;

  const { workspace, dropLines, ...articleMetadata } = metadata;
  void workspace;
  void dropLines;
  const article = await createArticle(db, { ...articleMetadata, workspaceId, text, status: 'in_review', createdBy: userId('tom@claimdesk.demo') });

  const levels = await db.select({ id: ratingLevels.id, key: ratingLevels.key }).from(ratingLevels).innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId)).where(eq(ratingScales.workspaceId, workspaceId));
  const levelId = (key: string) => {
    const level = levels.find((l) => l.key === key);
    if (!level) throw new Error(`The demo scale has no level "${key}".`);
    return level.id;
  };

  for (const demo of CITY_BUDGET_CLAIMS) {
    const start = article.plainText.indexOf(demo.quote);
    if (start < 0) throw new Error(`City budget claim quote not found in the demo article: ${demo.quote}`);
    const actorId = userId(demo.author);
    const claim = await createClaim(db, { articleId: article.id, revision: article.revision, start, end: start + demo.quote.length, actorId });
    for (const source of demo.sources) {
      const fields: SourceFields = source;
      await addSource(db, claim.id, fields, actorId);
    }
    for (const reply of demo.replies) await createReplyAttempt(db, { claimId: claim.id, fields: { ...reply }, actorId });
    await updateClaim(db, claim.id, { version: claim.version, claimText: demo.claimText, claimant: demo.claimant, claimDate: demo.claimDate, verdictId: levelId(demo.verdict), rationale: demo.rationale, status: 'resolved' }, ownerId);
  }

  const inReview = await getArticle(db, article.id);
  const ready = await setArticleStatus(db, { articleId: article.id, status: 'ready', version: inReview.version, role: 'owner', actorId: ownerId });
  await publishArticle(db, { articleId: article.id, version: ready.article.version, role: 'owner', actorId: ownerId, appUrl });
  return true;
}
