'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { MemberDto } from '@/lib/domain/workspaces';
import { ROLES, type Role } from '@/lib/domain/roles';
import { apiFetch } from '@/lib/api/client';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { InvitationNotice } from './invitation-link-notice';
import { InviteMemberForm } from './invite-member-form';
import type { InvitationIssued, InvitationJson } from './invitation-types';
import { PendingInvitations } from './pending-invitations';
import { SettingsSection } from './section';

export interface MembersManagerProps {
  workspaceId: string;
  currentUserId: string;
  initialMembers: MemberDto[];
  initialInvitations: InvitationJson[];
}

interface RowError {
  userId: string;
  control: 'role' | 'remove';
  message: string;
}

/**
 * A refusal under the control that caused it. Always rendered (empty when there is none) so the
 * live region exists before its text arrives and screen readers announce it; the control points
 * at it with aria-describedby.
 */
function RowErrorText({ id, message, className = '' }: { id: string; message: string | null; className?: string }) {
  return (
    <p id={id} role="alert" className={`mt-1 max-w-[16rem] text-left text-xs text-red-700 empty:hidden ${className}`} data-testid="member-row-error">
      {message}
    </p>
  );
}

/** Members and their roles, inviting by email, and the invitations still pending. */
export function MembersManager({ workspaceId, currentUserId, initialMembers, initialInvitations }: MembersManagerProps) {
  const [members, setMembers] = useState(initialMembers);
  const [invitations, setInvitations] = useState(initialInvitations);
  const [error, setError] = useState<string | null>(null);
  // A refusal about one member (e.g. the last owner's role) is shown next to the control that caused it.
  const [rowError, setRowError] = useState<RowError | null>(null);
  const [issued, setIssued] = useState<InvitationIssued | null>(null);
  const base = `/api/workspaces/${workspaceId}`;

  async function refresh() {
    const [m, i] = await Promise.all([apiFetch<{ members: MemberDto[] }>(`${base}/members`), apiFetch<{ invitations: InvitationJson[] }>(`${base}/invitations`)]);
    if (m.ok) setMembers(m.data.members);
    if (i.ok) setInvitations(i.data.invitations);
  }

  async function onInvited(invitation: InvitationIssued) {
    setError(null);
    setIssued(invitation);
    await refresh();
  }

  async function resend(invitation: InvitationJson) {
    setError(null);
    const result = await apiFetch<InvitationIssued>(`${base}/invitations/${invitation.id}/resend`, { method: 'POST' });
    if (!result.ok) setError(result.error.message);
    else setIssued(result.data);
    await refresh();
  }

  async function revoke(invitation: InvitationJson) {
    if (!window.confirm(`Withdraw the invitation to ${invitation.email}? Its link stops working at once.`)) return;
    setError(null);
    setIssued(null);
    const result = await apiFetch(`${base}/invitations/${invitation.id}`, { method: 'DELETE' });
    if (!result.ok) setError(result.error.message);
    await refresh();
  }

  async function changeRole(userId: string, role: Role) {
    setError(null);
    setRowError(null);
    const result = await apiFetch(`${base}/members/${userId}`, { method: 'PATCH', body: { role } });
    if (!result.ok) setRowError({ userId, control: 'role', message: result.error.message });
    await refresh();
  }

  async function remove(member: MemberDto) {
    if (!window.confirm(`Remove ${member.name} from this workspace? They lose access at once.`)) return;
    setError(null);
    setRowError(null);
    const result = await apiFetch(`${base}/members/${member.userId}`, { method: 'DELETE' });
    if (!result.ok) setRowError({ userId: member.userId, control: 'remove', message: result.error.message });
    await refresh();
  }

  return (
    <SettingsSection title="Members" description="Owners manage members and the scale; editors also edit articles and set final verdicts; reviewers annotate; viewers read. People join only by accepting an invitation.">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
            <th className="pb-2 font-medium">Name</th>
            <th className="pb-2 font-medium">Email</th>
            <th className="pb-2 font-medium">Role</th>
            <th className="pb-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--color-line)]">
          {members.map((m) => {
            const roleError = rowError?.userId === m.userId && rowError.control === 'role' ? rowError.message : null;
            const removeError = rowError?.userId === m.userId && rowError.control === 'remove' ? rowError.message : null;
            return (
              <tr key={m.userId} data-testid="member-row">
                <td className="py-2 align-top font-medium">{m.name}</td>
                <td className="py-2 align-top text-[var(--color-muted)]">{m.email}</td>
                <td className="py-2 align-top">
                  <select
                    aria-label={`Role of ${m.name}`}
                    aria-describedby={`member-role-error-${m.userId}`}
                    aria-invalid={roleError ? true : undefined}
                    value={m.role}
                    onChange={(e) => void changeRole(m.userId, e.target.value as Role)}
                    className={`h-8 rounded-md border bg-white px-2 ${roleError ? 'border-red-600' : 'border-[var(--color-line)]'}`}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <RowErrorText id={`member-role-error-${m.userId}`} message={roleError} />
                </td>
                <td className="py-2 text-right align-top">
                  {m.userId !== currentUserId && (
                    <>
                      <Button variant="ghost" size="sm" onClick={() => void remove(m)} aria-label={`Remove ${m.name}`} aria-describedby={`member-remove-error-${m.userId}`}>
                        Remove
                      </Button>
                      <RowErrorText id={`member-remove-error-${m.userId}`} message={removeError} className="ml-auto" />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <InviteMemberForm workspaceId={workspaceId} onInvited={onInvited} />
      <p role="alert" className="mt-3 text-sm text-red-700 empty:hidden">
        {error}
      </p>
      {issued && <InvitationNotice issued={issued} />}
      <h3 className="mt-8 text-sm font-semibold">Pending invitations</h3>
      <PendingInvitations invitations={invitations} onRevoke={(i) => void revoke(i)} onResend={(i) => void resend(i)} />
    </SettingsSection>
  );
}
