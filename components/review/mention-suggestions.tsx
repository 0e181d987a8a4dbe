import type { Mentionable } from './comment-composer-extensions';

interface MentionSuggestionsProps {
  /** Prefix of the option ids the composer points aria-activedescendant at. */
  id: string;
  listId: string;
  open: boolean;
  items: Mentionable[];
  highlighted: number;
  onPick: (member: Mentionable) => void;
}

/** The list of members under the comment composer while an "@" mention is being typed. */
export function MentionSuggestions({ id, listId, open, items, highlighted, onPick }: MentionSuggestionsProps) {
  return (
    <ul id={listId} role="listbox" aria-label="Mention a member" hidden={!open} className="absolute left-0 z-20 mt-1 w-64 overflow-hidden rounded-md border border-[var(--color-line)] bg-white shadow-lg">
      {open &&
        items.map((m, i) => (
          <li
            key={m.userId}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === highlighted}
            // mousedown, not click: the editor keeps focus and the caret stays where the mention goes.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(m);
            }}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === highlighted ? 'bg-blue-50' : ''}`}
          >
            <span className="font-medium">{m.name}</span> <span className="text-xs text-[var(--color-muted)]">{m.email}</span>
          </li>
        ))}
    </ul>
  );
}
