'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { notifyError } from '@/components/ui/notify';
import { getJson } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch, type ApiResult } from '@/lib/api/client';
import type { AgendaProposalItem, ArticleReviewSessions, ReviewSessionView, SessionItemDto } from '@/lib/domain/review-sessions';

/** The session routes answer with the view itself; tolerate `{ session }` too. */
export function readSessionView(data: unknown): ReviewSessionView | null {
  if (!data || typeof data !== 'object') return null;
  const wrapped = (data as { session?: unknown }).session;
  const view = wrapped && typeof wrapped === 'object' ? wrapped : data;
  return 'items' in (view as object) && 'me' in (view as object) ? (view as ReviewSessionView) : null;
}

/**
 * The article's running review session and the past ones (GET /api/articles/:id/review-sessions).
 * Changes arrive as `session.updated` events, which invalidate this query (live-event-plan.ts), so
 * it never goes stale by time; a resync or reconnect refetches it with the rest of the article.
 */
export function useArticleReviewSessions() {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: queryKeys.reviewSessions(articleId),
    queryFn: () => getJson<ArticleReviewSessions>(`/api/articles/${articleId}/review-sessions`),
    staleTime: Infinity,
  });
}

/** The running session as this viewer may see it (null: none running, or not loaded yet). */
export function useRunningSession(): ReviewSessionView | null {
  return useArticleReviewSessions().data?.running ?? null;
}

/** The item under discussion. */
export function currentItem(view: ReviewSessionView | null): SessionItemDto | null {
  if (!view?.currentItemId) return null;
  return view.items.find((i) => i.id === view.currentItemId) ?? null;
}

/** Items in agenda order. */
export function agendaOrder(view: ReviewSessionView): SessionItemDto[] {
  return [...view.items].sort((a, b) => a.position - b.position);
}

/** "claim #4" (or the quote's start when the claim has no number). */
export function claimLabel(item: Pick<SessionItemDto, 'claimNumber' | 'claimQuote'>): string {
  if (item.claimNumber !== null) return `claim #${item.claimNumber}`;
  return `“${item.claimQuote.length > 40 ? `${item.claimQuote.slice(0, 40)}…` : item.claimQuote}”`;
}

export type SessionOp =
  | { op: 'reorder'; version: number; itemIds: string[] }
  | { op: 'addItem'; claimId: string }
  | { op: 'dropItem'; itemId: string; note?: string }
  | { op: 'goto'; itemId: string }
  | { op: 'timebox'; itemId: string; seconds: number | null }
  | { op: 'callVote'; itemId: string }
  | { op: 'reveal'; itemId: string }
  | { op: 'decide'; itemId: string; verdictId: string; rationale?: string; claimVersion: number }
  | { op: 'defer'; itemId: string; note: string }
  | { op: 'takeLead' }
  | { op: 'end' };

export type AttendanceAction = 'join' | 'leave' | 'follow' | 'breakAway';

export type SessionResult = { ok: true; view: ReviewSessionView } | { ok: false; status: number; message: string };

/**
 * Every write to a session: the answer (the session as it is now) goes straight into the cache; a
 * refusal is shown with the server's message (a 409 — someone else changed the session, or one
 * is already running — also refetches, so the screen shows what is true now).
 */
export function useSessionCommands() {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);

  const send = useCallback(
    async (url: string, method: string, body: unknown, options: { quiet?: boolean } = {}): Promise<SessionResult> => {
      const result: ApiResult<unknown> = await apiFetch<unknown>(url, { method, body });
      const key = queryKeys.reviewSessions(articleId);
      if (!result.ok) {
        if (!options.quiet) notifyError(result.error.message);
        if (result.status === 409 || result.status === 404) void client.invalidateQueries({ queryKey: key, exact: true });
        return { ok: false, status: result.status, message: result.error.message };
      }
      const view = readSessionView(result.data);
      if (!view) {
        void client.invalidateQueries({ queryKey: key, exact: true });
        return { ok: false, status: 0, message: 'The server answered without the session.' };
      }
      if (view.status === 'running') {
        client.setQueryData<ArticleReviewSessions>(key, (held) => {
          // A late answer never rolls the session back.
          if (held?.running?.id === view.id && held.running.version > view.version) return held;
          return { running: view, past: held?.past ?? [] };
        });
      } else {
        // Ended: the past list gains it (the server builds the summary).
        await client.invalidateQueries({ queryKey: key, exact: true });
      }
      return { ok: true, view };
    },
    [client, articleId],
  );

  return useMemo(
    () => ({
      start: (body: { claimIds?: string[]; timeboxSeconds?: number | null }) => send(`/api/articles/${articleId}/review-sessions`, 'POST', body, { quiet: true }),
      patch: (sessionId: string, op: SessionOp, options?: { quiet?: boolean }) => send(`/api/review-sessions/${sessionId}`, 'PATCH', op, options),
      attend: (sessionId: string, action: AttendanceAction, options?: { quiet?: boolean }) => send(`/api/review-sessions/${sessionId}/attendance`, 'POST', { action }, options),
      addNote: (sessionId: string, itemId: string, body: string) => send(`/api/review-sessions/${sessionId}/items/${itemId}/notes`, 'POST', { body }),
      editNote: (sessionId: string, noteId: string, body: string, version: number) => send(`/api/review-sessions/${sessionId}/notes/${noteId}`, 'PATCH', { body, version }),
      deleteNote: (sessionId: string, noteId: string, version: number) => send(`/api/review-sessions/${sessionId}/notes/${noteId}`, 'DELETE', { version }),
      addAction: (sessionId: string, body: { itemId?: string; kind: 'claim' | 'task'; assigneeId: string; claimId?: string; text: string }) => send(`/api/review-sessions/${sessionId}/actions`, 'POST', body),
      setActionDone: (sessionId: string, actionId: string, done: boolean, version: number) => send(`/api/review-sessions/${sessionId}/actions/${actionId}`, 'PATCH', { done, version }),
    }),
    [send, articleId],
  );
}

/** The agenda the server proposes (GET …/proposal), fetched afresh each time the Start dialog opens. */
export function useAgendaProposal(enabled: boolean) {
  const articleId = useWorkbench((s) => s.articleId);
  return useQuery({
    queryKey: [...queryKeys.reviewSessions(articleId), 'proposal'] as const,
    queryFn: async () => (await getJson<{ items: AgendaProposalItem[] }>(`/api/articles/${articleId}/review-sessions/proposal`)).items,
    enabled,
    staleTime: 0,
    refetchOnMount: 'always',
    retry: false,
  });
}

/** An ended session with its minutes (GET /api/review-sessions/:id). */
export function useSessionMinutes(sessionId: string | null) {
  return useQuery({
    queryKey: ['review-session', sessionId] as const,
    queryFn: async () => {
      const data = await getJson<unknown>(`/api/review-sessions/${sessionId}`);
      const view = readSessionView(data);
      if (!view) throw new Error('The server answered without the session.');
      return view;
    },
    enabled: sessionId !== null,
    staleTime: Infinity,
  });
}
