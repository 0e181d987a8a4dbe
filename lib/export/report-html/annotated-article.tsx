/**
 * The annotated article: its structure (headings, lists, quotes, formatting and links: article-layout.ts)
 * with every claim highlighted in its verdict colour and followed by a superscript [n] link to its
 * card. Overlapping and nested claims become nested <span>s per text segment, and a claim running
 * across blocks is highlighted in each, so the markup stays well-formed.
 */
import { Fragment, type ReactNode } from 'react';
import { EXCLUDED_HEADING, isExcluded } from '../audience';
import { headingTag, layoutArticle, layoutHasContent, type LayoutInline, type LayoutNode } from '../article-layout';
import { PENDING_LABEL } from '../format';
import { placeClaims, type PlacedClaim } from '../segments';
import { verdictColors } from '../verdict-colors';
import type { ReportArticle, ReportClaim } from '../view-model';
import { cssVars, withLineBreaks } from './bits';

export function claimAnchor(claim: Pick<ReportClaim, 'number'>): string {
  return `claim-${claim.number}`;
}

/** rel of the article's own links in a report: another site, not an endorsement (report-string.ts mirrors it). */
export const ARTICLE_LINK_REL = 'nofollow noopener noreferrer';

/** The article's blocks with highlighted claims; a note when the article has no text. */
export function AnnotatedArticle({ article, claims }: { article: ReportArticle; claims: readonly ReportClaim[] }) {
  // Claim offsets index the text as stored, so it is never normalised.
  const nodes = layoutArticle(article, placeClaims(article.text, claims));
  if (!layoutHasContent(nodes)) return <p className="empty">The article has no text.</p>;
  return <>{nodes.map(renderNode)}</>;
}

function renderNode(node: LayoutNode, key: number): ReactNode {
  if (node.kind === 'block') {
    const children = node.children.map(renderInline);
    if (node.level === null) {
      return (
        <p key={key} dir="auto">
          {children}
        </p>
      );
    }
    const Heading = headingTag(node.level);
    return (
      <Heading key={key} dir="auto">
        {children}
      </Heading>
    );
  }
  const children = node.children.map(renderNode);
  switch (node.type) {
    case 'bulletList':
      return (
        <ul key={key} dir={node.dir}>
          {children}
        </ul>
      );
    case 'orderedList':
      return (
        <ol key={key} dir={node.dir} start={node.start === 1 ? undefined : node.start}>
          {children}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return (
        <blockquote key={key} dir={node.dir}>
          {children}
        </blockquote>
      );
  }
}

function renderInline(node: LayoutInline, key: number): ReactNode {
  switch (node.kind) {
    case 'text':
      return <Fragment key={key}>{wrapInClaims(withLineBreaks(node.text), node.covering)}</Fragment>;
    case 'markers':
      // Markers sit inside the claims that carry on past this point, so their highlight stays unbroken.
      return (
        <Fragment key={key}>
          {wrapInClaims(
            node.ending.map((p) => <Marker key={p.claim.number} claim={p.claim} />),
            node.continuing,
          )}
        </Fragment>
      );
    case 'mark': {
      const children = node.children.map(renderInline);
      if (node.mark === 'bold') return <strong key={key}>{children}</strong>;
      if (node.mark === 'italic') return <em key={key}>{children}</em>;
      if (node.mark === 'strike') return <s key={key}>{children}</s>;
      return (
        <a key={key} href={node.href} rel={ARTICLE_LINK_REL}>
          {children}
        </a>
      );
    }
  }
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
