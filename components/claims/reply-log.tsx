'use client';

import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError, showServerError, useZodForm } from '@/components/ui/form';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { getJson, useArticleLocked } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch, type ApiResult } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { REPLY_METHOD_LABELS, REPLY_METHODS, type ReplyAttemptDto } from '@/lib/domain/publishing';
import { formatDay, todayIn } from '@/lib/format/dates';
import { replyAttemptFieldsSchema, type ReplyAttemptFields, type ReplyAttemptInput } from '@/lib/validations/replies';

/**
 * A claim's right-of-reply log, under `['claim', id]` so a resync refreshes it with the claim's
 * other parts. (Not in query-keys.ts yet; move it there with a reply.* live event.)
 */

export function useReplyAttempts(claimId: string) {
  return useQuery({ queryKey: queryKeys.replies(claimId), queryFn: async () => (await getJson<{ replies: ReplyAttemptDto[] }>(`/api/claims/${claimId}/replies`)).replies });
}

/** Oldest contact first, as the server lists them. */
function sortAttempts(list: ReplyAttemptDto[]): ReplyAttemptDto[] {
  return [...list].sort((a, b) => a.contactedOn.localeCompare(b.contactedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const dayLabel = (day: string) => formatDay(day) ?? day;
const attemptName = (a: ReplyAttemptDto) => `${dayLabel(a.contactedOn)} (${REPLY_METHOD_LABELS[a.method]})`;

/**
 * Right of reply: when and how the claimant was asked for comment and what they said. Reviewers and
 * up log, edit and remove attempts; read-only for everyone on a published or retracted article
 * (`readOnly` forces it too).
 */
export function ReplyLog({ claimId, readOnly = false }: { claimId: string; readOnly?: boolean }) {
  const locked = useArticleLocked();
  const mayWrite = useWorkbench((s) => can(s.user.role, 'source:write'));
  const editable = mayWrite && !locked && !readOnly;
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const { data: attempts, isPending, isError } = useReplyAttempts(claimId);
  const [adding, setAdding] = useState(false);
  // The version the user started editing from: a colleague's save in between makes ours a 409.
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);

  const setAttempts = (update: (list: ReplyAttemptDto[]) => ReplyAttemptDto[]) => client.setQueryData<ReplyAttemptDto[]>(queryKeys.replies(claimId), (list) => sortAttempts(update(list ?? [])));

  /** A refused write: a locked article refreshes the article (the UI turns read-only); a stale one takes their version. */
  function failure(result: Extract<ApiResult<unknown>, { ok: false }>): { message: string; details?: unknown } {
    const details = result.error.details as { locked?: boolean; current?: ReplyAttemptDto | null } | undefined;
    if (result.status === 409 && details?.locked) {
      void client.invalidateQueries({ queryKey: queryKeys.article(articleId), exact: true });
      return { message: result.error.message };
    }
    if (result.status === 409) {
      const current = details?.current;
      if (current) setAttempts((list) => list.map((a) => (a.id === current.id ? current : a)));
      return { message: 'Someone else changed this entry while you were editing. Cancel to see their version, then edit again.' };
    }
    if (result.status === 404) void client.invalidateQueries({ queryKey: queryKeys.replies(claimId) });
    return { message: result.error.message, details: result.error.details };
  }

  async function add(fields: ReplyAttemptFields) {
    const result = await apiFetch<{ reply: ReplyAttemptDto }>(`/api/claims/${claimId}/replies`, { method: 'POST', body: fields });
    if (!result.ok) return failure(result);
    setAttempts((list) => [...list, result.data.reply]);
    setAdding(false);
    notifySuccess('Right-of-reply attempt logged.');
    return null;
  }

  async function update(id: string, version: number, fields: ReplyAttemptFields) {
    const result = await apiFetch<{ reply: ReplyAttemptDto }>(`/api/replies/${id}`, { method: 'PATCH', body: { ...fields, version } });
    if (!result.ok) return failure(result);
    setAttempts((list) => list.map((a) => (a.id === id ? result.data.reply : a)));
    setEditing(null);
    notifySuccess('Right-of-reply attempt updated.');
    return null;
  }

  async function remove(attempt: ReplyAttemptDto) {
    if (!window.confirm(`Remove the right-of-reply attempt of ${attemptName(attempt)}?`)) return;
    const result = await apiFetch(`/api/replies/${attempt.id}`, { method: 'DELETE', body: { version: attempt.version } });
    if (!result.ok) {
      notifyError(failure(result).message);
      return;
    }
    setAttempts((list) => list.filter((a) => a.id !== attempt.id));
    notifySuccess('Right-of-reply attempt removed.');
  }

  const headingId = useId();
  const list = attempts ?? [];
  return (
    <section aria-labelledby={headingId} className="border-t border-[var(--color-line)] px-5 py-5" data-testid="reply-log">
      <div className="flex items-center justify-between">
        <h3 id={headingId} className="text-sm font-semibold">
          Right of reply {attempts && <span className="font-normal text-[var(--color-muted)]">({list.length})</span>}
        </h3>
        {editable && !adding && (
          <Button variant="secondary" size="sm" onClick={() => setAdding(true)} data-testid="add-reply-button">
            Log attempt
          </Button>
        )}
      </div>
      <p className="mt-1 text-xs text-[var(--color-muted)]">Attempts to reach the claimant for comment. Contact details stay internal.</p>
      {isPending && <p className="mt-2 text-sm text-[var(--color-muted)]">Loading…</p>}
      {isError && <p className="mt-2 text-sm text-red-700">Could not load the right-of-reply log.</p>}
      <ul className="mt-3 space-y-3" data-testid="reply-list">
        {list.map((attempt) =>
          editing?.id === attempt.id && editable ? (
            <li key={attempt.id}>
              <ReplyForm initial={attempt} submitLabel="Save attempt" onSubmit={(fields) => update(attempt.id, editing.version, fields)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={attempt.id} className="rounded-lg border border-[var(--color-line)] p-3" data-testid="reply-item">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{dayLabel(attempt.contactedOn)}</span>
                <span className="text-[var(--color-muted)]">· {REPLY_METHOD_LABELS[attempt.method]}</span>
                {attempt.showPublicly && (
                  <span className="ml-auto rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800" data-testid="reply-public-badge">
                    Shown publicly
                  </span>
                )}
              </div>
              {attempt.contact && (
                <p className="mt-1 text-sm text-gray-700" dir="auto">
                  <span className="text-[var(--color-muted)]">Contact: </span>
                  {attempt.contact}
                </p>
              )}
              {attempt.response ? (
                <blockquote className="mt-2 border-l-2 border-gray-300 pl-2 text-sm whitespace-pre-wrap text-gray-700" dir="auto" data-testid="reply-response">
                  {attempt.response}
                  {attempt.respondedOn && <span className="mt-1 block text-xs text-[var(--color-muted)]">Responded {dayLabel(attempt.respondedOn)}</span>}
                </blockquote>
              ) : (
                <p className="mt-2 text-sm text-[var(--color-muted)] italic" data-testid="reply-response">
                  No response yet
                </p>
              )}
              {editable && (
                <div className="mt-2 flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => setEditing({ id: attempt.id, version: attempt.version })} aria-label={`Edit the attempt of ${attemptName(attempt)}`}>
                    Edit
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => void remove(attempt)} aria-label={`Remove the attempt of ${attemptName(attempt)}`}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {attempts && list.length === 0 && !adding && <p className="mt-2 text-sm text-[var(--color-muted)]">No attempts logged yet.</p>}
      {adding && editable && (
        <div className="mt-3">
          <ReplyForm submitLabel="Log attempt" onSubmit={add} onCancel={() => setAdding(false)} />
        </div>
      )}
    </section>
  );
}

const FIELD_NAMES = ['contactedOn', 'method', 'contact', 'response', 'respondedOn', 'showPublicly'] as const;
const inputClass = 'w-full rounded-md border border-[var(--color-line)] bg-white px-3 text-sm aria-[invalid=true]:border-red-500';

/** Log or edit one attempt; validated in the browser with the schema the server reads the body with. */
function ReplyForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: ReplyAttemptDto;
  submitLabel: string;
  onSubmit: (fields: ReplyAttemptFields) => Promise<{ message: string; details?: unknown } | null>;
  onCancel: () => void;
}) {
  const ids = { method: useId(), response: useId(), responseError: useId(), methodError: useId() };
  const form = useZodForm<ReplyAttemptInput, ReplyAttemptFields>(replyAttemptFieldsSchema, {
    defaultValues: {
      contactedOn: initial?.contactedOn ?? todayIn(undefined),
      method: initial?.method ?? 'email',
      contact: initial?.contact ?? '',
      response: initial?.response ?? '',
      respondedOn: initial?.respondedOn ?? '',
      showPublicly: initial?.showPublicly ?? false,
    },
  });
  const { register, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async (fields) => {
    const error = await onSubmit(fields);
    if (error) showServerError(form, error, FIELD_NAMES);
  });

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3 rounded-lg border border-[var(--color-line)] bg-gray-50 p-3" noValidate aria-label={submitLabel} data-testid="reply-form">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Date contacted" type="date" required {...register('contactedOn')} error={errors.contactedOn?.message} />
        <div>
          <label htmlFor={ids.method} className="mb-1 block text-sm font-medium">
            Method
          </label>
          <select id={ids.method} {...register('method')} aria-invalid={errors.method ? true : undefined} aria-describedby={errors.method ? ids.methodError : undefined} className={`h-10 ${inputClass}`}>
            {REPLY_METHODS.map((m) => (
              <option key={m} value={m}>
                {REPLY_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
          {errors.method && (
            <p id={ids.methodError} className="mt-1 text-xs text-red-700">
              {errors.method.message}
            </p>
          )}
        </div>
      </div>
      <Field label="Contact" hint="Who was contacted and how (internal: never published)." maxLength={300} {...register('contact')} error={errors.contact?.message} />
      <div>
        <label htmlFor={ids.response} className="mb-1 block text-sm font-medium">
          Response
        </label>
        <textarea
          id={ids.response}
          rows={3}
          placeholder="Leave empty while no response came."
          {...register('response')}
          aria-invalid={errors.response ? true : undefined}
          aria-describedby={errors.response ? ids.responseError : undefined}
          className={`py-2 ${inputClass}`}
        />
        {errors.response && (
          <p id={ids.responseError} className="mt-1 text-xs text-red-700">
            {errors.response.message}
          </p>
        )}
      </div>
      <Field label="Response date" type="date" {...register('respondedOn')} error={errors.respondedOn?.message} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('showPublicly')} className="h-4 w-4" />
        Show on the public page
      </label>
      <p className="-mt-2 text-xs text-[var(--color-muted)]">The public page shows the date, the method and the response (or “No response”), never the contact.</p>
      <FormError form={form} className="text-sm text-red-700 empty:hidden" />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
