'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { upsertNewer } from '@/components/workbench/claims-cache';
import { getJson, useArticleLocked } from '@/components/workbench/queries';
import { queryKeys } from '@/components/workbench/query-keys';
import type { ClaimDto } from '@/components/workbench/types';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { apiFetch } from '@/lib/api/client';
import { can } from '@/lib/auth/permissions';
import type { VerdictList } from '@/lib/domain/review';
import type { ClaimRow } from '@/lib/editor/claim-rows';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import type { ClaimLinkDto, SimilarClaim } from '@/lib/search/types';
import { ClaimLinks } from './claim-links';
import { VerdictChip } from './verdict-chip';

interface SimilarResponse {
  similar: SimilarClaim[];
  links: ClaimLinkDto[];
}

/** Suggestions shown before "Show all". */
const FIRST_SHOWN = 2;

function useSimilar(claimId: string) {
  return useQuery({
    queryKey: queryKeys.similar(claimId),
    queryFn: () => getJson<SimilarResponse>(`/api/claims/${claimId}/similar`),
    // Earlier checks change slowly; a reuse here updates the cache itself.
    staleTime: 60_000,
  });
}

function shortDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * "Already checked?": earlier claims of other articles in the workspace, and other fact-checkers'
 * reviews from the claim library, that say the same thing as this claim — each with its verdict,
 * date, where it is and why it matched — and "Reuse verdict", which starts this claim's verdict
 * from it (db/queries/claim-links.ts). Above them, the claim's "based on" links both ways.
 */
export function AlreadyChecked({ claim }: { claim: ClaimDto }) {
  const query = useSimilar(claim.id);
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const similar = query.data?.similar ?? [];
  const shown = showAll ? similar : similar.slice(0, FIRST_SHOWN);
  const status = query.isPending ? 'Looking for earlier checks…' : query.isError ? 'Could not look for earlier checks.' : similar.length === 0 ? 'Nothing similar checked before.' : `${similar.length} earlier ${similar.length === 1 ? 'check says' : 'checks say'} something similar.`;

  return (
    <section aria-labelledby={headingId} className="space-y-3 border-b border-[var(--color-line)] px-5 py-4" data-testid="already-checked">
      {query.data && query.data.links.length > 0 && <ClaimLinks links={query.data.links} />}
      <h3 id={headingId} className="text-sm font-semibold">
        Already checked?
      </h3>
      <p aria-live="polite" className="text-sm text-[var(--color-muted)]" data-testid="already-checked-status">
        {status}
        {query.isError && (
          <>
            {' '}
            <button type="button" className="text-[var(--color-accent)] underline" onClick={() => void query.refetch()}>
              Try again
            </button>
          </>
        )}
      </p>
      {shown.length > 0 && (
        <ul className="space-y-3" aria-label="Earlier checks">
          {shown.map((s) => (
            <Suggestion key={`${s.type}-${s.id}`} claim={claim} suggestion={s} />
          ))}
        </ul>
      )}
      {similar.length > FIRST_SHOWN && (
        <Button variant="ghost" size="sm" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? 'Show fewer' : `Show all ${similar.length}`}
        </Button>
      )}
    </section>
  );
}

/** Why "Reuse verdict" is not offered for this suggestion (null: it is). */
function reuseBlocker(role: Parameters<typeof can>[0], locked: boolean, s: SimilarClaim): string | null {
  if (!can(role, 'verdict:own')) return 'Only reviewers, editors and owners can reuse a verdict.';
  if (locked) return 'The fact-check is published, so its verdicts are read-only.';
  if (s.decisionHidden) return `${HIDDEN_UNTIL_VERDICT} on that claim.`;
  if (!s.verdict && s.rationale.trim() === '' && s.type === 'claim') return 'That claim has no verdict or rationale yet.';
  return null;
}

function Suggestion({ claim, suggestion: s }: { claim: ClaimDto; suggestion: SimilarClaim }) {
  const client = useQueryClient();
  const articleId = useWorkbench((st) => st.articleId);
  const role = useWorkbench((st) => st.user.role);
  const levels = useWorkbench((st) => st.levels);
  const locked = useArticleLocked();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocker = reuseBlocker(role, locked, s);
  const reasonId = useId();
  const level = s.type === 'claim' && s.verdict ? (levels.find((l) => l.label === s.verdict!.label) ?? null) : null;
  const date = shortDate(s.date);

  async function reuse() {
    setBusy(true);
    setError(null);
    const from = s.type === 'claim' ? { claimId: s.id } : { libraryItemId: s.id };
    const result = await apiFetch<{ claim: ClaimDto; verdicts: VerdictList; links: ClaimLinkDto[]; applied: { finalVerdict: boolean; ownVerdict: boolean; rationale: boolean; scaleMismatch: boolean } }>(`/api/claims/${claim.id}/reuse`, {
      method: 'POST',
      body: { from, version: claim.version },
    });
    setBusy(false);
    if (!result.ok) {
      const current = (result.error.details as { current?: ClaimDto } | undefined)?.current;
      if (result.status === 409 && current && typeof current === 'object' && 'id' in current) {
        client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => upsertNewer<ClaimRow>(claims ?? [], current));
        setError('Someone changed this claim meanwhile. The latest version is loaded; look at it and reuse again if it still fits.');
        return;
      }
      setError(result.error.message);
      return;
    }
    const { claim: updated, verdicts, links, applied } = result.data;
    client.setQueryData<ClaimRow[]>(queryKeys.claims(articleId), (claims) => upsertNewer<ClaimRow>(claims ?? [], updated));
    client.setQueryData<{ claim: ClaimDto }>(queryKeys.claim(updated.id), { claim: updated });
    client.setQueryData<VerdictList>(queryKeys.verdicts(claim.id), verdicts);
    client.setQueryData<SimilarResponse>(queryKeys.similar(claim.id), (data) => (data ? { ...data, links } : data));
    void client.invalidateQueries({ queryKey: queryKeys.history(claim.id), exact: true });
    void client.invalidateQueries({ queryKey: queryKeys.agreement(articleId), exact: true });
    // The earlier claim now lists this one as based on it.
    if (s.type === 'claim') void client.invalidateQueries({ queryKey: queryKeys.similar(s.id), exact: true });
    const what = applied.finalVerdict ? 'The final verdict' : applied.ownVerdict ? 'Your verdict' : 'The rationale';
    const note = applied.scaleMismatch ? ' Its rating is not on this desk’s scale, so pick the verdict yourself.' : '';
    notifySuccess(`${what} now starts from ${s.type === 'claim' ? `claim #${s.claimNumber}` : `the fact-check by ${s.reviewOrg || 'another organisation'}`}. Check it before you save anything else.${note}`);
  }

  return (
    <li className="rounded-md border border-[var(--color-line)] p-3" data-testid="similar-claim" data-type={s.type}>
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm" dir="auto">
          “{s.claimText}”{s.claimant && <span className="text-[var(--color-muted)]"> — {s.claimant}</span>}
        </p>
        {s.type === 'claim' ? (
          s.verdict && !level ? (
            <span className="shrink-0 rounded-full border border-[var(--color-line)] px-2 py-0.5 text-[11px] font-semibold" data-testid="verdict-chip">
              {s.verdict.label}
            </span>
          ) : (
            <VerdictChip level={level} hidden={s.decisionHidden} size="sm" />
          )
        ) : (
          s.verdict && (
            <span className="shrink-0 rounded-full border border-[var(--color-line)] px-2 py-0.5 text-[11px] font-semibold" title="The other organisation’s rating" data-testid="verdict-chip">
              {s.verdict.label}
            </span>
          )
        )}
      </div>
      {s.decisionHidden && <p className="mt-1 text-xs text-[var(--color-muted)]">{HIDDEN_UNTIL_VERDICT} on that claim.</p>}
      <p className="mt-1 text-xs text-[var(--color-muted)]">
        {s.external ? (
          <a href={s.href} target="_blank" rel="noopener noreferrer" className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            External · {s.reviewOrg || 'fact-check'}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <Link href={s.href} className="text-[var(--color-accent)] underline-offset-2 hover:underline">
            #{s.claimNumber} in “{s.articleTitle}”
          </Link>
        )}
        {date && <> · {date}</>}
      </p>
      {s.reasons.length > 0 && (
        <p className="mt-1 text-xs text-[var(--color-muted)]" data-testid="similar-reasons">
          Why: {s.reasons.join('; ')}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" onClick={() => void reuse()} disabled={busy || blocker !== null} aria-describedby={blocker ? reasonId : undefined}>
          {busy ? 'Reusing…' : 'Reuse verdict'}
        </Button>
        {blocker && (
          <span id={reasonId} className="text-xs text-[var(--color-muted)]">
            {blocker}
          </span>
        )}
      </div>
      <p role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </li>
  );
}
