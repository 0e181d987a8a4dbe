'use client';

import type { Editor, JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArticleHeader } from '@/components/workbench/article-header';
import { ExportMenu } from '@/components/workbench/export-menu';
import { ArticleEditor } from '@/components/editor/article-editor';
import type { ClaimHighlight } from '@/components/editor/extensions/claim-highlights';
import { ClaimPanel } from '@/components/claims/claim-panel';
import type { ClaimTab } from '@/components/claims/claim-detail';
import { Toast, useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { orderClaimsByText, resolveClaimRanges } from '@/lib/editor/claim-ranges';
import { docToText } from '@/lib/editor/doc-text';
import { isTypingTarget } from '@/lib/shortcuts';
import { highlightFill } from '@/lib/verdicts/scale';
import { AgreementCard } from '@/components/review/agreement-card';
import { ArticleAssignees } from '@/components/review/article-assignees';
import { BlindReviewToggle } from '@/components/review/blind-review-toggle';
import { PresenceBar } from '@/components/review/presence-bar';
import type { AssignmentDto } from '@/lib/domain/review';
import type { MemberDto } from '@/lib/domain/workspaces';
import type { PresenceViewer } from '@/lib/events/types';
import { ArticleStatusControl } from './article-status-control';
import { useLiveReview } from './use-live-review';
import { PENDING_COLOR, type ClaimDto, type ScaleLevel, type WorkbenchArticle, type WorkbenchUser } from './types';

export interface ArticleWorkbenchProps {
  article: WorkbenchArticle;
  initialClaims: ClaimDto[];
  levels: ScaleLevel[];
  user: WorkbenchUser;
  members: MemberDto[];
  initialAssignments: AssignmentDto[];
  /** Event-stream position at render time, so nothing between render and connect is missed. */
  initialCursor: string | null;
  /** Open this claim (and tab) on load, e.g. from My queue. */
  initialClaimId: string | null;
  initialTab: ClaimTab;
}

interface ArticleSnapshot {
  article: { id: string; version: number; revision: number; status: WorkbenchArticle['status']; blindReview: boolean; doc: Record<string, unknown> };
  claims: ClaimDto[];
}

export function ArticleWorkbench({ article: initialArticle, initialClaims, levels, user, members, initialAssignments, initialCursor, initialClaimId, initialTab }: ArticleWorkbenchProps) {
  const [article, setArticle] = useState(initialArticle);
  const [claims, setClaims] = useState(initialClaims);
  const [activeId, setActiveId] = useState<string | null>(() => (initialClaimId && initialClaims.some((c) => c.id === initialClaimId) ? initialClaimId : null));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editing, setEditing] = useState(false);
  // The tab a claim opens on: the one asked for in the URL at first, then Details.
  const [openTab, setOpenTab] = useState<ClaimTab>(initialTab);
  const [hasSelection, setHasSelection] = useState(false);
  const { toast, show } = useToast();
  const markingRef = useRef(false);
  const deletedIds = useRef(new Set<string>());

  const canAnnotate = can(user.role, 'claim:create');
  const canEditText = can(user.role, 'article:edit');
  const levelById = useMemo(() => new Map(levels.map((l) => [l.id, l])), [levels]);
  const editingRef = useRef(editing);
  const articleRef = useRef(article);
  useEffect(() => {
    editingRef.current = editing;
    articleRef.current = article;
  }, [editing, article]);

  /** Reloads the article row and claims; replaces the text in the editor when it changed. */
  const reloadArticle = useCallback(async () => {
    const result = await apiFetch<ArticleSnapshot>(`/api/articles/${initialArticle.id}`);
    if (!result.ok || !editor) return;
    const fresh = result.data.article;
    const replaceText = fresh.revision !== articleRef.current.revision && !editingRef.current;
    if (replaceText) {
      // Review mode locks the text; lift the lock just for this replacement.
      editor.commands.setTextLocked(false);
      editor.commands.setContent(fresh.doc as JSONContent, { emitUpdate: false });
      editor.commands.setTextLocked(true);
    }
    setArticle((a) => ({ ...a, status: fresh.status, blindReview: fresh.blindReview, version: fresh.version, ...(replaceText ? { revision: fresh.revision, doc: fresh.doc } : {}) }));
    setClaims(result.data.claims);
  }, [initialArticle.id, editor]);

  const live = useLiveReview({
    articleId: initialArticle.id,
    initialCursor,
    activeClaimId: activeId,
    initialAssignments,
    onClaim: (claimId, claim, actorId) => {
      if (!claim) {
        deletedIds.current.add(claimId);
        setClaims((prev) => prev.filter((c) => c.id !== claimId));
        if (activeId === claimId && actorId !== user.id) {
          setActiveId(null);
          show('A colleague deleted the claim you had open.', 'error');
        }
        return;
      }
      // A refetch that lands after the claim's deletion must not bring it back.
      if (deletedIds.current.has(claimId)) return;
      setClaims((prev) => upsertNewer(prev, claim));
    },
    onArticleUpdated: (event) => {
      // Our own change, already applied here; another tab of ours still needs it.
      if (event.version <= articleRef.current.version) return;
      if (event.fields.includes('text') && editingRef.current) {
        show('A colleague saved new article text while you are editing. Saving yours will be refused; copy your changes, cancel, and redo them on the new text.', 'error');
      }
      void reloadArticle();
    },
    onResync: () => void reloadArticle(),
  });

  // Where each claim sits in the reviewed text; re-resolved when claims or the saved text change.
  const docText = useMemo(() => (editor ? docToText(editor.state.doc) : null), [editor, article.revision]); // eslint-disable-line react-hooks/exhaustive-deps -- the doc changes only with a new revision outside edit mode
  const ranges = useMemo(() => (docText ? resolveClaimRanges(docText.text, claims) : new Map<string, { start: number; end: number }>()), [docText, claims]);

  // Push highlights into the editor (an external system) whenever they change.
  useEffect(() => {
    if (!editor || !docText || editing) return;
    const highlights: ClaimHighlight[] = [];
    for (const claim of claims) {
      const range = ranges.get(claim.id);
      if (!range) continue;
      const level = claim.verdictId ? levelById.get(claim.verdictId) : undefined;
      const color = level?.color ?? PENDING_COLOR;
      highlights.push({
        claimId: claim.id,
        from: docText.offsetToPos(range.start, 'start'),
        to: docText.offsetToPos(range.end, 'end'),
        color,
        fill: highlightFill(color, level ? 0.26 : 0.2),
        label: `${level?.label ?? 'Pending'}: ${claim.claimText}`,
      });
    }
    editor.commands.setClaimHighlights(highlights);
  }, [editor, docText, ranges, claims, editing, levelById]);

  useEffect(() => {
    editor?.commands.setActiveClaim(activeId);
  }, [editor, activeId]);

  const orderedClaims = useMemo(() => orderClaimsByText(claims, ranges), [claims, ranges]);
  const claimNumbers = useMemo(() => new Map(orderedClaims.map((c, i) => [c.id, i + 1])), [orderedClaims]);
  const viewersByClaim = useMemo(() => {
    const map = new Map<string, PresenceViewer[]>();
    for (const v of live.viewers) if (v.userId !== user.id && v.openClaimId) map.set(v.openClaimId, [...(map.get(v.openClaimId) ?? []), v]);
    return map;
  }, [live.viewers, user.id]);

  const focusClaim = useCallback((claimId: string, scroll = true) => {
    setActiveId(claimId);
    setOpenTab('details');
    if (!scroll) return;
    requestAnimationFrame(() => {
      const el = document.querySelector(`.article-body [data-claim-id="${CSS.escape(claimId)}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }, []);

  // A claim asked for in the URL (e.g. from My queue): bring its highlight into view once drawn.
  const scrolledToInitial = useRef(false);
  useEffect(() => {
    if (scrolledToInitial.current || !initialClaimId || !ranges.has(initialClaimId)) return;
    scrolledToInitial.current = true;
    requestAnimationFrame(() => document.querySelector(`.article-body [data-claim-id="${CSS.escape(initialClaimId)}"]`)?.scrollIntoView({ block: 'center' }));
  }, [initialClaimId, ranges]);

  const markClaim = useCallback(async () => {
    if (!editor || editing || !canAnnotate || markingRef.current) return;
    const { from, to, empty } = editor.state.selection;
    if (empty) {
      show('Select the words of the claim first.', 'error');
      return;
    }
    const docText = docToText(editor.state.doc);
    const start = docText.posToOffset(from);
    const end = docText.posToOffset(to);
    markingRef.current = true;
    const result = await apiFetch<{ claim: ClaimDto }>('/api/claims', { method: 'POST', body: { articleId: article.id, revision: article.revision, start, end } });
    markingRef.current = false;
    if (!result.ok) {
      show(result.error.message, 'error');
      return;
    }
    setClaims((prev) => [...prev, result.data.claim]);
    editor.commands.setTextSelection(to);
    setActiveId(result.data.claim.id);
    show('Claim marked.', 'success');
  }, [editor, editing, canAnnotate, article.id, article.revision, show]);

  // Page-level shortcuts: the editor handles Mod-Shift-M itself when focused; this covers the rest.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === 'm' && !editor?.isFocused) {
        event.preventDefault();
        void markClaim();
        return;
      }
      if (isTypingTarget(event.target) || mod || event.altKey) return;
      if (event.key === 'j' || event.key === 'k') {
        const visible = orderedClaims.filter((c) => ranges.has(c.id));
        if (visible.length === 0) return;
        const index = visible.findIndex((c) => c.id === activeId);
        const next = event.key === 'j' ? (index + 1) % visible.length : (index - 1 + visible.length) % visible.length;
        focusClaim(visible[next]!.id);
      } else if (event.key === 'Escape' && activeId) {
        setActiveId(null);
      } else if (event.key === 'e' && canEditText && !editing) {
        setEditing(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, markClaim, orderedClaims, ranges, activeId, focusClaim, canEditText, editing]);

  const saveText = useCallback(async () => {
    if (!editor) return;
    const result = await apiFetch<{ article: { version: number; revision: number; doc: JSONContent }; claims: ClaimDto[]; orphaned: number }>(`/api/articles/${article.id}/text`, {
      method: 'PUT',
      body: { revision: article.revision, doc: editor.getJSON() },
    });
    if (!result.ok) {
      show(result.error.message, 'error');
      return;
    }
    const saved = result.data.article;
    setArticle((a) => ({ ...a, version: saved.version, revision: saved.revision, doc: saved.doc as Record<string, unknown> }));
    setClaims(result.data.claims);
    setEditing(false);
    show(result.data.orphaned > 0 ? `Text saved. ${result.data.orphaned} claim(s) lost their words and are marked orphaned.` : 'Text saved. All claims still attached.', result.data.orphaned > 0 ? 'error' : 'success');
  }, [editor, article.id, article.revision, show]);

  const cancelEdit = useCallback(() => {
    editor?.commands.setContent(article.doc as JSONContent, { emitUpdate: false });
    setEditing(false);
    // Someone may have saved new text meanwhile: pick it up now that we are out of edit mode.
    editingRef.current = false;
    void reloadArticle();
  }, [editor, article.doc, reloadArticle]);

  return (
    <div className="mx-auto grid max-w-[1440px] grid-cols-1 gap-0 lg:grid-cols-[minmax(0,1fr)_440px]">
      <section aria-label="Article" className="min-w-0 border-r border-[var(--color-line)] bg-[var(--color-paper)] px-6 py-8 lg:px-12">
        <div className="mx-auto max-w-[72ch]">
          <ArticleHeader
            article={article}
            canAnnotate={canAnnotate}
            canEditText={canEditText}
            editing={editing}
            hasSelection={hasSelection}
            onMarkClaim={() => void markClaim()}
            onEdit={() => setEditing(true)}
            onSave={() => void saveText()}
            onCancel={cancelEdit}
            meta={
              <>
                <ArticleStatusControl articleId={article.id} status={article.status} version={article.version} role={user.role} onChange={(next) => setArticle((a) => ({ ...a, ...next }))} notify={show} />
                <BlindReviewToggle
                  articleId={article.id}
                  blindReview={article.blindReview}
                  version={article.version}
                  canChange={can(user.role, 'article:status')}
                  onChange={(next) => {
                    setArticle((a) => ({ ...a, ...next }));
                    void reloadArticle();
                  }}
                  notify={show}
                />
                <span className="ml-auto">
                  <PresenceBar viewers={live.viewers} currentUserId={user.id} status={live.status} claimNumber={(id) => claimNumbers.get(id)} />
                </span>
              </>
            }
          >
            <ExportMenu articleId={article.id} />
          </ArticleHeader>
          <div
            onKeyDown={(event) => {
              if (editing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
                event.preventDefault();
                void saveText();
              }
            }}
          >
            <ArticleEditor
              doc={initialArticle.doc}
              editing={editing}
              language={article.language}
              onReady={setEditor}
              onMarkClaim={() => void markClaim()}
              onSelectionChange={setHasSelection}
              onClaimClick={(id) => focusClaim(id, false)}
            />
          </div>
        </div>
      </section>
      <ClaimPanel
        articleId={article.id}
        members={members}
        assignments={live.assignments}
        onAssignmentsChanged={() => void live.reloadAssignments()}
        refreshKeysFor={live.keysFor}
        onVoted={(claimId) => {
          // Under blind review my vote may reveal the final verdict.
          void live.refetchClaim(claimId, user.id);
          live.bump(claimId, 'verdicts', 'history');
        }}
        viewersByClaim={viewersByClaim}
        initialTab={openTab}
        header={
          <>
            <ArticleAssignees articleId={article.id} assignments={live.assignments} members={members} canAssign={can(user.role, 'claim:assign')} onChanged={() => void live.reloadAssignments()} notify={show} />
            <AgreementCard articleId={article.id} refreshKey={live.agreementKey} />
          </>
        }
        claims={orderedClaims}
        anchoredIds={ranges}
        levels={levels}
        activeId={activeId}
        user={user}
        onSelect={(id) => focusClaim(id)}
        onClose={() => setActiveId(null)}
        onClaimChange={(claim) => setClaims((prev) => upsertNewer(prev, claim))}
        onSourcesChange={(claimId, update) => setClaims((prev) => prev.map((c) => (c.id === claimId ? { ...c, sources: update(c.sources) } : c)))}
        onClaimDelete={(id) => {
          deletedIds.current.add(id);
          setClaims((prev) => prev.filter((c) => c.id !== id));
          setActiveId(null);
        }}
        notify={show}
      />
      <Toast toast={toast} />
    </div>
  );
}

/** Inserts the claim, or replaces the held one unless that is already newer (late responses never roll back). */
function upsertNewer(claims: ClaimDto[], claim: ClaimDto): ClaimDto[] {
  if (!claims.some((c) => c.id === claim.id)) return [...claims, claim];
  return claims.map((c) => (c.id === claim.id && c.version <= claim.version ? claim : c));
}
