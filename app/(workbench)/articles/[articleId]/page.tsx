import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { authorizeArticle } from '@/db/queries/access';
import { listClaimsForViewer } from '@/db/queries/claim-views';
import { listAssignments } from '@/db/queries/assignments';
import { getScale } from '@/db/queries/scales';
import { listMembers } from '@/db/queries/workspaces';
import { getEventBus } from '@/lib/events/bus';
import { formatCursor } from '@/lib/events/sse';
import { ArticleWorkbench } from '@/components/workbench/article-workbench';
import { AppError } from '@/lib/errors';
import { requireUser } from '@/lib/server/session';

type Params = { params: Promise<{ articleId: string }>; searchParams: Promise<{ claim?: string; tab?: string }> };

async function loadArticle(userId: string, articleId: string) {
  try {
    return await authorizeArticle(getDb(), userId, articleId, 'article:read');
  } catch (error) {
    // Missing, or in a workspace the user is not in: both look like "not found".
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { articleId } = await params;
  const user = await requireUser(`/articles/${articleId}`);
  return { title: (await loadArticle(user.id, articleId)).article.title };
}

export default async function ArticlePage({ params, searchParams }: Params) {
  const { articleId } = await params;
  const { claim: openClaim, tab } = await searchParams;
  const user = await requireUser(`/articles/${articleId}`);
  const { article, role } = await loadArticle(user.id, articleId);
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
        firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
        blindReview: article.blindReview,
        language: article.language,
        version: article.version,
        revision: article.revision,
        doc: article.docJson as Record<string, unknown>,
      }}
      initialClaims={await listClaimsForViewer(db, article.id, { userId: user.id, role })}
      levels={(await getScale(db, article.workspaceId)).levels}
      user={{ id: user.id, name: user.name, role }}
      members={await listMembers(db, article.workspaceId)}
      initialAssignments={await listAssignments(db, article.id)}
      initialCursor={formatCursor(await getEventBus().cursor())}
      initialClaimId={openClaim ?? null}
      initialTab={tab === 'discussion' || tab === 'verdicts' || tab === 'history' ? tab : 'details'}
    />
  );
}
