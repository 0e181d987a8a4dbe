import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { preload } from 'react-dom';
import { getDb } from '@/db';
import { authorizeArticle, getArticleDoc } from '@/db/queries/access';
import { countClaims, getClaimForViewer, listClaimRowsForViewer } from '@/db/queries/claim-views';
import { listAssignments } from '@/db/queries/assignments';
import { getScale } from '@/db/queries/scales';
import { listMembers } from '@/db/queries/workspaces';
import { getEventBus } from '@/lib/events/bus';
import { formatCursor } from '@/lib/events/sse';
import { readClaimFilters } from '@/components/claims/claim-filters-url';
import { readTextOffset } from '@/components/workbench/text-offset-param';
import { ArticleWorkbench } from '@/components/workbench/article-workbench';
import { AppError } from '@/lib/errors';
import { requireUser } from '@/lib/server/session';

type Params = {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<{ claim?: string; tab?: string; verdict?: string | string[]; status?: string | string[]; at?: string | string[] }>;
};

/**
 * Up to this many claims travel inside the page as list rows; a longer list is fetched by the
 * browser (GET /api/articles/:id/claims, compressed, preloaded from the page head) so the page
 * stays small: the document alone is most of it on a long article.
 */
const INLINE_CLAIM_ROWS = 300;

/** The article (narrow row) and the user's role: read once per request, shared by metadata and page. */
const loadArticle = cache(async (userId: string, articleId: string) => {
  try {
    return await authorizeArticle(getDb(), userId, articleId, 'article:read');
  } catch (error) {
    // Missing, or in a workspace the user is not in: both look like "not found".
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { articleId } = await params;
  const user = await requireUser(`/articles/${articleId}`);
  return { title: (await loadArticle(user.id, articleId)).article.title };
}

/** The claim asked for in the URL, in full, when it belongs to this article (else none is opened). */
async function loadOpenClaim(articleId: string, claimId: string | undefined, viewer: Parameters<typeof getClaimForViewer>[2]) {
  if (!claimId) return null;
  try {
    const claim = await getClaimForViewer(getDb(), claimId, viewer);
    return claim.articleId === articleId ? claim : null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

export default async function ArticlePage({ params, searchParams }: Params) {
  const { articleId } = await params;
  const { claim: openClaim, tab, at, ...filterParams } = await searchParams;
  const user = await requireUser(`/articles/${articleId}`);
  const { article, role } = await loadArticle(user.id, articleId);
  const db = getDb();
  const viewer = { userId: user.id, role };
  // The document and the revision it belongs to, read together (the narrow access row has neither text nor doc).
  const { doc, revision } = await getArticleDoc(db, article.id);
  const inline = (await countClaims(db, article.id)) <= INLINE_CLAIM_ROWS;
  const { levels } = await getScale(db, article.workspaceId);
  if (!inline) preload(`/api/articles/${article.id}/claims`, { as: 'fetch', crossOrigin: 'anonymous' });
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
        revision,
        doc: doc as Record<string, unknown>,
      }}
      initialClaims={inline ? await listClaimRowsForViewer(db, article.id, viewer) : null}
      initialClaim={await loadOpenClaim(article.id, openClaim, viewer)}
      levels={levels}
      user={{ id: user.id, name: user.name, role }}
      members={await listMembers(db, article.workspaceId)}
      initialAssignments={await listAssignments(db, article.id)}
      initialCursor={formatCursor(await getEventBus().cursor())}
      initialTab={tab === 'discussion' || tab === 'verdicts' || tab === 'history' ? tab : 'details'}
      initialFilters={readClaimFilters(filterParams, levels.map((l) => l.id))}
      initialAt={readTextOffset(at)}
    />
  );
}
