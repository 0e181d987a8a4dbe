import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { ratingLevels, ratingScales } from '../schema';
import { createArticle, findArticleBySlug } from '../queries/articles';
import { createClaim, updateClaim } from '../queries/claims';
import { CLAIM_STATUSES } from '@/lib/domain/statuses';
import { FIXTURE_DIR } from './fixture-article';

/**
 * Earlier demo fact-checks (fixtures/demo/earlier/): short fictional wire stories, dated weeks
 * before the demo article, whose checked claims restate some of its claims. They give "Already
 * checked?" something to suggest on the demo article from the first start.
 */
const earlierClaimSchema = z.object({
  quote: z.string().min(1),
  claimText: z.string().min(1),
  claimant: z.string(),
  verdict: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES),
  author: z.string(),
  rationale: z.string(),
});

const earlierArticleSchema = z.object({
  slug: z.string().min(1),
  title: z.string().min(1),
  outlet: z.string(),
  byline: z.string(),
  url: z.string().url(),
  publishedOn: z.string(),
  language: z.string(),
  sourceCredit: z.string(),
  /** The body's file, next to articles.json. */
  text: z.string().min(1),
  claims: z.array(earlierClaimSchema),
});

export const EARLIER_DIR = path.join(FIXTURE_DIR, 'earlier');

export type EarlierArticle = z.output<typeof earlierArticleSchema> & { body: string };

export function loadEarlierArticles(dir = EARLIER_DIR): EarlierArticle[] {
  const { articles } = z.object({ articles: z.array(earlierArticleSchema) }).parse(JSON.parse(fs.readFileSync(path.join(dir, 'articles.json'), 'utf8')));
  return articles.map((a) => ({ ...a, body: fs.readFileSync(path.join(dir, a.text), 'utf8').trim() }));
}

/**
 * Creates the earlier articles that are not there yet (by slug), each with its checked claims, in
 * the "ready" state (decided, not published). Idempotent; returns whether it created any.
 */
export async function seedEarlierArticles(db: Db, workspaceId: string, userId: (email: string) => string, editorEmail = 'tom@claimdesk.demo'): Promise<boolean> {
  const earlier = loadEarlierArticles();
  let levels: Array<{ id: string; key: string }> | null = null;
  let created = false;
  for (const item of earlier) {
    if (await findArticleBySlug(db, workspaceId, item.slug)) continue;
    levels ??= await db.select({ id: ratingLevels.id, key: ratingLevels.key }).from(ratingLevels).innerJoin(ratingScales, eq(ratingScales.id, ratingLevels.scaleId)).where(eq(ratingScales.workspaceId, workspaceId));
    const { claims: itemClaims, text: _file, body, ...metadata } = item;
    const article = await createArticle(db, { ...metadata, workspaceId, text: body, status: 'ready', createdBy: userId(editorEmail) });
    for (const c of itemClaims) {
      const start = article.plainText.indexOf(c.quote);
      if (start < 0) throw new Error(`Earlier demo claim quote not found in “${item.title}”: ${c.quote}`);
      const actorId = userId(c.author);
      const claim = await createClaim(db, { articleId: article.id, revision: article.revision, start, end: start + c.quote.length, actorId });
      const verdictId = c.verdict ? (levels.find((l) => l.key === c.verdict)?.id ?? null) : null;
      if (c.verdict && !verdictId) throw new Error(`Earlier demo claim verdict is not on the scale: ${c.verdict}`);
      await updateClaim(db, claim.id, { version: claim.version, claimText: c.claimText, claimant: c.claimant, claimDate: metadata.publishedOn, verdictId, rationale: c.rationale, status: c.status }, actorId);
    }
    created = true;
  }
  return created;
}
