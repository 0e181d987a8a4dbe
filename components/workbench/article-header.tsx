'use client';

import { BlindReviewToggle } from '@/components/review/blind-review-toggle';
import { PresenceBar } from '@/components/review/presence-bar';
import { ArticleStatusControl } from './article-status-control';
import { ArticleToolbar } from './article-toolbar';
import type { WorkbenchArticle } from './types';

/** Outlet, workflow status, review settings and presence, title and byline, then the toolbar. */
export function ArticleHeader({ article }: { article: WorkbenchArticle }) {
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return (
    <header className="mb-8">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs font-medium text-[var(--color-muted)]">
        <span className="uppercase tracking-wide">{article.outlet}</span>
        <ArticleStatusControl />
        <BlindReviewToggle />
        <span className="ml-auto">
          <PresenceBar />
        </span>
      </div>
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold tracking-tight text-balance">{article.title}</h1>
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
      <ArticleToolbar />
    </header>
  );
}
