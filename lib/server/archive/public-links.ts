import 'server-only';
import type { Db } from '@/db/client';
import { doneArchives } from '@/db/queries/source-archives';
import type { ReportViewModel } from '@/lib/export/view-model';

/**
 * The public page links each public source that has an archived copy to it (the copy lives on:
 * taken after publication too). Only public sources of the snapshot served get a link, and the
 * copy route checks the same (app/fact-checks/…/sources/[sourceId]/archive).
 */

export function publicArchiveUrl(appUrl: string, workspaceSlug: string, articleSlug: string, sourceId: string, as: 'pdf' | 'text'): string {
  return `${appUrl.replace(/\/+$/, '')}/fact-checks/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(articleSlug)}/sources/${encodeURIComponent(sourceId)}/archive?as=${as}`;
}

/** The public sources of a snapshot, with the URL each was published with. */
export function publicSources(snapshot: ReportViewModel): Array<{ id: string; url: string }> {
  return snapshot.claims.flatMap((c) => c.sources.filter((s) => s.isPublic === true).map((s) => ({ id: s.id, url: s.url })));
}

/** The public source ids of a snapshot. */
export function publicSourceIds(snapshot: ReportViewModel): string[] {
  return publicSources(snapshot).map((source) => source.id);
}

/** The snapshot with `archiveUrl` on each public source that has a taken copy (the PDF, else the text). */
export async function withArchiveLinks(db: Db, snapshot: ReportViewModel, place: { appUrl: string; workspaceSlug: string; articleSlug: string }): Promise<ReportViewModel> {
  const sources = publicSources(snapshot);
  if (!sources.length) return snapshot;
  const copies = await doneArchives(db, sources);
  if (!copies.size) return snapshot;
  return {
    ...snapshot,
    claims: snapshot.claims.map((claim) => ({
      ...claim,
      sources: claim.sources.map((source) => {
        const copy = source.isPublic === true ? copies.get(source.id) : undefined;
        if (!copy || (!copy.hasPdf && !copy.hasText)) return source;
        return { ...source, archiveUrl: publicArchiveUrl(place.appUrl, place.workspaceSlug, place.articleSlug, source.id, copy.hasPdf ? 'pdf' : 'text') };
      }),
    })),
  };
}
