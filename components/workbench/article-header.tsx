'use client';

import { textDirection } from '@/lib/text/direction';
import { ArticleDetailsActions, useArticleHeadline } from '@/components/articles/article-details-dialog';
import { BlindReviewToggle } from '@/components/review/blind-review-toggle';
import { PresenceBar } from '@/components/review/presence-bar';
import { SessionBar } from '@/components/review-sessions/session-bar';
import { ArticleStatusControl } from './article-status-control';
import { ArticleToolbar } from './article-toolbar';
import { SpanModeBanner } from './span-mode-banner';
import type { WorkbenchArticle } from './types';

/**
 * A bar that stays in view while the article scrolls (outlet, workflow status, review settings,
 * presence, then the toolbar: mark claim, export, edit text; and the "choose new words" banner),
 * then the title and byline, which scroll with the text.
 */
export function ArticleHeader({ article: rendered }: { article: WorkbenchArticle }) {
  // Title, outlet, byline … as they are now (the Details dialog, here or in another workbench, changes them).
  const article = useArticleHeadline(rendered);
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return (
    <>
      <div data-sticky-article-bar="" data-testid="article-bar" className="sticky top-14 z-20 -mx-3 mb-4 rounded-b-lg border-b border-[var(--color-line)] bg-[var(--color-paper)]/95 px-3 pt-2 pb-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs font-medium text-[var(--color-muted)]">
          <span className="uppercase tracking-wide">{article.outlet}</span>
          <ArticleStatusControl />
          <BlindReviewToggle />
          <ArticleDetailsActions />
          <span className="ml-auto">
            <PresenceBar />
          </span>
        </div>
        <ArticleToolbar />
        <SpanModeBanner />
        <SessionBar />
      </div>
      <header className="mb-8">
        <h1 dir={textDirection(article.title) ?? 'auto'} className="mt-2 font-serif text-3xl leading-tight font-bold tracking-tight text-balance">{article.title}</h1>
        <p className="mt-2 text-sm text-[var(--color-muted)]">
          {[article.byline && `By ${article.byline}`, article.publishedOn && `Published ${article.publishedOn}`].filter(Boolean).join(' · ')}
          {safeUrl && (
            <>
              {' · '}
              <a href={safeUrl} className="underline hover:text-[var(--color-ink)]" target="_blank" rel="noopener noreferrer">
                Original
              </a>
            </>
          )}
        </p>
        {article.sourceCredit && <p className="mt-1 text-xs text-[var(--color-muted)]">Source: {article.sourceCredit}</p>}
      </header>
    </>
  );
}
