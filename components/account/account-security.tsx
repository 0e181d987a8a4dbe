import { getDb } from '@/db';
import { listActiveSessions } from '@/db/queries/sessions';
import { countUnusedRecoveryCodes, workspacesRequiringTwoFactor } from '@/db/queries/two-factor';
import { userAgentLabel } from '@/lib/auth/user-agent-label';
import type { CurrentUser } from '@/lib/session';
import { SessionsList } from './sessions-list';
import { TwoFactorPanel } from './two-factor-panel';

// Server-side formatting in UTC: the same text on server and client, whatever the viewer's zone.
const formatTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The account page's security part: the two-factor requirement notice, two-factor setup, and active sessions. */
export function AccountSecurity({ user }: { user: CurrentUser }) {
  const db = getDb();
  const requiring = user.twoFactorEnabled ? [] : workspacesRequiringTwoFactor(db, user.id);
  const sessions = listActiveSessions(db, user.id).map((s) => ({
    id: s.id,
    browser: userAgentLabel(s.userAgent),
    ip: s.ip,
    lastSeen: formatTime(s.lastSeenAt),
    signedIn: formatTime(s.createdAt),
    current: s.id === user.sessionId,
  }));
  return (
    <>
      {requiring.length > 0 && (
        <p role="note" data-testid="two-factor-required-notice" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {requiring.map((w) => w.name).join(', ')} {requiring.length === 1 ? 'requires' : 'require'} two-factor sign-in. Set it up below to continue working there.
        </p>
      )}
      <TwoFactorPanel enabled={user.twoFactorEnabled} unusedRecoveryCodes={user.twoFactorEnabled ? countUnusedRecoveryCodes(db, user.id) : 0} />
      <SessionsList sessions={sessions} />
    </>
  );
}
