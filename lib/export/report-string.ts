/**
 * The HTML report written straight to a string: the same markup, byte for byte, as the React
 * components in report-html/ rendered with renderToStaticMarkup (report-string.test.ts compares
 * them on every fixture), at a fraction of the cost on a 100,000-word article with 2,000 claims.
 * The React components stay the definition (public pages render them too); this file mirrors them.
 *
 * Safety rule, as in React: every piece of text goes through `esc` (text and attribute values
 * alike); the only raw markup is our own tags and the stylesheet constant.
 */
import { ARTICLE_STATUS_LABELS } from '@/lib/domain/status-labels';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import {
  DESK_NOTE_HEADING,
  EXCLUDED_HEADING,
  EXCLUDED_NOTE,
  INTERNAL_SOURCE_LABEL,
  PUBLIC_SOURCE_LABEL,
  RIGHT_OF_REPLY_HEADING,
  correctionLine,
  deskNotes,
  excludedClaims,
  includedClaims,
  isExcluded,
  isPublicReport,
  replySummary,
  retractionHeadline,
  shownClaims,
  showsReviewers,
  visibleReplies,
  visibleSources,
} from './audience';
import { ORPHANED_PART_LABEL, PARTIAL_NOTE, PART_QUOTE_SEPARATOR, claimQuote, isPartial, quotePieces, sourcePassageUrl } from './claim-parts';
import { safeHttpUrl, splitParagraphs } from './escape';
import { ORPHANED_NOTE, PENDING_LABEL, checkerName, claimStatusLabel, formatDate as formatDateUncached, formatDateTime } from './format';
import { REPORT_CSS } from './html-styles';
import { languageTag } from './report-html/bits';
import { ARTICLE_LINK_REL } from './report-html/annotated-article';
import { sameWords } from './report-html/claim-card';
import { REPORT_CSP } from './report-html/document';
import { headingTag, layoutArticle, layoutHasContent, type LayoutContainer, type LayoutInline, type LayoutNode } from './article-layout';
import { placeClaims, type PlacedClaim } from './segments';
import { summarizeVerdicts } from './summary';
import { verdictColors as verdictColorsUncached, type VerdictColors } from './verdict-colors';
import type { ReportClaim, ReportComment, ReportReplyAttempt, ReportReviewerVerdict, ReportSource, ReportVerdict, ReportViewModel } from './view-model';

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /["&'<>]/;
const ESCAPE_ALL = /["&'<>]/g;

/** React's escaping of text and attribute values (escapeTextForBrowser). */
export function esc(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (ch) => ESCAPES[ch]!) : value;
}

/** ` name="value"`, or nothing for undefined (as React leaves the attribute out). */
function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

/** Per-render caches: the same few verdicts and dates come up thousands of times in a big report. */
class Context {
  private readonly colors = new Map<string, VerdictColors>();
  private readonly dates = new Map<string, string>();
  private readonly chips = new Map<string, string>();
  readonly internal: boolean;
  readonly lang: string | undefined;

  constructor(readonly vm: ReportViewModel) {
    this.internal = !isPublicReport(vm);
    this.lang = languageTag(vm.article.language);
  }

  verdictColors(verdict: ReportVerdict | null): VerdictColors {
    const key = verdict ? `#${verdict.color}` : '';
    let colors = this.colors.get(key);
    if (!colors) this.colors.set(key, (colors = verdictColorsUncached(verdict)));
    return colors;
  }

  formatDate(iso: string | null): string {
    if (!iso) return '';
    let text = this.dates.get(iso);
    if (text === undefined) this.dates.set(iso, (text = formatDateUncached(iso)));
    return text;
  }

  chip(verdict: ReportVerdict | null): string {
    if (!verdict) return `<span class="chip pending">${esc(PENDING_LABEL)}</span>`;
    const key = `${verdict.color}\u0000${verdict.label}`;
    let chip = this.chips.get(key);
    if (chip === undefined) {
      const { solid, onSolid } = this.verdictColors(verdict);
      this.chips.set(key, (chip = `<span class="chip" style="--c:${esc(solid)};--on:${esc(onSolid)}">${esc(verdict.label)}</span>`));
    }
    return chip;
  }
}

const HIDDEN_CHIP = '<span class="chip pending">Hidden</span>';

export function renderReportDocumentString(vm: ReportViewModel): string {
  const cx = new Context(vm);
  const { article } = vm;
  const included = includedClaims(vm);
  const placedClaims = included.filter((c) => !c.orphaned);
  const orphans = included.filter((c) => c.orphaned);
  const excluded = excludedClaims(vm);
  const out: string[] = [];
  out.push(
    '<html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}"/><meta name="referrer" content="no-referrer"/><meta name="generator" content="Claimdesk"/>`,
    `<title>${esc(`Fact-check report: ${article.title}`)}</title><style>${REPORT_CSS}</style></head><body>`,
  );
  out.push(masthead(cx), '<main class="wrap">', publicationNotices(cx), metadata(cx), summary(cx));
  out.push('<section aria-labelledby="article-h"><h2 id="article-h">The article, annotated</h2>', `<div class="article-body"${attr('lang', languageTag(article.language))}>`);
  annotatedArticle(cx, shownClaims(vm), out);
  out.push('</div>');
  if (article.sourceCredit.trim()) out.push(`<p class="credit" dir="auto">${esc(article.sourceCredit)}</p>`);
  out.push('</section><section aria-labelledby="claims-h">');
  keepWithHeading(
    out,
    '<h2 id="claims-h">Claims checked</h2>',
    placedClaims.map((c) => claimCard(cx, c)),
    `<p class="empty">${excluded.length > 0 ? 'Every claim marked in this article was left out of the fact-check.' : 'No claims have been marked in this article.'}</p>`,
  );
  out.push('</section>');
  if (orphans.length > 0) {
    out.push('<section aria-labelledby="orphans-h">');
    keepWithHeading(
      out,
      '<h2 id="orphans-h">Claims no longer in the article</h2><p class="section-note">These claims were marked on an earlier revision. Their quoted text no longer appears in the article, so they are not highlighted above.</p>',
      orphans.map((c) => claimCard(cx, c)),
      '',
    );
    out.push('</section>');
  }
  if (excluded.length > 0) {
    out.push('<section aria-labelledby="excluded-h">');
    keepWithHeading(
      out,
      `<h2 id="excluded-h">${esc(EXCLUDED_HEADING)}</h2><p class="section-note">${esc(EXCLUDED_NOTE)}</p>`,
      excluded.map((c) => excludedClaimCard(cx, c)),
      '',
    );
    out.push('</section>');
  }
  out.push(
    '</main><footer class="wrap colophon"><p>',
    esc(`Generated by Claimdesk on ${formatDateTime(vm.generatedAt)} for `),
    `<bdi>${esc(checkerName(vm.workspace))}</bdi>.</p><p>Verdicts use the “<bdi>${esc(vm.scale.name)}</bdi>`,
    esc(isPublicReport(vm) ? '” rating scale.' : `” rating scale. Article revision ${article.revision}.`),
    '</p></footer></body></html>',
  );
  return out.join('');
}

function keepWithHeading(out: string[], heading: string, cards: string[], whenEmpty: string): void {
  if (cards.length === 0) {
    out.push(heading, whenEmpty);
    return;
  }
  out.push('<div class="keep">', heading, cards[0]!, '</div>');
  for (let i = 1; i < cards.length; i += 1) out.push(cards[i]!);
}

/** Text with its line breaks kept as <br/> (bits.tsx withLineBreaks). */
function multiline(text: string): string {
  if (!text.includes('\n')) return esc(text);
  return text
    .split(/\r?\n/)
    .map((line) => esc(line))
    .join('<br/>');
}

function paragraphs(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${multiline(paragraph)}</p>`)
    .join('');
}

interface Fact {
  term: string;
  /** Rendered markup; '' / false / null leave the row out. */
  value: string | false | null;
  className?: string;
}

function factRows(facts: readonly Fact[]): string {
  return facts
    .filter((fact) => fact.value !== '' && fact.value !== null && fact.value !== false)
    .map((fact) => `<div${attr('class', fact.className)}><dt>${esc(fact.term)}</dt><dd>${fact.value as string}</dd></div>`)
    .join('');
}

function bdi(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
}

function urlText(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? `<a class="bare" href="${esc(safe)}">${esc(url)}</a>` : bdi(url);
}

function masthead(cx: Context): string {
  const { article } = cx.vm;
  const dek = [article.outlet && bdi(article.outlet), article.byline && `By ${bdi(article.byline)}`, article.publishedOn && esc(cx.formatDate(article.publishedOn))].filter(Boolean) as string[];
  return (
    `<header class="masthead"><div class="wrap"><p class="kicker">Fact-check report <span>· ${bdi(checkerName(cx.vm.workspace))}</span></p>` +
    `<h1 dir="auto"${attr('lang', cx.lang)}>${esc(article.title)}</h1>` +
    (dek.length > 0 ? `<p class="dek">${dek.map((item, index) => (index === 0 ? '' : '<span class="sep">·</span>') + item).join('')}</p>` : '') +
    '</div></header>'
  );
}

function publicationNotices(cx: Context): string {
  const publication = cx.vm.publication;
  if (!publication) return '';
  const { retraction, corrections } = publication;
  if (!retraction && corrections.length === 0) return '';
  let out = '';
  if (retraction) {
    out += `<section class="notice retraction" role="note" aria-labelledby="retraction-h"><h2 id="retraction-h">Retracted</h2><p><b>${esc(retractionHeadline(retraction))}</b></p>`;
    if (retraction.reason.trim()) out += `<p dir="auto">${multiline(retraction.reason)}</p>`;
    out += '</section>';
  }
  if (corrections.length > 0) {
    out += `<section class="notice corrections" aria-labelledby="corrections-h"><h2 id="corrections-h">${corrections.length === 1 ? 'Correction' : 'Corrections'}</h2><ul>`;
    for (const correction of corrections) out += `<li dir="auto">${multiline(correctionLine(correction))}</li>`;
    out += '</ul></section>';
  }
  return out;
}

function metadata(cx: Context): string {
  const { article, workspace, publication } = cx.vm;
  const orgUrl = safeHttpUrl(workspace.organizationUrl);
  const org = bdi(checkerName(workspace));
  const internal = cx.internal;
  const corrected = publication !== null && publication.corrections.length > 0;
  return `<dl class="meta">${factRows([
    { term: 'Outlet', value: article.outlet && bdi(article.outlet) },
    { term: 'Byline', value: article.byline && bdi(article.byline) },
    { term: 'Published', value: esc(cx.formatDate(article.publishedOn)) },
    { term: 'Fact-checked by', value: orgUrl ? `<a href="${esc(orgUrl)}">${org}</a>` : org },
    { term: 'Fact-check published', value: publication ? esc(cx.formatDate(publication.firstPublishedAt)) : '' },
    { term: 'Last corrected', value: corrected ? esc(cx.formatDate(publication.lastPublishedAt)) : '' },
    { term: 'Workspace', value: internal && bdi(workspace.name) },
    { term: 'Report generated', value: internal && esc(formatDateTime(cx.vm.generatedAt)) },
    { term: 'Original article', value: article.url && urlText(article.url), className: 'span2' },
    { term: 'Article status', value: internal && esc(`${ARTICLE_STATUS_LABELS[article.status]} · revision ${article.revision}`) },
    { term: 'Source credit', value: article.sourceCredit && bdi(article.sourceCredit), className: 'wide' },
  ])}</dl>`;
}

function summary(cx: Context): string {
  const s = summarizeVerdicts(cx.vm);
  const rated = s.total - s.pending - s.hidden;
  const claimsWord = s.total === 1 ? 'claim' : 'claims';
  const hidden = s.hidden > 0 ? ` · ${s.hidden} ${HIDDEN_UNTIL_VERDICT.toLowerCase()}` : '';
  let out = `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><p class="lede"><span class="num">${s.total}</span>${esc(` ${claimsWord} examined · ${rated} rated · ${s.pending} pending${hidden}`)}</p>`;
  if (s.excluded > 0) out += `<p class="section-note">${esc(`${s.excluded} more ${s.excluded === 1 ? 'claim was' : 'claims were'} marked but left out of the fact-check (listed at the end, not counted here).`)}</p>`;
  if (s.total > 0) {
    out += '<div class="bar" role="img" aria-label="Verdict distribution">';
    for (const row of s.rows) {
      if (row.count > 0) out += `<span style="flex:${row.count};background:${esc(cx.verdictColors(row.verdict).solid)}" title="${esc(`${row.label}: ${row.count}`)}"></span>`;
    }
    out += '</div>';
  }
  out += '<ul class="tally">';
  for (const row of s.rows) {
    out += `<li${attr('class', row.count === 0 ? 'zero' : undefined)}>${row.verdict || row.label === PENDING_LABEL ? cx.chip(row.verdict) : HIDDEN_CHIP}<b>${row.count}</b></li>`;
  }
  return `${out}</ul></section>`;
}

/** The annotated article (annotated-article.tsx), appended to `out`. */
function annotatedArticle(cx: Context, claims: readonly ReportClaim[], out: string[]): void {
  const { article } = cx.vm;
  const nodes = layoutArticle(article, placeClaims(article.text, claims));
  if (!layoutHasContent(nodes)) {
    out.push('<p class="empty">The article has no text.</p>');
    return;
  }
  // Each claim's opening <span> is built once, however many segments it covers.
  const openTags = new Map<PlacedClaim, string>();
  const open = (p: PlacedClaim): string => {
    let tag = openTags.get(p);
    if (tag === undefined) {
      const { claim, lane } = p;
      const excluded = isExcluded(claim);
      const colors = cx.verdictColors(excluded ? null : claim.finalVerdict);
      const label = excluded ? EXCLUDED_HEADING : (claim.finalVerdict?.label ?? PENDING_LABEL);
      const className = excluded ? 'hl hl-excluded' : claim.finalVerdict ? 'hl' : 'hl hl-pending';
      tag = `<span class="${className}" data-claim="${claim.number}" title="${esc(`Claim ${claim.number}: ${label}`)}" style="--fill:${esc(colors.fill)};--line:${esc(colors.solid)};--lane:${lane}">`;
      openTags.set(p, tag);
    }
    return tag;
  };
  const wrap = (inner: string, covering: readonly PlacedClaim[]): string => {
    if (covering.length === 0) return inner;
    let html = '';
    for (const p of covering) html += open(p);
    return html + inner + '</span>'.repeat(covering.length);
  };
  const inline = (node: LayoutInline): string => {
    switch (node.kind) {
      case 'text':
        return wrap(multiline(node.text), node.covering);
      case 'markers': {
        // Markers sit inside the claims that carry on past this point, so their highlight stays unbroken.
        let markers = '';
        for (const p of node.ending) markers += marker(p.claim);
        return wrap(markers, node.continuing);
      }
      case 'mark': {
        const inner = node.children.map(inline).join('');
        if (node.mark === 'bold') return `<strong>${inner}</strong>`;
        if (node.mark === 'italic') return `<em>${inner}</em>`;
        if (node.mark === 'strike') return `<s>${inner}</s>`;
        return `<a${attr('href', node.href)} rel="${ARTICLE_LINK_REL}">${inner}</a>`;
      }
    }
  };
  const block = (node: LayoutNode): void => {
    if (node.kind === 'block') {
      const tag = node.level === null ? 'p' : headingTag(node.level);
      out.push(`<${tag} dir="auto">`);
      for (const child of node.children) out.push(inline(child));
      out.push(`</${tag}>`);
      return;
    }
    const tag = CONTAINER_TAGS[node.type];
    if (node.type === 'listItem') out.push('<li>');
    else out.push(`<${tag} dir="${node.dir}"${node.type === 'orderedList' && node.start !== 1 ? attr('start', node.start) : ''}>`);
    node.children.forEach(block);
    out.push(`</${tag}>`);
  };
  nodes.forEach(block);
}

const CONTAINER_TAGS: Record<LayoutContainer['type'], string> = { bulletList: 'ul', orderedList: 'ol', listItem: 'li', blockquote: 'blockquote' };

function marker(claim: ReportClaim): string {
  return `<sup class="mk"><a href="#claim-${claim.number}" aria-label="Claim ${claim.number}">[${claim.number}]</a></sup>`;
}

/** The partial note (if some parts are gone), the quote block, and the claim statement when it says more (claim-card.tsx). */
function quoteBlock(cx: Context, claim: ReportClaim): string {
  let out = isPartial(claim) ? `<p class="orphan-note">${esc(PARTIAL_NOTE)}</p>` : '';
  out += `<blockquote class="quote" dir="auto"${attr('lang', cx.lang)}><p>${claimQuoteHtml(claim)}</p></blockquote>`;
  if (!sameWords(claim.claimText, claimQuote(claim))) out += `<h3 dir="auto">${esc(claim.claimText)}</h3>`;
  return out;
}

/** ClaimQuote (claim-card.tsx): one quote, or the parts joined by ' … ', a gone part struck through and labelled. */
function claimQuoteHtml(claim: ReportClaim): string {
  const pieces = quotePieces(claim);
  if (pieces.length === 1) return multiline(pieces[0]!.text);
  return pieces
    .map((piece, index) => {
      const sep = index > 0 ? esc(PART_QUOTE_SEPARATOR) : '';
      return piece.orphaned ? `${sep}<span class="part-gone">${multiline(piece.text)}</span><span class="part-note">${esc(` (${ORPHANED_PART_LABEL})`)}</span>` : `${sep}${multiline(piece.text)}`;
    })
    .join('');
}

function claimCard(cx: Context, claim: ReportClaim): string {
  const { vm } = cx;
  const colors = cx.verdictColors(claim.finalVerdict);
  const verdictLabel = claim.finalVerdict?.label ?? PENDING_LABEL;
  const internal = cx.internal;
  const sources = visibleSources(vm, claim);
  const replies = visibleReplies(vm, claim);
  const notes = deskNotes(claim);
  const reviewers = showsReviewers(vm) ? claim.reviewers : [];
  let out =
    `<article class="claim" id="claim-${claim.number}" style="--v:${esc(colors.solid)};--line:${esc(colors.solid)};--fill:${esc(colors.fill)}">` +
    `<header class="claim-head"><span class="claim-no" aria-label="Claim ${claim.number}">${claim.number}</span>${claim.decisionHidden ? HIDDEN_CHIP : cx.chip(claim.finalVerdict)}` +
    (internal ? `<span class="status">${esc(claimStatusLabel(claim))}</span>` : '') +
    '</header>';
  if (claim.orphaned) out += `<p class="orphan-note">${esc(ORPHANED_NOTE)}</p>`;
  out += quoteBlock(cx, claim);
  if (claim.claimant || claim.claimDate || claim.claimAppearance) {
    out += `<dl class="facts">${factRows([
      { term: 'Claimant', value: claim.claimant && bdi(claim.claimant) },
      { term: 'Made on', value: esc(cx.formatDate(claim.claimDate)) },
      { term: 'Where', value: claim.claimAppearance && urlText(claim.claimAppearance) },
    ])}</dl>`;
  }
  out += `<h4>${esc(claim.finalVerdict ? `Why we rated it ${verdictLabel}` : 'Assessment')}</h4><div class="rationale" dir="auto">${rationale(claim)}</div>`;
  if (sources.length > 0) {
    out += '<h4>Sources</h4><ol class="sources">';
    for (const source of sources) out += sourceItem(cx, source);
    out += '</ol>';
  }
  if (replies.length > 0) {
    out += `<h4>${esc(RIGHT_OF_REPLY_HEADING)}</h4><ul class="replies">`;
    for (const reply of replies) out += replyItem(reply, internal);
    out += '</ul>';
  }
  if (notes.length > 0) {
    out += `<h4>${esc(DESK_NOTE_HEADING)}</h4><ul class="notes">`;
    for (const note of notes) out += deskNoteItem(cx, note);
    out += '</ul>';
  }
  if (reviewers.length > 0) {
    out += '<h4>Reviewers</h4><ul class="reviews">';
    for (const review of reviewers) out += reviewerItem(cx, review);
    out += '</ul>';
  }
  return `${out}</article>`;
}

function rationale(claim: ReportClaim): string {
  if (claim.decisionHidden) return `<p class="empty">${esc(`${HIDDEN_UNTIL_VERDICT}.`)}</p>`;
  if (claim.rationale.trim()) return paragraphs(claim.rationale);
  return `<p class="empty">${claim.finalVerdict ? 'No rationale recorded.' : 'Verdict pending: this claim is still being checked.'}</p>`;
}

function excludedClaimCard(cx: Context, claim: ReportClaim): string {
  let out = `<article class="claim excluded" id="claim-${claim.number}"><header class="claim-head"><span class="claim-no" aria-label="Claim ${claim.number}">${claim.number}</span><span class="chip pending">Excluded</span></header>`;
  if (claim.orphaned) out += `<p class="orphan-note">${esc(ORPHANED_NOTE)}</p>`;
  out += quoteBlock(cx, claim);
  return `${out}<p class="exclusion" dir="auto"><b>Why it is not part of the fact-check: </b>${multiline(claim.exclusionReason ?? '')}</p></article>`;
}

function sourceItem(cx: Context, source: ReportSource): string {
  const internalReport = cx.internal;
  const url = safeHttpUrl(source.url);
  const passageUrl = url ? sourcePassageUrl(source) : null;
  const title = source.title.trim() || source.url;
  let out = `<li${attr('class', internalReport && !source.isPublic ? 'internal' : undefined)}>`;
  if (internalReport) out += `<span class="${source.isPublic ? 'vis vis-public' : 'vis vis-internal'}">${esc(source.isPublic ? PUBLIC_SOURCE_LABEL : INTERNAL_SOURCE_LABEL)}</span> `;
  out += url
    ? `<a${attr('class', source.title.trim() ? undefined : 'bare')} href="${esc(url)}">${bdi(title)}</a>`
    : `${bdi(title)} <span class="bad-url">${esc(source.url)}</span> <span class="acc">(not a web link)</span>`;
  if (source.publisher.trim()) out += ` — <span class="pub" dir="auto">${esc(source.publisher)}</span>`;
  if (source.accessedOn) out += ` <span class="acc">${esc(`· accessed ${cx.formatDate(source.accessedOn)}`)}</span>`;
  // The archived copy taken when the source was attached (sources.tsx).
  const archive = source.archiveUrl ? safeHttpUrl(source.archiveUrl) : null;
  if (archive) out += ` <span class="acc">· <a href="${esc(archive)}">archived copy</a></span>`;
  if (source.excerpt.trim()) {
    const passage = passageUrl ? `<a class="passage" href="${esc(passageUrl)}">${multiline(source.excerpt)}</a>` : multiline(source.excerpt);
    out += `<blockquote dir="auto"${attr('cite', url ?? undefined)}><p>${passage}</p></blockquote>`;
  }
  return `${out}</li>`;
}

function reviewerItem(cx: Context, review: ReportReviewerVerdict): string {
  return (
    `<li><span class="who" dir="auto">${esc(review.reviewer.name)}</span>${cx.chip(review.verdict)}<span class="acc">${esc(cx.formatDate(review.createdAt))}</span>` +
    (review.reason.trim() ? `<span class="why" dir="auto">${multiline(review.reason)}</span>` : '') +
    '</li>'
  );
}

function replyItem(reply: ReportReplyAttempt, internalReport: boolean): string {
  const { when, how, response, respondedOn } = replySummary(reply);
  return (
    `<li><span class="who">${esc(when)}</span><span class="acc">${esc(how)}</span>` +
    (internalReport && reply.contact.trim() ? `<span class="acc" dir="auto">· ${bdi(reply.contact)}</span>` : '') +
    (internalReport && !reply.showPublicly ? '<span class="vis vis-internal">Not shown publicly</span>' : '') +
    `<span class="${reply.response === null || reply.response.trim() === '' ? 'why empty' : 'why'}" dir="auto">${multiline(response)}` +
    (respondedOn ? `<span class="acc">${esc(` (replied ${respondedOn})`)}</span>` : '') +
    '</span></li>'
  );
}

function deskNoteItem(cx: Context, note: ReportComment): string {
  return `<li><span class="why" dir="auto">${multiline(note.body)}</span><span class="acc">${esc(cx.formatDate(note.createdAt))}</span></li>`;
}
