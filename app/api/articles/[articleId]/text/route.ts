import { authorizeArticle } from '@/db/queries/access';
import { getStoredDoc, updateArticleText } from '@/db/queries/articles';
import { ARTICLE_BODY_LIMIT_BYTES } from '@/lib/api/body';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { parseArticleDocInput } from '@/lib/editor/article-schema';
import { emitArticleUpdated } from '@/lib/events/emit';
import { updateArticleTextSchema } from '@/lib/validations/articles';

/**
 * Saves the article text. The answer is what the saver cannot derive itself: the new revision and
 * version, the text changes and the claims that did not simply follow them (it maps the others;
 * lib/editor/text-delta), and the document only when the server's checked copy differs from the
 * one sent (NFC, dropped unknown content). Viewers get the same delta in the live event.
 */
export const PUT = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  await authorizeArticle(db, user.id, params.articleId, 'article:edit');
  const input = await readJson(req, updateArticleTextSchema, { maxBytes: ARTICLE_BODY_LIMIT_BYTES });
  // The checked copy is stored: only schema-known content, NFC text (claims anchor into it). Only
  // the blocks that differ from the stored document of the editor's revision are read again.
  const stored = await getStoredDoc(db, params.articleId, input.revision);
  const { doc, text, sameAsInput } = parseArticleDocInput(input.doc, stored);
  const result = await updateArticleText(db, params.articleId, doc, input.revision, user.id, text);
  const { article, baseRevision, textChanges, docChanges, exceptions, newlyOrphaned } = result;
  // A multi-part claim whose parts did not all follow the text cannot be told as a delta (one
  // `refetch` exception, see reanchorArticleClaims): viewers get no delta and refetch; the saver's
  // remapClaims sees the exception and refetches the claims.
  const deltaUsable = docChanges !== null && !exceptions.some((e) => 'refetch' in e);
  emitArticleUpdated(article, ['text'], user.id, deltaUsable ? { baseRevision, revision: article.revision, docChanges, textChanges, exceptions } : null, newlyOrphaned);
  return {
    article: { id: article.id, version: article.version, revision: article.revision, ...(sameAsInput ? {} : { doc }) },
    baseRevision,
    anchored: result.anchored,
    orphaned: result.orphaned,
    partial: result.partial,
    /** Claims fully anchored before this save and partly or fully orphaned now (the saver's notice counts only these). */
    newlyOrphaned,
    textChanges,
    exceptions,
  };
});
