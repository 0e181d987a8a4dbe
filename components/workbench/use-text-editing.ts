'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Editor, JSONContent } from '@tiptap/react';
import { useCallback, useEffect } from 'react';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { spliceByIdentity } from '@/lib/editor/block-splice';
import { docTextOf, jsonDocToText } from '@/lib/editor/doc-text';
import { applyDocDelta, remapClaims, type ArticleTextDelta, type ClaimException } from '@/lib/editor/text-delta';
import { applyTextChanges, type TextChange } from '@/lib/text/diff';
import { isLockedNow, useArticleText, type ArticleMeta, type ArticleText } from './queries';
import { queryKeys } from './query-keys';
import { selectionNow } from './selection-now';
import type { ClaimDto, ClaimRow } from './types';
import { useWorkbench, useWorkbenchStore } from './workbench-context';

/**
 * Shows text saved elsewhere: when the cached text has a newer revision than the editor shows
 * and this user is not editing, the editor's content is replaced (after Cancel, too). A text that
 * came as a delta shares its unchanged blocks with the shown one, so only the changed blocks are
 * replaced (a 100,000-word article is not rendered again for a one-word change).
 */
export function useTextSync(): void {
  const text = useArticleText();
  const editor = useWorkbench((s) => s.editor);
  const editing = useWorkbench((s) => s.editing);
  const shownRevision = useWorkbench((s) => s.shown.revision);
  const setShown = useWorkbench((s) => s.setShown);
  const store = useWorkbenchStore();
  useEffect(() => {
    if (!editor || !text || editing || text.revision === shownRevision) return;
    // Review mode locks the text; lift the lock just for this replacement.
    editor.commands.setTextLocked(false);
    if (!replaceChangedBlocks(editor, store.getState().shown.doc as JSONContent, text.doc as JSONContent)) {
      editor.commands.setContent(text.doc as JSONContent, { emitUpdate: false });
    }
    editor.commands.setTextLocked(true);
    setShown(text);
  }, [editor, text, editing, shownRevision, setShown, store]);
}

/**
 * Replaces only the top-level blocks that differ (by identity) between the shown document and the
 * new one, in one transaction kept out of undo history. False when the editor does not hold the
 * shown document block for block, or the new one was not derived from it (the caller replaces all).
 */
function replaceChangedBlocks(editor: Editor, shownDoc: JSONContent, nextDoc: JSONContent): boolean {
  const splice = spliceByIdentity(shownDoc, nextDoc);
  const doc = editor.state.doc;
  if (!splice || doc.childCount !== (shownDoc.content?.length ?? 0)) return false;
  try {
    let from = 0;
    for (let i = 0; i < splice.from; i += 1) from += doc.child(i).nodeSize;
    let to = from;
    for (let i = splice.from; i < splice.to; i += 1) to += doc.child(i).nodeSize;
    const nodes = splice.insert.map((block) => editor.schema.nodeFromJSON(block));
    const tr = editor.state.tr.replaceWith(from, to, nodes).setMeta('addToHistory', false);
    editor.view.dispatch(tr);
    return editor.state.doc.childCount === (nextDoc.content?.length ?? 0);
  } catch {
    return false;
  }
}

/**
 * Moves the cached text and claims from the held revision to the delta's (a colleague's save seen
 * live): the document is spliced, claims follow the text changes, and the server's exceptions are
 * applied. False (nothing changed) when the cache does not hold the delta's base revision or the
 * delta does not fit it: the caller refetches instead.
 */
export function applyTextDelta(client: QueryClient, articleId: string, delta: ArticleTextDelta, version: number): boolean {
  const held = client.getQueryData<ArticleText>(queryKeys.articleText(articleId));
  if (!held || held.revision !== delta.baseRevision) return false;
  // A fetch of the text or the claims in flight may have been answered before this save committed
  // and would land on top of the delta (older text, or positions of the old text): refetch instead.
  if (isFetching(client, queryKeys.articleText(articleId)) || isFetching(client, queryKeys.claims(articleId))) return false;
  const applied = applyDocDelta(held.doc as JSONContent, delta);
  if (!applied) return false;
  const claims = client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId));
  // A list not loaded yet (a long one the page left out) is fetched as it is now.
  const moved = claims ? remapClaims(claims, applied.oldText, applied.newText, delta.textChanges, delta.exceptions, delta.revision) : null;
  if (claims && !moved) return false;
  client.setQueryData<ArticleText>(queryKeys.articleText(articleId), { revision: delta.revision, doc: applied.doc as Record<string, unknown> });
  if (moved) client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), moved);
  else void client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true });
  client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, version: Math.max(meta.version, version), revision: delta.revision });
  return true;
}

function isFetching(client: QueryClient, queryKey: readonly unknown[]): boolean {
  return client.getQueryState(queryKey)?.fetchStatus === 'fetching';
}

/** What PUT /api/articles/:id/text answers (see the route): a delta, not the article and its claims. */
interface TextSaveResponse {
  article: { id: string; version: number; revision: number; doc?: Record<string, unknown> };
  baseRevision: number;
  anchored: number;
  orphaned: number;
  /** Claims fully anchored before this save and partly or fully orphaned now. */
  newlyOrphaned: number;
  textChanges: TextChange[];
  exceptions: ClaimException[];
}

/** Edit mode for the article text: save (claims re-anchor on the server) and cancel. */
export function useTextEditing() {
  const client = useQueryClient();
  const store = useWorkbenchStore();

  const saveText = useCallback(async () => {
    const { editor, articleId, shown, setShown, setEditing } = store.getState();
    if (!editor) return;
    const sent = editor.getJSON();
    const result = await apiFetch<TextSaveResponse>(`/api/articles/${articleId}/text`, {
      method: 'PUT',
      body: { revision: shown.revision, doc: sent },
    });
    if (!result.ok) return notifyError(result.error.message);
    const { article: saved, baseRevision, textChanges, exceptions, newlyOrphaned } = result.data;
    // The server's checked copy comes back only when it differs from what was sent (e.g. NFC).
    const doc = (saved.doc ?? sent) as Record<string, unknown>;
    if (saved.doc) {
      editor.commands.setContent(saved.doc as JSONContent, { emitUpdate: false });
    }
    // The live event of this very save may have been applied already (it can beat the response).
    const alreadyApplied = client.getQueryData<ArticleText>(queryKeys.articleText(articleId))?.revision === saved.revision;
    if (!alreadyApplied) {
      const moved = baseRevision === shown.revision ? moveClaims(client, articleId, shown.doc as JSONContent, doc as JSONContent, textChanges, exceptions, saved.revision) : false;
      // Claims that cannot be derived here are fetched again (the list route, as on a reload).
      if (!moved) void client.invalidateQueries({ queryKey: queryKeys.claims(articleId), exact: true });
    }
    // The cache shares unchanged blocks with the text it held (structural sharing); showing the
    // cached copy keeps those shared, so a later delta replaces only its own blocks in the editor.
    const text = client.setQueryData<ArticleText>(queryKeys.articleText(articleId), { revision: saved.revision, doc }) ?? { revision: saved.revision, doc };
    client.setQueryData<ArticleMeta>(queryKeys.article(articleId), (meta) => meta && { ...meta, version: Math.max(meta.version, saved.version), revision: saved.revision });
    setShown(text);
    setEditing(false);
    // Only claims this save orphaned (fully or in part), not those orphaned before it.
    if (newlyOrphaned > 0) notifyError(`Text saved. ${newlyOrphaned} claim(s) lost their words and are marked orphaned.`);
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

/** Moves the cached claims through this client's own save; false when they cannot be derived (refetch). */
function moveClaims(client: QueryClient, articleId: string, oldDoc: JSONContent, newDoc: JSONContent, textChanges: TextChange[], exceptions: ClaimException[], revision: number): boolean {
  const claims = client.getQueryData<ClaimRow[]>(queryKeys.claims(articleId));
  if (!claims) return false;
  const oldText = jsonDocToText(oldDoc);
  const newText = jsonDocToText(newDoc);
  try {
    if (applyTextChanges(oldText, textChanges) !== newText) return false;
  } catch {
    return false;
  }
  const moved = remapClaims(claims, oldText, newText, textChanges, exceptions, revision);
  if (!moved) return false;
  client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), moved);
  return true;
}

/** Marks the editor's selection as a claim (button, Ctrl/⌘+Shift+M in the text or on the page). */
export function useMarkClaim() {
  const client = useQueryClient();
  const store = useWorkbenchStore();
  return useCallback(async () => {
    const { editor, editing, markingClaim, articleId, shown, user, setMarkingClaim, openClaim } = store.getState();
    if (!editor || markingClaim || !can(user.role, 'claim:create')) return;
    if (editing) return notifyError('Save or cancel the text edits first: claims cannot be marked while the text is being edited.');
    // Published or retracted: read-only (the server would refuse with 409).
    if (isLockedNow(client, articleId)) return;
    // As the browser shows it: Ctrl+Shift+M right after Shift+arrow can come before the editor learns of the new selection.
    const { from, to, empty } = selectionNow(editor);
    if (empty) return notifyError('Select the words of the claim first.');
    const docText = docTextOf(editor.state.doc);
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
