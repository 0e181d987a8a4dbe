import { authorizeArticle } from '@/db/queries/access';
import { updateArticleText } from '@/db/queries/articles';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { ARTICLE_BODY_LIMIT_BYTES } from '@/lib/api/body';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { parseArticleDocInput } from '@/lib/editor/article-schema';
import { emitArticleUpdated } from '@/lib/events/emit';
import { updateArticleTextSchema } from '@/lib/validations/articles';

export const PUT = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { role } = await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const input = await readJson(req, updateArticleTextSchema, { maxBytes: ARTICLE_BODY_LIMIT_BYTES });
  // The checked copy is stored: only schema-known content, NFC text (claims anchor into it).
  const { doc } = parseArticleDocInput(input.doc);
  const result = await updateArticleText(db, params.articleId, doc, input.revision, user.id);
  emitArticleUpdated(result.article, ['text'], user.id);
  return {
    article: { id: result.article.id, version: result.article.version, revision: result.article.revision, doc: result.article.docJson, plainText: result.article.plainText },
    anchored: result.anchored,
    orphaned: result.orphaned,
    // The same per-viewer view as every other read (blind review), should editing ever be granted more widely.
    claims: await listClaimsForViewer(db, params.articleId, { userId: user.id, role }),
  };
});
