'use client';

import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { InvitationJson } from './invitation-types';

/** Pending invitations with their expiry and delivery; owners withdraw or resend (new link, old one dies). */
export function PendingInvitations({ invitations, onRevoke, onResend }: { invitations: InvitationJson[]; onRevoke: (i: InvitationJson) => void; onResend: (i: InvitationJson) => void }) {
  if (invitations.length === 0) return <p className="mt-6 text-sm text-[var(--color-muted)]">No pending invitations.</p>;
  return (
    <table className="mt-6 w-full text-sm" aria-label="Pending invitations">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
          <th className="pb-2 pr-3 font-medium">Invited</th>
          <th className="pb-2 pr-3 font-medium">Role</th>
          <th className="pb-2 pr-3 font-medium">Expires</th>
          <th className="pb-2 pr-3 font-medium">Delivery</th>
          <th className="pb-2" />
        </tr>
      </thead>
      <tbody className="divide-y divide-[var(--color-line)]">
        {invitations.map((i) => (
          <tr key={i.id} data-testid="pending-invitation">
            <td className="py-2 pr-3">{i.email}</td>
            <td className="py-2 pr-3">{ROLE_LABELS[i.role]}</td>
            <td className="py-2 pr-3">{i.state === 'expired' ? <span className="font-medium text-red-700">Expired</span> : <LocalTime iso={i.expiresAt} style="medium" />}</td>
            <td className="py-2 pr-3">{i.delivery === 'email' ? 'Mailed' : 'Link shown to owner'}</td>
            <td className="space-x-1 py-2 text-right">
              <Button variant="ghost" size="sm" onClick={() => onResend(i)} aria-label={`Resend invitation to ${i.email}`}>
                Resend
              </Button>
              <Button variant="ghost" size="sm" onClick={() => onRevoke(i)} aria-label={`Revoke invitation to ${i.email}`}>
                Revoke
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
