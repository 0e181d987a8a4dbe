'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ClaimDto, ScaleLevel, SourceDto, WorkbenchUser } from '@/components/workbench/types';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { ConflictNotice, draftOf, type ClaimDraft } from './conflict-notice';
import { availableClaimTransitions } from '@/lib/review/workflow';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { ClaimStatus } from '@/lib/domain/statuses';
import { STATUS_LABELS } from './labels';
import { SourceList } from './source-list';
import { VerdictChip } from './verdict-chip';
import { VerdictPicker } from './verdict-picker';
import { ClaimAssignees } from '@/components/review/claim-assignees';
import { ClaimHistory } from '@/components/review/claim-history';
import { CommentThread } from '@/components/review/comment-thread';
import { ReviewerVerdicts } from '@/components/review/reviewer-verdicts';
import type { AssignmentDto } from '@/lib/domain/review';
import type { MemberDto } from '@/lib/domain/workspaces';

export interface ClaimDetailProps {
  articleId: string;
  claim: ClaimDto;
  number: number;
  orphaned: boolean;
  levels: ScaleLevel[];
  user: WorkbenchUser;
  onBack: () => void;
  onChange: (claim: ClaimDto) => void;
  onSourcesChange: (claimId: string, update: (sources: SourceDto[]) => SourceDto[]) => void;
  onDelete: (claimId: string) => void;
  notify: (text: string, tone?: 'success' | 'error') => void;
  members: MemberDto[];
  assignments: AssignmentDto[];
  onAssignmentsChanged: () => void;
  /** Bumped by live events: the thread, verdicts and history refetch when theirs changes. */
  refreshKeys: { comments: number; verdicts: number; history: number };
  /** My verdict was saved (under blind review the final verdict may now be revealed). */
  onVoted: () => void;
  initialTab?: ClaimTab;
  /** Unsaved edits live with the panel, per claim, so switching claims never drops them. */
  editState: ClaimEditState;
  onEditState: (update: (state: ClaimEditState) => ClaimEditState) => void;
}

export interface ClaimEditState {
  edits: Partial<ClaimDraft>;
  /** The claim version the edits started from (null: no edits). */
  baseVersion: number | null;
}

export const NO_EDITS: ClaimEditState = { edits: {}, baseVersion: null };

export type ClaimTab = 'details' | 'discussion' | 'verdicts' | 'history';
const TABS: Array<{ id: ClaimTab; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'discussion', label: 'Discussion' },
  { id: 'verdicts', label: 'Verdicts' },
  { id: 'history', label: 'History' },
];

const inputClass = 'w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm disabled:bg-gray-50';

export function ClaimDetail({ articleId, claim, number, orphaned, levels, user, onBack, onChange, onSourcesChange, onDelete, notify, members, assignments, onAssignmentsChanged, refreshKeys, onVoted, initialTab = 'details', editState, onEditState }: ClaimDetailProps) {
  const [tab, setTab] = useState<ClaimTab>(initialTab);
  const [commentCount, setCommentCount] = useState<number | null>(null);
  // Only the fields this user edited are kept locally; everything else shows the live claim,
  // so others' saves appear at once and a save never rewrites fields the user did not touch.
  const { edits, baseVersion: editBaseVersion } = editState;
  const setEdits = (update: Partial<ClaimDraft> | ((e: Partial<ClaimDraft>) => Partial<ClaimDraft>)) => onEditState((s) => ({ ...s, edits: typeof update === 'function' ? update(s.edits) : update }));
  const setEditBaseVersion = (update: number | null | ((v: number | null) => number | null)) => onEditState((s) => ({ ...s, baseVersion: typeof update === 'function' ? update(s.baseVersion) : update }));
  const [conflict, setConflict] = useState<ClaimDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editable = can(user.role, 'claim:update');
  const canSetFinal = can(user.role, 'verdict:final');
  const base = draftOf(claim);
  const draft: ClaimDraft = { ...base, ...edits };
  const changedKeys = (Object.keys(edits) as Array<keyof ClaimDraft>).filter((k) => edits[k] !== base[k]);
  const dirty = changedKeys.length > 0;
  const level = levels.find((l) => l.id === draft.verdictId) ?? null;

  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => {
    setEditBaseVersion((v) => v ?? claim.version);
    setEdits((e) => ({ ...e, [key]: value }));
  };

  async function save(event?: React.FormEvent, version = editBaseVersion ?? claim.version) {
    event?.preventDefault();
    if (!dirty) return;
    setSaving(true);
    setError(null);
    const changes: Record<string, unknown> = Object.fromEntries(changedKeys.map((k) => [k, draft[k]]));
    if ('claimDate' in changes) changes.claimDate = draft.claimDate || null;
    if ('claimAppearance' in changes) changes.claimAppearance = draft.claimAppearance || null;
    const result = await apiFetch<{ claim: ClaimDto }>(`/api/claims/${claim.id}`, { method: 'PATCH', body: { version, ...changes } });
    setSaving(false);
    if (result.ok) {
      onChange(result.data.claim);
      setEdits({});
      setEditBaseVersion(null);
      setConflict(null);
      notify('Claim saved.');
      return;
    }
    const current = (result.error.details as { current?: ClaimDto } | undefined)?.current;
    if (result.status === 409 && current) {
      setConflict(current);
      onChange(current);
      return;
    }
    setError(result.error.message);
  }

  async function remove() {
    if (!window.confirm(`Delete claim ${number}? Its sources go with it.`)) return;
    const result = await apiFetch(`/api/claims/${claim.id}`, { method: 'DELETE', body: { version: claim.version } });
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    onDelete(claim.id);
    notify('Claim deleted.');
  }

  return (
    <div data-testid="claim-detail">
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-[var(--color-line)] bg-white px-5 py-3">
        <Button variant="ghost" size="sm" onClick={onBack} aria-label="Back to all claims">
          ← All claims
        </Button>
        <h2 className="text-base font-semibold">Claim {number}</h2>
        <span className="ml-auto">
          <VerdictChip level={level} hidden={claim.verdictHidden} />
        </span>
      </div>
      <div role="tablist" aria-label="Claim sections" className="flex gap-1 border-b border-[var(--color-line)] px-4" onKeyDown={(e) => {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        const index = TABS.findIndex((t) => t.id === tab);
        const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
        setTab(next.id);
        document.getElementById(`tab-${next.id}`)?.focus();
      }}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-2.5 py-2 text-sm ${tab === t.id ? 'border-[var(--color-accent)] font-semibold text-[var(--color-ink)]' : 'border-transparent text-[var(--color-muted)] hover:text-[var(--color-ink)]'}`}
          >
            {t.label}
            {t.id === 'discussion' && commentCount !== null && commentCount > 0 && <span className="ml-1 rounded-full bg-gray-100 px-1.5 text-xs tabular-nums">{commentCount}</span>}
          </button>
        ))}
      </div>
      {/* Inactive panels stay mounted (hidden) so drafts in them survive a tab switch. */}
      <div role="tabpanel" id="panel-details" aria-labelledby="tab-details" hidden={tab !== 'details'}>
      <form onSubmit={(e) => void save(e)} className="space-y-5 px-5 py-5" aria-label={`Claim ${number}`}>
        {orphaned && (
          <div role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            <strong className="font-semibold">Orphaned.</strong> The words this claim was made on are no longer in the article. Original quote kept below.
          </div>
        )}
        <figure>
          <figcaption className="text-xs font-semibold uppercase tracking-wide text-[var(--color-muted)]">{orphaned ? 'Original quote' : 'Quote'}</figcaption>
          <blockquote className="mt-1 border-l-4 pl-3 font-serif text-[15px] leading-relaxed" style={{ borderColor: level?.color ?? '#8c959f' }} dir="auto" data-testid="claim-quote">
            {orphaned ? claim.originalQuote : claim.quote.exact}
          </blockquote>
        </figure>


        <label className="block">
          <span className="mb-1 block text-sm font-medium">Claim statement</span>
          <textarea value={draft.claimText} onChange={(e) => set('claimText', e.target.value)} rows={3} className={inputClass} disabled={!editable} dir="auto" />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="col-span-2 block">
            <span className="mb-1 block text-sm font-medium">Claimant</span>
            <input value={draft.claimant} onChange={(e) => set('claimant', e.target.value)} placeholder="Who made the claim" className={inputClass} disabled={!editable} />
          </label>
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Date made</span>
            <input type="date" value={draft.claimDate} onChange={(e) => set('claimDate', e.target.value)} className={inputClass} disabled={!editable} />
          </label>
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Where made</span>
            <input value={draft.claimAppearance} onChange={(e) => set('claimAppearance', e.target.value)} placeholder="URL or venue" className={inputClass} disabled={!editable} />
          </label>
        </div>

        {claim.verdictHidden ? (
          // A picker would show "Pending" selected, which is not what the claim says.
          <div data-testid="final-verdict-hidden">
            <p className="mb-1 text-sm font-medium">Final verdict</p>
            <p className="rounded-md border border-dashed border-[var(--color-line)] bg-gray-50 px-3 py-2 text-sm text-[var(--color-muted)]">{HIDDEN_UNTIL_VERDICT} (Verdicts tab): blind review.</p>
          </div>
        ) : (
          <VerdictPicker
            levels={levels}
            value={draft.verdictId}
            onChange={(id) => set('verdictId', id)}
            disabled={!canSetFinal}
            legend="Final verdict"
            hint={canSetFinal ? 'What the published report says.' : 'Set by an editor; it is what the published report says.'}
          />
        )}
        <ClaimAssignees articleId={articleId} claimId={claim.id} assignments={assignments} members={members} canAssign={can(user.role, 'claim:assign')} onChanged={onAssignmentsChanged} notify={notify} />

        {claim.status === null ? (
          // Blind review: the rationale and status would reveal the decision until I give my verdict.
          <dl className="space-y-3" data-testid="claim-decision-hidden">
            {['Rationale', 'Status'].map((name) => (
              <div key={name}>
                <dt className="mb-1 text-sm font-medium">{name}</dt>
                <dd className="rounded-md border border-dashed border-[var(--color-line)] bg-gray-50 px-3 py-2 text-sm text-[var(--color-muted)]">{HIDDEN_UNTIL_VERDICT}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">Rationale</span>
              <textarea value={draft.rationale} onChange={(e) => set('rationale', e.target.value)} rows={5} placeholder="Why this verdict? Cite what the sources show." className={inputClass} disabled={!editable} dir="auto" />
            </label>

            <label className="block">
              <span className="mb-1 block text-sm font-medium">Status</span>
              <select value={draft.status ?? claim.status} onChange={(e) => set('status', e.target.value as ClaimStatus)} className={inputClass} disabled={!editable}>
                {[claim.status, ...availableClaimTransitions(user.role, claim.status).map((t) => t.to)].map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}

        {conflict && (
          <ConflictNotice
            mine={draft}
            theirs={conflict}
            levels={levels}
            onKeepTheirs={() => {
              setEdits({});
              setEditBaseVersion(null);
              setConflict(null);
            }}
            onReapplyMine={() => {
              setEditBaseVersion(conflict.version);
              void save(undefined, conflict.version);
            }}
          />
        )}
        <p role="alert" aria-live="assertive" className="text-sm text-red-700 empty:hidden">
          {error}
        </p>
        {editable && (
          <div className="flex items-center gap-2">
            <Button type="submit" disabled={saving || !dirty || conflict !== null}>
              {saving ? 'Saving…' : 'Save claim'}
            </Button>
            {dirty && !saving && <span className="text-xs text-[var(--color-muted)]">Unsaved changes</span>}
            {(claim.authorId === user.id || can(user.role, 'article:edit')) && (
              <Button variant="danger" size="sm" className="ml-auto" onClick={() => void remove()}>
                Delete claim
              </Button>
            )}
          </div>
        )}
        <p className="text-xs text-[var(--color-muted)]">
          Marked by {claim.authorName ?? 'a former member'} · updated {new Date(claim.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
        </p>
      </form>
      <SourceList claimId={claim.id} sources={claim.sources} editable={can(user.role, 'source:write')} onChange={(update) => onSourcesChange(claim.id, update)} notify={notify} />
      </div>
      <div role="tabpanel" id="panel-discussion" aria-labelledby="tab-discussion" hidden={tab !== 'discussion'}>
        <CommentThread claimId={claim.id} members={members} currentUserId={user.id} canWrite={can(user.role, 'comment:write')} refreshKey={refreshKeys.comments} notify={notify} onCount={setCommentCount} />
      </div>
      <div role="tabpanel" id="panel-verdicts" aria-labelledby="tab-verdicts" hidden={tab !== 'verdicts'}>
        <ReviewerVerdicts claimId={claim.id} levels={levels} canVote={can(user.role, 'verdict:own')} refreshKey={refreshKeys.verdicts} notify={notify} onVoted={onVoted} />
      </div>
      <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'}>
        {tab === 'history' && <ClaimHistory claimId={claim.id} refreshKey={refreshKeys.history} levels={levels} />}
      </div>
    </div>
  );
}
