'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifyError } from '@/components/ui/notify';
import { useComments } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import type { CommentDto } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';
import { editableCommentBody } from '@/lib/review/mention-tokens';
import { CommentBody } from './comment-body';
import { MentionInput } from './mention-input';
import { useMarkClaimMentionsRead } from './mark-mentions-read';
import { LocalTime } from '@/components/ui/local-time';

/** Inserts or replaces one comment in the held thread (an own write, already at its new version). */
function withComment(comments: CommentDto[] | undefined, comment: CommentDto): CommentDto[] | undefined {
  if (!comments) return comments;
  return comments.some((c) => c.id === comment.id) ? comments.map((c) => (c.id === comment.id ? comment : c)) : [...comments, comment];
}

/** Comments are internal unless marked public: a public one is published as a note from the desk (author name and date, no email). */
function PublicCheckbox({ checked, onChange, testId }: { checked: boolean; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4" data-testid={testId} />
      Public note (shown on the published fact-check)
    </label>
  );
}

/** A claim's discussion. Stays open on a published article: comments are not part of the lock. */
export function CommentThread({ claimId }: { claimId: string }) {
  const client = useQueryClient();
  const members = useWorkbench((s) => s.members);
  const currentUserId = useWorkbench((s) => s.user.id);
  const canWrite = useWorkbench((s) => can(s.user.role, 'comment:write'));
  const [draft, setDraft] = useState('');
  const [draftPublic, setDraftPublic] = useState(false);
  // `version`: the comment as it was when editing began, so an edit from another tab is not overwritten.
  const [editing, setEditing] = useState<{ id: string; body: string; isPublic: boolean; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);

  // Fetched on open; live events about this thread invalidate it.
  const thread = useComments(claimId);
  const comments = thread.data ?? null;
  // Opening the discussion reads the mentions of me in it.
  useMarkClaimMentionsRead(claimId, comments, currentUserId);
  const keep = (comment: CommentDto) => client.setQueryData<CommentDto[]>(queryKeys.comments(claimId), (held) => withComment(held, comment));

  async function post() {
    if (!draft.trim()) return;
    setPosting(true);
    setError(null);
    const result = await apiFetch<{ comment: CommentDto }>(`/api/claims/${claimId}/comments`, { method: 'POST', body: { body: draft, isPublic: draftPublic } });
    setPosting(false);
    if (!result.ok) return setError(result.error.message);
    setDraft('');
    setDraftPublic(false);
    keep(result.data.comment);
  }

  async function saveEdit() {
    if (!editing) return;
    const result = await apiFetch<{ comment: CommentDto }>(`/api/comments/${editing.id}`, { method: 'PATCH', body: { body: editing.body, isPublic: editing.isPublic, version: editing.version } });
    if (!result.ok) return setError(result.status === 409 ? 'This comment changed in another tab. Cancel to see it, then edit again.' : result.error.message);
    setEditing(null);
    keep(result.data.comment);
  }

  async function remove(comment: CommentDto) {
    if (!window.confirm('Delete your comment?')) return;
    const result = await apiFetch<{ comment: CommentDto }>(`/api/comments/${comment.id}`, { method: 'DELETE', body: { version: comment.version } });
    if (!result.ok) return notifyError(result.error.message);
    keep(result.data.comment);
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
                  <span className="font-semibold text-[var(--color-ink)]">{c.authorName ?? 'Former member'}</span> · <LocalTime iso={c.createdAt} />
                  {c.edited && ' · edited'}
                  {c.isPublic && !c.deleted && (
                    <span className="ml-1.5 rounded bg-emerald-100 px-1.5 text-[11px] font-medium text-emerald-900" title="Shown on the published fact-check as a note from the desk" data-testid="comment-public-badge">
                      Public
                    </span>
                  )}
                </p>
                {c.deleted ? (
                  <p className="mt-0.5 text-sm italic text-[var(--color-muted)]" data-testid="comment-deleted">
                    {/* Only authors delete their comments, and the delete stamps updatedAt. */}
                    Comment deleted by {c.authorName ?? 'a former member'} · <LocalTime iso={c.updatedAt} />
                  </p>
                ) : editing?.id === c.id ? (
                  <div className="mt-1 space-y-2">
                    <MentionInput label="Edit comment" value={editing.body} onChange={(body) => setEditing({ ...editing, body })} members={members} onSubmitShortcut={() => void saveEdit()} autoFocus />
                    <PublicCheckbox checked={editing.isPublic} onChange={(isPublic) => setEditing({ ...editing, isPublic })} testId="comment-edit-public-checkbox" />
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
                    <Button variant="ghost" size="sm" onClick={() => setEditing({ id: c.id, body: editableCommentBody(c.body, c.mentions.map((m) => ({ userId: m.userId, label: m.name }))), isPublic: c.isPublic, version: c.version })}>
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
        {error ?? thread.error?.message}
      </p>
      {canWrite && (
        <div className="mt-4 space-y-2">
          <MentionInput label="Add a comment" placeholder="Add a comment… (@ to mention, Ctrl+Enter to post)" value={draft} onChange={setDraft} members={members.filter((m) => m.userId !== currentUserId)} onSubmitShortcut={() => void post()} />
          <PublicCheckbox checked={draftPublic} onChange={setDraftPublic} testId="comment-public-checkbox" />
          <Button size="sm" onClick={() => void post()} disabled={posting || !draft.trim()}>
            {posting ? 'Posting…' : 'Post comment'}
          </Button>
        </div>
      )}
    </section>
  );
}
