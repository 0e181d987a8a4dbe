import { authorizeArticle } from '@/db/queries/access';
import { acceptArticleUpdate } from '@/db/queries/article-updates';
import { notFound } from '@/lib/errors';
import { emitArticleUpdated } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { acceptArticleUpdateSchema, updateIdSchema } from '@/lib/validations/article-updates';

/**
 * POST { revision, note? }: the update becomes the article's text, through the same save as a
 * manual edit (claims re-anchor, a revision is stored) — and viewers get the same live event a
 * text save sends. 409 when the text moved on since `revision` or the article is published
 * (reopen first); 422 without a correction note on an article published before.
 */
export const POST = apiRoute<{ articleId: string; updateId: string }>(async ({ req, params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  if (!updateIdSchema.safeParse(params.updateId).success) throw notFound('Update');
  const input = await readJson(req, acceptArticleUpdateSchema);
  const { update, save } = await acceptArticleUpdate(db, { articleId: params.articleId, updateId: params.updateId, revision: input.revision, note: input.note ?? null, actorId: user.id });
  const { article, baseRevision, textChanges, docChanges, exceptions, newlyOrphaned } = save;
  const deltaUsable = docChanges !== null && !exceptions.some((e) => 'refetch' in e);
  emitArticleUpdated(article, ['text'], user.id, deltaUsable ? { baseRevision, revision: article.revision, docChanges, textChanges, exceptions } : null, newlyOrphaned);
  return {
    update,
    article: { id: article.id, version: article.version, revision: article.revision },
    anchored: save.anchored,
    orphaned: save.orphaned,
    partial: save.partial,
    newlyOrphaned,
  };
});
