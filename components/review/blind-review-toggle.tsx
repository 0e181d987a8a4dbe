'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/api/client';

export interface BlindReviewToggleProps {
  articleId: string;
  blindReview: boolean;
  version: number;
  canChange: boolean;
  onChange: (next: { blindReview: boolean; version: number }) => void;
  notify: (text: string, tone?: 'success' | 'error') => void;
}

/** Per-article blind review: reviewers see others' verdicts (and the final one) only after giving their own. */
export function BlindReviewToggle({ articleId, blindReview, version, canChange, onChange, notify }: BlindReviewToggleProps) {
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
    if (!result.ok) return notify(result.error.message, 'error');
    onChange({ blindReview: result.data.article.blindReview, version: result.data.article.version });
    notify(result.data.article.blindReview ? 'Blind review is on: reviewers see others’ verdicts only after giving their own.' : 'Blind review is off.');
  }
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-xs font-medium normal-case">
      <input type="checkbox" role="switch" checked={blindReview} disabled={pending} onChange={() => void toggle()} className="h-4 w-4 accent-indigo-700" />
      Blind review
    </label>
  );
}
