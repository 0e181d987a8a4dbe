/** A claim card's list items: sources, right-of-reply attempts, notes from the desk, reviewers. */
import { INTERNAL_SOURCE_LABEL, PUBLIC_SOURCE_LABEL, replySummary } from '../audience';
import { sourcePassageUrl } from '../claim-parts';
import { safeHttpUrl } from '../escape';
import { formatDate } from '../format';
import type { ReportComment, ReportReplyAttempt, ReportReviewerVerdict, ReportSource } from '../view-model';
import { Chip, Multiline } from './bits';

/**
 * In internal reports every source says whether it is published with the fact-check. A quoted
 * passage is shown as a quotation that links to its place on the source page (a URL text fragment).
 */
export function SourceItem({ source, internalReport }: { source: ReportSource; internalReport: boolean }) {
  const url = safeHttpUrl(source.url);
  const passageUrl = url ? sourcePassageUrl(source) : null;
  const title = source.title.trim() || source.url;
  return (
    <li className={internalReport && !source.isPublic ? 'internal' : undefined}>
      {internalReport && (
        <>
          <span className={source.isPublic ? 'vis vis-public' : 'vis vis-internal'}>{source.isPublic ? PUBLIC_SOURCE_LABEL : INTERNAL_SOURCE_LABEL}</span>{' '}
        </>
      )}
      {url ? (
        // Print shows link URLs after links; not when the link text already is the URL.
        <a className={source.title.trim() ? undefined : 'bare'} href={url}>
          <bdi>{title}</bdi>
        </a>
      ) : (
        // A non-http(s) URL is shown as inert text so editors can spot it, never as a link.
        <>
          <bdi>{title}</bdi> <span className="bad-url">{source.url}</span> <span className="acc">(not a web link)</span>
        </>
      )}
      {source.publisher.trim() && (
        <>
          {' — '}
          <span className="pub" dir="auto">
            {source.publisher}
          </span>
        </>
      )}
      {source.accessedOn && (
        <>
          {' '}
          <span className="acc">{`· accessed ${formatDate(source.accessedOn)}`}</span>
        </>
      )}
      {source.archiveUrl && safeHttpUrl(source.archiveUrl) && (
        <>
          {' '}
          <span className="acc">
            · <a href={safeHttpUrl(source.archiveUrl)!}>archived copy</a>
          </span>
        </>
      )}
      {source.excerpt.trim() && (
        <blockquote dir="auto" cite={url ?? undefined}>
          <p>
            {passageUrl ? (
              <a className="passage" href={passageUrl}>
                <Multiline text={source.excerpt} />
              </a>
            ) : (
              <Multiline text={source.excerpt} />
            )}
          </p>
        </blockquote>
      )}
    </li>
  );
}

export function ReviewerItem({ review }: { review: ReportReviewerVerdict }) {
  return (
    <li>
      <span className="who" dir="auto">
        {review.reviewer.name}
      </span>
      <Chip verdict={review.verdict} />
      <span className="acc">{formatDate(review.createdAt)}</span>
      {review.reason.trim() && (
        <span className="why" dir="auto">
          <Multiline text={review.reason} />
        </span>
      )}
    </li>
  );
}

/** Right of reply: when and how the claimant was asked, and what came back ("No response" otherwise). */
export function ReplyItem({ reply, internalReport }: { reply: ReportReplyAttempt; internalReport: boolean }) {
  const { when, how, response, respondedOn } = replySummary(reply);
  return (
    <li>
      <span className="who">{when}</span>
      <span className="acc">{how}</span>
      {internalReport && reply.contact.trim() && (
        <span className="acc" dir="auto">
          {'· '}
          <bdi>{reply.contact}</bdi>
        </span>
      )}
      {internalReport && !reply.showPublicly && <span className="vis vis-internal">Not shown publicly</span>}
      <span className={reply.response === null || reply.response.trim() === '' ? 'why empty' : 'why'} dir="auto">
        <Multiline text={response} />
        {respondedOn && <span className="acc">{` (replied ${respondedOn})`}</span>}
      </span>
    </li>
  );
}

/** A public comment, shown to readers as a note from the desk: text and date, never the author's e-mail. */
export function DeskNoteItem({ note }: { note: ReportComment }) {
  return (
    <li>
      <span className="why" dir="auto">
        <Multiline text={note.body} />
      </span>
      <span className="acc">{formatDate(note.createdAt)}</span>
    </li>
  );
}
