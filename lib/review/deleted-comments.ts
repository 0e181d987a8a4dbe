/**
 * A deleted comment keeps the audit fact (who wrote it, who deleted it and when) but not what it
 * said: its text and the people it mentioned leave every history entry about it.
 */

/** Audit fields of a comment entry that carry its content. */
export const COMMENT_CONTENT_FIELDS = ['body', 'mentions'] as const;

const CONTENT: ReadonlySet<string> = new Set(COMMENT_CONTENT_FIELDS);

function scrub(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const kept = Object.entries(value).filter(([key]) => !CONTENT.has(key));
  return kept.length === 0 ? null : Object.fromEntries(kept);
}

/** A comment's audit before/after without its content (an empty record becomes null). */
export function scrubDeletedCommentAudit(entry: { before: unknown; after: unknown }): { before: unknown; after: unknown } {
  return { before: scrub(entry.before), after: scrub(entry.after) };
}

