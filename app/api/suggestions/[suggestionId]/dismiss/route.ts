import { authorizeSuggestion, decideSuggestion } from '@/db/queries/check-worthiness';
import { emitEntity } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { decideSuggestionSchema } from '@/lib/validations/check-worthiness';

/** Dismiss: never suggested again on this article (survives re-runs and text edits) → SuggestionDto; 409 when stale. */
export const POST = apiRoute<{ suggestionId: string }>(async ({ req, params, user, db }) => {
  const suggestion = await authorizeSuggestion(db, user.id, params.suggestionId, 'claim:suggest');
  const input = await readJson(req, decideSuggestionSchema);
  const updated = await decideSuggestion(db, suggestion.id, input.version, 'dismissed', user.id);
  emitEntity('suggestions.updated', { workspaceId: suggestion.workspaceId, articleId: suggestion.articleId, claimId: null }, updated, user.id);
  return updated;
});
