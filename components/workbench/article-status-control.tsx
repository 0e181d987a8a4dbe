'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '@/components/articles/status-badge';
import { Button } from '@/components/ui/button';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { availableArticleTransitions } from '@/lib/review/workflow';
import { useArticleMeta, type ArticleMeta } from './queries';
import { queryKeys } from './query-keys';
import { useWorkbench } from './workbench-context';

/** The article's workflow state, with the moves this member's role allows (draft → in review → ready → published). */
export function ArticleStatusControl() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const role = useWorkbench((s) => s.user.role);
  const { status, version } = useArticleMeta();
  const [pending, setPending] = useState(false);
  const transitions = availableArticleTransitions(role, status);

  async function move(to: ArticleStatus) {
    setPending(true);
    const result = await apiFetch<{ article: { status: ArticleStatus; version: number } }>(`/api/articles/${articleId}/status`, { method: 'PUT', body: { status: to, version } });
    setPending(false);
    if (!result.ok) return notifyError(result.error.message);
    const saved = result.data.article;
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, status: saved.status, version: saved.version });
    notifySuccess(`Article is now ${to.replace('_', ' ')}.`);
  }

  return (
    <div className="flex items-center gap-2" data-testid="article-status">
      <StatusBadge status={status} />
      {transitions.map((t) => (
        <Button key={t.to} variant={t.to === 'published' ? 'primary' : 'secondary'} size="sm" disabled={pending} onClick={() => void move(t.to)}>
          {t.label}
        </Button>
      ))}
    </div>
  );
}
