'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useClaimOrder } from '@/components/workbench/use-claim-highlights';
import { MAX_SESSION_NOTE_CHARS, type ReviewSessionView, type SessionItemDto } from '@/lib/domain/review-sessions';
import { OUTCOME_CLASSES, cardClass, outcomeText, reasonLabel } from './session-labels';
import { agendaOrder, claimLabel, useSessionCommands } from './use-review-session';

/**
 * The agenda in order: the current item marked, each item's outcome. The lead goes to an item,
 * moves it up or down (among the items still open), drops it with a note, or adds a claim.
 */
export function SessionAgenda({ view }: { view: ReviewSessionView }) {
  const ids = useId();
  const items = agendaOrder(view);
  const lead = view.me.canLead;
  const { patch } = useSessionCommands();
  // Reorder works on the items still to discuss (and the current one); decided ones keep their place.
  const movable = items.filter((i) => i.outcome === 'pending' || i.id === view.currentItemId).map((i) => i.id);

  function move(itemId: string, by: -1 | 1) {
    const from = movable.indexOf(itemId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= movable.length) return;
    const next = [...movable];
    [next[from], next[to]] = [next[to]!, next[from]!];
    void patch(view.id, { op: 'reorder', version: view.version, itemIds: next });
  }

  return (
    <section aria-labelledby={`${ids}-h`} className={cardClass} data-testid="session-agenda">
      <h3 id={`${ids}-h`} className="text-sm font-semibold">
        Agenda <span className="font-normal text-[var(--color-muted)]">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-[var(--color-muted)]">No items.</p>
      ) : (
        <ol className="mt-2 space-y-1.5">
          {items.map((item, index) => (
            <AgendaRow key={item.id} view={view} item={item} index={index} lead={lead} movableIndex={movable.indexOf(item.id)} movableCount={movable.length} onMove={move} />
          ))}
        </ol>
      )}
      {lead && <AddClaim view={view} />}
    </section>
  );
}

function AgendaRow({ view, item, index, lead, movableIndex, movableCount, onMove }: { view: ReviewSessionView; item: SessionItemDto; index: number; lead: boolean; movableIndex: number; movableCount: number; onMove: (itemId: string, by: -1 | 1) => void }) {
  const { patch } = useSessionCommands();
  const [dropping, setDropping] = useState(false);
  const [note, setNote] = useState('');
  const current = item.id === view.currentItemId;
  const label = claimLabel(item);
  const open = item.outcome === 'pending';
  return (
    <li aria-current={current ? 'step' : undefined} data-testid="session-agenda-item" className={`rounded-md border px-2 py-1.5 text-sm ${current ? 'border-indigo-400 bg-indigo-50' : 'border-[var(--color-line)]'}`}>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-semibold tabular-nums">{index + 1}.</span>
        <span className="font-medium">{label.charAt(0).toUpperCase() + label.slice(1)}</span>
        {current && <span className="rounded-full bg-indigo-600 px-1.5 py-px text-[11px] font-semibold text-white">Now</span>}
        <span className={`rounded-full px-1.5 py-px text-[11px] font-medium ${OUTCOME_CLASSES[item.outcome]}`}>{outcomeText(item)}</span>
        <span className="text-[11px] text-[var(--color-muted)]">{reasonLabel(item.reason)}</span>
      </div>
      <p className="mt-0.5 line-clamp-1 text-xs text-gray-700" dir="auto">
        {item.claimQuote}
      </p>
      {lead && (
        <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label={`Item ${index + 1}: ${label}`}>
          {!current && item.claimId && (
            <Button size="sm" variant="secondary" className="h-7 text-xs" onClick={() => void patch(view.id, { op: 'goto', itemId: item.id })} aria-label={`Go to item ${index + 1}: ${label}`}>
              Go to
            </Button>
          )}
          {movableIndex >= 0 && (
            <>
              <Button size="sm" variant="ghost" className="h-7 text-xs" disabled={movableIndex === 0} onClick={() => onMove(item.id, -1)} aria-label={`Move item ${index + 1} up`}>
                ↑ Up
              </Button>
              <Button size="sm" variant="ghost" className="h-7 text-xs" disabled={movableIndex === movableCount - 1} onClick={() => onMove(item.id, 1)} aria-label={`Move item ${index + 1} down`}>
                ↓ Down
              </Button>
            </>
          )}
          {open && !dropping && (
            <Button size="sm" variant="ghost" className="h-7 text-xs text-red-700" onClick={() => setDropping(true)} aria-label={`Drop item ${index + 1}`}>
              Drop…
            </Button>
          )}
        </div>
      )}
      {dropping && (
        <form
          className="mt-1.5 flex flex-wrap items-center gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            void patch(view.id, { op: 'dropItem', itemId: item.id, ...(note.trim() ? { note: note.trim() } : {}) }).then((r) => r.ok && setDropping(false));
          }}
        >
          <label className="sr-only" htmlFor={`drop-note-${item.id}`}>
            Why drop item {index + 1} (optional)
          </label>
          <input id={`drop-note-${item.id}`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={MAX_SESSION_NOTE_CHARS} placeholder="Why drop it? (optional)" className="h-7 min-w-0 flex-1 rounded border border-[var(--color-line)] px-2 text-xs" autoFocus />
          <Button type="submit" size="sm" variant="danger" className="h-7 text-xs">
            Drop item
          </Button>
          <Button size="sm" variant="ghost" className="h-7 text-xs" onClick={() => setDropping(false)}>
            Cancel
          </Button>
        </form>
      )}
    </li>
  );
}

/** A claim of the article that is not on the agenda yet. */
function AddClaim({ view }: { view: ReviewSessionView }) {
  const { ordered } = useClaimOrder();
  const { patch } = useSessionCommands();
  const [claimId, setClaimId] = useState('');
  const ids = useId();
  const onAgenda = new Set(view.items.map((i) => i.claimId));
  const candidates = ordered.filter((c) => !onAgenda.has(c.id));
  if (candidates.length === 0) return null;
  return (
    <form
      className="mt-2 flex items-center gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        if (claimId) void patch(view.id, { op: 'addItem', claimId }).then((r) => r.ok && setClaimId(''));
      }}
    >
      <label htmlFor={`${ids}-add`} className="sr-only">
        Add a claim to the agenda
      </label>
      <select id={`${ids}-add`} value={claimId} onChange={(e) => setClaimId(e.target.value)} className="h-8 min-w-0 flex-1 rounded-md border border-[var(--color-line)] bg-white px-2 text-sm">
        <option value="">Add a claim…</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            #{c.number} {c.quote.exact.length > 60 ? `${c.quote.exact.slice(0, 60)}…` : c.quote.exact}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={!claimId}>
        Add
      </Button>
    </form>
  );
}
