import 'server-only';
/**
 * The W3C annotation behind an annotation id (`<app>/annotations/<claim-id>`, see
 * lib/publishing/urls.ts annotationUrl), for GET on that id (app/annotations/[claimId]/route.ts).
 *
 * What is served is what the W3C export holds for that claim (the public audience: public sources
 * only; excluded claims have no annotation):
 * - the article was published (its latest `published`/`corrected` snapshot holds the claim): the
 *   annotation built from that snapshot, to anyone, signed in or not. A reopened article keeps
 *   serving its last publication, as the public pages do; a retracted one says it was retracted.
 * - the article is published without a snapshot (published before publications were recorded): the
 *   live public view, to anyone.
 * - otherwise only members of the article's workspace get it (blind review applies as in their
 *   own export); everyone else gets nothing, exactly as for an id that does not exist.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { articlePublications, articles, claims } from '../schema';
import { getRole } from './access';
import { buildReportViewModel } from './report';
import { toPublicationAudience } from '@/lib/export/publication-audience';
import type { ReportViewModel } from '@/lib/export/view-model';
import { buildAnnotation, type W3cAnnotation } from '@/lib/export/w3c';

export interface AnnotationRequest {
  claimId: string;
  /** Base URL of this instance: the annotation's id is built on it. */
  appUrl: string;
  /**
   * Who is asking: the signed-in user's id, or null for a signed-out visitor. Only called when the
   * answer depends on it (published annotations need no session).
   */
  viewer: () => Promise<string | null>;
  now?: Date;
}

export interface FoundAnnotation {
  annotation: W3cAnnotation;
  /** `public`: anyone may read it (and caches may keep it); `members`: only the workspace's members. */
  visibility: 'public' | 'members';
}

const SNAPSHOT_KINDS = ['published', 'corrected'] as const;

/** The annotation the caller may read, or null (unknown id, excluded claim, or not theirs to see). */
export async function findAnnotation(db: Db, request: AnnotationRequest): Promise<FoundAnnotation | null> {
  const [claim] = await db
    .select({ id: claims.id, articleId: claims.articleId, workspaceId: claims.workspaceId, status: articles.status })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    // A claim of a trashed article has no annotation (db/queries/article-trash.ts).
    .where(and(eq(claims.id, request.claimId), isNull(articles.deletedAt)))
    .limit(1);
  if (!claim) return null;
  const appUrl = request.appUrl.replace(/\/+$/, '');

  const published = await publishedView(db, claim.articleId, appUrl);
  if (published) {
    const annotation = annotationOf(published, claim.id);
    if (annotation) return { annotation, visibility: 'public' };
  } else if (claim.status === 'published') {
    const live = toPublicationAudience(await buildReportViewModel(db, claim.articleId, { appUrl, now: request.now }));
    const annotation = annotationOf(live, claim.id);
    if (annotation) return { annotation, visibility: 'public' };
  }

  const userId = await request.viewer();
  if (!userId) return null;
  const role = await getRole(db, userId, claim.workspaceId);
  if (!role) return null;
  const internal = await buildReportViewModel(db, claim.articleId, { appUrl, now: request.now, viewer: { userId, role } });
  const annotation = annotationOf(toPublicationAudience(internal), claim.id);
  return annotation ? { annotation, visibility: 'members' } : null;
}

function annotationOf(vm: ReportViewModel, claimId: string): W3cAnnotation | null {
  const claim = vm.claims.find((c) => c.id === claimId);
  return claim ? buildAnnotation(vm, claim) : null;
}

/**
 * The public view model of the article's latest publication, with the retraction if there was one
 * since, and ids on this instance's URL; null when it was never published (no snapshot).
 */
async function publishedView(db: Db, articleId: string, appUrl: string): Promise<ReportViewModel | null> {
  const log = await db
    .select({ id: articlePublications.id, kind: articlePublications.kind, note: articlePublications.note, createdAt: articlePublications.createdAt })
    .from(articlePublications)
    .where(eq(articlePublications.articleId, articleId))
    .orderBy(asc(articlePublications.sequence));
  const latest = log.filter((row) => (SNAPSHOT_KINDS as readonly string[]).includes(row.kind)).at(-1);
  if (!latest) return null;
  const [row] = await db
    .select({ snapshot: articlePublications.snapshot })
    .from(articlePublications)
    .where(eq(articlePublications.id, latest.id))
    .limit(1);
  const snapshot = asSnapshot(row?.snapshot);
  if (!snapshot) return null;
  const retracted = log.filter((r) => r.kind === 'retracted').at(-1);
  const publication = snapshot.publication ? { ...snapshot.publication, retraction: retracted ? { at: retracted.createdAt.toISOString(), reason: retracted.note } : null } : null;
  // Always the public audience: whatever the snapshot says, internal sources never leave.
  return { ...snapshot, audience: 'public', appUrl, publication };
}

/** A stored snapshot, if it has the shape of a report view model (json columns hold anything). */
function asSnapshot(value: unknown): ReportViewModel | null {
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<ReportViewModel>;
  if (!Array.isArray(candidate.claims) || !candidate.article || !candidate.workspace || !candidate.scale) return null;
  return candidate as ReportViewModel;
}
