'use client';

import { useState } from 'react';
import { StatusBadge } from '@/components/articles/status-badge';
import { Button } from '@/components/ui/button';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { Role } from '@/lib/domain/roles';
import { apiFetch } from '@/lib/api/client';
import { availableArticleTransitions } from '@/lib/review/workflow';

export interface ArticleStatusControlProps {
  articleId: string;
  status: ArticleStatus;
  version: number;
  role: Role;
  onChange: (next: { status: ArticleStatus; version: number }) => void;
  notify: (text: string, tone?: 'success' | 'error') => void;
}

/** The article's workflow state, with the moves this member's role allows (draft → in review → ready → published). */
export function ArticleStatusControl({ articleId, status, version, role, onChange, notify }: ArticleStatusControlProps) {
  const [pending, setPending] = useState(false);
  const transitions = availableArticleTransitions(role, status);

  async function move(to: ArticleStatus) {
    setPending(true);
    const result = await apiFetch<{ article: { status: ArticleStatus; version: number } }>(`/api/articles/${articleId}/status`, { method: 'PUT', body: { status: to, version } });
    setPending(false);
    if (!result.ok) return notify(result.error.message, 'error');
    onChange({ status: result.data.article.status, version: result.data.article.version });
    notify(`Article is now ${to.replace('_', ' ')}.`);
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
