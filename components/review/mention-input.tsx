'use client';

import { useId, useMemo, useRef, useState } from 'react';

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

export interface MentionInputProps {
  value: string;
  onChange: (value: string) => void;
  members: Mentionable[];
  label: string;
  placeholder?: string;
  onSubmitShortcut?: () => void;
  autoFocus?: boolean;
}

/** The `@query` being typed right before the caret, if any. */
function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

/**
 * A textarea that suggests workspace members after "@" (a combobox: arrows move, Enter or Tab
 * picks, Esc dismisses). Ctrl/⌘+Enter submits.
 */
export function MentionInput({ value, onChange, members, label, placeholder, onSubmitShortcut, autoFocus }: MentionInputProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const mention = activeMention(value, caret);
  const suggestions = useMemo(() => {
    if (!mention) return [];
    return members.filter((m) => m.name.toLowerCase().includes(mention.query) || m.email.toLowerCase().startsWith(mention.query)).slice(0, 6);
  }, [mention, members]);
  const open = mention !== null && suggestions.length > 0 && dismissed !== mention.start;

  function pick(member: Mentionable) {
    if (!mention) return;
    const before = value.slice(0, mention.start);
    const after = value.slice(caret);
    const inserted = `@${member.name} `;
    onChange(before + inserted + after);
    const next = before.length + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.setSelectionRange(next, next);
      setCaret(next);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      onSubmitShortcut?.();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlighted((h) => (h + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[Math.min(highlighted, suggestions.length - 1)]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention!.start);
    }
  }

  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        value={value}
        rows={3}
        autoFocus={autoFocus}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-opt-${highlighted}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setHighlighted(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        dir="auto"
        className="w-full rounded-md border border-[var(--color-line)] bg-white px-3 py-2 text-sm"
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Mention a member" hidden={!open} className="absolute left-0 z-20 mt-1 w-64 overflow-hidden rounded-md border border-[var(--color-line)] bg-white shadow-lg">
        {open &&
          suggestions.map((m, i) => (
            <li
              key={m.userId}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === highlighted}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === highlighted ? 'bg-blue-50' : ''}`}
            >
              <span className="font-medium">{m.name}</span> <span className="text-xs text-[var(--color-muted)]">{m.email}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
