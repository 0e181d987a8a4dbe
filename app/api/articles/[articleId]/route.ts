import { z } from 'zod';
import { authorizeArticle, getArticleDoc } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { listArticleHistory, readArticleDetails, updateArticleMetadata } from '@/db/queries/article-metadata';
import { trashArticle } from '@/db/queries/article-trash';
import { apiRoute, parseInput, readJson } from '@/lib/server/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { metadataPatchOf, updateArticleMetadataSchema } from '@/lib/articles/metadata';
import { versionSchema } from '@/lib/validations/common';

/**
 * The article as the workbench holds it: text, versions, workflow state, and its claims.
 * `?fields=meta` answers with the row's versions, workflow state and metadata only (no text, no
 * claims): what a client needs after a status, settings or details change. `?fields=text` adds the
 * text, still without the claims (a client that refetches text after a save elsewhere fetches
 * claims apart). `?fields=details` answers the Details dialog: the metadata and the article's own
 * history. A trashed article is not found here (see DELETE).
 */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const meta = {
    id: article.id,
    version: article.version,
    revision: article.revision,
    status: article.status,
    blindReview: article.blindReview,
    title: article.title,
    outlet: article.outlet,
    byline: article.byline,
    url: article.url,
    publishedOn: article.publishedOn,
    language: article.language,
    sourceCredit: article.sourceCredit,
  };
  const fields = new URL(req.url).searchParams.get('fields');
  if (fields === 'meta') return { article: meta };
  if (fields === 'details') return { article: await readArticleDetails(db, article.id), history: await listArticleHistory(db, article.id) };
  // The document is read on its own (authorisation hands out no text); its revision is the one it was saved with.
  const { doc, revision } = await getArticleDoc(db, article.id);
  if (fields === 'text') return { article: { ...meta, revision, doc } };
  return {
    article: { ...meta, revision, doc },
    claims: await listClaimsForViewer(db, article.id, { userId: user.id, role }),
  };
});

/**
 * Edits the article's details (editors and owners): `{ version, title?, outlet?, byline?, url?,
 * publishedOn?, language?, sourceCredit? }`. 409 while published or retracted, 409 with the
 * current details when `version` is stale. The slug (public address) never changes here.
 */
export const PATCH = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const raw = await readJson(req, z.record(z.string(), z.unknown()));
  const input = parseInput(updateArticleMetadataSchema, raw);
  const { article, changed, fields } = await updateArticleMetadata(db, { articleId: params.articleId, version: input.version, patch: metadataPatchOf(raw, input), role, actorId: user.id });
  if (changed) emitArticleUpdated(article, ['metadata'], user.id);
  return { article, fields };
});

const deleteArticleSchema = z.strictObject({ version: versionSchema });

/**
 * Moves the article to the trash (owners and editors), `{ version }`: restorable for 30 days
 * (POST …/restore), then deleted for good. 409 while published ("Reopen or unpublish it first…")
 * or retracted (its retraction notice stays public), 409 when `version` is stale.
 */
export const DELETE = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:delete');
  const { version } = await readJson(req, deleteArticleSchema);
  const { article } = await trashArticle(db, { articleId: params.articleId, version, role, actorId: user.id });
  // Open workbenches refetch and find it gone; their live streams are revoked on the next check.
  emitArticleUpdated(article, [], user.id);
  return { article };
});
