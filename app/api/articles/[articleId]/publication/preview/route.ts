import { authorizeArticle } from '@/db/queries/access';
import { buildPublicationPreview } from '@/db/queries/publications';
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { previewHeaders } from '@/lib/publishing/public-page/headers';
import { parseClaimNumber, renderPublicArticlePage, renderPublicClaimPage, renderPublicNotFoundPage } from '@/lib/publishing/public-page/render';
import type { PublicPageOptions } from '@/lib/publishing/public-page/view';
import { MAX_CORRECTION_NOTE_CHARS } from '@/lib/validations/publishing';

export const runtime = 'nodejs';

/**
 * GET /api/articles/:id/publication/preview[?claim=N][&note=…] (members, article:read): the public
 * page as publishing now would make it, with a "Preview — not yet published" banner and noindex,
 * from buildPublicationPreview (blind review applies to the viewer as in the workbench). `claim`
 * shows that claim's page (404 for a number the fact-check has no page for); `note` is the
 * correction note being written, shown where readers will see it. Links inside the preview stay
 * in the preview; the publish dialog may frame it (same origin only: next.config.js, headers.ts).
 */
export const GET = apiRoute<{ articleId: string }>(async ({ req, params, user, db }) => {
  const { article, role } = await authorizeArticle(db, user.id, params.articleId, 'article:read');
  const url = new URL(req.url);
  const appUrl = process.env.NEXTAUTH_URL?.trim() || url.origin;
  const claimParam = url.searchParams.get('claim');
  const note = url.searchParams.get('note')?.trim() || undefined;
  if (note && note.length > MAX_CORRECTION_NOTE_CHARS) throw new AppError('unprocessable', `Keep the correction note under ${MAX_CORRECTION_NOTE_CHARS.toLocaleString('en')} characters.`);

  const vm = await buildPublicationPreview(db, article.id, { appUrl, correctionNote: note, viewer: { userId: user.id, role } });
  const self = `/api/articles/${encodeURIComponent(article.id)}/publication/preview`;
  const withNote = (query: string) => (note ? `${query}${query ? '&' : '?'}note=${encodeURIComponent(note)}` : query);
  const options: PublicPageOptions = {
    appUrl,
    workspaceSlug: vm.workspace.slug,
    articleSlug: vm.article.slug,
    mode: 'preview',
    links: { article: `${self}${withNote('')}`, claim: (n) => `${self}${withNote(`?claim=${n}`)}` },
  };

  if (claimParam === null) return new Response(await renderPublicArticlePage(vm, options), { headers: previewHeaders() });
  const claimNumber = parseClaimNumber(claimParam);
  const html = claimNumber === null ? null : await renderPublicClaimPage(vm, claimNumber, options);
  if (html === null) return new Response(await renderPublicNotFoundPage(), { status: 404, headers: previewHeaders() });
  return new Response(html, { headers: previewHeaders() });
});
