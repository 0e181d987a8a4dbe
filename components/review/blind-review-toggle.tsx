'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { useArticleMeta, type ArticleMeta } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';

/** Per-article blind review: reviewers see others' verdicts (and the final one) only after giving their own. */
export function BlindReviewToggle() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const canChange = useWorkbench((s) => can(s.user.role, 'article:status'));
  const { blindReview, version } = useArticleMeta();
  const [pending, setPending] = useState(false);
  if (!canChange) {
    return blindReview ? (
      <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900" title="You see colleagues’ verdicts after giving your own.">
        Blind review
      </span>
    ) : null;
  }
  async function toggle() {
    setPending(true);
    const result = await apiFetch<{ article: { blindReview: boolean; version: number } }>(`/api/articles/${articleId}/settings`, { method: 'PATCH', body: { blindReview: !blindReview, version } });
    setPending(false);
    if (!result.ok) return notifyError(result.error.message);
    const saved = result.data.article;
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, blindReview: saved.blindReview, version: saved.version });
    // What this viewer may see of each claim's decision changed with it.
    void client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true });
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'claim' && q.queryKey[2] === 'verdicts' });
    notifySuccess(saved.blindReview ? 'Blind review is on: reviewers see others’ verdicts only after giving their own.' : 'Blind review is off.');
  }
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-xs font-medium normal-case">
      <input type="checkbox" role="switch" checked={blindReview} disabled={pending} onChange={() => void toggle()} className="h-4 w-4 accent-indigo-700" />
      Blind review
    </label>
  );
}
