import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { myQueue } from '@/db/queries/assignments';
import { StatusBadge } from '@/components/articles/status-badge';
import { MarkMentionsRead } from '@/components/review/mark-mentions-read';
import { SessionTaskDone } from '@/components/queue/session-task-done';
import { CLAIM_STATUS_LABELS } from '@/lib/domain/status-labels';
import type { AnchorState } from '@/lib/domain/statuses';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { LocalTime } from '@/components/ui/local-time';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'My queue' };

/** Orphaned claims (words gone from the text) need re-attaching before a verdict means much: say so in the list. */
function AnchorMarker({ state }: { state: AnchorState }) {
  if (state === 'anchored') return null;
  const orphaned = state === 'orphaned';
  return (
    <span
      className="inline-flex items-center gap-1 rounded bg-red-50 px-1.5 font-medium text-red-800"
      title={orphaned ? 'The words this claim was made on are no longer in the article: re-attach it.' : 'Some of the words this claim was made on are no longer in the article.'}
      data-testid="queue-anchor-marker"
      data-anchor-state={state}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
        <path d="M6.5 9.5 4.8 11.2a2.1 2.1 0 0 1-3-3L3.5 6.5M9.5 6.5l1.7-1.7a2.1 2.1 0 0 1 3 3L12.5 9.5M5 3V1.5M3 5H1.5M11 13v1.5M13 11h1.5" />
      </svg>
      {orphaned ? 'Orphaned' : 'Partly orphaned'}
    </span>
  );
}

export default async function QueuePage() {
  const user = await requireUser('/queue');
  const queue = await myQueue(getDb(), user.id);
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
        <p className="mt-1 text-sm text-[var(--color-muted)]">Claims assigned to you that still need your verdict, and where colleagues mentioned you.</p>
      </div>

      <section aria-labelledby="assigned-heading">
        <h2 id="assigned-heading" className="text-lg font-semibold">
          Awaiting your verdict <span className="font-normal text-[var(--color-muted)]">({queue.claims.length})</span>
        </h2>
        {queue.claims.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-[var(--color-line)] bg-white p-6 text-center text-sm text-[var(--color-muted)]">Nothing assigned to you awaits a verdict.</p>
        ) : (
          <ul className="mt-3 divide-y divide-[var(--color-line)] overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" data-testid="queue-claims">
            {queue.claims.map((item) => (
              <li key={item.claimId}>
                <Link href={`/articles/${item.articleId}?claim=${item.claimId}`} className="block px-5 py-4 hover:bg-gray-50" data-testid="queue-item">
                  <p className="flex items-center gap-2 text-xs text-[var(--color-muted)]">
                    <span className="font-medium text-[var(--color-ink)]">{item.articleTitle}</span>
                    <StatusBadge status={item.articleStatus} />
                    <span>· {item.claimStatus === null ? HIDDEN_UNTIL_VERDICT : CLAIM_STATUS_LABELS[item.claimStatus]}</span>
                    <span>· {item.assignedVia === 'article' ? 'whole article assigned' : 'claim assigned'} <LocalTime iso={item.assignedAt} /></span>
                    <AnchorMarker state={item.anchorState} />
                  </p>
                  <p className="mt-1 font-serif text-[15px] leading-snug" dir="auto">
                    “{item.quote}”
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {queue.sessionTasks.length > 0 && (
        <section aria-labelledby="session-tasks-heading">
          <h2 id="session-tasks-heading" className="text-lg font-semibold">
            From review sessions <span className="font-normal text-[var(--color-muted)]">({queue.sessionTasks.length})</span>
          </h2>
          <ul className="mt-3 divide-y divide-[var(--color-line)] overflow-hidden rounded-xl border border-[var(--color-line)] bg-white" data-testid="queue-session-tasks">
            {queue.sessionTasks.map((task) => (
              <li key={task.id} className="flex items-start justify-between gap-4 px-5 py-4" data-testid="queue-session-task">
                <div className="min-w-0">
                  <p className="text-xs text-[var(--color-muted)]">
                    <Link href={`/articles/${task.articleId}${task.claimId ? `?claim=${task.claimId}` : ''}`} className="font-medium text-[var(--color-ink)] hover:underline">
                      {task.articleTitle}
                    </Link>
                    {task.claimNumber !== null && <span> · claim {task.claimNumber}</span>}
                    <span>
                      {' '}
                      · review session of <LocalTime iso={task.sessionStartedAt} />
                    </span>
                    {task.createdByName && <span> · from {task.createdByName}</span>}
                  </p>
                  <p className="mt-1 text-sm" dir="auto">
                    {task.text}
                  </p>
                </div>
                <SessionTaskDone sessionId={task.sessionId} actionId={task.id} version={task.version} label={task.text} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="mentions-heading">
        <div className="flex items-center justify-between">
          <h2 id="mentions-heading" className="text-lg font-semibold">
            Mentions <span className="font-normal text-[var(--color-muted)]">({queue.mentions.length} unread)</span>
          </h2>
          {queue.mentions.length > 0 && <MarkMentionsRead />}
        </div>
        {queue.mentions.length === 0 ? (
          <p className="mt-3 text-sm text-[var(--color-muted)]">No unread mentions.</p>
        ) : (
          <ul className="mt-3 space-y-2" data-testid="queue-mentions">
            {queue.mentions.map((m) => (
              <li key={m.id}>
                <Link href={`/articles/${m.articleId}?claim=${m.claimId}&tab=discussion`} className="block rounded-lg border border-[var(--color-line)] bg-white px-4 py-3 hover:bg-gray-50" data-testid="queue-mention">
                  <p className="text-xs text-[var(--color-muted)]">
                    <span className="font-semibold text-[var(--color-ink)]">{m.authorName ?? 'A former member'}</span> mentioned you on “{m.claimText}” · {m.articleTitle} · <LocalTime iso={m.createdAt} />
                  </p>
                  <p className="mt-1 text-sm" dir="auto">
                    {m.excerpt}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
