/**
 * What a public page renders from: the stored snapshot with the current address (slugs, this
 * instance's URL) and the retraction laid over it, passed once more through toPublicView so the
 * page never shows anything internal even if a snapshot held it.
 */
import type { ReportPublication, ReportViewModel } from '@/lib/export/view-model';
import { toPublicView } from '../public-view';
import { publicArticleUrl, publicClaimUrl, publicFeedUrl } from '../urls';

export type PublicPageMode = 'public' | 'preview';

export interface PublicPageOptions {
  /** This instance's URL: NEXTAUTH_URL, else the request's origin. */
  appUrl: string;
  /** The page's address now (after a rename the snapshot holds the old slugs). */
  workspaceSlug: string;
  articleSlug: string;
  /** 'preview': the signed-in preview before publishing (banner, noindex, links within the preview). */
  mode: PublicPageMode;
  /** Set once retracted (ISO datetime and reason); the page then shows the notice. */
  retraction?: { at: string; reason: string } | null;
  /** The workspace's ClaimReview URL pattern now, when it may differ from the snapshot's (undefined: keep the snapshot's). */
  factCheckUrlPattern?: string | null;
  /** Where links between the pages go; default: the public pages. The preview keeps them inside the preview. */
  links?: PageLinks;
}

export interface PageLinks {
  article: string;
  claim: (claimNumber: number) => string;
}

/** Canonical (absolute, public) addresses of the pages, whatever the links point at. */
export interface PageAddresses {
  article: string;
  claim: (claimNumber: number) => string;
  feed: string;
}

export function pageAddresses(options: Pick<PublicPageOptions, 'appUrl' | 'workspaceSlug' | 'articleSlug'>): PageAddresses {
  const { appUrl, workspaceSlug, articleSlug } = options;
  return {
    article: publicArticleUrl(appUrl, workspaceSlug, articleSlug),
    claim: (n) => publicClaimUrl(appUrl, workspaceSlug, articleSlug, n),
    feed: publicFeedUrl(appUrl, workspaceSlug),
  };
}

/** The view model a page renders: public only, at its current address, with its retraction. */
export function servedView(snapshot: ReportViewModel, options: PublicPageOptions): ReportViewModel {
  const appUrl = options.appUrl.replace(/\/+$/, '');
  const placed: ReportViewModel = {
    ...snapshot,
    appUrl,
    workspace: {
      ...snapshot.workspace,
      slug: options.workspaceSlug,
      ...(options.factCheckUrlPattern !== undefined ? { factCheckUrlPattern: options.factCheckUrlPattern } : {}),
    },
    article: { ...snapshot.article, slug: options.articleSlug },
  };
  const stored = snapshot.publication;
  const retraction = options.retraction ?? stored?.retraction ?? null;
  if (stored) return toPublicView(placed, { ...stored, corrections: stored.corrections ?? [], retraction });
  // A preview of a first publication may carry no record yet: sanitise, then leave it without one.
  const provisional: ReportPublication = { firstPublishedAt: snapshot.generatedAt, lastPublishedAt: snapshot.generatedAt, corrections: [], retraction: null };
  return { ...toPublicView(placed, provisional), publication: null };
}

export function isRetracted(vm: ReportViewModel): boolean {
  return vm.publication?.retraction != null;
}

/**
 * The text before and after a claim for "in context": about `radius` characters each side, cut
 * at a word boundary (never mid-word), whitespace flattened to single spaces as a quotation reads.
 * `start`/`end` are UTF-16 offsets into `text` (ReportClaim.start/end); `cut` says whether text
 * was left out on that side (the page shows an ellipsis).
 */
export function contextAround(text: string, start: number, end: number, radius = 160): { before: string; after: string; cutBefore: boolean; cutAfter: boolean } {
  if (!(start >= 0 && end >= start && end <= text.length)) throw new RangeError(`contextAround: ${start}–${end} is outside a text of ${text.length} characters.`);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let from = Math.max(0, start - radius);
  // Starting mid-word: skip to the next word (unless the claim itself starts right there).
  if (from > 0 && /\S/.test(text[from - 1] ?? '')) {
    const space = text.slice(from, start).search(/\s/);
    from = space === -1 ? start : from + space + 1;
  }
  let to = Math.min(text.length, end + radius);
  if (to < text.length && /\S/.test(text[to] ?? '')) {
    const lastSpace = text.slice(end, to).search(/\s\S*$/);
    to = lastSpace === -1 ? end : end + lastSpace;
  }
  return { before: flat(text.slice(from, start)).trimStart(), after: flat(text.slice(end, to)).trimEnd(), cutBefore: from > 0, cutAfter: to < text.length };
}
