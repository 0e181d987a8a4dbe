'use client';

import { StartSessionButton } from '@/components/review-sessions/start-session';
import { FindClaims } from '@/components/suggestions/find-claims';
import { Button } from '@/components/ui/button';
import { can } from '@/lib/auth/permissions';
import { ExportMenu } from './export-menu';
import { RevisionCompareButton } from './revision-compare';
import { StoryUpdatesButton } from './story-updates';
import { useArticleLocked, useArticleMeta } from './queries';
import { useMarkClaim, useTextEditing } from './use-text-editing';
import { useWorkbench } from './workbench-context';

/** Mark claim / export / edit text; in edit mode, save and cancel. A published or retracted article offers export only. */
export function ArticleToolbar() {
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const editing = useWorkbench((s) => s.editing);
  const hasSelection = useWorkbench((s) => s.hasSelection);
  const setEditing = useWorkbench((s) => s.setEditing);
  const markClaim = useMarkClaim();
  const { saveText, cancelEdit } = useTextEditing();
  const locked = useArticleLocked();
  const retracted = useArticleMeta().status === 'retracted';
  const canAnnotate = can(role, 'claim:create') && !locked;
  const hint = locked
    ? retracted
      ? 'Retracted: read-only.'
      : 'Published: read-only. The discussion stays open.'
    : canAnnotate
      ? 'Select words in the text, then mark them as a claim.'
      : 'You have read-only access to this article.';
  return (
    <div role="toolbar" aria-label="Article actions" className="mt-2 flex flex-wrap items-center gap-2">
      {editing ? (
        <>
          {locked ? (
            // Published by a colleague while this user was editing: saving would be refused.
            <span className="text-sm font-medium text-red-800" role="alert">
              This article was published while you were editing, so the text cannot be saved. Copy your changes, then cancel.
            </span>
          ) : (
            <span className="text-sm font-medium text-amber-800">Editing article text — claims re-anchor when you save.</span>
          )}
          <span className="ml-auto" />
          <Button variant="secondary" size="sm" onClick={cancelEdit}>
            Cancel
          </Button>
          <Button size="sm" onClick={() => void saveText()} disabled={locked}>
            Save text
          </Button>
        </>
      ) : (
        <>
          {canAnnotate && (
            <Button
              size="sm"
              // The press leaves the focus (and the visible selection) in the text, where the reader is.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void markClaim()}
              disabled={!hasSelection}
              aria-keyshortcuts="Control+Shift+M Meta+Shift+M"
              title="Mark claim (Ctrl/⌘+Shift+M)"
            >
              Mark claim
            </Button>
          )}
          <span className="text-xs text-[var(--color-muted)]">{hint}</span>
          <span className="ml-auto" />
          <StartSessionButton />
          <ExportMenu articleId={articleId} />
          <RevisionCompareButton />
          <StoryUpdatesButton />
          {can(role, 'article:edit') && !locked && (
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-keyshortcuts="E">
              Edit text
            </Button>
          )}
          <FindClaims />
        </>
      )}
    </div>
  );
}
