'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { MAX_SESSION_ACTION_CHARS, type ReviewSessionView, type SessionActionKind } from '@/lib/domain/review-sessions';
import { cardClass } from './session-labels';
import { currentItem, useSessionCommands } from './use-review-session';

const selectClass = 'h-8 min-w-0 rounded-md border border-[var(--color-line)] bg-white px-2 text-sm';

/**
 * Action items: a claim to check or a task, assigned to a member (it appears in their My queue).
 * The lead adds them; the assignee or the lead ticks them off.
 */
export function SessionActions({ view }: { view: ReviewSessionView }) {
  const ids = useId();
  const userId = useWorkbench((s) => s.user.id);
  const { setActionDone } = useSessionCommands();
  const { actions } = view;
  if (actions.length === 0 && !view.me.canLead) return null;
  return (
    <section aria-labelledby={`${ids}-h`} className={cardClass} data-testid="session-actions">
      <h3 id={`${ids}-h`} className="text-sm font-semibold">
        Action items <span className="font-normal text-[var(--color-muted)]">({actions.length})</span>
      </h3>
      {actions.length > 0 && (
        <ul className="mt-2 space-y-1">
          {actions.map((a) => {
            const mayTick = a.assignee.userId === userId || view.me.canLead;
            const text = `${a.kind === 'claim' ? `Check claim #${a.claimNumber ?? '?'}` : 'Task'}: ${a.text || '—'} → ${a.assignee.name}`;
            return (
              <li key={a.id} className="flex items-start gap-2 text-sm" data-testid="session-action">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={a.doneAt !== null}
                  disabled={!mayTick}
                  onChange={(e) => void setActionDone(view.id, a.id, e.target.checked, a.version)}
                  aria-label={`Done: ${text}`}
                />
                <span className={a.doneAt ? 'text-[var(--color-muted)] line-through' : ''}>{text}</span>
              </li>
            );
          })}
        </ul>
      )}
      {view.me.canLead && <AddAction view={view} />}
    </section>
  );
}

function AddAction({ view }: { view: ReviewSessionView }) {
  const ids = useId();
  const members = useWorkbench((s) => s.members);
  const { ordered } = useClaimOrder();
  const { addAction } = useSessionCommands();
  const item = currentItem(view);
  const [kind, setKind] = useState<SessionActionKind>('task');
  const [assigneeId, setAssigneeId] = useState('');
  const [chosenClaim, setClaimId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const claimId = chosenClaim ?? item?.claimId ?? '';
  const ready = assigneeId !== '' && (kind === 'task' ? text.trim() !== '' : claimId !== '');

  async function add() {
    if (!ready || pending) return;
    setPending(true);
    const result = await addAction(view.id, { kind, assigneeId, text: text.trim(), ...(item ? { itemId: item.id } : {}), ...(kind === 'claim' ? { claimId } : {}) });
    setPending(false);
    if (result.ok) {
      setText('');
      setClaimId(null);
    }
  }

  return (
    <form
      className="mt-2 space-y-1.5 border-t border-[var(--color-line)] pt-2"
      aria-label="Add an action item"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <div className="flex flex-wrap gap-1.5">
        <label className="sr-only" htmlFor={`${ids}-kind`}>
          Kind
        </label>
        <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SessionActionKind)} className={selectClass}>
          <option value="task">Task</option>
          <option value="claim">Check a claim</option>
        </select>
        <label className="sr-only" htmlFor={`${ids}-who`}>
          Assign to
        </label>
        <select id={`${ids}-who`} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} className={`${selectClass} flex-1`}>
          <option value="">Assign to…</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        {kind === 'claim' && (
          <>
            <label className="sr-only" htmlFor={`${ids}-claim`}>
              Claim
            </label>
            <select id={`${ids}-claim`} value={claimId} onChange={(e) => setClaimId(e.target.value)} className={`${selectClass} w-28`}>
              <option value="">Claim…</option>
              {ordered.map((c) => (
                <option key={c.id} value={c.id}>
                  Claim #{c.number}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <div className="flex gap-1.5">
        <label className="sr-only" htmlFor={`${ids}-text`}>
          {kind === 'task' ? 'What to do' : 'Note for the assignee (optional)'}
        </label>
        <input id={`${ids}-text`} value={text} onChange={(e) => setText(e.target.value)} maxLength={MAX_SESSION_ACTION_CHARS} placeholder={kind === 'task' ? 'What to do' : 'Note (optional)'} className="h-8 min-w-0 flex-1 rounded-md border border-[var(--color-line)] px-2 text-sm" />
        <Button type="submit" size="sm" variant="secondary" disabled={!ready || pending}>
          Add action
        </Button>
      </div>
    </form>
  );
}
