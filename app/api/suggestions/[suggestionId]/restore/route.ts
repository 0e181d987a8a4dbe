import { authorizeSuggestion, decideSuggestion } from '@/db/queries/check-worthiness';
import { emitEntity } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { decideSuggestionSchema } from '@/lib/validations/check-worthiness';

/** Undo a dismissal → SuggestionDto (open again); 409 when stale. */
export const POST = apiRoute<{ suggestionId: string }>(async ({ req, params, user, db }) => {
  const suggestion = await authorizeSuggestion(db, user.id, params.suggestionId, 'claim:suggest');
  const input = await readJson(req, decideSuggestionSchema);
  const updated = await decideSuggestion(db, suggestion.id, input.version, 'open', user.id);
  emitEntity('suggestions.updated', { workspaceId: suggestion.workspaceId, articleId: suggestion.articleId, claimId: null }, updated, user.id);
  return updated;
});
