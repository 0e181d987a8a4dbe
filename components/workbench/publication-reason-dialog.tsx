'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { MAX_PUBLICATION_REASON_CHARS } from '@/lib/validations/publishing';
import { ModalDialog } from './modal-dialog';
import { useArticleMeta } from './queries';
import { usePublicationPost } from './use-publication-post';

const COPY = {
  reopen: {
    title: 'Reopen for correction',
    intro: 'The article becomes editable again (in review). Until you republish, the public page keeps showing the version published last; republishing asks what changed and shows that correction note publicly.',
    label: 'Why are you reopening it?',
    hint: 'Recorded in the publication history with your name.',
    confirm: 'Reopen for correction',
    pending: 'Reopening…',
    done: 'Reopened for correction. The public page keeps the last published version until you republish.',
    variant: 'primary' as const,
  },
  retract: {
    title: 'Retract the fact-check',
    intro: 'Retracting is final and public: the public page is replaced by a retraction notice with today’s date and the reason below, at the same address. The article stays read-only; it cannot be published again.',
    label: 'Reason for the retraction (shown publicly)',
    hint: 'Readers see this reason on the public page.',
    confirm: 'Retract',
    pending: 'Retracting…',
    done: 'Retracted. The public page now shows the retraction notice.',
    variant: 'danger' as const,
  },
};

/** Reopen for correction (editor+) or Retract (owner): a required reason, then the publication route. */
export function PublicationReasonDialog({ kind, open, onClose }: { kind: 'reopen' | 'retract'; open: boolean; onClose: () => void }) {
  // Kept while closed, so an accidental Esc does not lose a written reason.
  const [reason, setReason] = useState('');
  if (!open) return null;
  return <ReasonDialogBody kind={kind} reason={reason} setReason={setReason} onClose={onClose} />;
}

function ReasonDialogBody({ kind, reason, setReason, onClose }: { kind: 'reopen' | 'retract'; reason: string; setReason: (reason: string) => void; onClose: () => void }) {
  const copy = COPY[kind];
  const ids = useId();
  const { version } = useArticleMeta();
  const post = usePublicationPost();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const trimmed = reason.trim();

  async function confirm() {
    if (!trimmed || pending) return;
    setPending(true);
    setError(null);
    const result = await post({ action: kind, version, reason: trimmed });
    setPending(false);
    if (!result.ok) {
      setError(result.status === 409 ? `${result.error.message} The article has been refreshed; check it and try again.` : result.error.message);
      return;
    }
    setReason('');
    notifySuccess(copy.done);
    onClose();
  }

  return (
    <ModalDialog title={copy.title} onClose={onClose} testId={`${kind}-dialog`}>
      <p className={`mt-3 text-sm ${kind === 'retract' ? 'rounded-md border border-red-200 bg-red-50 p-3 text-red-900' : 'text-[var(--color-muted)]'}`} role={kind === 'retract' ? 'note' : undefined}>
        {kind === 'retract' && <strong className="font-semibold">This cannot be undone. </strong>}
        {copy.intro}
      </p>
      <form
        className="mt-4 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
        noValidate
      >
        <div>
          <label htmlFor={`${ids}-reason`} className="block text-sm font-semibold">
            {copy.label}
          </label>
          <p id={`${ids}-hint`} className="mb-1 text-xs text-[var(--color-muted)]">
            {copy.hint}
          </p>
          <textarea
            id={`${ids}-reason`}
            rows={3}
            maxLength={MAX_PUBLICATION_REASON_CHARS}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${ids}-hint`}
            className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm"
            dir="auto"
            autoFocus
            data-testid={`${kind}-reason`}
          />
        </div>
        <p role="alert" className="text-sm text-red-700 empty:hidden">
          {error}
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={copy.variant} disabled={!trimmed || pending} data-testid={`${kind}-confirm`}>
            {pending ? copy.pending : copy.confirm}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
