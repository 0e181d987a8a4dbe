import { authorizeArticle } from '@/db/queries/access';
import { updateArticleText } from '@/db/queries/articles';
import { listClaims } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/api/handler';
import { emitArticleUpdated } from '@/lib/events/emit';
import { updateArticleTextSchema } from '@/lib/validations/articles';

export const PUT = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const input = await readJson(req, updateArticleTextSchema);
  authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const result = updateArticleText(db, params.articleId, input.doc, input.version, user.id);
  emitArticleUpdated(result.article, ['text'], user.id);
  return {
    article: { id: result.article.id, version: result.article.version, revision: result.article.revision, doc: result.article.docJson, plainText: result.article.plainText },
    anchored: result.anchored,
    orphaned: result.orphaned,
    claims: listClaims(db, params.articleId),
  };
});
