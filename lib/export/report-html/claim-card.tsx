/** One claim's card: quote, claim, facts, verdict and rationale, sources and reviewers. */
import { Fragment } from 'react';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { ORPHANED_PART_LABEL, PARTIAL_NOTE, PART_QUOTE_SEPARATOR, claimQuote, isPartial, quotePieces } from '../claim-parts';
import { DESK_NOTE_HEADING, RIGHT_OF_REPLY_HEADING, deskNotes, isPublicReport, showsReviewers, visibleReplies, visibleSources } from '../audience';
import { ORPHANED_NOTE, PENDING_LABEL, claimStatusLabel, formatDate } from '../format';
import { verdictColors } from '../verdict-colors';
import type { ReportClaim, ReportViewModel } from '../view-model';
import { claimAnchor } from './annotated-article';
import { Chip, FactRows, HiddenChip, Multiline, Paragraphs, UrlText, cssVars, languageTag } from './bits';
import { DeskNoteItem, ReplyItem, ReviewerItem, SourceItem } from './sources';

/** The claim statement is only printed when it says more than the quote above it. */
export function sameWords(a: string, b: string): boolean {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[.。]$/, '').toLowerCase();
  return a.trim() === '' || normalise(a) === normalise(b);
}

export function ClaimCard({ claim, vm }: { claim: ReportClaim; vm: ReportViewModel }) {
  const colors = verdictColors(claim.finalVerdict);
  const verdictLabel = claim.finalVerdict?.label ?? PENDING_LABEL;
  const internal = !isPublicReport(vm);
  const sources = visibleSources(vm, claim);
  const replies = visibleReplies(vm, claim);
  const notes = deskNotes(claim);
  const reviewers = showsReviewers(vm) ? claim.reviewers : [];
  return (
    <article className="claim" id={claimAnchor(claim)} style={cssVars({ '--v': colors.solid, '--line': colors.solid, '--fill': colors.fill })}>
      <header className="claim-head">
        <span className="claim-no" aria-label={`Claim ${claim.number}`}>
          {claim.number}
        </span>
        {claim.decisionHidden ? <HiddenChip /> : <Chip verdict={claim.finalVerdict} />}
        {internal && <span className="status">{claimStatusLabel(claim)}</span>}
      </header>
      {claim.orphaned && <p className="orphan-note">{ORPHANED_NOTE}</p>}
      {isPartial(claim) && <p className="orphan-note">{PARTIAL_NOTE}</p>}
      <blockquote className="quote" dir="auto" lang={languageTag(vm.article.language)}>
        <p>
          <ClaimQuote claim={claim} />
        </p>
      </blockquote>
      {!sameWords(claim.claimText, claimQuote(claim)) && <h3 dir="auto">{claim.claimText}</h3>}
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
      {sources.length > 0 && (
        <>
          <h4>Sources</h4>
          <ol className="sources">
            {sources.map((source) => (
              <SourceItem key={source.id} source={source} internalReport={internal} />
            ))}
          </ol>
        </>
      )}
      {replies.length > 0 && (
        <>
          <h4>{RIGHT_OF_REPLY_HEADING}</h4>
          <ul className="replies">
            {replies.map((reply) => (
              <ReplyItem key={reply.id} reply={reply} internalReport={internal} />
            ))}
          </ul>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h4>{DESK_NOTE_HEADING}</h4>
          <ul className="notes">
            {notes.map((note) => (
              <DeskNoteItem key={note.id} note={note} />
            ))}
          </ul>
        </>
      )}
      {reviewers.length > 0 && (
        <>
          <h4>Reviewers</h4>
          <ul className="reviews">
            {reviewers.map((review) => (
              <ReviewerItem key={review.reviewer.id} review={review} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/**
 * The claim's words: one quote, or a multi-part claim's parts joined by ' … ' with a part whose
 * words are gone struck through and labelled.
 */
export function ClaimQuote({ claim }: { claim: ReportClaim }) {
  const pieces = quotePieces(claim);
  if (pieces.length === 1) return <Multiline text={pieces[0]!.text} />;
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && PART_QUOTE_SEPARATOR}
          {piece.orphaned ? (
            <>
              <span className="part-gone">
                <Multiline text={piece.text} />
              </span>
              <span className="part-note">{` (${ORPHANED_PART_LABEL})`}</span>
            </>
          ) : (
            <Multiline text={piece.text} />
          )}
        </Fragment>
      ))}
    </>
  );
}

function Rationale({ claim }: { claim: ReportClaim }) {
  if (claim.decisionHidden) return <p className="empty">{`${HIDDEN_UNTIL_VERDICT}.`}</p>;
  if (claim.rationale.trim()) return <Paragraphs text={claim.rationale} />;
  return <p className="empty">{claim.finalVerdict ? 'No rationale recorded.' : 'Verdict pending: this claim is still being checked.'}</p>;
}

/** A claim left out of the fact-check (internal reports): its words and the reason, nothing else. */
export function ExcludedClaimCard({ claim, vm }: { claim: ReportClaim; vm: ReportViewModel }) {
  return (
    <article className="claim excluded" id={claimAnchor(claim)}>
      <header className="claim-head">
        <span className="claim-no" aria-label={`Claim ${claim.number}`}>
          {claim.number}
        </span>
        <span className="chip pending">Excluded</span>
      </header>
      {claim.orphaned && <p className="orphan-note">{ORPHANED_NOTE}</p>}
      {isPartial(claim) && <p className="orphan-note">{PARTIAL_NOTE}</p>}
      <blockquote className="quote" dir="auto" lang={languageTag(vm.article.language)}>
        <p>
          <ClaimQuote claim={claim} />
        </p>
      </blockquote>
      {!sameWords(claim.claimText, claimQuote(claim)) && <h3 dir="auto">{claim.claimText}</h3>}
      <p className="exclusion" dir="auto">
        <b>Why it is not part of the fact-check: </b>
        <Multiline text={claim.exclusionReason ?? ''} />
      </p>
    </article>
  );
}
