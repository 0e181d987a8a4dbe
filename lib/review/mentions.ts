/**
 * Finds @mentions of workspace members in a comment body.
 *
 * A mention is `@` followed by a member's name (spaces allowed, "@Ana Souza") or the local part
 * of their email ("@ana" for ana@claimdesk.demo), case-insensitive. When several members could
 * match at the same `@` ("@Ana" and "@Ana Souza"), the longest match wins; at equal length a
 * display name beats an email local part (member "Ana" over ana@…). An `@` that follows a
 * word character is part of an email address or handle in running text ("write to a@b.com") and
 * is not a mention.
 */

export interface MentionableMember {
  id: string;
  name: string;
  email: string;
}

interface Candidate {
  id: string;
  pattern: RegExp;
  length: number;
  /** Tie-break at equal length: a display name (0) beats a full email (1) beats an email local part (2). */
  kind: number;
}

/** Letters, digits and the characters that join words into emails and handles. */
const WORD_BEFORE = /[\p{L}\p{N}_.+-]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function candidateFor(id: string, handle: string, kind: number): Candidate | null {
  const words = handle.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  // Any run of whitespace between name parts; the mention must end at a non-word character
  // so "@tom" does not match inside "@tomas".
  const pattern = new RegExp(`^${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}_@])`, 'iu');
  return { id, pattern, length: words.join(' ').length, kind };
}

function assertMembers(members: unknown): asserts members is MentionableMember[] {
  if (!Array.isArray(members)) throw new TypeError('Members must be an array of { id, name, email }.');
  members.forEach((m: unknown, i) => {
    const member = m as Partial<MentionableMember> | null;
    if (!member || typeof member !== 'object' || typeof member.id !== 'string' || member.id === '') throw new TypeError(`Member ${i} needs a non-empty string id.`);
    if (typeof member.name !== 'string' || typeof member.email !== 'string') throw new TypeError(`Member ${i} needs a string name and email.`);
  });
}

/** Ids of the members mentioned in `body`, each once, in order of first mention. */
export function extractMentions(body: string, members: readonly MentionableMember[]): string[] {
  if (typeof body !== 'string') throw new TypeError('The comment body must be a string.');
  assertMembers(members);
  const candidates = members
    .flatMap((m) => {
      const local = m.email.includes('@') ? m.email.slice(0, m.email.indexOf('@')) : '';
      return [candidateFor(m.id, m.name, 0), candidateFor(m.id, m.email, 1), candidateFor(m.id, local, 2)];
    })
    .filter((c): c is Candidate => c !== null)
    .sort((a, b) => b.length - a.length || a.kind - b.kind);

  const found: string[] = [];
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    const previous = at > 0 ? body[at - 1]! : '';
    if (previous && WORD_BEFORE.test(previous)) continue;
    const rest = body.slice(at + 1);
    const match = candidates.find((c) => c.pattern.test(rest));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}
