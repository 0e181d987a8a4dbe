'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { upsertNewer } from '@/components/workbench/claims-cache';
import { useArticleLocked, useClaimCache } from '@/components/workbench/queries';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import { isExcluded } from '@/lib/publishing/gate';
import { MAX_EXCLUSION_REASON_CHARS } from '@/lib/validations/claims';

/**
 * "Not part of the fact-check": an excluded claim stays in the workbench (and keeps its number)
 * but is left out of the publish gate, the public pages and publication exports. Excluding needs
 * a reason; "Include again" clears it. Both are claim updates, refused while the article is locked.
 */
export function ClaimExclusion({ claim }: { claim: ClaimDto }) {
  const ids = useId();
  const locked = useArticleLocked();
  // Excluding is an editorial decision, like the final verdict (lib/review/claim-policy.ts).
  const editable = useWorkbench((s) => can(s.user.role, 'verdict:final')) && !locked;
  const updateDraft = useWorkbench((s) => s.updateDraft);
  const { updateClaims } = useClaimCache();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const excluded = isExcluded(claim);

  async function save(exclusionReason: string | null) {
    setPending(true);
    setError(null);
    const result = await apiFetch<{ claim: ClaimDto }>(`/api/claims/${claim.id}`, { method: 'PATCH', body: { version: claim.version, exclusionReason } });
    setPending(false);
    if (!result.ok) {
      const current = (result.error.details as { current?: ClaimDto } | undefined)?.current;
      if (result.status === 409 && current) {
        updateClaims((claims) => upsertNewer(claims, current));
        setError('Someone else changed this claim meanwhile. It now shows their version; try again.');
      } else setError(result.error.message);
      return;
    }
    const saved = result.data.claim;
    updateClaims((claims) => upsertNewer(claims, saved));
    // Unsaved edits in the form began from the version this replaced: they still apply on top of it.
    updateDraft(claim.id, (s) => (s.baseVersion === claim.version ? { ...s, baseVersion: saved.version } : s));
    setOpen(false);
    setReason('');
    notifySuccess(exclusionReason === null ? `Claim ${claim.number} is part of the fact-check again.` : `Claim ${claim.number} is excluded from the fact-check.`);
  }

  if (excluded) {
    return (
      <section aria-label="Exclusion" className="mx-5 mb-5 rounded-lg border border-gray-300 bg-gray-50 p-3 text-sm" data-testid="claim-exclusion">
        <p>
          <span className="mr-1.5 rounded bg-gray-200 px-1.5 text-xs font-semibold text-gray-800">Excluded</span>
          Not part of the fact-check: it is left out of publishing and public pages.
        </p>
        <p className="mt-1 whitespace-pre-wrap text-gray-800" dir="auto" data-testid="claim-exclusion-reason">
          Reason: {claim.exclusionReason}
        </p>
        {editable && (
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void save(null)} disabled={pending} data-testid="include-claim-button">
            {pending ? 'Including…' : 'Include again'}
          </Button>
        )}
        <p role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
          {error}
        </p>
      </section>
    );
  }

  if (!editable) return null;
  return (
    <section aria-label="Exclusion" className="mx-5 mb-5" data-testid="claim-exclusion">
      {open ? (
        <form
          className="space-y-2 rounded-lg border border-[var(--color-line)] bg-gray-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void save(reason.trim());
          }}
          noValidate
        >
          <label htmlFor={`${ids}-reason`} className="block text-sm font-medium">
            Why is this not part of the fact-check?
          </label>
          <p id={`${ids}-hint`} className="text-xs text-[var(--color-muted)]">
            E.g. an opinion, not a checkable claim; or a duplicate of another claim. Kept internal.
          </p>
          <textarea
            id={`${ids}-reason`}
            rows={2}
            maxLength={MAX_EXCLUSION_REASON_CHARS}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${ids}-hint`}
            className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm"
            dir="auto"
            autoFocus
            data-testid="exclusion-reason"
          />
          <p role="alert" className="text-sm text-red-700 empty:hidden">
            {error}
          </p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending || !reason.trim()} data-testid="exclusion-confirm">
              {pending ? 'Excluding…' : 'Exclude'}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setOpen(true)} data-testid="exclude-claim-button">
          Exclude from fact-check…
        </Button>
      )}
    </section>
  );
}
