/**
 * @mentions inside a comment body, stored as tokens: `@[Ana Souza](<user id>)`.
 *
 * The id is what counts: the server stores mentions by id, the thread shows each chip with the
 * person's current name, so renaming someone never breaks a mention. The label is the name as it
 * was when the comment was written: the fallback for a person who no longer exists, and what
 * plain-text surfaces (notification excerpts) show. In the label `\` and `]` are escaped with a
 * backslash, so any display name (spaces, brackets, regex characters) round-trips.
 */

export interface MentionToken {
  userId: string;
  label: string;
}

export type CommentSegment = { kind: 'text'; text: string } | { kind: 'mention'; userId: string; label: string };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `@[label](id)`: the label has no raw `]`, `\` or line break; `\]` and `\\` stand for them. */
const TOKEN = new RegExp(`@\\[((?:[^\\]\\\\\\n]|\\\\[\\\\\\]])*)\\]\\((${UUID})\\)`, 'g');

/** Longest label kept in a token; display names are shorter than this. */
export const MAX_MENTION_LABEL_CHARS = 200;

/** The token for one mention. Line breaks in the label become spaces (a token is one line). */
export function serializeMention({ userId, label }: MentionToken): string {
  if (!new RegExp(`^${UUID}$`).test(userId)) throw new TypeError(`Not a user id: ${JSON.stringify(userId)}.`);
  const clean = label.replace(/\s+/g, ' ').trim().slice(0, MAX_MENTION_LABEL_CHARS);
  return `@[${clean.replace(/[\\\]]/g, '\\$&')}](${userId.toLowerCase()})`;
}

/** The body as text runs and mentions, in order. Text that only looks like a token (no valid id) stays text. */
export function parseCommentBody(body: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ kind: 'text', text: body.slice(last, match.index) });
    segments.push({ kind: 'mention', userId: match[2]!.toLowerCase(), label: match[1]!.replace(/\\([\\\]])/g, '$1') });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/** The inverse of parseCommentBody. */
export function serializeCommentBody(segments: readonly CommentSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : serializeMention(s))).join('');
}

/** The people a body mentions, each once, in order of first mention. */
export function mentionedUserIds(body: string): string[] {
  const ids = parseCommentBody(body).flatMap((s) => (s.kind === 'mention' ? [s.userId] : []));
  return [...new Set(ids)];
}

/**
 * The mentions in `body` of people outside `memberIds` (unknown ids, people of another workspace),
 * each once; empty when every mention is of a member.
 */
export function mentionsOutside(body: string, memberIds: ReadonlySet<string>): MentionToken[] {
  const outside = new Map<string, MentionToken>();
  for (const s of parseCommentBody(body)) {
    if (s.kind === 'mention' && !memberIds.has(s.userId) && !outside.has(s.userId)) outside.set(s.userId, { userId: s.userId, label: s.label });
  }
  return [...outside.values()];
}

/** The body for plain-text surfaces (notification excerpts): each token becomes `@label`. */
export function commentPlainText(body: string): string {
  return parseCommentBody(body)
    .map((s) => (s.kind === 'text' ? s.text : `@${s.label}`))
    .join('');
}

/**
 * Segments for display. Bodies written before mention tokens existed hold plain `@Name` text;
 * for those, the stored mentions' names are emphasised where they appear, as they always were.
 */
export function displaySegments(body: string, mentions: readonly MentionToken[]): CommentSegment[] {
  const segments = parseCommentBody(body);
  if (segments.some((s) => s.kind === 'mention') || mentions.length === 0) return segments;
  return legacySegments(body, mentions);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function legacySegments(body: string, mentions: readonly MentionToken[]): CommentSegment[] {
  // Longest name first, so "@Ana Souza" wins over "@Ana".
  const byName = [...mentions].filter((m) => m.label !== '').sort((a, b) => b.label.length - a.label.length);
  if (byName.length === 0) return [{ kind: 'text', text: body }];
  const pattern = new RegExp(`@(${byName.map((m) => escapeRegExp(m.label)).join('|')})`, 'g');
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    if (match.index > last) segments.push({ kind: 'text', text: body.slice(last, match.index) });
    const member = byName.find((m) => m.label === match[1])!;
    segments.push({ kind: 'mention', userId: member.userId, label: member.label });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/**
 * The body to put in the composer when editing: a comment written before tokens gets its stored
 * mentions as tokens, so saving the edit keeps them.
 */
export function editableCommentBody(body: string, mentions: readonly MentionToken[]): string {
  return serializeCommentBody(displaySegments(body, mentions));
}
