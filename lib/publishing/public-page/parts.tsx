/** Pieces the public article and claim pages share. */
import { Fragment, type ReactNode } from 'react';
import { Multiline, languageTag } from '@/lib/export/report-html/bits';
import { safeHttpUrl } from '@/lib/export/escape';
import { checkerName, formatDate } from '@/lib/export/format';
import { ORPHANED_PART_LABEL, claimParts, isPartial } from '@/lib/export/claim-parts';
import type { ReportClaim, ReportClaimPart, ReportViewModel } from '@/lib/export/view-model';
import { contextAround } from './view';

export const PREVIEW_LABEL = 'Preview — not yet published';

export function PreviewBanner() {
  return (
    <p className="preview-banner" role="status" data-testid="preview-banner">
      {PREVIEW_LABEL}
    </p>
  );
}

/** <time> with the day in the reports' zone. */
export function Day({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDate(iso)}</time>;
}

/** "Published 5 March 2024 · Updated 7 March 2024" (Updated once corrected). */
export function PublicationLine({ vm }: { vm: ReportViewModel }) {
  const publication = vm.publication;
  if (!publication) return <p className="publine">Not published yet</p>;
  const updated = publication.corrections.length > 0 && publication.lastPublishedAt !== publication.firstPublishedAt;
  return (
    <p className="publine" data-testid="publication-dates">
      {'Published '}
      <Day iso={publication.firstPublishedAt} />
      {updated && (
        <>
          <span className="sep">·</span>
          {'Updated '}
          <Day iso={publication.lastPublishedAt} />
        </>
      )}
    </p>
  );
}

/** The title band: kicker, title, dek (outlet, byline, date of the original) and publication line. */
export function PageMasthead({ vm, title, titleLang, dek }: { vm: ReportViewModel; title: ReactNode; titleLang?: string; dek: ReactNode[] }) {
  const orgUrl = safeHttpUrl(vm.workspace.organizationUrl);
  const org = <bdi>{checkerName(vm.workspace)}</bdi>;
  const items = dek.filter(Boolean);
  return (
    <header className="masthead">
      <div className="wrap">
        <p className="kicker">
          {'Fact-check '}
          <span>
            {'· '}
            {orgUrl ? <a href={orgUrl}>{org}</a> : org}
          </span>
        </p>
        <h1 dir="auto" lang={titleLang}>
          {title}
        </h1>
        {items.length > 0 && (
          <p className="dek">
            {items.map((item, index) => (
              <Fragment key={index}>
                {index > 0 && <span className="sep">·</span>}
                {item}
              </Fragment>
            ))}
          </p>
        )}
        <PublicationLine vm={vm} />
      </div>
    </header>
  );
}

/** Outlet, byline and date of the article that was checked. */
export function articleDek(vm: ReportViewModel): ReactNode[] {
  const { article } = vm;
  return [
    article.outlet.trim() && <bdi key="outlet">{article.outlet}</bdi>,
    article.byline.trim() && (
      <Fragment key="byline">
        By <bdi>{article.byline}</bdi>
      </Fragment>
    ),
    article.publishedOn && formatDate(article.publishedOn),
  ];
}

/**
 * The quoted words inside the text around them, as it stood when published: one paragraph per part
 * of a multi-part claim (with less context each), a part whose words are gone marked as such.
 */
export function QuoteInContext({ claim, vm }: { claim: ReportClaim; vm: ReportViewModel }) {
  const parts = claimParts(claim);
  const partial = isPartial(claim);
  const radius = parts.length > 1 ? 80 : 160;
  return (
    <blockquote className="context" dir="auto" lang={languageTag(vm.article.language)}>
      {parts.map((part, index) => (
        <PartInContext key={index} part={part} text={vm.article.text} radius={radius} gone={partial && part.orphaned} />
      ))}
    </blockquote>
  );
}

function PartInContext({ part, text, radius, gone }: { part: ReportClaimPart; text: string; radius: number; gone: boolean }) {
  // The context may run across a paragraph break: one line here, as a quotation reads.
  const { exact } = part.quote;
  const placed = part.start !== null && part.end !== null && part.start >= 0 && part.end >= part.start && part.end <= text.length;
  const around = placed
    ? contextAround(text, part.start!, part.end!, radius)
    : { before: part.quote.prefix.replace(/\s+/g, ' ').trimStart(), after: part.quote.suffix.replace(/\s+/g, ' ').trimEnd(), cutBefore: true, cutAfter: true };
  return (
    <p>
      {around.cutBefore && <span className="gap">…</span>}
      {around.before}
      <mark className={gone ? 'part-gone' : undefined}>
        <Multiline text={exact} />
      </mark>
      {gone && <span className="part-note">{` (${ORPHANED_PART_LABEL})`}</span>}
      {around.after}
      {around.cutAfter && <span className="gap">…</span>}
    </p>
  );
}

export function Colophon({ vm, feedUrl }: { vm: ReportViewModel; feedUrl: string }) {
  const orgUrl = safeHttpUrl(vm.workspace.organizationUrl);
  const org = <bdi>{checkerName(vm.workspace)}</bdi>;
  return (
    <footer className="wrap colophon">
      <p>
        {'Fact-check by '}
        {orgUrl ? <a href={orgUrl}>{org}</a> : org}
        {'. Verdicts use the “'}
        <bdi>{vm.scale.name}</bdi>
        {'” rating scale.'}
      </p>
      <p className="feed-link">
        <a href={feedUrl} type="application/atom+xml">
          Follow new fact-checks (Atom feed)
        </a>
        {' · Published with Claimdesk.'}
      </p>
    </footer>
  );
}
