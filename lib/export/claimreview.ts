/**
 * schema.org ClaimReview JSON-LD, as Google's Fact Check markup expects
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 * one review per claim that has a final verdict; pending claims are left out. Empty values are
 * omitted rather than emitted as "" and only http(s) URLs are used.
 */
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

export function renderClaimReviews(vm: ReportViewModel): ClaimReview[] {
  return vm.claims.filter((c) => c.finalVerdict !== null).map((c) => buildClaimReview(vm, c));
}

/** A JSON array, safe to paste into a <script type="application/ld+json"> tag. */
export function renderClaimReviewsJson(vm: ReportViewModel): string {
  return `${toScriptSafeJson(renderClaimReviews(vm))}\n`;
}

export function buildClaimReview(vm: ReportViewModel, claim: ReportClaim): ClaimReview {
  const verdict = claim.finalVerdict;
  if (!verdict) throw new Error(`Claim ${claim.number} has no final verdict; ClaimReview needs one.`);
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
    claimReviewed: claim.claimText.trim() || claim.quote.exact,
    reviewRating: rating,
    author: compact({ '@type': 'Organization', name: checkerName(vm.workspace), url: safeHttpUrl(vm.workspace.organizationUrl) }),
    ...compact({ datePublished: isoDay(claim.updatedAt) ?? isoDay(vm.generatedAt) }),
    itemReviewed: buildItemReviewed(vm, claim),
  };
}

/** workspace.factCheckUrlPattern with {article} = slug and {claim} = claim number ({claimId} = id), else the app URL. */
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
  return `${vm.appUrl.replace(/\/+$/, '')}/articles/${encodeURIComponent(vm.article.id)}#claim-${claim.number}`;
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
