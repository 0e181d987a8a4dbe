'use client';

import Link from 'next/link';
import type { ClaimLinkDto } from '@/lib/search/types';

/**
 * A claim's "based on" links both ways: "Based on #3 in <article>" (its verdict started from that
 * claim or library item) and "Used as the basis for #5 in <article>". Each names the other side
 * and links to it (library items open the fact-check in a new tab).
 */
export function ClaimLinks({ links }: { links: readonly ClaimLinkDto[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="claim-links" aria-label="Linked claims">
      {links.map((link) => (
        <li key={`${link.id}-${link.direction}`} data-testid="claim-link" data-direction={link.direction}>
          <span className="text-[var(--color-muted)]">{link.direction === 'based_on' ? 'Based on ' : 'Used as the basis for '}</span>
          <LinkTarget link={link} />
        </li>
      ))}
    </ul>
  );
}

function LinkTarget({ link }: { link: ClaimLinkDto }) {
  const { other } = link;
  if (other.type === 'claim') {
    return (
      <Link href={other.href} className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline" title={other.claimText}>
        #{other.number} in “{other.articleTitle}”
      </Link>
    );
  }
  return (
    <a href={other.href} target="_blank" rel="noopener noreferrer" className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline" title={other.claimReviewed}>
      the fact-check by {other.reviewOrg || 'another organisation'}
      {other.ratingName ? ` (${other.ratingName})` : ''}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
