'use client';

import { useId, useState } from 'react';
import { VerdictPicker } from '@/components/claims/verdict-picker';
import { Button } from '@/components/ui/button';
import { useClaims } from '@/components/workbench/queries';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { MAX_SESSION_NOTE_CHARS, MAX_TIMEBOX_SECONDS, type ReviewSessionView, type SessionItemDto } from '@/lib/domain/review-sessions';
import { readableTextColor } from '@/lib/verdicts/scale';
import { SessionActions } from './session-actions';
import { SessionAgenda } from './session-agenda';
import { OUTCOME_CLASSES, cardClass, outcomeText, percent, textareaClass } from './session-labels';
import { SessionNotes } from './session-notes';
import { SessionPeople } from './session-people';
import { claimLabel, currentItem, useArticleReviewSessions, useSessionCommands } from './use-review-session';

/**
 * The session panel for joined participants: the item under discussion with its vote (and, for
 * the lead, the controls to run it: timebox, call vote, reveal, decide, defer), the item's notes,
 * the agenda, action items, and for the lead who is where and End session. It sits at the bottom
 * of the text column (sticky, at most 40% of the screen, scrolling on its own, folding away), so
 * the claim under discussion, scrolled to the middle of the text and open in the claim panel,
 * stays in view.
 */
export function SessionSheet() {
  const view = useArticleReviewSessions().data?.running ?? null;
  // Open beside the claim panel (lg and up); folded on a phone, where it would cover the text.
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.matchMedia('(min-width: 1024px)').matches);
  const panelId = useId();
  if (!view?.me.joined) return null;
  const item = currentItem(view);
  return (
    <section aria-label="Session panel" data-testid="session-sheet" className="sticky bottom-0 z-20 -mx-3 mt-8 rounded-t-lg border border-b-0 border-indigo-200 bg-indigo-50/95 shadow-[0_-6px_16px_rgba(15,23,42,0.10)] backdrop-blur">
      <div className="flex items-center gap-2 px-3 py-1.5">
        <h2 className="shrink-0 text-sm font-semibold">Review session</h2>
        <span className="min-w-0 flex-1 truncate text-xs text-[var(--color-muted)]">{item ? `Now: ${claimLabel(item)} · ${outcomeText(item)}${item.vote.state === 'open' ? ' · vote in progress' : item.vote.state === 'revealed' ? ' · votes revealed' : ''}` : 'No item under discussion'}</span>
        <Button size="sm" variant="ghost" className="h-7 shrink-0" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide session panel' : 'Show session panel'}
        </Button>
      </div>
      {open && <SessionPanel id={panelId} view={view} />}
    </section>
  );
}

function SessionPanel({ id, view }: { id: string; view: ReviewSessionView }) {
  const item = currentItem(view);
  return (
    <div id={id} data-testid="session-panel" className="max-h-[30vh] space-y-3 overflow-y-auto px-3 pb-3 lg:max-h-[40vh]">
      <div className="grid gap-3 xl:grid-cols-2">
        <div className="space-y-3">
          {item ? <CurrentItem key={`current-${item.id}`} view={view} item={item} /> : <p className={`${cardClass} text-[var(--color-muted)]`}>{view.me.isLead ? 'Pick an item on the agenda to discuss it.' : 'The lead has not picked an item yet.'}</p>}
          {item && <SessionNotes key={`notes-${item.id}`} view={view} item={item} />}
        </div>
        <div className="space-y-3">
          <SessionAgenda view={view} />
          <SessionActions view={view} />
          {view.me.isLead && <SessionPeople view={view} />}
        </div>
      </div>
      {view.me.canLead && <EndSession view={view} />}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function CurrentItem({ view, item }: { view: ReviewSessionView; item: SessionItemDto }) {
  const ids = useId();
  return (
    <section aria-labelledby={`${ids}-h`} className={cardClass} data-testid="session-current-item">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${ids}-h`} className="text-sm font-semibold">
          Now: {capitalised(claimLabel(item))}
        </h3>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_CLASSES[item.outcome]}`} data-testid="session-item-outcome">
          {outcomeText(item)}
        </span>
      </div>
      {view.me.canLead && item.outcome === 'pending' && <TimeboxControl view={view} item={item} />}
      <p className="mt-1 line-clamp-2 text-sm text-gray-700" dir="auto">
        “{item.claimQuote}”
      </p>
      {item.outcomeNote && <p className="mt-1 text-xs text-[var(--color-muted)]">Note: {item.outcomeNote}</p>}
      {item.claimId === null && <p className="mt-1 text-xs text-amber-800">This claim was deleted since it was put on the agenda.</p>}
      <VoteBox view={view} item={item} />
      {view.me.canLead && item.outcome === 'pending' && item.claimId && <DecideBox view={view} item={item} claimId={item.claimId} />}
    </section>
  );
}

/** The lead's per-item timebox: minutes, set or cleared; on the current item it restarts the countdown. */
function TimeboxControl({ view, item }: { view: ReviewSessionView; item: SessionItemDto }) {
  const { patch } = useSessionCommands();
  const [minutes, setMinutes] = useState(item.timeboxSeconds ? String(Math.round(item.timeboxSeconds / 60)) : '');
  const ids = useId();
  const value = Number(minutes);
  const valid = minutes.trim() !== '' && Number.isFinite(value) && value > 0 && value * 60 <= MAX_TIMEBOX_SECONDS;
  return (
    <form
      className="mt-1.5 flex items-center gap-1.5 text-xs"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void patch(view.id, { op: 'timebox', itemId: item.id, seconds: Math.round(value * 60) });
      }}
    >
      <label htmlFor={`${ids}-min`} className="text-[var(--color-muted)]">
        Timebox (min)
      </label>
      <input id={`${ids}-min`} type="number" min={1} max={MAX_TIMEBOX_SECONDS / 60} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="h-7 w-14 rounded border border-[var(--color-line)] px-1.5 text-xs" />
      <Button type="submit" size="sm" variant="secondary" disabled={!valid} className="h-7">
        {item.timeboxSeconds ? 'Restart' : 'Set'}
      </Button>
      {item.timeboxSeconds !== null && (
        <Button size="sm" variant="ghost" className="h-7" onClick={() => void patch(view.id, { op: 'timebox', itemId: item.id, seconds: null })}>
          Clear
        </Button>
      )}
    </form>
  );
}

/** The item's vote: called or not, who has voted (never what) while open, the spread once revealed. */
function VoteBox({ view, item }: { view: ReviewSessionView; item: SessionItemDto }) {
  const { patch } = useSessionCommands();
  const { vote } = item;
  const { me } = view;
  const lead = me.canLead && item.outcome === 'pending' && item.claimId !== null;
  return (
    <div className="mt-3 rounded-md bg-gray-50 p-2.5" data-testid="session-vote" data-vote-state={vote.state}>
      {vote.state === 'none' && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-[var(--color-muted)]">No vote called on this item.</span>
          {lead && (
            <Button size="sm" className="ml-auto" onClick={() => void patch(view.id, { op: 'callVote', itemId: item.id })}>
              Call vote
            </Button>
          )}
        </div>
      )}
      {vote.state === 'open' && (
        <div className="space-y-2">
          <p className="text-sm font-medium text-indigo-950">
            {me.canVote ? 'Vote in progress — give your verdict in the Verdicts tab' : 'Vote in progress'}
            <span className="block text-xs font-normal text-[var(--color-muted)]">Every verdict on this claim stays hidden until the lead reveals them.</span>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold tabular-nums" data-testid="session-vote-count">
              {vote.votedCount} of {vote.eligibleCount} voted
            </span>
            {lead && (
              <Button size="sm" className="ml-auto" onClick={() => void patch(view.id, { op: 'reveal', itemId: item.id })}>
                Reveal votes
              </Button>
            )}
          </div>
          {vote.voters.length > 0 && (
            <ul className="flex flex-wrap gap-1.5 text-xs" aria-label="Who has voted">
              {vote.voters.map((v) => (
                <li key={v.userId} className={`rounded-full px-2 py-0.5 ${v.voted ? 'bg-emerald-100 text-emerald-900' : 'bg-white text-[var(--color-muted)] ring-1 ring-[var(--color-line)]'}`}>
                  {v.name}: {v.voted ? 'voted' : 'waiting'}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {vote.state === 'revealed' && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold">Votes revealed</span>
            <span className="text-sm">
              Agreement <strong className="tabular-nums" data-testid="session-vote-agreement">{percent(vote.agreement)}</strong>
            </span>
            {lead && (
              <Button size="sm" variant="secondary" className="ml-auto" onClick={() => void patch(view.id, { op: 'callVote', itemId: item.id })}>
                Vote again
              </Button>
            )}
          </div>
          <VoteSpread item={item} />
        </div>
      )}
    </div>
  );
}

/** One bar per rating level (the scale's order and colours) with its count, then who gave what. */
function VoteSpread({ item }: { item: SessionItemDto }) {
  const levels = useWorkbench((s) => s.levels);
  const { spread, results } = item.vote;
  const counts = new Map((spread ?? []).map((s) => [s.verdictKey, s.count]));
  const total = (results ?? []).length;
  const max = Math.max(1, ...counts.values());
  if (total === 0) return <p className="text-sm text-[var(--color-muted)]">Nobody voted.</p>;
  // Levels no longer on the scale (renamed since) still count.
  const rows = [
    ...levels.map((l) => ({ key: l.key, label: l.label, color: l.color, count: counts.get(l.key) ?? 0 })),
    ...(spread ?? []).filter((s) => !levels.some((l) => l.key === s.verdictKey)).map((s) => ({ key: s.verdictKey, label: s.verdictLabel, color: '#6e7781', count: s.count })),
  ];
  return (
    <div>
      <ul className="space-y-1" aria-label="Spread of the votes" data-testid="session-vote-spread">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[8rem_minmax(0,1fr)_1.5rem] items-center gap-2 text-xs">
            <span className="truncate">{r.label}</span>
            <span className="h-3 rounded-sm bg-gray-200" aria-hidden>
              {r.count > 0 && <span className="block h-3 rounded-sm" style={{ width: `${(r.count / max) * 100}%`, backgroundColor: r.color }} />}
            </span>
            <span className="text-right font-semibold tabular-nums">{r.count}</span>
          </li>
        ))}
      </ul>
      <ul className="mt-2 space-y-0.5 text-xs" aria-label="Votes" data-testid="session-vote-results">
        {(results ?? []).map((r) => {
          const color = levels.find((l) => l.key === r.verdictKey)?.color ?? '#6e7781';
          return (
            <li key={r.userId} className="flex items-center gap-1.5">
              <span className="font-medium">{r.name}</span>
              <span className="rounded-full px-1.5 py-px font-semibold" style={{ backgroundColor: color, color: readableTextColor(color) }}>
                {r.verdictLabel}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The lead sets the claim's final verdict (the scale's levels, optional rationale) or defers the item with a note. */
function DecideBox({ view, item, claimId }: { view: ReviewSessionView; item: SessionItemDto; claimId: string }) {
  const levels = useWorkbench((s) => s.levels);
  const claim = useClaims().find((c) => c.id === claimId);
  const { patch } = useSessionCommands();
  const ids = useId();
  const [verdictId, setVerdictId] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [deferring, setDeferring] = useState(false);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide() {
    if (!verdictId || !claim || pending) return;
    setPending(true);
    setError(null);
    const result = await patch(view.id, { op: 'decide', itemId: item.id, verdictId, claimVersion: claim.version, ...(rationale.trim() ? { rationale: rationale.trim() } : {}) }, { quiet: true });
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  async function defer() {
    if (!note.trim() || pending) return;
    setPending(true);
    setError(null);
    const result = await patch(view.id, { op: 'defer', itemId: item.id, note: note.trim() }, { quiet: true });
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="mt-3 space-y-3 border-t border-[var(--color-line)] pt-3" data-testid="session-decide">
      {!deferring ? (
        <>
          <VerdictPicker levels={levels} value={verdictId} onChange={setVerdictId} legend="Final verdict" hint="Sets the claim’s final verdict, as in the claim’s Details." name={`session-decide-${item.id}`} allowPending={false} />
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Rationale (optional)</span>
            <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={2} className={textareaClass} dir="auto" />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => void decide()} disabled={!verdictId || !claim || pending}>
              Set final verdict
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setDeferring(true)}>
              Defer…
            </Button>
          </div>
        </>
      ) : (
        <>
          <label className="block">
            <span className="mb-1 block text-sm font-medium">Why defer? (required)</span>
            <textarea id={`${ids}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={MAX_SESSION_NOTE_CHARS} className={textareaClass} dir="auto" />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => void defer()} disabled={!note.trim() || pending}>
              Defer item
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDeferring(false)}>
              Cancel
            </Button>
          </div>
        </>
      )}
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}

/** End the session (asks first): the minutes are written and it moves to the Sessions tab. */
function EndSession({ view }: { view: ReviewSessionView }) {
  const { patch } = useSessionCommands();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const pendingItems = view.items.filter((i) => i.outcome === 'pending').length;
  if (!confirming)
    return (
      <div className="flex justify-end">
        <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
          End session…
        </Button>
      </div>
    );
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm" role="group" aria-label="Confirm ending the session">
      <span className="text-red-900">
        End the session and write the minutes?{pendingItems > 0 && ` ${pendingItems} item${pendingItems === 1 ? ' stays' : 's stay'} undecided.`}
      </span>
      <Button
        size="sm"
        variant="danger"
        autoFocus
        disabled={pending}
        onClick={() => {
          setPending(true);
          void patch(view.id, { op: 'end' }).then(() => setPending(false));
        }}
      >
        End session
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  );
}
