import 'server-only';
import { and, desc, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { articlePublications, articles, workspaces } from '../schema';
import type { ArticleStatus } from '@/lib/domain/statuses';
import type { ReportViewModel } from '@/lib/export/view-model';

/**
 * Read-only queries behind the public fact-check pages (app/fact-checks/…), which anyone may open
 * without signing in. They only ever hand out what a publication stored: the snapshot (a public
 * report view model) of an article's latest `published`/`corrected` row. An article that was
 * reopened for correction keeps serving that snapshot until it is republished; a retracted one
 * serves it with its retraction (the page shows the notice). Nothing else of the database leaks.
 * An article in the trash (deleted_at set) has no public page, sitemap or feed entry.
 */

/** Publication steps that carry a snapshot. */
const SNAPSHOT_KINDS = ['published', 'corrected'] as const;

export interface PublicFactCheck {
  kind: 'found';
  articleId: string;
  /** The current slugs (the page's address). */
  workspaceSlug: string;
  articleSlug: string;
  status: ArticleStatus;
  /**
   * The workspace's ClaimReview URL pattern now (a setting, not content: a desk that moves its
   * site updates it for pages published before); the snapshot keeps the one of its day.
   */
  factCheckUrlPattern: string | null;
  /** The public report view model stored with the latest publication (not sanitised here). */
  snapshot: ReportViewModel;
  /** The publication step being served. */
  publication: { sequence: number; kind: (typeof SNAPSHOT_KINDS)[number]; at: Date };
  firstPublishedAt: Date;
  /** Set once retracted: when and why (the `retracted` row). */
  retraction: { at: Date; reason: string } | null;
}

export type PublicFactCheckLookup = PublicFactCheck | { kind: 'redirect'; workspaceSlug: string; articleSlug: string } | { kind: 'not_found' };

interface ArticleRef {
  id: string;
  slug: string;
  status: ArticleStatus;
  firstPublishedAt: Date | null;
  workspaceSlug: string;
  factCheckUrlPattern: string | null;
}

const articleRef = {
  id: articles.id,
  slug: articles.slug,
  status: articles.status,
  firstPublishedAt: articles.firstPublishedAt,
  workspaceSlug: workspaces.slug,
  factCheckUrlPattern: workspaces.factCheckUrlPattern,
};

/**
 * The published fact-check at /fact-checks/<workspaceSlug>/<articleSlug>: found (the article with
 * that slug now, if it was ever published), a redirect (the slugs were an article's at an earlier
 * publication step and it has been renamed since), or not found (never published, unknown).
 */
export async function findPublicFactCheck(db: Db, workspaceSlug: string, articleSlug: string): Promise<PublicFactCheckLookup> {
  const [current] = await db
    .select(articleRef)
    .from(articles)
    .innerJoin(workspaces, eq(workspaces.id, articles.workspaceId))
    .where(and(eq(workspaces.slug, workspaceSlug), eq(articles.slug, articleSlug), isNull(articles.deletedAt)))
    .limit(1);
  if (current) {
    const found = await loadPublished(db, current);
    if (found) return found;
  }

  // An old address: the newest publication step recorded under these slugs names the article.
  const [old] = await db
    .select({ articleId: articlePublications.articleId })
    .from(articlePublications)
    .where(and(eq(articlePublications.workspaceSlug, workspaceSlug), eq(articlePublications.articleSlug, articleSlug)))
    .orderBy(desc(articlePublications.createdAt), desc(articlePublications.sequence))
    .limit(1);
  if (!old || old.articleId === current?.id) return { kind: 'not_found' };
  const [target] = await db.select(articleRef).from(articles).innerJoin(workspaces, eq(workspaces.id, articles.workspaceId)).where(and(eq(articles.id, old.articleId), isNull(articles.deletedAt))).limit(1);
  if (!target || (target.workspaceSlug === workspaceSlug && target.slug === articleSlug)) return { kind: 'not_found' };
  if (!(await latestSnapshotRow(db, target.id))) return { kind: 'not_found' };
  return { kind: 'redirect', workspaceSlug: target.workspaceSlug, articleSlug: target.slug };
}

async function latestSnapshotRow(db: Db, articleId: string) {
  const [row] = await db
    .select({ sequence: articlePublications.sequence, kind: articlePublications.kind, snapshot: articlePublications.snapshot, createdAt: articlePublications.createdAt })
    .from(articlePublications)
    .where(and(eq(articlePublications.articleId, articleId), inArray(articlePublications.kind, SNAPSHOT_KINDS)))
    .orderBy(desc(articlePublications.sequence))
    .limit(1);
  return row && isSnapshot(row.snapshot) ? row : undefined;
}

async function loadPublished(db: Db, article: ArticleRef): Promise<PublicFactCheck | null> {
  const row = await latestSnapshotRow(db, article.id);
  if (!row) return null;
  const [retracted] = await db
    .select({ note: articlePublications.note, createdAt: articlePublications.createdAt })
    .from(articlePublications)
    .where(and(eq(articlePublications.articleId, article.id), eq(articlePublications.kind, 'retracted')))
    .orderBy(desc(articlePublications.sequence))
    .limit(1);
  const snapshot = row.snapshot as ReportViewModel;
  return {
    kind: 'found',
    articleId: article.id,
    workspaceSlug: article.workspaceSlug,
    articleSlug: article.slug,
    status: article.status,
    factCheckUrlPattern: article.factCheckUrlPattern,
    snapshot,
    publication: { sequence: row.sequence, kind: row.kind as PublicFactCheck['publication']['kind'], at: row.createdAt },
    firstPublishedAt: article.firstPublishedAt ?? firstPublishedFrom(snapshot) ?? row.createdAt,
    retraction: retracted ? { at: retracted.createdAt, reason: retracted.note } : article.status === 'retracted' ? { at: row.createdAt, reason: '' } : null,
  };
}

export interface PublicFactCheckListing {
  workspace: { slug: string; name: string; organizationName: string; createdAt: Date };
  /** Published, not retracted articles, most recently (re)published first. */
  entries: Array<{
    articleId: string;
    articleSlug: string;
    snapshot: ReportViewModel;
    firstPublishedAt: Date;
    /** The latest publication or correction. */
    lastPublishedAt: Date;
  }>;
}

/** The workspace's published fact-checks for its sitemap and feed; null for an unknown workspace. */
export async function listPublicFactChecks(db: Db, workspaceSlug: string): Promise<PublicFactCheckListing | null> {
  const [workspace] = await db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, organizationName: workspaces.organizationName, createdAt: workspaces.createdAt })
    .from(workspaces)
    .where(eq(workspaces.slug, workspaceSlug))
    .limit(1);
  if (!workspace) return null;

  const latest = db
    .select({ articleId: articlePublications.articleId, sequence: max(articlePublications.sequence).as('latest_sequence') })
    .from(articlePublications)
    .where(and(eq(articlePublications.workspaceId, workspace.id), inArray(articlePublications.kind, SNAPSHOT_KINDS)))
    .groupBy(articlePublications.articleId)
    .as('latest');
  const rows = await db
    .select({
      articleId: articles.id,
      articleSlug: articles.slug,
      firstPublishedAt: articles.firstPublishedAt,
      snapshot: articlePublications.snapshot,
      createdAt: articlePublications.createdAt,
    })
    .from(latest)
    .innerJoin(articlePublications, and(eq(articlePublications.articleId, latest.articleId), eq(articlePublications.sequence, latest.sequence)))
    .innerJoin(articles, eq(articles.id, latest.articleId))
    .where(and(eq(articles.workspaceId, workspace.id), ne(articles.status, 'retracted'), isNull(articles.deletedAt)));

  const entries = rows
    .filter((row) => isSnapshot(row.snapshot))
    .map((row) => {
      const snapshot = row.snapshot as ReportViewModel;
      return {
        articleId: row.articleId,
        articleSlug: row.articleSlug,
        snapshot,
        firstPublishedAt: row.firstPublishedAt ?? firstPublishedFrom(snapshot) ?? row.createdAt,
        lastPublishedAt: row.createdAt,
      };
    })
    .sort((a, b) => b.lastPublishedAt.getTime() - a.lastPublishedAt.getTime() || a.articleSlug.localeCompare(b.articleSlug));
  const { id: _id, ...publicWorkspace } = workspace;
  return { workspace: publicWorkspace, entries };
}

/** A stored snapshot has the report's shape (anything else is never served). */
function isSnapshot(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const vm = value as Partial<ReportViewModel>;
  return typeof vm.article === 'object' && vm.article !== null && typeof vm.workspace === 'object' && vm.workspace !== null && Array.isArray(vm.claims) && typeof vm.scale === 'object';
}

function firstPublishedFrom(snapshot: ReportViewModel): Date | null {
  const iso = snapshot.publication?.firstPublishedAt;
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
