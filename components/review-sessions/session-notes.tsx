'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import { MAX_SESSION_NOTE_CHARS, type ReviewSessionView, type SessionItemDto } from '@/lib/domain/review-sessions';
import { cardClass, textareaClass } from './session-labels';
import { useSessionCommands } from './use-review-session';
import { useWorkbench } from '@/components/workbench/workbench-context';

/** The current item's notes (who wrote what, when); reviewers and up add theirs, and may delete their own. */
export function SessionNotes({ view, item }: { view: ReviewSessionView; item: SessionItemDto }) {
  const ids = useId();
  const userId = useWorkbench((s) => s.user.id);
  const { addNote, deleteNote } = useSessionCommands();
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);

  async function add() {
    const text = body.trim();
    if (!text || pending) return;
    setPending(true);
    const result = await addNote(view.id, item.id, text);
    setPending(false);
    if (result.ok) setBody('');
  }

  return (
    <section aria-labelledby={`${ids}-h`} className={cardClass} data-testid="session-notes">
      <h3 id={`${ids}-h`} className="text-sm font-semibold">
        Notes <span className="font-normal text-[var(--color-muted)]">({item.notes.length})</span>
      </h3>
      {item.notes.length === 0 ? (
        <p className="mt-1 text-sm text-[var(--color-muted)]">No notes on this item yet.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {item.notes.map((n) => (
            <li key={n.id} className="text-sm" data-testid="session-note">
              <div className="flex items-center gap-2 text-xs text-[var(--color-muted)]">
                <span className="font-semibold text-[var(--color-ink)]">{n.authorName ?? 'A former member'}</span>
                <LocalTime iso={n.createdAt} />
                {n.authorId === userId && (
                  <button type="button" className="ml-auto underline hover:text-red-700" onClick={() => void deleteNote(view.id, n.id, n.version)}>
                    Delete<span className="sr-only"> my note</span>
                  </button>
                )}
              </div>
              <p className="whitespace-pre-wrap text-gray-800" dir="auto">
                {n.body}
              </p>
            </li>
          ))}
        </ul>
      )}
      {view.me.canWriteNotes && (
        <form
          className="mt-2 space-y-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <label htmlFor={`${ids}-note`} className="sr-only">
            Add a note to this item
          </label>
          <textarea
            id={`${ids}-note`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void add();
              }
            }}
            rows={2}
            maxLength={MAX_SESSION_NOTE_CHARS}
            placeholder="Add a note to this item"
            className={textareaClass}
            dir="auto"
          />
          <Button type="submit" size="sm" variant="secondary" disabled={!body.trim() || pending}>
            Add note
          </Button>
        </form>
      )}
    </section>
  );
}
