'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import { ModalDialog } from '@/components/workbench/modal-dialog';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { can } from '@/lib/auth/permissions';
import { MAX_AGENDA_ITEMS, MAX_TIMEBOX_SECONDS, type AgendaProposalItem } from '@/lib/domain/review-sessions';
import { reasonLabel } from './session-labels';
import { useAgendaProposal, useArticleReviewSessions, useSessionCommands } from './use-review-session';

/**
 * "Start review session" in the article toolbar, for editors and owners while none is running.
 * The dialog stays open if a session starts meanwhile: pressing Start then shows the server's answer.
 */
export function StartSessionButton() {
  const role = useWorkbench((s) => s.user.role);
  const sessions = useArticleReviewSessions();
  const [open, setOpen] = useState(false);
  if (!can(role, 'session:lead')) return null;
  const running = sessions.data?.running ?? null;
  return (
    <>
      {!running && sessions.data && (
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="start-session">
          Start review session
        </Button>
      )}
      {open && <StartSessionDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/** An agenda row in the dialog: a proposed claim, or one added by hand. */
interface DraftItem {
  claimId: string;
  claimNumber: number | null;
  quote: string;
  reason: string;
}

function fromProposal(p: AgendaProposalItem): DraftItem {
  const extra = p.reason === 'unread_discussion' && p.unreadComments > 0 ? ` · ${p.unreadComments} unread` : '';
  return { claimId: p.claimId, claimNumber: p.claimNumber, quote: p.quote, reason: `${reasonLabel(p.reason, p.agreement)}${extra}` };
}

function StartSessionDialog({ onClose }: { onClose: () => void }) {
  const proposal = useAgendaProposal(true);
  return (
    <ModalDialog title="Start a review session" onClose={onClose} testId="start-session-dialog" size="lg">
      {!proposal.data ? (
        <p className="mt-4 text-sm text-[var(--color-muted)]" role={proposal.error ? 'alert' : 'status'}>
          {proposal.error ? `Could not propose an agenda: ${proposal.error.message}` : 'Proposing an agenda from the claims that need a decision…'}
        </p>
      ) : (
        <StartForm proposal={proposal.data} onClose={onClose} />
      )}
    </ModalDialog>
  );
}

function StartForm({ proposal, onClose }: { proposal: AgendaProposalItem[]; onClose: () => void }) {
  const ids = useId();
  const { start } = useSessionCommands();
  const { ordered } = useClaimOrder();
  const [items, setItems] = useState<DraftItem[]>(() => proposal.map(fromProposal));
  const [adding, setAdding] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onAgenda = new Set(items.map((i) => i.claimId));
  const candidates = ordered.filter((c) => !onAgenda.has(c.id));
  const timebox = minutes.trim() === '' ? null : Number(minutes);
  const timeboxError = timebox !== null && (!Number.isFinite(timebox) || timebox <= 0 || timebox * 60 > MAX_TIMEBOX_SECONDS) ? `A timebox is 1 to ${MAX_TIMEBOX_SECONDS / 60} minutes.` : null;

  function move(index: number, by: -1 | 1) {
    setItems((list) => {
      const to = index + by;
      if (to < 0 || to >= list.length) return list;
      const next = [...list];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });
  }

  function add() {
    const claim = ordered.find((c) => c.id === adding);
    if (!claim || items.length >= MAX_AGENDA_ITEMS) return;
    setItems((list) => [...list, { claimId: claim.id, claimNumber: claim.number, quote: claim.quote.exact, reason: reasonLabel('added') }]);
    setAdding('');
  }

  async function submit() {
    if (pending || timeboxError) return;
    setPending(true);
    setError(null);
    const result = await start({ claimIds: items.map((i) => i.claimId), timeboxSeconds: timebox === null ? null : Math.round(timebox * 60) });
    setPending(false);
    if (!result.ok) return setError(result.message);
    notifySuccess('The review session has started. Members on the article can join it now.');
    onClose();
  }

  return (
    <form
      className="mt-4 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-[var(--color-muted)]">Proposed from the claims without a final verdict: disagreeing reviewers first (lowest agreement), then unread discussion. Reorder, remove or add claims, then start.</p>
      <section aria-labelledby={`${ids}-agenda`}>
        <h3 id={`${ids}-agenda`} className="text-sm font-semibold">
          Agenda <span className="font-normal text-[var(--color-muted)]">({items.length})</span>
        </h3>
        {items.length === 0 ? (
          <p className="mt-2 rounded-md bg-gray-50 p-3 text-sm text-[var(--color-muted)]">No claim needs a decision. Add claims below, or start with an empty agenda and add them during the session.</p>
        ) : (
          <ol className="mt-2 space-y-1.5" data-testid="proposal-items">
            {items.map((item, index) => {
              const name = item.claimNumber === null ? 'claim' : `claim #${item.claimNumber}`;
              return (
                <li key={item.claimId} className="flex items-start gap-2 rounded-md border border-[var(--color-line)] px-3 py-2" data-testid="proposal-item">
                  <span className="pt-0.5 text-sm font-semibold tabular-nums">{index + 1}.</span>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm">
                      <span className="font-medium">{name.charAt(0).toUpperCase() + name.slice(1)}</span> <span className="text-xs text-[var(--color-muted)]" data-testid="proposal-reason">{item.reason}</span>
                    </p>
                    <p className="line-clamp-2 text-xs text-gray-700" dir="auto">
                      {item.quote}
                    </p>
                  </div>
                  <div className="flex shrink-0 gap-0.5" role="group" aria-label={`Item ${index + 1}: ${name}`}>
                    <Button size="sm" variant="ghost" className="h-7 px-2" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${name} up`}>
                      ↑
                    </Button>
                    <Button size="sm" variant="ghost" className="h-7 px-2" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${name} down`}>
                      ↓
                    </Button>
                    <Button size="sm" variant="ghost" className="h-7 px-2 text-red-700" onClick={() => setItems((list) => list.filter((i) => i.claimId !== item.claimId))} aria-label={`Remove ${name}`}>
                      Remove
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {candidates.length > 0 && (
          <div className="mt-2 flex items-center gap-2">
            <label htmlFor={`${ids}-add`} className="sr-only">
              Add a claim to the agenda
            </label>
            <select id={`${ids}-add`} value={adding} onChange={(e) => setAdding(e.target.value)} className="h-8 min-w-0 flex-1 rounded-md border border-[var(--color-line)] bg-white px-2 text-sm">
              <option value="">Add a claim…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  #{c.number} {c.quote.exact.length > 70 ? `${c.quote.exact.slice(0, 70)}…` : c.quote.exact}
                </option>
              ))}
            </select>
            <Button size="sm" variant="secondary" disabled={!adding} onClick={add}>
              Add claim
            </Button>
          </div>
        )}
      </section>
      <div>
        <label htmlFor={`${ids}-timebox`} className="mb-1 block text-sm font-medium">
          Timebox per item (minutes, optional)
        </label>
        <input
          id={`${ids}-timebox`}
          type="number"
          min={1}
          max={MAX_TIMEBOX_SECONDS / 60}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-invalid={timeboxError ? true : undefined}
          aria-describedby={timeboxError ? `${ids}-timebox-error` : undefined}
          className="h-9 w-28 rounded-md border border-[var(--color-line)] px-2 text-sm aria-[invalid=true]:border-red-500"
        />
        {timeboxError && (
          <p id={`${ids}-timebox-error`} className="mt-1 text-xs text-red-700">
            {timeboxError}
          </p>
        )}
      </div>
      <p role="alert" className="text-sm text-red-700 empty:hidden" data-testid="start-session-error">
        {error}
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || timeboxError !== null}>
          {pending ? 'Starting…' : 'Start session'}
        </Button>
      </div>
    </form>
  );
}
