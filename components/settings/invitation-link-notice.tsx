'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import type { InvitationIssued } from './invitation-types';

/** What happened to an invitation just issued: mailed, or the link to hand over (no mail configured). */
export function InvitationNotice({ issued }: { issued: InvitationIssued }) {
  const [copied, setCopied] = useState(false);
  const { invitation, link } = issued;
  if (!link) {
    return (
      <div role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm">
        Invitation mailed to <strong>{invitation.email}</strong>. The link works once, until <LocalTime iso={invitation.expiresAt} style="medium" />.
      </div>
    );
  }
  return (
    <div role="status" className="mt-4 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="invitation-link">
      <p>
        Mail is not configured on this server, so send this invitation link to <strong>{invitation.email}</strong> yourself (it is shown only now, works once, and expires on{' '}
        <LocalTime iso={invitation.expiresAt} style="medium" />):
      </p>
      <p className="flex items-center gap-2">
        <code className="block flex-1 overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs">{link}</code>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </p>
      <p>An account created through a link that was not mailed stays unverified: it cannot join another workspace until its owner verifies the address by email.</p>
    </div>
  );
}
