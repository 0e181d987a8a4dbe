import type { SecurityEventDto } from '@/lib/domain/security';
import { describeSecurityDetail, securityEventLabel } from './security-event-labels';

/** UTC, to the second: the log is evidence, so no locale guessing. */
export function formatLogTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Who acted: the actor when someone acted on another account (an owner removing a member), else the account. */
function who(event: SecurityEventDto): { name: string; email: string | null } {
  if (event.actorId && event.actorId !== event.userId) return { name: event.actorName ?? 'A deleted account', email: null };
  if (event.userId) return { name: event.userName ?? 'A deleted account', email: event.userEmail };
  return { name: 'Unknown', email: null };
}

export function SecurityLogTable({ events }: { events: SecurityEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-[var(--color-muted)]">Nothing recorded yet.</p>;
  return (
    <table className="w-full text-sm" aria-label="Security log">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
          <th className="pb-2 pr-3 font-medium">When</th>
          <th className="pb-2 pr-3 font-medium">Who</th>
          <th className="pb-2 pr-3 font-medium">What</th>
          <th className="pb-2 pr-3 font-medium">From</th>
          <th className="pb-2 font-medium">Detail</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-[var(--color-line)] align-top">
        {events.map((event) => {
          const person = who(event);
          const subject = event.actorId && event.userId && event.actorId !== event.userId ? `member: ${event.userName ?? 'a deleted account'}${event.userEmail ? ` (${event.userEmail})` : ''}` : '';
          const detail = [subject, describeSecurityDetail(event.detail)].filter(Boolean).join(' · ');
          return (
            <tr key={event.id} data-testid="security-event">
              <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs">{formatLogTime(event.createdAt)}</td>
              <td className="py-2 pr-3">
                <span className="block font-medium">{person.name}</span>
                {person.email && <span className="block text-xs text-[var(--color-muted)]">{person.email}</span>}
              </td>
              <td className="py-2 pr-3">{securityEventLabel(event.type)}</td>
              <td className="py-2 pr-3 text-xs">
                <span className="block font-mono">{event.ip ?? '—'}</span>
                {event.userAgent && (
                  <span className="block max-w-56 truncate text-[var(--color-muted)]" title={event.userAgent}>
                    {event.userAgent}
                  </span>
                )}
              </td>
              <td className="py-2 text-xs break-words">{detail}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
