'use client';

import { StatusBadge } from '@/components/articles/status-badge';
import { Button } from '@/components/ui/button';
import type { WorkbenchArticle } from './types';

export interface ArticleHeaderProps {
  article: WorkbenchArticle;
  canAnnotate: boolean;
  canEditText: boolean;
  editing: boolean;
  hasSelection: boolean;
  onMarkClaim: () => void;
  onEdit: () => void;
  onSave: () => void;
  onCancel: () => void;
  /** Toolbar extras (export). */
  children?: React.ReactNode;
  /** Workflow status, review settings and presence, shown above the title. */
  meta?: React.ReactNode;
}

export function ArticleHeader({ article, canAnnotate, canEditText, editing, hasSelection, onMarkClaim, onEdit, onSave, onCancel, children, meta }: ArticleHeaderProps) {
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return (
    <header className="mb-8">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs font-medium text-[var(--color-muted)]">
        <span className="uppercase tracking-wide">{article.outlet}</span>
        {meta ?? <StatusBadge status={article.status} />}
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
      <div role="toolbar" aria-label="Article actions" className="sticky top-14 z-20 -mx-3 mt-5 flex flex-wrap items-center gap-2 rounded-lg border border-[var(--color-line)] bg-white/95 px-3 py-2 shadow-xs backdrop-blur">
        {editing ? (
          <>
            <span className="text-sm font-medium text-amber-800">Editing article text — claims re-anchor when you save.</span>
            <span className="ml-auto" />
            <Button variant="secondary" size="sm" onClick={onCancel}>
              Cancel
            </Button>
            <Button size="sm" onClick={onSave}>
              Save text
            </Button>
          </>
        ) : (
          <>
            {canAnnotate && (
              <Button size="sm" onClick={onMarkClaim} disabled={!hasSelection} aria-keyshortcuts="Control+Shift+M Meta+Shift+M" title="Mark claim (Ctrl/⌘+Shift+M)">
                Mark claim
              </Button>
            )}
            <span className="text-xs text-[var(--color-muted)]">
              {canAnnotate ? 'Select words in the text, then mark them as a claim.' : 'You have read-only access to this article.'}
            </span>
            <span className="ml-auto" />
            {children}
            {canEditText && (
              <Button variant="secondary" size="sm" onClick={onEdit} aria-keyshortcuts="E">
                Edit text
              </Button>
            )}
          </>
        )}
      </div>
    </header>
  );
}
