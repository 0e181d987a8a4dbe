/** Keyboard shortcuts, listed once for the handlers and the `?` help sheet. */
export const SHORTCUTS = [
  { keys: ['Ctrl/⌘', 'Shift', 'M'], action: 'Mark the selected text as a claim' },
  { keys: ['Alt', 'F10'], action: 'Move to the actions next to the selection (Mark claim, Add part, Change words)' },
  { keys: ['Enter'], action: 'Confirm the new words while changing a claim’s words' },
  { keys: ['Esc'], action: 'Cancel changing a claim’s words' },
  { keys: ['J'], action: 'Next claim' },
  { keys: ['K'], action: 'Previous claim' },
  { keys: ['N'], action: 'Next suggested claim (Find claims)' },
  { keys: ['P'], action: 'Previous suggested claim' },
  { keys: ['A'], action: 'Accept the focused suggestion as a claim (reviewers)' },
  { keys: ['D'], action: 'Dismiss the focused suggestion (reviewers)' },
  { keys: ['Enter'], action: 'Open the focused claim in the list' },
  { keys: ['Esc'], action: 'Close the claim panel or dialog' },
  { keys: ['E'], action: 'Edit article text (editors)' },
  { keys: ['Ctrl/⌘', 'S'], action: 'Save article text while editing' },
  { keys: ['/'], action: 'Search claims, articles and sources' },
  { keys: ['?'], action: 'Show this list of shortcuts' },
] as const;

/**
 * True when a key event comes from somewhere the user types, where single-key shortcuts must
 * not fire. The article text in review mode is focusable but read-only, so it does not count.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).closest !== 'function') return false;
  const el = target as HTMLElement;
  return Boolean(el.closest('input, textarea, select, [contenteditable="true"]:not([aria-readonly="true"])'));
}
