/**
 * The annotated article: paragraphs with every claim highlighted in its verdict colour and
 * followed by a superscript [n] link to its card. Overlapping and nested claims become nested
 * <span>s per text segment, so the markup stays well-formed.
 */
import { Fragment, type ReactNode } from 'react';
import { EXCLUDED_HEADING, isExcluded } from '../audience';
import { PENDING_LABEL } from '../format';
import { placeClaims, segmentText, type PlacedClaim } from '../segments';
import { verdictColors } from '../verdict-colors';
import type { ReportArticle, ReportClaim } from '../view-model';
import { cssVars, withLineBreaks } from './bits';

export function claimAnchor(claim: Pick<ReportClaim, 'number'>): string {
  return `claim-${claim.number}`;
}

/** The article text as <p> elements with highlighted claims; null when the article has no text. */
export function AnnotatedArticle({ article, claims }: { article: ReportArticle; claims: readonly ReportClaim[] }) {
  const paragraphs = annotatedParagraphs(article.text, claims);
  if (paragraphs.length === 0) return <p className="empty">The article has no text.</p>;
  return (
    <>
      {paragraphs.map((chunks, index) => (
        <p key={index} dir="auto">
          {chunks}
        </p>
      ))}
    </>
  );
}

function annotatedParagraphs(text: string, claims: readonly ReportClaim[]): ReactNode[][] {
  // Claim offsets index the text as stored, so it is never normalised; CRLF is handled when splitting.
  const placed = placeClaims(text, claims);
  const paragraphs: ReactNode[][] = [[]];
  let key = 0;

  for (const segment of segmentText(text, placed)) {
    segment.text.split(/(?:\r?\n){2,}/).forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece !== '') paragraphs.at(-1)?.push(<Fragment key={key++}>{wrapInClaims(withLineBreaks(piece), segment.covering)}</Fragment>);
    });
    if (segment.ending.length > 0) {
      // Markers sit inside the claims that carry on past this point, so their highlight stays unbroken.
      const continuing = segment.covering.filter((p) => p.end > segment.end);
      const markers = segment.ending.map((p) => <Marker key={p.claim.number} claim={p.claim} />);
      paragraphs.at(-1)?.push(<Fragment key={key++}>{wrapInClaims(markers, continuing)}</Fragment>);
    }
  }
  return paragraphs.filter((chunks) => chunks.length > 0);
}

function wrapInClaims(inner: ReactNode, covering: readonly PlacedClaim[]): ReactNode {
  // Innermost claim wraps first, so the outermost claim ends up as the outer element.
  return [...covering].reverse().reduce<ReactNode>((content, { claim, lane }) => {
    const excluded = isExcluded(claim);
    const colors = verdictColors(excluded ? null : claim.finalVerdict);
    const label = excluded ? EXCLUDED_HEADING : (claim.finalVerdict?.label ?? PENDING_LABEL);
    return (
      <span
        className={excluded ? 'hl hl-excluded' : claim.finalVerdict ? 'hl' : 'hl hl-pending'}
        data-claim={claim.number}
        title={`Claim ${claim.number}: ${label}`}
        style={cssVars({ '--fill': colors.fill, '--line': colors.solid, '--lane': lane })}
      >
        {content}
      </span>
    );
  }, inner);
}

function Marker({ claim }: { claim: ReportClaim }) {
  return (
    <sup className="mk">
      <a href={`#${claimAnchor(claim)}`} aria-label={`Claim ${claim.number}`}>{`[${claim.number}]`}</a>
    </sup>
  );
}
