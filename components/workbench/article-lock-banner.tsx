'use client';

import { LocalTime } from '@/components/ui/local-time';
import { can } from '@/lib/auth/permissions';
import { lockNotice } from './publication-view';
import { useArticleMeta, usePublication } from './queries';
import { useWorkbench } from './workbench-context';

function PublicLink({ url, children }: { url: string | undefined; children: React.ReactNode }) {
  if (!url) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="font-medium underline underline-offset-2" data-testid="public-page-link">
      {children}
    </a>
  );
}

function When({ iso }: { iso: string | null }) {
  return iso ? (
    <>
      {' '}
      on <LocalTime iso={iso} style="medium" />
    </>
  ) : null;
}

/**
 * Above the text: a published or retracted article is read-only (and says how to change it); a
 * reopened one says the public page still shows the last publication until it is republished.
 */
export function ArticleLockBanner() {
  const { status } = useArticleMeta();
  const publication = usePublication().data;
  const firstPublishedAt = useWorkbench((s) => s.firstPublishedAt);
  const mayReopen = useWorkbench((s) => can(s.user.role, 'article:publish'));
  const notice = lockNotice(status, publication, firstPublishedAt);
  if (!notice) return null;
  const url = publication?.publicUrl;

  if (notice.kind === 'correction') {
    return (
      <div role="note" className="mb-6 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950" data-testid="correction-notice">
        <strong className="font-semibold">Correction in progress</strong> — the public page still shows the version published
        <When iso={notice.publishedAt} />. Publish again to replace it; you will be asked what changed. <PublicLink url={url}>View the public page</PublicLink>
      </div>
    );
  }

  const retracted = notice.kind === 'retracted';
  return (
    <div
      role="note"
      className={`mb-6 rounded-lg border px-4 py-3 text-sm ${retracted ? 'border-red-200 bg-red-50 text-red-950' : 'border-emerald-200 bg-emerald-50 text-emerald-950'}`}
      data-testid="article-locked-banner"
    >
      <strong className="font-semibold">{retracted ? 'Retracted' : 'Published'}</strong>
      <When iso={notice.since} /> — read-only.{' '}
      {retracted ? 'The public page shows the retraction notice.' : mayReopen ? 'Reopen for correction to change it.' : 'An editor can reopen it for correction to change it.'}{' '}
      <PublicLink url={url}>{retracted ? 'View the retraction notice' : 'View the public page'}</PublicLink>
    </div>
  );
}
