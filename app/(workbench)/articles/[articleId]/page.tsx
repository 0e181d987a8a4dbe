import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { authorizeArticle } from '@/db/queries/access';
import { listClaims } from '@/db/queries/claims';
import { getScale } from '@/db/queries/scales';
import { ArticleWorkbench } from '@/components/workbench/article-workbench';
import { AppError } from '@/lib/errors';
import { requireUser } from '@/lib/session';

type Params = { params: Promise<{ articleId: string }> };

function loadArticle(userId: string, articleId: string) {
  try {
    return authorizeArticle(getDb(), userId, articleId, 'article:read');
  } catch (error) {
    // Missing, or in a workspace the user is not in: both look like "not found".
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { articleId } = await params;
  const user = await requireUser(`/articles/${articleId}`);
  return { title: loadArticle(user.id, articleId).article.title };
}

export default async function ArticlePage({ params }: Params) {
  const { articleId } = await params;
  const user = await requireUser(`/articles/${articleId}`);
  const { article, role } = loadArticle(user.id, articleId);
  const db = getDb();
  return (
    <ArticleWorkbench
      article={{
        id: article.id,
        slug: article.slug,
        title: article.title,
        outlet: article.outlet,
        byline: article.byline,
        url: article.url,
        publishedOn: article.publishedOn,
        sourceCredit: article.sourceCredit,
        status: article.status,
        language: article.language,
        version: article.version,
        revision: article.revision,
        doc: article.docJson as Record<string, unknown>,
      }}
      initialClaims={listClaims(db, article.id)}
      levels={getScale(db, article.workspaceId).levels}
      user={{ id: user.id, name: user.name, role }}
    />
  );
}
