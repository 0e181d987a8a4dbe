'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { plural } from '@/lib/format/plural';
import type { ReviewSessionSummary, SessionMinutes } from '@/lib/domain/review-sessions';
import { OUTCOME_CLASSES, durationText, outcomeText, percent } from './session-labels';
import { useArticleReviewSessions, useSessionMinutes } from './use-review-session';

/** The article's review sessions: the running one (if any), the past ones, each opening its minutes. */
export function SessionsTab() {
  const sessions = useArticleReviewSessions();
  const [openId, setOpenId] = useState<string | null>(null);
  if (openId) return <MinutesView sessionId={openId} onBack={() => setOpenId(null)} />;
  const past = sessions.data?.past ?? [];
  const running = sessions.data?.running ?? null;
  return (
    <div className="px-5 py-4" data-testid="sessions-tab">
      <h2 className="text-base font-semibold">Review sessions</h2>
      {running && <p className="mt-2 rounded-md border border-indigo-200 bg-indigo-50 p-2 text-sm">A session led by {running.lead?.name ?? 'nobody'} is running now (see the bar above the text).</p>}
      {sessions.isPending ? (
        <p className="mt-3 text-sm text-[var(--color-muted)]" role="status">
          Loading sessions…
        </p>
      ) : sessions.error ? (
        <p className="mt-3 text-sm text-red-700" role="alert">
          Could not load the sessions: {sessions.error.message}
        </p>
      ) : past.length === 0 ? (
        <p className="mt-3 text-sm text-[var(--color-muted)]">No past sessions on this article. An editor can start one from the toolbar.</p>
      ) : (
        <ul className="mt-3 space-y-2" aria-label="Past sessions">
          {past.map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => setOpenId(s.id)} className="w-full rounded-md border border-[var(--color-line)] px-3 py-2 text-left text-sm hover:bg-gray-50" data-testid="past-session">
                <span className="block font-medium">
                  <LocalTime iso={s.startedAt} /> · {sessionDuration(s)}
                </span>
                <span className="block text-xs text-[var(--color-muted)]">
                  Led by {s.lead?.name ?? '—'} · {s.decidedCount} decided · {s.deferredCount} deferred · {plural(s.itemCount, 'item')} · {plural(s.attendeeCount, 'attendee')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function sessionDuration(s: ReviewSessionSummary): string {
  if (!s.endedAt) return 'running';
  return durationText((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000);
}

/** The minutes of an ended session, with Markdown and PDF downloads. */
function MinutesView({ sessionId, onBack }: { sessionId: string; onBack: () => void }) {
  const session = useSessionMinutes(sessionId);
  const minutes = session.data?.minutes ?? null;
  return (
    <div data-testid="session-minutes">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 border-b border-[var(--color-line)] bg-white px-5 py-3">
        <Button variant="ghost" size="sm" onClick={onBack} aria-label="Back to all sessions">
          ← Sessions
        </Button>
        <h2 className="text-base font-semibold">Minutes</h2>
        <span className="ml-auto flex gap-2 text-sm">
          <a className="rounded-md border border-[var(--color-line)] px-2.5 py-1 hover:bg-gray-50" href={`/api/review-sessions/${sessionId}/minutes?format=markdown`} download>
            Download Markdown
          </a>
          <a className="rounded-md border border-[var(--color-line)] px-2.5 py-1 hover:bg-gray-50" href={`/api/review-sessions/${sessionId}/minutes?format=pdf`} download>
            Download PDF
          </a>
        </span>
      </div>
      {!minutes ? (
        <p className="px-5 py-6 text-sm text-[var(--color-muted)]" role={session.error ? 'alert' : 'status'}>
          {session.error ? `Could not load the minutes: ${session.error.message}` : session.data ? 'This session has no minutes yet.' : 'Loading the minutes…'}
        </p>
      ) : (
        <MinutesBody minutes={minutes} />
      )}
    </div>
  );
}

function MinutesBody({ minutes }: { minutes: SessionMinutes }) {
  return (
    <div className="space-y-5 px-5 py-4 text-sm">
      <p>
        <LocalTime iso={minutes.startedAt} /> – <LocalTime iso={minutes.endedAt} /> ({durationText(minutes.durationSeconds)}) · led by {minutes.lead?.name ?? '—'}
      </p>
      <section aria-label="Attendees" data-testid="minutes-attendees">
        <h3 className="font-semibold">Attendees</h3>
        <ul className="mt-1 space-y-1">
          {minutes.attendees.map((a) => (
            <li key={a.userId}>
              <span className="font-medium">{a.name}</span> <span className="text-xs text-[var(--color-muted)]">({a.role})</span>
              <span className="block text-xs text-[var(--color-muted)]">
                {a.intervals.map((i, n) => (
                  <span key={n}>
                    {n > 0 && '; '}
                    joined <LocalTime iso={i.joinedAt} />, left <LocalTime iso={i.leftAt} />
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Items" data-testid="minutes-items">
        <h3 className="font-semibold">Items</h3>
        <ol className="mt-1 space-y-3">
          {minutes.items.map((item) => (
            <li key={item.position} className="rounded-md border border-[var(--color-line)] p-3" data-testid="minutes-item">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{item.claimNumber === null ? 'Claim' : `Claim #${item.claimNumber}`}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_CLASSES[item.outcome]}`}>{outcomeText({ outcome: item.outcome, decidedVerdict: item.decidedVerdict ? { id: '', ...item.decidedVerdict } : null, decisionHidden: item.decisionHidden }, { ended: true })}</span>
                {item.decidedBy && <span className="text-xs text-[var(--color-muted)]">by {item.decidedBy.name}</span>}
              </div>
              <p className="mt-1 text-xs text-gray-700" dir="auto">
                “{item.claimQuote}”
              </p>
              {item.outcomeNote && <p className="mt-1 text-xs">Note: {item.outcomeNote}</p>}
              {item.votes.length > 0 && (
                <p className="mt-1 text-xs" data-testid="minutes-votes">
                  Votes: {item.votes.map((v) => `${v.name}: ${v.verdictLabel}`).join(', ')} · agreement {percent(item.agreement)}
                </p>
              )}
              {item.notes.length > 0 && (
                <ul className="mt-1 space-y-0.5 text-xs">
                  {item.notes.map((n, i) => (
                    <li key={i}>
                      <span className="font-medium">{n.authorName ?? 'A former member'}:</span> <span className="whitespace-pre-wrap">{n.body}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      {minutes.actions.length > 0 && (
        <section aria-label="Action items" data-testid="minutes-actions">
          <h3 className="font-semibold">Action items</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {minutes.actions.map((a, i) => (
              <li key={i}>
                {a.kind === 'claim' ? `Check claim #${a.claimNumber ?? '?'}` : 'Task'}
                {a.text && `: ${a.text}`} → {a.assigneeName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
