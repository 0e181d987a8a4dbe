/**
 * The view model a publication format (W3C, ClaimReview) is rendered from: the public view of the
 * report (lib/publishing/public-view.ts: public sources only, no excluded claims, no internal
 * notes), keeping the article's real status and publication record. An article that was never
 * published has no publication record: its public view is built the same way and stays without one,
 * so ClaimReview can only come out of it as a draft.
 */
import { toPublicView } from '@/lib/publishing/public-view';
import type { ReportViewModel } from './view-model';

export function toPublicationAudience(vm: ReportViewModel): ReportViewModel {
  const publication = vm.publication;
  const view = toPublicView(vm, publication ?? { firstPublishedAt: vm.generatedAt, lastPublishedAt: vm.generatedAt, corrections: [], retraction: null });
  return { ...view, article: { ...view.article, status: vm.article.status }, publication };
}
