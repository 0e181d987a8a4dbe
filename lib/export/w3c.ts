/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): an AnnotationCollection
 * whose first AnnotationPage embeds one Annotation per claim. Each annotation targets the quoted
 * words in the article (TextQuoteSelector + TextPositionSelector) and carries the verdict as an
 * `assessing` body. Every annotation also carries @context so it stands alone when copied out.
 *
 * A multi-part claim (several separate spans) has one SpecificResource target per part, in text
 * order (the model's multiple targets: the body applies to each of them); a single-part claim keeps
 * its one target object. Orphaned parts keep only their quote, as orphaned claims do.
 *
 * Evidence: each linked source is a SpecificResource body with `purpose: linking`; a source with
 * a quoted passage carries it as a TextQuoteSelector on the source URL (exact, plus prefix/suffix
 * when the reviewer gave them), so a client can anchor the evidence on the source page. Sources
 * are bodies, not targets: the annotation is about the article's words, not about the sources.
 *
 * Shape notes forced by the W3C test suite (lib/export/w3c.test.ts):
 * - TextualBody items have no `id`: an object with an id and no `source` counts as an External
 *   Web Resource, and those may not have a `purpose`.
 * - Links to sources are SpecificResources (`source` + `purpose: linking`), never `value`.
 * - No e-mail addresses anywhere (privacy); agents are identified by Claimdesk user IRIs.
 *
 * Annotation ids dereference: `<app>/annotations/<claim-id>` answers GET with the annotation
 * (app/annotations/[claimId]/route.ts). A public-audience export (the route's and the CLI's) links
 * only public sources and leaves out claims excluded from the fact-check.
 */
import { annotationUrl } from '@/lib/publishing/urls';
import { EXCLUDED_HEADING, isExcluded, isPublicReport, retractionHeadline, visibleSources } from './audience';
import { claimParts, isPartial } from './claim-parts';
import { safeHttpUrl } from './escape';
import { ORPHANED_NOTE, checkerName, isoDateTimeUtc } from './format';
import type { ReportClaim, ReportClaimPart, ReportPerson, ReportViewModel } from './view-model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'assessing' | 'commenting' | 'describing';
  format: 'text/plain';
  language?: string;
}

export type W3cTextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };

export type W3cSelector = W3cTextQuoteSelector | { type: 'TextPositionSelector'; start: number; end: number };

/** A source the assessment rests on; `selector` is the quoted passage on it, when there is one. */
export interface W3cLinkBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
  selector?: W3cTextQuoteSelector;
}

/** One span of the article: the whole claim, or one part of a multi-part claim. */
export interface W3cTarget {
  type: 'SpecificResource';
  source: { id: string; type: 'Text'; language?: string };
  selector: W3cSelector[];
}

export interface W3cAgent {
  id: string;
  type: 'Person' | 'Organization' | 'Software';
  name: string;
  homepage?: string;
}

export interface W3cAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'highlighting';
  body: Array<W3cTextualBody | W3cLinkBody>;
  /** One target per span: an object for a single-part claim, an array (text order) for a multi-part one. */
  target: W3cTarget | W3cTarget[];
  creator?: W3cAgent;
  created: string;
  modified: string;
  generator: W3cAgent;
  generated: string;
}

export interface W3cAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: {
    id: string;
    type: 'AnnotationPage';
    partOf: string;
    startIndex: 0;
    items: W3cAnnotation[];
  };
  last: string;
}

export function renderW3cAnnotations(vm: ReportViewModel): W3cAnnotationCollection {
  const id = w3cCollectionId(vm);
  const pageId = `${id}?page=0`;
  const items = annotatedClaims(vm).map((claim) => buildAnnotation(vm, claim));
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Fact-check annotations: ${vm.article.title}`,
    total: items.length,
    first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: pageId,
  };
}

export function renderW3cAnnotationsJson(vm: ReportViewModel): string {
  return `${JSON.stringify(renderW3cAnnotations(vm), null, 2)}\n`;
}

/** The collection's IRI; routes that serve the W3C export should live here. */
export function w3cCollectionId(vm: ReportViewModel): string {
  return `${baseUrl(vm)}/articles/${encodeURIComponent(vm.article.id)}/annotations`;
}

/** The claims a collection holds: all of them internally; publicly, the ones in the fact-check. */
export function annotatedClaims(vm: ReportViewModel): ReportClaim[] {
  return isPublicReport(vm) ? vm.claims.filter((c) => !isExcluded(c)) : vm.claims;
}

/** The annotation's IRI, which GET dereferences (lib/publishing/urls.ts annotationUrl). */
export function w3cAnnotationId(vm: Pick<ReportViewModel, 'appUrl'>, claim: Pick<ReportClaim, 'id'>): string {
  return annotationUrl(vm.appUrl, claim.id);
}

export function buildAnnotation(vm: ReportViewModel, claim: ReportClaim): W3cAnnotation {
  const created = isoDateTimeUtc(claim.createdAt) ?? isoDateTimeUtc(vm.generatedAt) ?? new Date(0).toISOString();
  const creator = claim.author ? personAgent(vm, claim.author) : organizationAgent(vm);
  return {
    '@context': ANNO_CONTEXT,
    id: w3cAnnotationId(vm, claim),
    type: 'Annotation',
    // A verdict is an assessment; a claim still awaiting one is only highlighted so far.
    motivation: claim.finalVerdict ? 'assessing' : 'highlighting',
    body: buildBodies(vm, claim),
    target: buildTargets(vm, claim),
    ...(creator ? { creator } : {}),
    created,
    modified: isoDateTimeUtc(claim.updatedAt) ?? created,
    generator: { id: baseUrl(vm), type: 'Software', name: 'Claimdesk', homepage: baseUrl(vm) },
    generated: isoDateTimeUtc(vm.generatedAt) ?? created,
  };
}

function buildBodies(vm: ReportViewModel, claim: ReportClaim): Array<W3cTextualBody | W3cLinkBody> {
  const text = (value: string, purpose: W3cTextualBody['purpose'], language?: string): W3cTextualBody => ({
    type: 'TextualBody',
    value,
    purpose,
    format: 'text/plain',
    ...(language ? { language } : {}),
  });
  const bodies: Array<W3cTextualBody | W3cLinkBody> = [];
  if (claim.finalVerdict) bodies.push(text(claim.finalVerdict.label, 'assessing'));
  else bodies.push(text('Verdict pending', 'commenting', 'en'));
  if (claim.rationale.trim()) bodies.push(text(claim.rationale, 'commenting'));
  if (claim.claimText.trim()) bodies.push(text(claim.claimText, 'describing'));
  if (claim.orphaned) bodies.push(text(ORPHANED_NOTE, 'describing', 'en'));
  else if (isPartial(claim)) bodies.push(text(partialNote(claim), 'describing', 'en'));
  const retraction = vm.publication?.retraction;
  if (retraction) bodies.push(text(`${retractionHeadline(retraction)}${retraction.reason.trim() ? ` ${retraction.reason.trim()}` : ''}`, 'describing'));
  if (isExcluded(claim)) bodies.push(text(`${EXCLUDED_HEADING}: ${claim.exclusionReason}`, 'describing'));
  for (const source of visibleSources(vm, claim)) {
    const url = safeHttpUrl(source.url);
    if (!url) continue;
    const passage = source.excerpt.trim() ? quoteSelector({ exact: source.excerpt, prefix: source.excerptPrefix ?? '', suffix: source.excerptSuffix ?? '' }) : null;
    bodies.push({ type: 'SpecificResource', source: url, purpose: 'linking', ...(passage ? { selector: passage } : {}) });
  }
  return bodies;
}

/** "Part 2 of 3 (“…”) is no longer in the article." for each part gone from a partly orphaned claim. */
function partialNote(claim: ReportClaim): string {
  const parts = claimParts(claim);
  return parts
    .flatMap((p, i) => (p.orphaned ? [`Part ${i + 1} of ${parts.length} (“${p.quote.exact}”) is no longer in the article.`] : []))
    .join(' ');
}

/** The claim's target: one span, or one per part of a multi-part claim (text order). */
function buildTargets(vm: ReportViewModel, claim: ReportClaim): W3cTarget | W3cTarget[] {
  const source = targetSource(vm);
  const target = (part: ReportClaimPart): W3cTarget => ({ type: 'SpecificResource', source: { ...source }, selector: buildSelectors(part) });
  const parts = claimParts(claim);
  return parts.length === 1 ? target(parts[0]!) : parts.map(target);
}

/**
 * Alternative selectors for the same words. Orphans keep only the quote: their old position
 * no longer matches the article, but the quote still identifies the original words.
 */
function buildSelectors(part: ReportClaimPart): W3cSelector[] {
  const quote = quoteSelector(part.quote);
  const { start, end } = part.position;
  const validPosition = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
  if (part.orphaned || !validPosition) return [quote];
  return [quote, { type: 'TextPositionSelector', start, end }];
}

function quoteSelector(quote: { exact: string; prefix: string; suffix: string }): W3cTextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    ...(quote.prefix ? { prefix: quote.prefix } : {}),
    ...(quote.suffix ? { suffix: quote.suffix } : {}),
  };
}

function targetSource(vm: ReportViewModel): W3cTarget['source'] {
  const { article } = vm;
  const id = safeHttpUrl(article.url) ?? safeHttpUrl(article.canonicalUrl) ?? `${baseUrl(vm)}/articles/${encodeURIComponent(article.id)}`;
  const language = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(article.language) ? article.language : undefined;
  return { id, type: 'Text', ...(language ? { language } : {}) };
}

function personAgent(vm: ReportViewModel, person: ReportPerson): W3cAgent {
  // Deliberately no `email` / `email_sha1`: exports leave the workspace.
  return { id: `${baseUrl(vm)}/users/${encodeURIComponent(person.id)}`, type: 'Person', name: person.name };
}

function organizationAgent(vm: ReportViewModel): W3cAgent | null {
  const url = safeHttpUrl(vm.workspace.organizationUrl);
  const name = checkerName(vm.workspace);
  if (!url || !name) return null;
  return { id: url, type: 'Organization', name, homepage: url };
}

function baseUrl(vm: ReportViewModel): string {
  return vm.appUrl.replace(/\/+$/, '');
}
