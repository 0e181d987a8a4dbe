import { acceptSuggestion, authorizeSuggestion } from '@/db/queries/check-worthiness';
import { emitEntity } from '@/lib/events/emit';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { acceptSuggestionSchema } from '@/lib/validations/check-worthiness';

/** Accept: creates the claim (claimant from the attribution, date from the article, either overridable) → { suggestion, claim }; 409 when stale. */
export const POST = apiRoute<{ suggestionId: string }>(async ({ req, params, user, db }) => {
  const suggestion = await authorizeSuggestion(db, user.id, params.suggestionId, 'claim:suggest');
  const input = await readJson(req, acceptSuggestionSchema);
  const result = await acceptSuggestion(db, suggestion.id, input, { id: user.id, name: user.name });
  const scope = { workspaceId: suggestion.workspaceId, articleId: suggestion.articleId };
  emitEntity('claim.created', scope, result.claim, user.id);
  emitEntity('suggestions.updated', { ...scope, claimId: null }, result.suggestion, user.id);
  return result;
});
