'use client';

import { useState } from 'react';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { useClaimCache } from '@/components/workbench/queries';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { NO_EDITS } from '@/components/workbench/workbench-store';
import { upsertNewer } from '@/components/workbench/claims-cache';
import { apiFetch } from '@/lib/api/client';
import { draftOf, type ClaimDraft } from './claim-draft';

/**
 * A claim's kept edits and how they are saved. Only the fields this user edited are kept (in the
 * workbench store, so switching claims never drops them); everything else shows the live claim,
 * so others' saves appear at once and a save never rewrites fields the user did not touch.
 */
export function useClaimEdits(claim: ClaimDto) {
  const editState = useWorkbench((s) => s.drafts[claim.id] ?? NO_EDITS);
  const updateDraft = useWorkbench((s) => s.updateDraft);
  const claimDeleted = useWorkbench((s) => s.claimDeleted);
  const { updateClaims } = useClaimCache();
  const [conflict, setConflict] = useState<ClaimDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const base = draftOf(claim);
  const draft: ClaimDraft = { ...base, ...editState.edits };
  const changedKeys = (Object.keys(editState.edits) as Array<keyof ClaimDraft>).filter((k) => editState.edits[k] !== base[k]);

  function set<K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) {
    updateDraft(claim.id, (s) => ({ edits: { ...s.edits, [key]: value }, baseVersion: s.baseVersion ?? claim.version }));
  }

  function discard() {
    updateDraft(claim.id, () => NO_EDITS);
    setConflict(null);
  }

  async function save(version = editState.baseVersion ?? claim.version) {
    if (changedKeys.length === 0) return;
    setSaving(true);
    setError(null);
    const changes: Record<string, unknown> = Object.fromEntries(changedKeys.map((k) => [k, draft[k]]));
    if ('claimDate' in changes) changes.claimDate = draft.claimDate || null;
    if ('claimAppearance' in changes) changes.claimAppearance = draft.claimAppearance || null;
    const result = await apiFetch<{ claim: ClaimDto }>(`/api/claims/${claim.id}`, { method: 'PATCH', body: { version, ...changes } });
    setSaving(false);
    if (result.ok) {
      updateClaims((claims) => upsertNewer(claims, result.data.claim));
      discard();
      notifySuccess('Claim saved.');
      return;
    }
    const current = (result.error.details as { current?: ClaimDto } | undefined)?.current;
    if (result.status === 409 && current) {
      setConflict(current);
      updateClaims((claims) => upsertNewer(claims, current));
      return;
    }
    setError(result.error.message);
  }

  async function remove(number: number) {
    if (!window.confirm(`Delete claim ${number}? Its sources go with it.`)) return;
    const result = await apiFetch(`/api/claims/${claim.id}`, { method: 'DELETE', body: { version: claim.version } });
    if (!result.ok) return notifyError(result.error.message);
    claimDeleted(claim.id);
    updateClaims((claims) => claims.filter((c) => c.id !== claim.id));
    notifySuccess('Claim deleted.');
  }

  /** Save my edits again on top of the version that beat them. */
  function reapply(over: ClaimDto) {
    updateDraft(claim.id, (s) => ({ ...s, baseVersion: over.version }));
    void save(over.version);
  }

  return { draft, dirty: changedKeys.length > 0, set, save, remove, discard, reapply, conflict, error, saving };
}

/** The verdict level the claim shows: my unsaved pick if I made one, else the saved one. */
export function useDraftVerdictLevel(claim: ClaimDto) {
  return useWorkbench((s) => {
    const edits = s.drafts[claim.id]?.edits;
    const verdictId = edits && 'verdictId' in edits ? (edits.verdictId ?? null) : claim.verdictId;
    return s.levels.find((l) => l.id === verdictId) ?? null;
  });
}
