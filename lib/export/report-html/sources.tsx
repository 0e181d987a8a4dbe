/** A claim card's source and reviewer list items. */
import { safeHttpUrl } from '../escape';
import { formatDate } from '../format';
import type { ReportReviewerVerdict, ReportSource } from '../view-model';
import { Chip, Multiline } from './bits';

export function SourceItem({ source }: { source: ReportSource }) {
  const url = safeHttpUrl(source.url);
  const title = source.title.trim() || source.url;
  return (
    <li>
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
      {source.excerpt.trim() && (
        <blockquote dir="auto">
          <p>
            <Multiline text={source.excerpt} />
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
