'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { notifySuccess } from '@/components/ui/notify';
import type { LibraryImportResponse, LibraryPreviewResponse } from '@/lib/claim-review/import-response';
import { plural } from '@/lib/format/plural';
import { ImportPreviewList } from './import-preview-list';
import { sendLibraryImport, type LibrarySource } from './import-request';

/**
 * Import other fact-checkers' ClaimReviews in two steps: paste a block or choose a .json/.jsonld
 * file, Preview (each item, what it would do, its errors), then Import. When some items have
 * errors, the button says so ("Import the 3 valid items") — nothing is half-imported silently.
 */
export function LibraryImportPanel({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const ids = { text: useId(), file: useId(), status: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<LibraryPreviewResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const source: LibrarySource | null = file ? { kind: 'file', file } : text.trim() ? { kind: 'text', text } : null;
  const invalid = preview ? preview.found - preview.valid : 0;

  function reset() {
    setPreview(null);
    setError(null);
    setStatus(null);
  }

  async function runPreview() {
    if (!source) return setError('Paste ClaimReview JSON-LD or choose a file first.');
    reset();
    setBusy(true);
    const result = await sendLibraryImport<LibraryPreviewResponse>(workspaceId, source, { dryRun: true });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPreview(result.data);
  }

  async function runImport() {
    if (!source || !preview) return;
    setBusy(true);
    const result = await sendLibraryImport<LibraryImportResponse>(workspaceId, source, { dryRun: false, skipInvalid: invalid > 0 });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const { created, updated, unchanged } = result.data.counts;
    const summary = `Imported: ${created} new, ${updated} updated, ${unchanged} unchanged${result.data.skipped ? `; ${plural(result.data.skipped, 'item')} with errors left out` : ''}.`;
    setPreview(null);
    setStatus(summary);
    notifySuccess(summary);
    setText('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    router.refresh();
  }

  return (
    <section aria-labelledby="library-import-heading" className="rounded-xl border border-[var(--color-line)] bg-white p-5" data-testid="library-import">
      <h2 id="library-import-heading" className="text-lg font-semibold">
        Import fact-checks
      </h2>
      <p className="mt-1 text-sm text-[var(--color-muted)]">
        ClaimReview JSON-LD as fact-checkers publish it, a list or DataFeed of them, or a Google Fact Check Tools API response. At most 2 MB. Importing the same review again (same URL) updates it.
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-[1fr_auto]">
        <div>
          <label htmlFor={ids.text} className="text-sm font-medium">
            Paste JSON-LD
          </label>
          <textarea
            id={ids.text}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              reset();
            }}
            disabled={file !== null}
            rows={5}
            spellCheck={false}
            placeholder='{ "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://…", "claimReviewed": "…" }'
            className="mt-1 block w-full rounded-md border border-[var(--color-line)] px-3 py-2 font-mono text-xs disabled:bg-gray-50"
          />
        </div>
        <div className="md:w-64">
          <label htmlFor={ids.file} className="text-sm font-medium">
            …or choose a file
          </label>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
            className="mt-1 block w-full text-sm"
          />
          {file && (
            <Button
              variant="ghost"
              size="sm"
              className="mt-1"
              onClick={() => {
                setFile(null);
                if (fileInput.current) fileInput.current.value = '';
                reset();
              }}
            >
              Clear the file
            </Button>
          )}
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button variant={preview ? 'secondary' : 'primary'} onClick={runPreview} disabled={busy || !source}>
          Preview
        </Button>
        {preview && preview.valid > 0 && (
          <Button onClick={runImport} disabled={busy}>
            {invalid > 0 ? `Import the ${plural(preview.valid, 'valid item')}` : `Import ${plural(preview.valid, 'item')}`}
          </Button>
        )}
        {preview && (
          <span className="text-sm text-[var(--color-muted)]" data-testid="library-preview-summary">
            {plural(preview.found, 'ClaimReview')} found: {preview.counts.created} new, {preview.counts.updated} updated, {preview.counts.unchanged} unchanged
            {invalid > 0 && <span className="text-red-800">, {invalid} with errors (left out)</span>}.
          </span>
        )}
      </div>
      <p id={ids.status} role="status" aria-live="polite" className="mt-3 text-sm text-green-800 empty:hidden" data-testid="library-import-status">
        {status}
      </p>
      <p role="alert" className="mt-3 whitespace-pre-line text-sm text-red-700 empty:hidden" data-testid="library-import-error">
        {error}
      </p>
      {preview && (
        <div className="mt-4">
          <ImportPreviewList entries={preview.entries} />
        </div>
      )}
    </section>
  );
}
