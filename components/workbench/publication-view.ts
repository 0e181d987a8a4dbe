import type { PublicationEntryDto, PublicationKind, PublicationStateDto, PublishBlocker } from '@/lib/domain/publishing';
import type { Role } from '@/lib/domain/roles';
import type { ArticleStatus } from '@/lib/domain/statuses';
import { can } from '@/lib/auth/permissions';
import { availableArticleTransitions } from '@/lib/review/workflow';
import { articleSlugSchema } from '@/lib/validations/publishing';

/**
 * What the workbench shows about publishing, as pure functions of the publication state
 * (GET /api/articles/:id/publication) and the article's status: which buttons a role gets, the
 * locked banner, the blocker and log wording, the public address split for editing.
 */

type Log = ReadonlyArray<Pick<PublicationEntryDto, 'kind' | 'createdAt'>>;

function latest(log: Log, kinds: readonly PublicationKind[]): string | null {
  let found: string | null = null;
  for (const entry of log) if (kinds.includes(entry.kind) && (found === null || entry.createdAt > found)) found = entry.createdAt;
  return found;
}

/** When the version the public page shows was published (the latest publish or correction). */
export function lastPublishedAt(state: { log: Log; firstPublishedAt: string | null } | undefined): string | null {
  if (!state) return null;
  return latest(state.log, ['published', 'corrected']) ?? state.firstPublishedAt;
}

export function retractedAt(log: Log): string | null {
  return latest(log, ['retracted']);
}

export type LockNotice =
  | { kind: 'published'; since: string | null }
  | { kind: 'retracted'; since: string | null }
  /** Reopened for correction: editable, while the public page keeps the last publication. */
  | { kind: 'correction'; publishedAt: string | null }
  | null;

/**
 * The notice above the text. `fallbackFirstPublishedAt` is what the page rendered with, used
 * until the publication state has loaded (so a published article never renders unlocked-looking).
 */
export function lockNotice(status: ArticleStatus, state: PublicationStateDto | undefined, fallbackFirstPublishedAt: string | null): LockNotice {
  if (status === 'published') return { kind: 'published', since: lastPublishedAt(state) ?? fallbackFirstPublishedAt };
  if (status === 'retracted') return { kind: 'retracted', since: state ? retractedAt(state.log) : null };
  const everPublished = state ? state.everPublished : fallbackFirstPublishedAt !== null;
  if (everPublished) return { kind: 'correction', publishedAt: lastPublishedAt(state) ?? fallbackFirstPublishedAt };
  return null;
}

export interface PublicationActions {
  /** Ready, and the role may publish (editor+): "Publish…". */
  publish: boolean;
  /** Published, editor+: "Reopen for correction…". */
  reopen: boolean;
  /** Owner only; published, or reopened after a publication: "Retract…" (final). */
  retract: boolean;
}

export function publicationActions(role: Role | null | undefined, status: ArticleStatus, everPublished: boolean): PublicationActions {
  const mayPublish = can(role, 'article:publish');
  const reopened = everPublished && (status === 'in_review' || status === 'ready');
  return {
    publish: mayPublish && status === 'ready',
    reopen: mayPublish && status === 'published',
    retract: role === 'owner' && (status === 'published' || reopened),
  };
}

/**
 * The plain workflow steps (draft ⇄ in review ⇄ ready) the role may take. Publishing, reopening
 * and retracting go through the publication dialogs only, so those targets are never offered here,
 * and a locked article offers no step at all.
 */
export function workflowSteps(role: Role | null | undefined, status: ArticleStatus): Array<{ to: ArticleStatus; label: string }> {
  if (status === 'published' || status === 'retracted') return [];
  return availableArticleTransitions(role, status).filter((t) => t.to !== 'published' && t.to !== 'retracted');
}

/** "Claim 4: …" for a claim's blocker (the server's message already names it, usually), else the message. */
export function blockerLabel(blocker: Pick<PublishBlocker, 'claimNumber' | 'message'>): string {
  if (blocker.claimNumber === null) return blocker.message;
  const name = `Claim ${blocker.claimNumber}`;
  return new RegExp(`^${name}\\b`).test(blocker.message) ? blocker.message : `${name}: ${blocker.message}`;
}

export const PUBLICATION_KIND_LABELS: Readonly<Record<PublicationKind, string>> = {
  published: 'Published',
  corrected: 'Republished with a correction',
  reopened: 'Reopened for correction',
  retracted: 'Retracted',
};

/** The text under a log entry's heading: the correction note, the reason, or the override. */
export function publicationEntryDetails(entry: Pick<PublicationEntryDto, 'kind' | 'note' | 'overrideReason' | 'overriddenBlockers'>): string[] {
  const lines: string[] = [];
  const note = entry.note.trim();
  if (note) lines.push(entry.kind === 'corrected' ? `What changed: ${note}` : entry.kind === 'published' ? note : `Reason: ${note}`);
  if (entry.overrideReason) {
    const count = entry.overriddenBlockers.length;
    lines.push(`Published despite ${count === 1 ? '1 blocker' : `${count} blockers`}: ${entry.overrideReason}`);
  }
  return lines;
}

/** The public address split for editing: everything up to the article slug, and the slug. */
export function splitPublicUrl(publicUrl: string): { prefix: string; slug: string } {
  const cut = publicUrl.lastIndexOf('/');
  if (cut < 0) return { prefix: '', slug: publicUrl };
  const raw = publicUrl.slice(cut + 1);
  let slug = raw;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded text: shown as it is.
  }
  return { prefix: publicUrl.slice(0, cut + 1), slug };
}

/** The server's rule for an article's public address (the settings route reads the same schema). */
export function slugProblem(slug: string): string | null {
  const result = articleSlugSchema.safeParse(slug);
  return result.success ? null : (result.error.issues[0]?.message ?? 'This address cannot be used.');
}

/** What the Publish button needs before it is enabled (empty: ready to publish). */
export function publishProblems(input: { blockers: number; isOwner: boolean; overrideReason: string; everPublished: boolean; correctionNote: string; slug: string }): string[] {
  const problems: string[] = [];
  if (input.blockers > 0 && !input.isOwner) problems.push('Resolve these before publishing.');
  if (input.blockers > 0 && input.isOwner && input.overrideReason.trim() === '') problems.push('Give a reason to publish anyway.');
  if (input.everPublished && input.correctionNote.trim() === '') problems.push('Say what changed: the correction note is shown on the public page.');
  const slug = slugProblem(input.slug);
  if (slug) problems.push(slug);
  return problems;
}
