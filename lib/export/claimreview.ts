/**
 * schema.org ClaimReview JSON-LD, as Google's Fact Check markup expects
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 * one review per claim of the fact-check that has a final verdict; pending and excluded claims
 * are left out, and no source is ever part of it (Google's markup has no property for evidence, so
 * passages and their text-fragment links stay on the fact-check page). Empty values are omitted rather than emitted as
 * "" and only http(s) URLs are used.
 *
 * Dates follow the publication: datePublished is the day the fact-check was first published,
 * dateModified the day of its latest correction. An article that is not published can only be
 * exported as a draft: `creativeWorkStatus: "Draft"` and no dates, so it cannot pass for the
 * published markup.
 */
import { publicClaimUrl } from '@/lib/publishing/urls';
import { includedClaims, isExcluded } from './audience';
import { claimQuote } from './claim-parts';
import { safeHttpUrl, toScriptSafeJson } from './escape';
import { checkerName, isoDay } from './format';
import type { ReportClaim, ReportViewModel } from './view-model';

type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | JsonLd | JsonLd[];

export interface ClaimReview extends JsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  reviewRating: JsonLd;
  url: string;
  author: JsonLd;
}

export interface ClaimReviewOptions {
  /**
   * Mark the markup as a draft (`creativeWorkStatus: "Draft"`, no datePublished/dateModified).
   * Default: a draft exactly when the view model has no publication record.
   */
  draft?: boolean;
}

export const CLAIMREVIEW_NOT_PUBLISHED = 'This fact-check is not published. Publish it first, or export a draft (draft=1).';

/**
 * Why a ClaimReview export of an article in this status is refused (a 409's message), or null when
 * it may go ahead: published articles always, others only as an explicit draft. `draftOption`
 * names how the caller asks for a draft (the route's `draft=1`, the CLI's `--draft`).
 */
export function claimReviewRefusal(status: ReportViewModel['article']['status'], options: { draft: boolean; draftOption?: string }): string | null {
  if (status === 'published' || options.draft) return null;
  const draftOption = options.draftOption ?? 'draft=1';
  if (status === 'retracted') return `This fact-check was retracted, so it has no ClaimReview. Export a draft (${draftOption}) if you need the markup anyway.`;
  return `This fact-check is not published. Publish it first, or export a draft (${draftOption}).`;
}

/** Whether these options produce draft markup for this view model. */
export function isDraftClaimReview(vm: Pick<ReportViewModel, 'publication'>, options: ClaimReviewOptions = {}): boolean {
  return options.draft === true || vm.publication === null;
}

/**
 * One review per included claim with a final verdict, in text order. A retracted fact-check has
 * none (its page keeps only the retraction notice), unless asked for as a draft.
 */
export function renderClaimReviews(vm: ReportViewModel, options: ClaimReviewOptions = {}): ClaimReview[] {
  if (vm.publication?.retraction && !isDraftClaimReview(vm, options)) return [];
  return includedClaims(vm)
    .filter((c) => c.finalVerdict !== null)
    .map((c) => buildClaimReview(vm, c, options));
}

/** A JSON array, safe to paste into a <script type="application/ld+json"> tag. */
export function renderClaimReviewsJson(vm: ReportViewModel, options: ClaimReviewOptions = {}): string {
  return `${toScriptSafeJson(renderClaimReviews(vm, options))}\n`;
}

/**
 * The ClaimReview of one claim (a public claim page carries exactly one). Throws for a claim
 * without a final verdict or excluded from the fact-check: neither may be marked up.
 */
export function buildClaimReview(vm: ReportViewModel, claim: ReportClaim, options: ClaimReviewOptions = {}): ClaimReview {
  const verdict = claim.finalVerdict;
  if (!verdict) throw new Error(`Claim ${claim.number} has no final verdict; ClaimReview needs one.`);
  if (isExcluded(claim)) throw new Error(`Claim ${claim.number} is not part of the fact-check; it has no ClaimReview.`);
  const rating: JsonLd = { '@type': 'Rating', alternateName: verdict.label };
  // Non-ordinal levels (e.g. "Unproven") are text-only ratings, which Google accepts.
  if (verdict.value !== null) {
    rating.ratingValue = verdict.value;
    rating.bestRating = vm.scale.bestRating;
    rating.worstRating = vm.scale.worstRating;
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: factCheckUrl(vm, claim),
    // The claim statement; without one, the claim's words (a multi-part claim's parts joined by ' … ').
    claimReviewed: claim.claimText.trim() || claimQuote(claim),
    reviewRating: rating,
    author: compact({ '@type': 'Organization', name: checkerName(vm.workspace), url: safeHttpUrl(vm.workspace.organizationUrl) }),
    ...publicationDates(vm, options),
    itemReviewed: buildItemReviewed(vm, claim),
  };
}

function publicationDates(vm: ReportViewModel, options: ClaimReviewOptions): JsonLd {
  const publication = vm.publication;
  if (!publication || isDraftClaimReview(vm, options)) return { creativeWorkStatus: 'Draft' };
  const corrected = publication.corrections.length > 0;
  return compact({
    datePublished: isoDay(publication.firstPublishedAt),
    dateModified: corrected ? isoDay(publication.lastPublishedAt) : null,
  });
}

/**
 * The claim's public fact-check page: workspace.factCheckUrlPattern with {article} = the article
 * slug, {claim} = the claim's stable number and {claimId} = its id, when that gives an http(s)
 * URL; else Claimdesk's own page /fact-checks/<workspace>/<article>/claims/<number>.
 */
export function factCheckUrl(vm: ReportViewModel, claim: Pick<ReportClaim, 'id' | 'number'>): string {
  const pattern = vm.workspace.factCheckUrlPattern;
  if (pattern) {
    const filled = pattern
      .replaceAll('{article}', encodeURIComponent(vm.article.slug))
      .replaceAll('{claimId}', encodeURIComponent(claim.id))
      .replaceAll('{claim}', String(claim.number));
    const safe = safeHttpUrl(filled);
    if (safe) return safe;
  }
  return publicClaimUrl(vm.appUrl, vm.workspace.slug, vm.article.slug, claim.number);
}

function buildItemReviewed(vm: ReportViewModel, claim: ReportClaim): JsonLd {
  const { article } = vm;
  const articleAppearance = compact({
    '@type': 'CreativeWork',
    url: safeHttpUrl(article.url),
    headline: article.title.trim(),
    datePublished: isoDay(article.publishedOn),
    author: article.outlet.trim() ? { '@type': 'Organization', name: article.outlet.trim() } : null,
    publisher: article.outlet.trim() ? { '@type': 'Organization', name: article.outlet.trim() } : null,
  });
  // Where the claim itself was made, when that is a different web page than the article.
  const elsewhere = safeHttpUrl(claim.claimAppearance);
  const appearance =
    elsewhere && elsewhere !== articleAppearance.url ? [{ '@type': 'CreativeWork', url: elsewhere }, articleAppearance] : articleAppearance;
  return compact({
    '@type': 'Claim',
    author: claim.claimant.trim() ? { '@type': claimantType(claim.claimant), name: claim.claimant.trim() } : null,
    datePublished: isoDay(claim.claimDate),
    appearance,
  });
}

// schema.org wants Person or Organization; the view model only has a name, so guess conservatively:
// institution words make it an Organization unless a role word says a person holds it.
const ORGANIZATION_WORDS =
  /\b(ministry|department|government|agency|office|council|committee|party|association|union|corporation|company|inc|ltd|llc|university|bank|police|army|news|press|organi[sz]ation|institute|foundation|campaign|embassy)\b|وزارت|سازمان|دولت|حزب|بانک|اداره|مجلس|شورای|دانشگاه|خبرگزاری/iu;
const PERSON_ROLE_WORDS =
  /\b(spokesperson|spokesman|spokeswoman|minister|president|director|chair(man|woman|person)?|secretary|governor|mayor|senator|ceo|head|leader|member|official|mp)\b|سخنگو|وزیر|رئیس|مدیر|نماینده/iu;

export function claimantType(name: string): 'Person' | 'Organization' {
  return ORGANIZATION_WORDS.test(name) && !PERSON_ROLE_WORDS.test(name) ? 'Organization' : 'Person';
}

/** Drops null, undefined and empty-string values so no field is emitted empty. */
function compact(record: Record<string, JsonLdValue | null | undefined>): JsonLd {
  const out: JsonLd = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === '') continue;
    out[key] = value;
  }
  return out;
}
