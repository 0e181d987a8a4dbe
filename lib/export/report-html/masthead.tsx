/** The report's title band and the article's metadata grid. */
import { Fragment, type ReactNode } from 'react';
import { ARTICLE_STATUS_LABELS } from '@/lib/domain/status-labels';
import { safeHttpUrl } from '../escape';
import { checkerName, formatDate, formatDateTime } from '../format';
import type { ReportViewModel } from '../view-model';
import { FactRows, UrlText, languageTag } from './bits';

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

export function Metadata({ vm }: { vm: ReportViewModel }) {
  const { article, workspace } = vm;
  const orgUrl = safeHttpUrl(workspace.organizationUrl);
  const org = <bdi>{checkerName(workspace)}</bdi>;
  return (
    <dl className="meta">
      <FactRows
        facts={[
          { term: 'Outlet', value: article.outlet && <bdi>{article.outlet}</bdi> },
          { term: 'Byline', value: article.byline && <bdi>{article.byline}</bdi> },
          { term: 'Published', value: formatDate(article.publishedOn) },
          { term: 'Fact-checked by', value: orgUrl ? <a href={orgUrl}>{org}</a> : org },
          { term: 'Workspace', value: <bdi>{workspace.name}</bdi> },
          { term: 'Report generated', value: formatDateTime(vm.generatedAt) },
          { term: 'Original article', value: article.url && <UrlText url={article.url} />, className: 'span2' },
          { term: 'Article status', value: `${ARTICLE_STATUS_LABELS[article.status]} · revision ${article.revision}` },
          { term: 'Source credit', value: article.sourceCredit && <bdi>{article.sourceCredit}</bdi>, className: 'wide' },
        ]}
      />
    </dl>
  );
}
