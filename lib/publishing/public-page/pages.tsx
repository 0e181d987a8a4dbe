/**
 * The public article page (the fact-check report) and the page of one claim, composed from the
 * report's components (lib/export/report-html) around the public parts (parts.tsx).
 */
import { Fragment } from 'react';
import { AnnotatedArticle } from '@/lib/export/report-html/annotated-article';
import { Chip, KeepWithHeading, cssVars, languageTag } from '@/lib/export/report-html/bits';
import { ClaimCard } from '@/lib/export/report-html/claim-card';
import { Metadata, PublicationNotices } from '@/lib/export/report-html/masthead';
import { Summary } from '@/lib/export/report-html/summary';
import { formatDate } from '@/lib/export/format';
import { verdictColors } from '@/lib/export/verdict-colors';
import type { ReportClaim, ReportViewModel } from '@/lib/export/view-model';
import { claimStatement } from './meta';
import { Colophon, PageMasthead, PreviewBanner, QuoteInContext, articleDek } from './parts';
import type { PageAddresses, PageLinks, PublicPageMode } from './view';

interface PageProps {
  vm: ReportViewModel;
  mode: PublicPageMode;
  links: PageLinks;
  addresses: PageAddresses;
}

export function ArticlePage({ vm, mode, links, addresses }: PageProps) {
  const { article } = vm;
  const placed = vm.claims.filter((c) => !c.orphaned);
  const orphans = vm.claims.filter((c) => c.orphaned);
  const card = (claim: ReportClaim) => (
    <Fragment key={claim.id}>
      <ClaimCard claim={claim} vm={vm} />
      <p className="permalink">
        <a href={links.claim(claim.number)} data-testid="claim-page-link">{`Claim ${claim.number} on its own page →`}</a>
      </p>
    </Fragment>
  );
  return (
    <>
      {mode === 'preview' && <PreviewBanner />}
      <PageMasthead vm={vm} title={article.title} titleLang={languageTag(article.language)} dek={articleDek(vm)} />
      <main className="wrap">
        <PublicationNotices vm={vm} />
        <Metadata vm={vm} />
        <Summary vm={vm} />
        <section aria-labelledby="article-h">
          <h2 id="article-h">The article, annotated</h2>
          <div className="article-body" lang={languageTag(article.language)}>
            <AnnotatedArticle article={article} claims={vm.claims} />
          </div>
          {article.sourceCredit.trim() && (
            <p className="credit" dir="auto">
              {article.sourceCredit}
            </p>
          )}
        </section>
        <section aria-labelledby="claims-h">
          <KeepWithHeading
            heading={<h2 id="claims-h">Claims checked</h2>}
            cards={placed.map(card)}
            whenEmpty={<p className="empty">No claims were checked in this article.</p>}
          />
        </section>
        {orphans.length > 0 && (
          <section aria-labelledby="orphans-h">
            <KeepWithHeading
              heading={
                <>
                  <h2 id="orphans-h">Claims no longer in the article</h2>
                  <p className="section-note">These claims were checked on an earlier version of the article. Their quoted words no longer appear in it, so they are not highlighted above.</p>
                </>
              }
              cards={orphans.map(card)}
              whenEmpty={null}
            />
          </section>
        )}
      </main>
      <Colophon vm={vm} feedUrl={addresses.feed} />
    </>
  );
}

export function ClaimPage({ vm, mode, links, addresses, claim }: PageProps & { claim: ReportClaim }) {
  const { article } = vm;
  const colors = verdictColors(claim.finalVerdict);
  const who = claim.claimant.trim();
  return (
    <>
      {mode === 'preview' && <PreviewBanner />}
      <PageMasthead
        vm={vm}
        title={claimStatement(claim)}
        titleLang={claim.claimText.trim() ? undefined : languageTag(article.language)}
        dek={[
          <span key="number" data-testid="claim-number">{`Claim ${claim.number}`}</span>,
          <Fragment key="article">
            {'in the fact-check of '}
            <a href={links.article}>
              <bdi>{article.title}</bdi>
            </a>
          </Fragment>,
        ]}
      />
      <main className="wrap">
        <PublicationNotices vm={vm} />
        <nav className="crumbs" aria-label="Fact-check">
          <a href={links.article}>
            {'← The full fact-check: '}
            <bdi>{article.title}</bdi>
          </a>
        </nav>
        <div className="verdict-box" style={cssVars({ '--v': colors.solid })} data-testid="claim-verdict">
          <span className="label">Our verdict</span>
          <Chip verdict={claim.finalVerdict} />
          {(who || claim.claimDate) && (
            <p className="who">
              {who && (
                <>
                  {'Claimed by '}
                  <bdi>{who}</bdi>
                </>
              )}
              {claim.claimDate && `${who ? ', ' : 'Claimed '}on ${formatDate(claim.claimDate)}`}
            </p>
          )}
        </div>
        <section aria-labelledby="context-h">
          <h2 id="context-h">{claim.orphaned ? 'In context (no longer in the article)' : 'In context'}</h2>
          <div style={cssVars({ '--fill': colors.fill, '--line': colors.solid })}>
            <QuoteInContext claim={claim} vm={vm} />
          </div>
        </section>
        <section aria-labelledby="check-h">
          <h2 id="check-h">The fact-check</h2>
          <ClaimCard claim={claim} vm={vm} />
        </section>
        <p className="crumbs">
          <a href={links.article}>{'All claims in this fact-check →'}</a>
        </p>
      </main>
      <Colophon vm={vm} feedUrl={addresses.feed} />
    </>
  );
}

/** A page with a heading and a sentence: not found, or the service unavailable. */
export function MessagePage({ heading, text }: { heading: string; text: string }) {
  return (
    <main className="wrap not-found">
      <h1>{heading}</h1>
      <p>{text}</p>
    </main>
  );
}
