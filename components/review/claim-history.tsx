'use client';

import { useSyncExternalStore } from 'react';
import { useHistory } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { LocalTime } from '@/components/ui/local-time';
import { UTC } from '@/lib/format/dates';
import { labelledChanges, REVIEW_SESSION_ENTITY, reviewSessionHistoryLabel } from '@/lib/review/history-labels';

const noSubscription = () => () => {};

/** Every change to the claim, its sources, comments and verdicts: who, when, what, before → after. */
export function ClaimHistory({ claimId }: { claimId: string }) {
  const levels = useWorkbench((s) => s.levels);
  // Verdict ids in before/after values read as their labels.
  const labels = new Map(levels.map((l) => [l.id, l.label]));
  const ctx = { verdictLabel: (id: string) => labels.get(id) };
  const { data, error } = useHistory(claimId);
  // A review session's day ("25 Nov") as LocalTime shows times: UTC until hydrated, then the browser's zone.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const sessionZone = inBrowser ? undefined : UTC;
  const entries = data ?? null;

  if (error && !entries) return <p className="px-5 py-5 text-sm text-red-700">{error.message}</p>;
  if (!entries) return <p className="px-5 py-5 text-sm text-[var(--color-muted)]">Loading history…</p>;
  return (
    <section aria-label="History" className="px-5 py-5" data-testid="claim-history">
      <ol className="relative space-y-4 border-l border-[var(--color-line)] pl-4">
        {entries.map((entry) => {
          // A review session's record of the claim: one line ("Decided in the review session of 25 Nov: False";
          // "Discussed in …" when the timeline withheld the outcome), who recorded it beside the time, no field list.
          const session = entry.entityType === REVIEW_SESSION_ENTITY;
          // Labelled ("Verdict", "Claim statement"), ids and positions left out.
          const changes = entry.action === 'update' && !session ? labelledChanges(entry.changes, ctx) : [];
          return (
            <li key={entry.id} data-testid="history-entry" data-entity={entry.entityType}>
              <span aria-hidden className="absolute -left-[5px] mt-1.5 h-2.5 w-2.5 rounded-full bg-gray-400" />
              <p className="text-sm" dir={session ? 'auto' : undefined}>
                {session ? reviewSessionHistoryLabel(entry.after, { timeZone: sessionZone }) : entry.summary}
              </p>
              <p className="text-xs text-[var(--color-muted)]">
                <LocalTime iso={entry.at} />
                {session && entry.actorName ? ` · ${entry.actorName}` : null}
              </p>
              {changes.length > 0 && (
                <dl className="mt-1.5 space-y-1 text-xs">
                  {changes.map((change) => (
                    <div key={change.field} className="grid grid-cols-[7rem_1fr] gap-2" data-testid="history-change">
                      <dt className="font-medium text-[var(--color-muted)]">{change.label}</dt>
                      <dd className="min-w-0 break-words" dir="auto">
                        <del className="text-red-800">{change.before}</del> → <ins className="text-emerald-800 no-underline">{change.after}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
