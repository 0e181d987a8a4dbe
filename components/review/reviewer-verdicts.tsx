'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { VerdictChip } from '@/components/claims/verdict-chip';
import { VerdictPicker } from '@/components/claims/verdict-picker';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { useArticleLocked, useVerdicts } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import { useRefetchClaim } from '@/components/workbench/use-live-review';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import type { VerdictDto, VerdictList } from '@/lib/domain/review';
import { apiFetch } from '@/lib/api/client';
import { LocalTime } from '@/components/ui/local-time';
import type { ScaleLevel } from '@/components/workbench/types';

/**
 * Each reviewer's own verdict on the claim; under blind review others' stay hidden until you give
 * yours, and while a review session's vote on the claim is open everyone sees only their own.
 */
export function ReviewerVerdicts({ claimId }: { claimId: string }) {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const levels = useWorkbench((s) => s.levels);
  // A published or retracted article is read-only: the team's verdicts stay visible, no new ones.
  const locked = useArticleLocked();
  const mayVote = useWorkbench((s) => can(s.user.role, 'verdict:own'));
  const canVote = mayVote && !locked;
  const refetchClaim = useRefetchClaim();
  const remote = useVerdicts(claimId);
  const list = remote.data ?? null;
  // The form shows my saved verdict until I change something (null: not touched).
  const [pickedChoice, setChoice] = useState<string | null>(null);
  const [typedReason, setReason] = useState<string | null>(null);
  const choice = pickedChoice ?? list?.mine?.verdictId ?? null;
  const reason = typedReason ?? list?.mine?.reason ?? '';
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const levelById = new Map(levels.map((l) => [l.id, l]));
  // A vote is open and my verdict predates it: saving it again (even unchanged) casts it as my vote.
  const staleVote = Boolean(list?.voteOpen && list.mine && list.mineCountsAsVote === false);


  async function save() {
    if (!choice) return setError('Pick a verdict first.');
    setSaving(true);
    setError(null);
    const result = await apiFetch<{ verdict: VerdictDto; verdicts: VerdictList }>(`/api/claims/${claimId}/verdicts`, {
      method: 'PUT',
      body: { verdictId: choice, reason, ...(list?.mine ? { version: list.mine.version } : {}) },
    });
    setSaving(false);
    if (!result.ok) {
      setError(result.status === 409 ? 'You changed your verdict in another tab. The latest is loaded; save again to replace it.' : result.error.message);
      if (result.status === 409) void remote.refetch();
      return;
    }
    setChoice(null);
    setReason(null);
    // The answer carries the list as I may now see it (blind review lifts once I have voted).
    client.setQueryData<VerdictList>(queryKeys.verdicts(claimId), result.data.verdicts);
    void client.invalidateQueries({ queryKey: queryKeys.history(claimId), exact: true });
    void client.invalidateQueries({ queryKey: queryKeys.agreement(articleId), exact: true });
    // Under blind review my vote may reveal the final verdict, rationale and status.
    void refetchClaim(claimId);
    notifySuccess('Your verdict is saved.');
  }

  return (
    <section aria-label="Reviewer verdicts" className="space-y-5 px-5 py-5" data-testid="reviewer-verdicts">
      {canVote && (
        <div className="space-y-3 rounded-lg border border-[var(--color-line)] p-4">
          <VerdictPicker levels={levels} value={choice} onChange={setChoice} legend="Your verdict" hint="Independent of the final verdict; the team’s agreement is measured on these." name="my-verdict" allowPending={false} />
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Why (short)</span>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} className="w-full rounded-md border border-[var(--color-line)] px-3 py-2 text-sm" dir="auto" />
          </label>
          <Button size="sm" onClick={() => void save()} disabled={saving || !choice}>
            {saving ? 'Saving…' : staleVote ? 'Confirm as my vote' : list?.mine ? 'Update my verdict' : 'Save my verdict'}
          </Button>
        </div>
      )}
      {mayVote && locked && <p className="text-sm text-[var(--color-muted)]">The fact-check is published, so verdicts are read-only. An editor can reopen it for correction.</p>}
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error ?? remote.error?.message}
      </p>
      {list && (
        <div>
          <h3 className="text-sm font-semibold">
            Team verdicts <span className="font-normal text-[var(--color-muted)]">({list.total})</span>
          </h3>
          {list.voteOpen ? (
            <div className="mt-2 space-y-2">
              <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="vote-notice">
                Vote in progress — verdicts are hidden until the lead reveals them.{' '}
                {staleVote
                  ? 'Your verdict is from before the vote was called, so it does not count yet: confirm it (or change it) above to vote.'
                  : list.mine
                    ? 'Your vote is recorded; you can still change it.'
                    : canVote
                      ? 'Give your verdict above to vote.'
                      : ''}
              </p>
              {list.mine && (
                <ul>
                  <TeamVerdict verdict={list.mine} mine levels={levelById} />
                </ul>
              )}
            </div>
          ) : list.hidden ? (
            <p className="mt-2 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950" data-testid="blind-notice">
              Blind review: {list.total === 1 ? '1 colleague has' : `${list.total} colleagues have`} given a verdict. You will see them once you give yours.
            </p>
          ) : list.others.length + (list.mine ? 1 : 0) === 0 ? (
            <p className="mt-2 text-sm text-[var(--color-muted)]">No reviewer has given a verdict yet.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {[...(list.mine ? [list.mine] : []), ...list.others].map((v) => (
                <TeamVerdict key={v.id} verdict={v} mine={v.userId === list.mine?.userId} levels={levelById} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function TeamVerdict({ verdict: v, mine, levels }: { verdict: VerdictDto; mine: boolean; levels: ReadonlyMap<string, ScaleLevel> }) {
  return (
    <li className="rounded-md border border-[var(--color-line)] p-3" data-testid="team-verdict">
      <div className="flex items-center gap-2">
        <span className="text-sm font-medium">{mine ? 'You' : v.userName}</span>
        <VerdictChip level={levels.get(v.verdictId) ?? { id: v.verdictId, key: v.verdictKey, label: v.verdictLabel, color: '#6e7781', value: null, description: '', position: 0 }} size="sm" />
        <span className="ml-auto text-xs text-[var(--color-muted)]">
          <LocalTime iso={v.updatedAt} />
        </span>
      </div>
      {v.reason && (
        <p className="mt-1 text-sm text-gray-700" dir="auto">
          {v.reason}
        </p>
      )}
    </li>
  );
}
