/**
 * The annotated article for the HTML report: paragraphs with every claim highlighted in its
 * verdict colour and followed by a superscript [n] link to its card. Overlapping and nested
 * claims become nested <span>s per text segment, so the markup stays well-formed.
 */
import { escapeHtml } from './escape';
import { placeClaims, segmentText, type PlacedClaim } from './segments';
import { verdictColors } from './verdict-colors';
import { PENDING_LABEL } from './format';
import type { ReportArticle, ReportClaim } from './view-model';

export function claimAnchor(claim: Pick<ReportClaim, 'number'>): string {
  return `claim-${claim.number}`;
}

/** The article text as <p> elements with highlighted claims. */
export function renderAnnotatedArticle(article: ReportArticle, claims: readonly ReportClaim[]): string {
  // Claim offsets index the text as stored, so it is never normalised; CRLF is handled when splitting.
  const text = article.text;
  const placed = placeClaims(text, claims);
  const paragraphs: string[][] = [[]];

  for (const segment of segmentText(text, placed)) {
    segment.text.split(/(?:\r?\n){2,}/).forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece !== '') paragraphs.at(-1)?.push(wrapInClaims(lines(piece), segment.covering));
    });
    if (segment.ending.length > 0) {
      // Markers sit inside the claims that carry on past this point, so their highlight stays unbroken.
      const continuing = segment.covering.filter((p) => p.end > segment.end);
      paragraphs.at(-1)?.push(wrapInClaims(segment.ending.map(marker).join(''), continuing));
    }
  }

  return paragraphs
    .filter((chunks) => chunks.length > 0)
    .map((chunks) => `<p dir="auto">${chunks.join('')}</p>`)
    .join('\n');
}

function lines(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br>');
}

function wrapInClaims(html: string, covering: readonly PlacedClaim[]): string {
  // Innermost claim wraps first, so the outermost claim ends up as the outer element.
  return [...covering].reverse().reduce((inner, placed) => {
    const { claim, lane } = placed;
    const colors = verdictColors(claim.finalVerdict);
    const label = claim.finalVerdict?.label ?? PENDING_LABEL;
    const pending = claim.finalVerdict ? '' : ' hl-pending';
    return (
      `<span class="hl${pending}" data-claim="${claim.number}" title="Claim ${claim.number}: ${escapeHtml(label)}" ` +
      `style="--fill:${colors.fill};--line:${colors.solid};--lane:${lane}">${inner}</span>`
    );
  }, html);
}

function marker(placed: PlacedClaim): string {
  const { claim } = placed;
  return `<sup class="mk"><a href="#${claimAnchor(claim)}" aria-label="Claim ${claim.number}">[${claim.number}]</a></sup>`;
}
