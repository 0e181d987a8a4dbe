import type { Editor } from '@tiptap/react';
import { createStore } from 'zustand/vanilla';
import type { ClaimDraft } from '@/components/claims/claim-draft';
import type { PresenceViewer } from '@/lib/events/types';
import type { MemberDto } from '@/lib/domain/workspaces';
import type { StatusFilter, VerdictFilter } from '@/lib/review/claim-filters';
import type { LiveStatus } from './use-article-events';
import type { ScaleLevel, WorkbenchUser } from './types';

export type ClaimTab = 'details' | 'discussion' | 'verdicts' | 'history';

export interface ClaimEditState {
  edits: Partial<ClaimDraft>;
  /** The claim version the edits started from (null: no edits). */
  baseVersion: number | null;
}

export const NO_EDITS: ClaimEditState = { edits: {}, baseVersion: null };

export type ClaimRanges = ReadonlyMap<string, { start: number; end: number }>;

/**
 * Choosing words for a claim in the text: "Change words" (the selection replaces the claim's words,
 * or one part's when `partIndex` is set) until the user confirms (Enter, the banner's Confirm) or cancels (Esc).
 */
export interface SpanMode {
  claimId: string;
  /** The part whose words are replaced; null: all of the claim's words become the selection (one part). */
  partIndex: number | null;
  /**
   * The claim as it was when choosing started: its version (sent on confirm, so a change made
   * meanwhile is a 409, not a replacement of the wrong part) and its parts' words, in order.
   */
  seen: { version: number; quotes: string[] };
}

/**
 * Client-only workbench state (server data lives in the TanStack Query cache). One store per
 * mounted workbench, handed down through context; components read slices with selectors, so a
 * keystroke in one claim's form does not re-render the article.
 */
export interface WorkbenchState {
  articleId: string;
  user: WorkbenchUser;
  levels: ScaleLevel[];
  members: MemberDto[];
  /** When the article was first published, as the page rendered it (the publication query has the live value). */
  firstPublishedAt: string | null;
  editor: Editor | null;
  /** The text in the editor and its revision: what claims are marked against and what Cancel restores. */
  shown: { revision: number; doc: Record<string, unknown> };
  editing: boolean;
  hasSelection: boolean;
  /** A mark-claim request is under way (a second press must not mark the words twice). */
  markingClaim: boolean;
  activeId: string | null;
  /** The tab a claim opens on: the one asked for in the URL at first, then Details. */
  openTab: ClaimTab;
  /** Unsaved claim edits, per claim, so switching claims never drops them. */
  drafts: Record<string, ClaimEditState>;
  verdictFilter: VerdictFilter;
  statusFilter: StatusFilter;
  /** Where each claim sits in the shown text (UTF-16 offsets); absent: orphaned or not found. */
  ranges: ClaimRanges;
  /** The text revision `ranges` were computed on: right after a save they still describe the old text. */
  rangesRevision: number | null;
  viewers: PresenceViewer[];
  liveStatus: LiveStatus;
  /** Claims deleted in this session: a refetch computed before the deletion must not bring them back. */
  deletedIds: Set<string>;
  /** Choosing new words for a claim (null: not). */
  spanMode: SpanMode | null;
}

export interface WorkbenchActions {
  setEditor: (editor: Editor | null) => void;
  setShown: (shown: WorkbenchState['shown']) => void;
  setEditing: (editing: boolean) => void;
  setHasSelection: (hasSelection: boolean) => void;
  setMarkingClaim: (markingClaim: boolean) => void;
  /** Opens a claim on the Details tab. */
  openClaim: (claimId: string) => void;
  closeClaim: () => void;
  updateDraft: (claimId: string, update: (state: ClaimEditState) => ClaimEditState) => void;
  setVerdictFilter: (filter: VerdictFilter) => void;
  setStatusFilter: (filter: StatusFilter) => void;
  setRanges: (revision: number, ranges: ClaimRanges) => void;
  setViewers: (viewers: PresenceViewer[]) => void;
  setLiveStatus: (status: LiveStatus) => void;
  /** Forgets the claim: closes it when open and remembers the deletion. */
  claimDeleted: (claimId: string) => void;
  setSpanMode: (mode: SpanMode | null) => void;
}

export type WorkbenchStore = ReturnType<typeof createWorkbenchStore>;

export interface WorkbenchInit {
  articleId: string;
  user: WorkbenchUser;
  levels: ScaleLevel[];
  members: MemberDto[];
  firstPublishedAt: string | null;
  shown: WorkbenchState['shown'];
  activeId: string | null;
  openTab: ClaimTab;
  /** The list's filters as the URL asked for them (default: all). */
  verdictFilter?: VerdictFilter;
  statusFilter?: StatusFilter;
}

export function createWorkbenchStore(init: WorkbenchInit) {
  return createStore<WorkbenchState & WorkbenchActions>()((set) => ({
    ...init,
    editor: null,
    editing: false,
    hasSelection: false,
    markingClaim: false,
    drafts: {},
    verdictFilter: init.verdictFilter ?? 'all',
    statusFilter: init.statusFilter ?? 'all',
    ranges: new Map(),
    rangesRevision: null,
    viewers: [],
    liveStatus: 'connecting',
    deletedIds: new Set(),
    spanMode: null,
    setEditor: (editor) => set({ editor }),
    setShown: (shown) => set({ shown }),
    // Editing the text ends choosing words (the selection then is for typing, and claims cannot change).
    setEditing: (editing) => set((s) => ({ editing, spanMode: editing ? null : s.spanMode })),
    setHasSelection: (hasSelection) => set({ hasSelection }),
    setMarkingClaim: (markingClaim) => set({ markingClaim }),
    // Opening another claim (or closing it) ends choosing words for the one before.
    openClaim: (claimId) => set((s) => ({ activeId: claimId, openTab: 'details', spanMode: s.spanMode?.claimId === claimId ? s.spanMode : null })),
    closeClaim: () => set({ activeId: null, spanMode: null }),
    updateDraft: (claimId, update) => set((s) => ({ drafts: { ...s.drafts, [claimId]: update(s.drafts[claimId] ?? NO_EDITS) } })),
    setVerdictFilter: (verdictFilter) => set({ verdictFilter }),
    setStatusFilter: (statusFilter) => set({ statusFilter }),
    setRanges: (rangesRevision, ranges) => set({ ranges, rangesRevision }),
    setViewers: (viewers) => set({ viewers }),
    setLiveStatus: (liveStatus) => set({ liveStatus }),
    setSpanMode: (spanMode) => set({ spanMode }),
    claimDeleted: (claimId) =>
      set((s) => {
        const { [claimId]: _dropped, ...drafts } = s.drafts;
        s.deletedIds.add(claimId);
        return { drafts, activeId: s.activeId === claimId ? null : s.activeId, spanMode: s.spanMode?.claimId === claimId ? null : s.spanMode };
      }),
  }));
}
