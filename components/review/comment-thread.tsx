'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CommentDto } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';
import { MentionInput, type Mentionable } from './mention-input';
import { formatWhen } from './format';
import { useApiData } from './use-api-data';

export interface CommentThreadProps {
  claimId: string;
  members: Mentionable[];
  currentUserId: string;
  canWrite: boolean;
  /** Bumped by live events about this claim's comments: refetch. */
  refreshKey: number;
  notify: (text: string, tone?: 'success' | 'error') => void;
  onCount?: (count: number) => void;
}

/** Renders a comment body with @mentions of members emphasised (text only: never HTML). */
function CommentBody({ comment }: { comment: CommentDto }) {
  const names = comment.mentions.map((m) => m.name).sort((a, b) => b.length - a.length);
  if (names.length === 0) return <>{comment.body}</>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = comment.body.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'g'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <strong key={i} className="rounded bg-blue-50 px-0.5 font-semibold text-[var(--color-accent)]">
            {part}
          </strong>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function CommentThread({ claimId, members, currentUserId, canWrite, refreshKey, notify, onCount }: CommentThreadProps) {
  const [draft, setDraft] = useState('');
  // `version`: the comment as it was when editing began, so an edit from another tab is not overwritten.
  const [editing, setEditing] = useState<{ id: string; body: string; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);

  // Fetched on open and whenever a live event says the thread changed.
  const thread = useApiData<{ comments: CommentDto[] }>(`/api/claims/${claimId}/comments`, refreshKey);
  const comments = thread.data?.comments ?? null;
  const load = thread.reload;
  const liveCount = comments?.filter((c) => !c.deleted).length ?? null;
  useEffect(() => {
    if (liveCount !== null) onCount?.(liveCount);
  }, [liveCount, onCount]);

  async function post() {
    if (!draft.trim()) return;
    setPosting(true);
    setError(null);
    const result = await apiFetch<{ comment: CommentDto }>(`/api/claims/${claimId}/comments`, { method: 'POST', body: { body: draft } });
    setPosting(false);
    if (!result.ok) return setError(result.error.message);
    setDraft('');
    load();
  }

  async function saveEdit() {
    if (!editing) return;
    const result = await apiFetch<{ comment: CommentDto }>(`/api/comments/${editing.id}`, { method: 'PATCH', body: { body: editing.body, version: editing.version } });
    if (!result.ok) return setError(result.status === 409 ? 'This comment changed in another tab. Cancel to see it, then edit again.' : result.error.message);
    setEditing(null);
    load();
  }

  async function remove(comment: CommentDto) {
    if (!window.confirm('Delete your comment?')) return;
    const result = await apiFetch(`/api/comments/${comment.id}`, { method: 'DELETE', body: { version: comment.version } });
    if (!result.ok) return notify(result.error.message, 'error');
    load();
  }

  return (
    <section aria-label="Discussion" className="px-5 py-5" data-testid="comment-thread">
      {comments === null ? (
        <p className="text-sm text-[var(--color-muted)]">Loading discussion…</p>
      ) : comments.length === 0 ? (
        <p className="text-sm text-[var(--color-muted)]">No comments yet. Ask a question, share a lead, or @mention a colleague.</p>
      ) : (
        <ol className="space-y-4">
          {comments.map((c) => (
            <li key={c.id} className="flex gap-3" data-testid="comment">
              <span aria-hidden className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-gray-200 text-xs font-semibold text-gray-700">
                {(c.authorName ?? '?').slice(0, 1)}
              </span>
              <div className="min-w-0 flex-1">
                <p className="text-xs text-[var(--color-muted)]">
                  <span className="font-semibold text-[var(--color-ink)]">{c.authorName ?? 'Former member'}</span> · {formatWhen(c.createdAt)}
                  {c.edited && ' · edited'}
                </p>
                {c.deleted ? (
                  <p className="mt-0.5 text-sm italic text-[var(--color-muted)]" data-testid="comment-deleted">
                    {/* Only authors delete their comments, and the delete stamps updatedAt. */}
                    Comment deleted by {c.authorName ?? 'a former member'} · {formatWhen(c.updatedAt)}
                  </p>
                ) : editing?.id === c.id ? (
                  <div className="mt-1 space-y-2">
                    <MentionInput label="Edit comment" value={editing.body} onChange={(body) => setEditing({ id: c.id, body, version: editing.version })} members={members} onSubmitShortcut={() => void saveEdit()} autoFocus />
                    <div className="flex gap-2">
                      <Button size="sm" onClick={() => void saveEdit()}>
                        Save
                      </Button>
                      <Button size="sm" variant="secondary" onClick={() => setEditing(null)}>
                        Cancel
                      </Button>
                    </div>
                  </div>
                ) : (
                  <p className="mt-0.5 text-sm whitespace-pre-wrap break-words" dir="auto">
                    <CommentBody comment={c} />
                  </p>
                )}
                {!c.deleted && c.authorId === currentUserId && editing?.id !== c.id && (
                  <div className="mt-1 flex gap-1">
                    <Button variant="ghost" size="sm" onClick={() => setEditing({ id: c.id, body: c.body, version: c.version })}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => void remove(c)}>
                      Delete
                    </Button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p role="alert" className="mt-3 text-sm text-red-700 empty:hidden">
        {error ?? thread.error}
      </p>
      {canWrite && (
        <div className="mt-4 space-y-2">
          <MentionInput label="Add a comment" placeholder="Add a comment… (@ to mention, Ctrl+Enter to post)" value={draft} onChange={setDraft} members={members.filter((m) => m.userId !== currentUserId)} onSubmitShortcut={() => void post()} />
          <Button size="sm" onClick={() => void post()} disabled={posting || !draft.trim()}>
            {posting ? 'Posting…' : 'Post comment'}
          </Button>
        </div>
      )}
    </section>
  );
}
