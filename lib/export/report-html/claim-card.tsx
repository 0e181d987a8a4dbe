/** One claim's card: quote, claim, facts, verdict and rationale, sources and reviewers. */
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { ORPHANED_NOTE, PENDING_LABEL, claimStatusLabel, formatDate } from '../format';
import { verdictColors } from '../verdict-colors';
import type { ReportClaim, ReportViewModel } from '../view-model';
import { claimAnchor } from './annotated-article';
import { Chip, FactRows, HiddenChip, Multiline, Paragraphs, UrlText, cssVars, languageTag } from './bits';
import { ReviewerItem, SourceItem } from './sources';

/** The claim statement is only printed when it says more than the quote above it. */
export function sameWords(a: string, b: string): boolean {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[.。]$/, '').toLowerCase();
  return a.trim() === '' || normalise(a) === normalise(b);
}

export function ClaimCard({ claim, vm }: { claim: ReportClaim; vm: ReportViewModel }) {
  const colors = verdictColors(claim.finalVerdict);
  const verdictLabel = claim.finalVerdict?.label ?? PENDING_LABEL;
  return (
    <article className="claim" id={claimAnchor(claim)} style={cssVars({ '--v': colors.solid, '--line': colors.solid, '--fill': colors.fill })}>
      <header className="claim-head">
        <span className="claim-no" aria-label={`Claim ${claim.number}`}>
          {claim.number}
        </span>
        {claim.decisionHidden ? <HiddenChip /> : <Chip verdict={claim.finalVerdict} />}
        <span className="status">{claimStatusLabel(claim)}</span>
      </header>
      {claim.orphaned && <p className="orphan-note">{ORPHANED_NOTE}</p>}
      <blockquote className="quote" dir="auto" lang={languageTag(vm.article.language)}>
        <p>
          <Multiline text={claim.quote.exact} />
        </p>
      </blockquote>
      {!sameWords(claim.claimText, claim.quote.exact) && <h3 dir="auto">{claim.claimText}</h3>}
      {(claim.claimant || claim.claimDate || claim.claimAppearance) && (
        <dl className="facts">
          <FactRows
            facts={[
              { term: 'Claimant', value: claim.claimant && <bdi>{claim.claimant}</bdi> },
              { term: 'Made on', value: formatDate(claim.claimDate) },
              { term: 'Where', value: claim.claimAppearance && <UrlText url={claim.claimAppearance} /> },
            ]}
          />
        </dl>
      )}
      <h4>{claim.finalVerdict ? `Why we rated it ${verdictLabel}` : 'Assessment'}</h4>
      <div className="rationale" dir="auto">
        <Rationale claim={claim} />
      </div>
      {claim.sources.length > 0 && (
        <>
          <h4>Sources</h4>
          <ol className="sources">
            {claim.sources.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ol>
        </>
      )}
      {claim.reviewers.length > 0 && (
        <>
          <h4>Reviewers</h4>
          <ul className="reviews">
            {claim.reviewers.map((review) => (
              <ReviewerItem key={review.reviewer.id} review={review} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function Rationale({ claim }: { claim: ReportClaim }) {
  if (claim.decisionHidden) return <p className="empty">{`${HIDDEN_UNTIL_VERDICT}.`}</p>;
  if (claim.rationale.trim()) return <Paragraphs text={claim.rationale} />;
  return <p className="empty">{claim.finalVerdict ? 'No rationale recorded.' : 'Verdict pending: this claim is still being checked.'}</p>;
}
