'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import type { SideBySide, SideBySideRow, SideParagraph } from '@/lib/text/side-by-side';
import { ModalDialog } from './modal-dialog';
import { getJson } from './queries';
import { useWorkbench } from './workbench-context';

interface RevisionListItem {
  revision: number;
  createdAt: string;
  actorName: string | null;
  inserted: number;
  deleted: number;
  fromUpdate: boolean;
}

/** One column's paragraph: removed words struck through in red, inserted ones green; its own direction. */
function Paragraph({ paragraph }: { paragraph: SideParagraph | null }) {
  if (!paragraph) return <div className="min-h-4" aria-hidden="true" />;
  return (
    <p dir="auto" className="whitespace-pre-wrap" data-paragraph={paragraph.index}>
      {paragraph.spans.map((span, i) =>
        span.mark === 'removed' ? (
          <del key={i} className="rounded-sm bg-red-100 text-red-900 line-through decoration-red-700">
            {span.text}
          </del>
        ) : span.mark === 'inserted' ? (
          <ins key={i} className="rounded-sm bg-green-100 text-green-900 no-underline">
            {span.text}
          </ins>
        ) : (
          <span key={i}>{span.text}</span>
        ),
      )}
      {paragraph.spans.length === 0 && <span className="text-[var(--color-muted)] italic">(empty)</span>}
    </p>
  );
}

const ROW_STYLES: Record<Exclude<SideBySideRow['kind'], 'collapsed'>, string> = {
  same: '',
  changed: 'bg-amber-50/60',
  added: 'bg-green-50/60',
  removed: 'bg-red-50/60',
};
const ROW_LABELS: Record<Exclude<SideBySideRow['kind'], 'collapsed' | 'same'>, string> = { changed: 'Changed paragraph', added: 'Added paragraph', removed: 'Removed paragraph' };

function CollapsedRow({ row }: { row: Extract<SideBySideRow, { kind: 'collapsed' }> }) {
  const [open, setOpen] = useState(false);
  const label = `${row.count} unchanged paragraph${row.count === 1 ? '' : 's'}`;
  if (open && row.paragraphs) {
    return (
      <>
        {row.paragraphs.map((text, i) => (
          <div key={i} role="row" className="grid grid-cols-2 gap-4 border-b border-[var(--color-line)] py-2 text-[var(--color-muted)]">
            <div role="cell">
              <p dir="auto" className="whitespace-pre-wrap">
                {text}
              </p>
            </div>
            <div role="cell">
              <p dir="auto" className="whitespace-pre-wrap">
                {text}
              </p>
            </div>
          </div>
        ))}
      </>
    );
  }
  return (
    <div role="row" className="border-b border-[var(--color-line)] py-1.5 text-center text-xs text-[var(--color-muted)]">
      <span role="cell">
        {row.paragraphs ? (
          <button type="button" className="underline hover:text-[var(--color-ink)]" onClick={() => setOpen(true)} aria-label={`Show ${label}`}>
            {label}
          </button>
        ) : (
          label
        )}
      </span>
    </div>
  );
}

/**
 * The two-column diff (lib/text/side-by-side): old text left, new right, one row per paragraph;
 * runs of unchanged paragraphs collapsed. A table for assistive technology (role=table/row/cell).
 */
export function SideBySideView({ diff, oldLabel, newLabel, testId = 'side-by-side' }: { diff: SideBySide; oldLabel: string; newLabel: string; testId?: string }) {
  const { stats } = diff;
  const nothing = stats.changed + stats.added + stats.removed === 0;
  return (
    <div data-testid={testId}>
      <p className="mb-2 text-xs text-[var(--color-muted)]">
        {nothing
          ? 'The texts are the same.'
          : [stats.changed && `${stats.changed} changed`, stats.added && `${stats.added} added`, stats.removed && `${stats.removed} removed`].filter(Boolean).join(', ') + ` paragraph${stats.changed + stats.added + stats.removed === 1 ? '' : 's'}`}
      </p>
      <div role="table" aria-label={`${oldLabel} compared with ${newLabel}`} className="rounded-md border border-[var(--color-line)] px-3 text-sm leading-relaxed">
        <div role="row" className="sticky top-0 grid grid-cols-2 gap-4 border-b border-[var(--color-line)] bg-white py-1.5 text-xs font-semibold text-[var(--color-muted)]">
          <span role="columnheader">{oldLabel}</span>
          <span role="columnheader">{newLabel}</span>
        </div>
        {diff.rows.map((row, i) =>
          row.kind === 'collapsed' ? (
            <CollapsedRow key={i} row={row} />
          ) : (
            <div key={i} role="row" data-row-kind={row.kind} aria-label={row.kind === 'same' ? undefined : ROW_LABELS[row.kind]} className={`grid grid-cols-2 gap-4 border-b border-[var(--color-line)] py-2 last:border-b-0 ${ROW_STYLES[row.kind]}`}>
              <div role="cell" data-side="old">
                <Paragraph paragraph={row.kind === 'added' ? null : row.old} />
              </div>
              <div role="cell" data-side="new">
                <Paragraph paragraph={row.kind === 'removed' ? null : row.new} />
              </div>
            </div>
          ),
        )}
      </div>
    </div>
  );
}

function revisionLabel(r: RevisionListItem, current: number): string {
  const who = r.actorName ?? 'someone';
  const what = r.revision === 1 ? 'imported' : r.fromUpdate ? 'story update accepted' : `+${r.inserted} −${r.deleted} characters`;
  return `Revision ${r.revision}${r.revision === current ? ' (current)' : ''} · ${who} · ${what}`;
}

/** "Compare revisions": any two stored text revisions side by side (default: the previous one and the current one). */
export function RevisionCompareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Compare revisions
      </Button>
      {open && <RevisionCompareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function RevisionCompareDialog({ onClose }: { onClose: () => void }) {
  const articleId = useWorkbench((s) => s.articleId);
  const ids = useId();
  const list = useQuery({
    queryKey: ['article', articleId, 'revisions'],
    queryFn: () => getJson<{ current: number; revisions: RevisionListItem[] }>(`/api/articles/${articleId}/revisions`),
    staleTime: 0,
  });
  const [choice, setChoice] = useState<{ from: number; to: number } | null>(null);
  const revisions = list.data?.revisions ?? [];
  const current = list.data?.current ?? 0;
  const newest = revisions[0]?.revision ?? current;
  const from = choice?.from ?? Math.max(1, (revisions[1]?.revision ?? newest) || 1);
  const to = choice?.to ?? newest;
  const compare = useQuery({
    queryKey: ['article', articleId, 'revisions', 'compare', from, to],
    queryFn: () => getJson<{ from: number; to: number; diff: SideBySide }>(`/api/articles/${articleId}/revisions/compare?from=${from}&to=${to}`),
    enabled: revisions.length > 0,
  });
  const byRevision = new Map(revisions.map((r) => [r.revision, r]));
  const select = (which: 'from' | 'to') => (
    <label className="flex flex-col gap-1 text-xs font-medium" htmlFor={`${ids}-${which}`}>
      {which === 'from' ? 'Older text' : 'Newer text'}
      <select
        id={`${ids}-${which}`}
        className="rounded-md border border-[var(--color-line)] bg-white px-2 py-1.5 text-sm font-normal"
        value={which === 'from' ? from : to}
        onChange={(event) => {
          const value = Number(event.target.value);
          setChoice({ from: which === 'from' ? value : from, to: which === 'to' ? value : to });
        }}
      >
        {revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {revisionLabel(r, current)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ModalDialog title="Compare revisions" onClose={onClose} testId="revision-compare-dialog" size="lg">
      <p className="mt-1 text-sm text-[var(--color-muted)]">What changed in the article text between two saved revisions.</p>
      {list.error ? (
        <p role="alert" className="mt-4 text-sm text-red-800">
          Could not load the revisions: {list.error.message}
        </p>
      ) : !list.data ? (
        <p className="mt-4 text-sm text-[var(--color-muted)]">Loading revisions…</p>
      ) : revisions.length < 2 ? (
        <p className="mt-4 text-sm">This article has one revision so far: there is nothing to compare yet.</p>
      ) : (
        <>
          <div className="mt-4 grid grid-cols-2 gap-4">
            {select('from')}
            {select('to')}
          </div>
          {byRevision.get(to) && (
            <p className="mt-2 text-xs text-[var(--color-muted)]">
              Revision {to} saved <LocalTime iso={byRevision.get(to)!.createdAt} />
              {byRevision.get(from) && (
                <>
                  ; revision {from} saved <LocalTime iso={byRevision.get(from)!.createdAt} />
                </>
              )}
              .
            </p>
          )}
          <div className="mt-4" aria-live="polite" aria-busy={compare.isFetching}>
            {compare.error ? (
              <p role="alert" className="text-sm text-red-800">
                Could not compare: {compare.error.message}
              </p>
            ) : compare.data ? (
              <SideBySideView diff={compare.data.diff} oldLabel={`Revision ${compare.data.from}`} newLabel={`Revision ${compare.data.to}`} testId="revision-diff" />
            ) : (
              <p className="text-sm text-[var(--color-muted)]">Comparing…</p>
            )}
          </div>
        </>
      )}
      <div className="mt-6 flex justify-end">
        <Button variant="secondary" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
    </ModalDialog>
  );
}
