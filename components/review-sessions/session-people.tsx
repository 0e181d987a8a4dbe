'use client';

import { useId } from 'react';
import { useWorkbench } from '@/components/workbench/workbench-context';
import type { ReviewSessionView } from '@/lib/domain/review-sessions';
import { cardClass } from './session-labels';

/** For the lead: who follows, who broke away, and who has the article open without having joined. */
export function SessionPeople({ view }: { view: ReviewSessionView }) {
  const ids = useId();
  const viewers = useWorkbench((s) => s.viewers);
  const joined = view.attendees.filter((a) => a.joined);
  const joinedIds = new Set(joined.map((a) => a.userId));
  const presentIds = new Set(viewers.map((v) => v.userId));
  const leadId = view.lead?.userId ?? null;
  // Joined people whose tabs are all closed or disconnected are listed apart: they neither follow nor look elsewhere.
  const here = joined.filter((a) => a.userId !== leadId && presentIds.has(a.userId));
  const groups = [
    { label: 'Following', testId: 'session-people-following', names: here.filter((a) => a.following).map((a) => a.name) },
    { label: 'Broken away', testId: 'session-people-away', names: here.filter((a) => !a.following).map((a) => a.name) },
    { label: 'Here, not joined', testId: 'session-people-present', names: viewers.filter((v) => !joinedIds.has(v.userId)).map((v) => v.name) },
    { label: 'Joined, offline', testId: 'session-people-offline', names: joined.filter((a) => a.userId !== leadId && !presentIds.has(a.userId)).map((a) => a.name) },
  ];
  return (
    <section aria-labelledby={`${ids}-h`} className={cardClass} data-testid="session-people">
      <h3 id={`${ids}-h`} className="text-sm font-semibold">
        People
      </h3>
      <dl className="mt-1 space-y-1 text-sm">
        {groups.map((g) => (
          <div key={g.label} className="flex gap-2">
            <dt className="w-32 shrink-0 text-[var(--color-muted)]">{g.label}</dt>
            <dd data-testid={g.testId}>{g.names.length === 0 ? '—' : g.names.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
