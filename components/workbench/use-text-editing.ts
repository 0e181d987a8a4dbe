'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { JSONContent } from '@tiptap/react';
import { useCallback, useEffect } from 'react';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { docToText } from '@/lib/editor/doc-text';
import { isLockedNow, useArticleText, type ArticleMeta, type ArticleText } from './queries';
import { queryKeys } from './query-keys';
import type { ClaimDto } from './types';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

/**
 * Shows text saved elsewhere: when the cached text has a newer revision than the editor shows
 * and this user is not editing, the editor's content is replaced (after Cancel, too).
 */
export function useTextSync(): void {
  const text = useArticleText();
  const editor = useWorkbench((s) => s.editor);
  const editing = useWorkbench((s) => s.editing);
  const shownRevision = useWorkbench((s) => s.shown.revision);
  const setShown = useWorkbench((s) => s.setShown);
  useEffect(() => {
    if (!editor || !text || editing || text.revision === shownRevision) return;
    // Review mode locks the text; lift the lock just for this replacement.
    editor.commands.setTextLocked(false);
    editor.commands.setContent(text.doc as JSONContent, { emitUpdate: false });
    editor.commands.setTextLocked(true);
    setShown(text);
  }, [editor, text, editing, shownRevision, setShown]);
}

/** Edit mode for the article text: save (claims re-anchor on the server) and cancel. */
export function useTextEditing() {
  const client = useQueryClient();
  const store = useWorkbenchStore();

  const saveText = useCallback(async () => {
    const { editor, articleId, shown, setShown, setEditing } = store.getState();
    if (!editor) return;
    const result = await apiFetch<{ article: { version: number; revision: number; doc: Record<string, unknown> }; claims: ClaimDto[]; orphaned: number }>(`/api/articles/${articleId}/text`, {
      method: 'PUT',
      body: { revision: shown.revision, doc: editor.getJSON() },
    });
    if (!result.ok) return notifyError(result.error.message);
    const saved = result.data.article;
    const text: ArticleText = { revision: saved.revision, doc: saved.doc };
    client.setQueryData<ArticleText>(queryKeys.articleText(articleId), text);
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, version: saved.version, revision: saved.revision });
    client.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), result.data.claims);
    setShown(text);
    setEditing(false);
    const { orphaned } = result.data;
    if (orphaned > 0) notifyError(`Text saved. ${orphaned} claim(s) lost their words and are marked orphaned.`);
    else notifySuccess('Text saved. All claims still attached.');
  }, [client, store]);

  const cancelEdit = useCallback(() => {
    const { editor, shown, setEditing } = store.getState();
    editor?.commands.setContent(shown.doc as JSONContent, { emitUpdate: false });
    // Text someone saved meanwhile is applied by useTextSync now that editing is over.
    setEditing(false);
  }, [store]);

  return { saveText, cancelEdit };
}

/** Marks the editor's selection as a claim (button, Ctrl/⌘+Shift+M in the text or on the page). */
export function useMarkClaim() {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  return useCallback(async () => {
    const { editor, editing, markingClaim, articleId, shown, user, setMarkingClaim, openClaim } = store.getState();
    if (!editor || editing || markingClaim || !can(user.role, 'claim:create')) return;
    // Published or retracted: read-only (the server would refuse with 409).
    if (isLockedNow(client, articleId)) return;
    const { from, to, empty } = editor.state.selection;
    if (empty) return notifyError('Select the words of the claim first.');
    const docText = docToText(editor.state.doc);
    setMarkingClaim(true);
    const result = await apiFetch<{ claim: ClaimDto }>('/api/claims', { method: 'POST', body: { articleId, revision: shown.revision, start: docText.posToOffset(from), end: docText.posToOffset(to) } });
    setMarkingClaim(false);
    if (!result.ok) return notifyError(result.error.message);
    const { claim } = result.data;
    client.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), (claims) => [...(claims ?? []).filter((c) => c.id !== claim.id), claim]);
    editor.commands.setTextSelection(to);
    openClaim(claim.id);
    notifySuccess('Claim marked.');
  }, [client, store]);
}
