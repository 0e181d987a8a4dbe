/** The report's title band, the publication notices (retraction, corrections) and the article's metadata grid. */
import { Fragment, type ReactNode } from 'react';
import { ARTICLE_STATUS_LABELS } from '@/lib/domain/status-labels';
import { correctionLine, isPublicReport, retractionHeadline } from '../audience';
import { safeHttpUrl } from '../escape';
import { checkerName, formatDate, formatDateTime } from '../format';
import type { ReportViewModel } from '../view-model';
import { FactRows, Multiline, UrlText, languageTag } from './bits';

export function Masthead({ vm }: { vm: ReportViewModel }) {
  const { article } = vm;
  const dek: ReactNode[] = [
    article.outlet && <bdi key="outlet">{article.outlet}</bdi>,
    article.byline && (
      <Fragment key="byline">
        By <bdi>{article.byline}</bdi>
      </Fragment>
    ),
    article.publishedOn && formatDate(article.publishedOn),
  ].filter(Boolean);
  return (
    <header className="masthead">
      <div className="wrap">
        <p className="kicker">
          {'Fact-check report '}
          <span>
            {'· '}
            <bdi>{checkerName(vm.workspace)}</bdi>
          </span>
        </p>
        <h1 dir="auto" lang={languageTag(article.language)}>
          {article.title}
        </h1>
        {dek.length > 0 && (
          <p className="dek">
            {dek.map((item, index) => (
              <Separated key={index} first={index === 0}>
                {item}
              </Separated>
            ))}
          </p>
        )}
      </div>
    </header>
  );
}

function Separated({ first, children }: { first: boolean; children: ReactNode }) {
  return (
    <>
      {!first && <span className="sep">·</span>}
      {children}
    </>
  );
}

/**
 * Near the top, before anything else is read: the retraction notice (when and why) and every
 * correction published since the first publication (IFCN corrections policy).
 */
export function PublicationNotices({ vm }: { vm: ReportViewModel }) {
  const publication = vm.publication;
  if (!publication) return null;
  const { retraction, corrections } = publication;
  if (!retraction && corrections.length === 0) return null;
  return (
    <>
      {retraction && (
        <section className="notice retraction" role="note" aria-labelledby="retraction-h">
          <h2 id="retraction-h">Retracted</h2>
          <p>
            <b>{retractionHeadline(retraction)}</b>
          </p>
          {retraction.reason.trim() && (
            <p dir="auto">
              <Multiline text={retraction.reason} />
            </p>
          )}
        </section>
      )}
      {corrections.length > 0 && (
        <section className="notice corrections" aria-labelledby="corrections-h">
          <h2 id="corrections-h">{corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
          <ul>
            {corrections.map((correction, index) => (
              <li key={index} dir="auto">
                <Multiline text={correctionLine(correction)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function Metadata({ vm }: { vm: ReportViewModel }) {
  const { article, workspace, publication } = vm;
  const orgUrl = safeHttpUrl(workspace.organizationUrl);
  const org = <bdi>{checkerName(workspace)}</bdi>;
  const internal = !isPublicReport(vm);
  const corrected = publication !== null && publication.corrections.length > 0;
  return (
    <dl className="meta">
      <FactRows
        facts={[
          { term: 'Outlet', value: article.outlet && <bdi>{article.outlet}</bdi> },
          { term: 'Byline', value: article.byline && <bdi>{article.byline}</bdi> },
          { term: 'Published', value: formatDate(article.publishedOn) },
          { term: 'Fact-checked by', value: orgUrl ? <a href={orgUrl}>{org}</a> : org },
          { term: 'Fact-check published', value: publication ? formatDate(publication.firstPublishedAt) : '' },
          { term: 'Last corrected', value: corrected ? formatDate(publication.lastPublishedAt) : '' },
          { term: 'Workspace', value: internal && <bdi>{workspace.name}</bdi> },
          { term: 'Report generated', value: internal && formatDateTime(vm.generatedAt) },
          { term: 'Original article', value: article.url && <UrlText url={article.url} />, className: 'span2' },
          { term: 'Article status', value: internal && `${ARTICLE_STATUS_LABELS[article.status]} · revision ${article.revision}` },
          { term: 'Source credit', value: article.sourceCredit && <bdi>{article.sourceCredit}</bdi>, className: 'wide' },
        ]}
      />
    </dl>
  );
}
