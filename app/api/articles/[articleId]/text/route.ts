import { authorizeArticle } from '@/db/queries/access';
import { updateArticleText } from '@/db/queries/articles';
import { listClaims } from '@/db/queries/claims';
import { apiRoute, readJson } from '@/lib/api/handler';
import { checkArticleDoc, InvalidArticleDocError } from '@/lib/editor/article-schema';
import { AppError } from '@/lib/errors';
import { emitArticleUpdated } from '@/lib/events/emit';
import { updateArticleTextSchema } from '@/lib/validations/articles';

export const PUT = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const input = await readJson(req, updateArticleTextSchema);
  authorizeArticle(db, user.id, params.articleId, 'article:edit');
  try {
    checkArticleDoc(input.doc);
  } catch (error) {
    if (error instanceof InvalidArticleDocError) throw new AppError('unprocessable', error.message);
    throw error;
  }
  const result = updateArticleText(db, params.articleId, input.doc, input.revision, user.id);
  emitArticleUpdated(result.article, ['text'], user.id);
  return {
    article: { id: result.article.id, version: result.article.version, revision: result.article.revision, doc: result.article.docJson, plainText: result.article.plainText },
    anchored: result.anchored,
    orphaned: result.orphaned,
    claims: listClaims(db, params.articleId),
  };
});
