'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '@/components/articles/status-badge';
import { Button } from '@/components/ui/button';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import { statusInSentence } from '@/lib/domain/status-labels';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { PublicationHistoryButton } from './publication-history';
import { PublicationReasonDialog } from './publication-reason-dialog';
import { publicationActions, workflowSteps } from './publication-view';
import { PublishDialog } from './publish-dialog';
import { useArticleMeta, usePublication, type ArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import { useWorkbench } from './workbench-context';

type OpenDialog = 'publish' | 'reopen' | 'retract' | null;

/**
 * The article's workflow state with the moves this member's role allows: the plain steps
 * (draft ⇄ in review ⇄ ready) directly, and Publish…, Reopen for correction… and Retract… through
 * their dialogs (the publication route), which ask for what each step records.
 */
export function ArticleStatusControl() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const firstPublishedAt = useWorkbench((s) => s.firstPublishedAt);
  const { status, version } = useArticleMeta();
  const publication = usePublication().data;
  const everPublished = publication ? publication.everPublished : firstPublishedAt !== null;
  const [pending, setPending] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const steps = workflowSteps(role, status);
  const actions = publicationActions(role, status, everPublished);
  const close = () => setDialog(null);

  async function move(to: ArticleStatus) {
    setPending(true);
    const result = await apiFetch<{ article: { status: ArticleStatus; version: number } }>(`/api/articles/${articleId}/status`, { method: 'PUT', body: { status: to, version } });
    setPending(false);
    if (!result.ok) return notifyError(result.error.message);
    const saved = result.data.article;
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, status: saved.status, version: saved.version });
    notifySuccess(`Article is now ${statusInSentence(saved.status)}.`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="article-status">
      <StatusBadge status={status} />
      {steps.map((t) => (
        <Button key={t.to} variant="secondary" size="sm" disabled={pending} onClick={() => void move(t.to)}>
          {t.label}
        </Button>
      ))}
      {actions.publish && (
        <Button size="sm" onClick={() => setDialog('publish')} data-testid="publish-button">
          Publish…
        </Button>
      )}
      {actions.reopen && (
        <Button variant="secondary" size="sm" onClick={() => setDialog('reopen')} data-testid="reopen-button">
          Reopen for correction…
        </Button>
      )}
      {actions.retract && (
        <Button variant="danger" size="sm" onClick={() => setDialog('retract')} data-testid="retract-button">
          Retract…
        </Button>
      )}
      <PublicationHistoryButton />
      <PublishDialog open={dialog === 'publish'} onClose={close} />
      <PublicationReasonDialog kind="reopen" open={dialog === 'reopen'} onClose={close} />
      <PublicationReasonDialog kind="retract" open={dialog === 'retract'} onClose={close} />
    </div>
  );
}
