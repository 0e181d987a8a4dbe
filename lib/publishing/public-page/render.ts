/**
 * The public fact-check pages as HTML strings, from a publication's stored snapshot (or the
 * preview of one): react-dom/server's renderToStaticMarkup over the components of this folder.
 * Pure apart from loading react-dom/server, so routes stay thin and tests render directly.
 *
 * - Article page: the report (annotated text, each claim's verdict, rationale, public sources,
 *   replies, corrections), each claim linking to its own page. No ClaimReview here: Google takes
 *   one per page, and the claim pages carry them.
 * - Claim page: one claim, with exactly one ClaimReview JSON-LD block (none once retracted, or
 *   while the claim has no final verdict).
 * - Retracted: the notice, noindex. Preview: a banner, noindex, links kept inside the preview.
 */
import { createElement, type ReactElement } from 'react';
import { buildClaimReview } from '@/lib/export/claimreview';
import { toScriptSafeJson } from '@/lib/export/escape';
import { checkerName } from '@/lib/export/format';
import type { ReportViewModel } from '@/lib/export/view-model';
import { PublicDocument, type DocumentMeta } from './document';
import { articlePageText, claimPageText } from './meta';
import { ArticlePage, ClaimPage, MessagePage } from './pages';
import { isRetracted, pageAddresses, servedView, type PublicPageOptions } from './view';

async function toHtml(element: ReactElement): Promise<string> {
  // Loaded on demand: Next.js refuses a static import of react-dom/server under an App Route.
  const { renderToStaticMarkup } = await import('react-dom/server');
  return `<!doctype html>\n${renderToStaticMarkup(element)}\n`;
}

function baseMeta(vm: ReportViewModel, options: PublicPageOptions, canonical: string): Omit<DocumentMeta, 'title' | 'shareTitle' | 'description'> {
  const siteName = checkerName(vm.workspace);
  return {
    canonical,
    siteName,
    feed: { url: pageAddresses(options).feed, title: `Fact-checks by ${siteName}` },
    publishedTime: vm.publication?.firstPublishedAt ?? null,
    modifiedTime: vm.publication?.lastPublishedAt ?? null,
    noindex: options.mode === 'preview' || isRetracted(vm),
  };
}

export async function renderPublicArticlePage(snapshot: ReportViewModel, options: PublicPageOptions): Promise<string> {
  const vm = servedView(snapshot, options);
  const addresses = pageAddresses(options);
  const meta: DocumentMeta = { ...baseMeta(vm, options, addresses.article), ...articlePageText(vm) };
  const page = createElement(ArticlePage, { vm, mode: options.mode, links: options.links ?? addresses, addresses });
  return toHtml(createElement(PublicDocument, { meta }, page));
}

/** The claim's page, or null when the snapshot has no such claim (unknown number, excluded). */
export async function renderPublicClaimPage(snapshot: ReportViewModel, claimNumber: number, options: PublicPageOptions): Promise<string | null> {
  const vm = servedView(snapshot, options);
  const claim = vm.claims.find((c) => c.number === claimNumber);
  if (!claim) return null;
  const addresses = pageAddresses(options);
  const canonical = addresses.claim(claim.number);
  const meta: DocumentMeta = { ...baseMeta(vm, options, canonical), ...claimPageText(vm, claim), jsonLd: claimReviewJson(vm, claim) };
  const page = createElement(ClaimPage, { vm, mode: options.mode, links: options.links ?? addresses, addresses, claim });
  return toHtml(createElement(PublicDocument, { meta }, page));
}

/** The one ClaimReview of a claim page; none when retracted or without a final verdict. */
function claimReviewJson(vm: ReportViewModel, claim: ReportViewModel['claims'][number]): string | null {
  if (isRetracted(vm) || !claim.finalVerdict) return null;
  // Its url is this page (factCheckUrl) unless the workspace points ClaimReview urls at its own site.
  return toScriptSafeJson(buildClaimReview(vm, claim));
}

export const NOT_FOUND_TEXT = 'There is no published fact-check at this address. It may not have been published yet, or the link may be mistyped.';

/** The styled page of a 404 (never published, unknown workspace, article or claim). */
export async function renderPublicNotFoundPage(): Promise<string> {
  return renderPublicMessagePage('Fact-check not found', NOT_FOUND_TEXT);
}

/** A styled page with a heading and one sentence (errors), never indexed. */
export async function renderPublicMessagePage(heading: string, text: string): Promise<string> {
  const meta: DocumentMeta = { title: heading, shareTitle: heading, description: text, canonical: null, siteName: 'Claimdesk', noindex: true };
  return toHtml(createElement(PublicDocument, { meta }, createElement(MessagePage, { heading, text })));
}

/** A claim number from a URL segment: a positive integer written plainly ("4", not "04" or "4.0"), else null. */
export function parseClaimNumber(segment: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(segment)) return null;
  return Number(segment);
}
