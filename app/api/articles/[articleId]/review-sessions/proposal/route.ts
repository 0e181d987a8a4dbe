import { authorizeArticleScope } from '@/db/queries/access';
import { proposeSessionAgenda } from '@/db/queries/review-sessions';
import { apiRoute } from '@/lib/server/api/handler';

/** The proposed agenda for a new session (editors and owners): disagreements first, then unread discussion, then the rest. */
export const GET = apiRoute<{ articleId: string }>(async ({ params, user, db }) => {
  await authorizeArticleScope(db, user.id, params.articleId, 'session:lead');
  return { items: await proposeSessionAgenda(db, params.articleId, user.id) };
});
