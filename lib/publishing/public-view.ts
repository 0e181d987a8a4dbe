import type { PublicationKind } from '@/lib/domain/publishing';
import type { ReportClaim, ReportComment, ReportPublication, ReportViewModel } from '@/lib/export/view-model';
import { isExcluded } from './gate';
import { publicArticleUrl } from './urls';

/**
 * The public report: what a publication shows and what its snapshot stores
 * (article_publications.snapshot). Built from the internal report view model by leaving out
 * everything that is the desk's own business:
 * - excluded claims (their stable numbers stay as they are: claim 4 stays "Claim 4");
 * - internal sources (only sources marked public remain);
 * - comments not marked public, and deleted ones; a public comment keeps its text and dates,
 *   its author reduced to a name (no email, no id);
 * - reviewers' verdicts, history, the claim's author;
 * - right-of-reply attempts not shown publicly, and the `contact` of those shown.
 * Pure: the snapshot, the preview and the tests read the same function.
 */
export function toPublicView(vm: ReportViewModel, publication: ReportPublication): ReportViewModel {
  if (!vm || typeof vm !== 'object' || !Array.isArray(vm.claims)) throw new TypeError('toPublicView needs a report view model.');
  if (!publication || typeof publication !== 'object') throw new TypeError('toPublicView needs the publication record (dates, corrections).');
  const appUrl = vm.appUrl.replace(/\/+$/, '');
  return {
    workspace: {
      id: vm.workspace.id,
      slug: vm.workspace.slug,
      name: vm.workspace.name,
      organizationName: vm.workspace.organizationName,
      organizationUrl: vm.workspace.organizationUrl,
      factCheckUrlPattern: vm.workspace.factCheckUrlPattern,
    },
    article: {
      ...vm.article,
      // The public page, not the signed-in workbench.
      canonicalUrl: publicArticleUrl(appUrl, vm.workspace.slug, vm.article.slug),
      status: publication.retraction ? 'retracted' : 'published',
    },
    scale: structuredClone(vm.scale),
    claims: vm.claims.filter((claim) => !isExcluded(claim)).map(publicClaim),
    audience: 'public',
    publication: {
      firstPublishedAt: publication.firstPublishedAt,
      lastPublishedAt: publication.lastPublishedAt,
      corrections: publication.corrections.map(({ at, note }) => ({ at, note })),
      retraction: publication.retraction ? { at: publication.retraction.at, reason: publication.retraction.reason } : null,
    },
    generatedAt: vm.generatedAt,
    appUrl,
  };
}

function publicClaim(claim: ReportClaim): ReportClaim {
  return {
    id: claim.id,
    number: claim.number,
    exclusionReason: null,
    start: claim.start,
    end: claim.end,
    quote: { ...claim.quote },
    position: { ...claim.position },
    orphaned: claim.orphaned,
    ...(Array.isArray(claim.parts) && claim.parts.length > 1
      ? { parts: claim.parts.map((p) => ({ quote: { ...p.quote }, position: { ...p.position }, start: p.start, end: p.end, orphaned: p.orphaned })) }
      : {}),
    claimText: claim.claimText,
    claimant: claim.claimant,
    claimDate: claim.claimDate,
    claimAppearance: claim.claimAppearance,
    finalVerdict: claim.finalVerdict ? { ...claim.finalVerdict } : null,
    rationale: claim.rationale,
    status: claim.status,
    // Always false in a snapshot (built for no particular viewer); a preview for a reviewer under
    // blind review keeps the decision hidden, as in the workbench.
    decisionHidden: claim.decisionHidden === true,
    author: null,
    reviewers: [],
    sources: claim.sources
      .filter((s) => s.isPublic === true)
      .map((s) => ({
        id: s.id,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        excerpt: s.excerpt,
        // Absent in snapshots from before passages had context: left absent, not invented.
        ...(s.excerptPrefix !== undefined ? { excerptPrefix: s.excerptPrefix } : {}),
        ...(s.excerptSuffix !== undefined ? { excerptSuffix: s.excerptSuffix } : {}),
        accessedOn: s.accessedOn,
        isPublic: true,
        ...(s.archiveUrl ? { archiveUrl: s.archiveUrl } : {}),
      })),
    replies: (claim.replies ?? [])
      .filter((r) => r.showPublicly === true)
      .map((r) => ({ id: r.id, contactedOn: r.contactedOn, method: r.method, methodLabel: r.methodLabel, contact: '', response: r.response, respondedOn: r.respondedOn, showPublicly: true })),
    comments: claim.comments.filter((c) => c.isPublic === true && c.deleted === null && c.body !== '').map(publicComment),
    history: [],
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

function publicComment(comment: ReportComment): ReportComment {
  return {
    id: comment.id,
    author: comment.author ? { id: '', name: comment.author.name, email: '' } : null,
    body: comment.body,
    deleted: null,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    isPublic: true,
  };
}

/** One step of the publication log, as publicationFromLog reads it. */
export interface PublicationLogStep {
  sequence?: number;
  kind: PublicationKind;
  note: string;
  createdAt: Date | string;
}

export interface PublicationFromLogOptions {
  /** A step about to be written: publish computes the record its own row will make. */
  pending?: PublicationLogStep;
  /**
   * articles.firstPublishedAt, when set: it wins over the log (articles published before the log
   * existed have the date but no `published` row).
   */
  firstPublishedAt?: Date | string | null;
}

/**
 * The publication record (ReportPublication) from an article's publication log: first and last
 * publication, the notes of the corrections (oldest first), the retraction. Null while never
 * published.
 */
export function publicationFromLog(steps: ReadonlyArray<PublicationLogStep>, options: PublicationFromLogOptions = {}): ReportPublication | null {
  if (!Array.isArray(steps)) throw new TypeError('publicationFromLog needs the publication log as an array.');
  const all = [...steps].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  if (options.pending) all.push(options.pending);
  const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
  const publications = all.filter((s) => s.kind === 'published' || s.kind === 'corrected');
  const firstAt = options.firstPublishedAt ?? publications[0]?.createdAt;
  const last = publications.at(-1);
  if (!firstAt || !last) return null;
  const retracted = all.filter((s) => s.kind === 'retracted').at(-1);
  const first = iso(firstAt);
  const lastAt = iso(last.createdAt);
  return {
    firstPublishedAt: first,
    lastPublishedAt: lastAt < first ? first : lastAt,
    // A correction without a note (a preview before the note is written) has nothing to show.
    corrections: publications.filter((s) => s.kind === 'corrected' && s.note.trim() !== '').map((s) => ({ at: iso(s.createdAt), note: s.note })),
    retraction: retracted ? { at: iso(retracted.createdAt), reason: retracted.note } : null,
  };
}
