'use client';

import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { IMPORT_FILE_ACCEPT } from '@/lib/validations/imports';
import { previewFile, sourceErrors, type ImportPreview, type ImportSource, type ImportSourceKind, type SourceErrors } from './import-state';

const KINDS: Array<{ kind: ImportSourceKind; label: string; hint: string }> = [
  { kind: 'paste', label: 'Paste', hint: 'Copied from a web page, an email or a document' },
  { kind: 'file', label: 'Upload a file', hint: '.txt, .md, .html or .docx, up to 10 MB' },
  { kind: 'url', label: 'From a web address', hint: 'The page is fetched and its article text extracted' },
];
const EXCERPT_CHARS = 280;
const MB = 1024 * 1024;

export interface ImportSourceStepProps {
  source: ImportSource;
  onChange: (source: ImportSource) => void;
  workspaceId: string;
  onPreview: (preview: ImportPreview) => void;
  onCancel: () => void;
}

/** Step 1, "Bring the article in": paste, upload or a web address, then the server's preview. */
export const ImportSourceStep = forwardRef<HTMLHeadingElement, ImportSourceStepProps>(function ImportSourceStep({ source, onChange, workspaceId, onPreview, onCancel }, headingRef) {
  const [errors, setErrors] = useState<SourceErrors>({});
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<ImportSource>) => onChange({ ...source, ...patch });
  const clearError = (field: keyof SourceErrors) => setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing = missingInput(source);
    if (missing) return setErrors(missing);
    setBusy(true);
    setErrors({});
    const result =
      source.kind === 'file' && source.file
        ? await previewFile(source.file, workspaceId)
        : await apiFetch<ImportPreview>(`/api/imports/preview?workspaceId=${encodeURIComponent(workspaceId)}`, { method: 'POST', body: jsonBody(source, workspaceId) });
    setBusy(false);
    if (result.ok) onPreview(result.data);
    else setErrors(sourceErrors(result.error, source.kind));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" aria-busy={busy}>
      <h3 ref={headingRef} tabIndex={-1} className="text-base font-semibold outline-none">
        Step 1 of 2: Bring the article in
      </h3>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">How does the article come in?</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {KINDS.map(({ kind, label, hint }) => (
            <div key={kind} className="relative flex flex-col gap-0.5 rounded-md border border-[var(--color-line)] p-3 text-sm has-[:checked]:border-[var(--color-accent)] has-[:checked]:bg-blue-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-[var(--color-accent)]">
              {/* The whole card is the label's click target (after:inset-0); the hint is a description, not part of the name. */}
              <label className="flex cursor-pointer items-center gap-2 font-medium after:absolute after:inset-0">
                <input type="radio" name="import-kind" value={kind} checked={source.kind === kind} onChange={() => update({ kind })} aria-describedby={`import-kind-${kind}-hint`} className="relative z-10 accent-[var(--color-accent)]" />
                {label}
              </label>
              <span id={`import-kind-${kind}-hint`} className="text-xs text-[var(--color-muted)]">
                {hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      {source.kind === 'paste' && <PasteInput source={source} update={update} error={errors.text} clearError={() => clearError('text')} />}
      {source.kind === 'file' && <FileInput file={source.file} onFile={(file) => update({ file })} error={errors.file} setError={(message) => setErrors(message ? { file: message } : {})} />}
      {source.kind === 'url' && (
        <Field
          label="Web address"
          type="url"
          inputMode="url"
          placeholder="https://news.example.com/2026/11/story"
          hint="The page is fetched by the server; its main text, title, outlet, author and date are read from it."
          value={source.url}
          error={errors.url}
          onChange={(e) => {
            update({ url: e.target.value });
            clearError('url');
          }}
          data-testid="import-url"
        />
      )}

      <p role="alert" className="min-h-5 text-sm text-red-700 empty:min-h-0">
        {errors.form}
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? (source.kind === 'url' ? 'Fetching the page…' : 'Reading…') : 'Continue'}
        </Button>
      </div>
    </form>
  );
});

function missingInput(source: ImportSource): SourceErrors | null {
  if (source.kind === 'paste' && !source.pasted && source.text === '') return { text: 'Paste or type the article text.' };
  if (source.kind === 'file' && !source.file) return { file: 'Choose a file to upload.' };
  if (source.kind === 'file' && source.file && source.file.size > MAX_IMPORT_BYTES) return { file: tooLarge() };
  if (source.kind === 'url' && source.url.trim() === '') return { url: 'Enter the web address of the article.' };
  return null;
}

function tooLarge(): string {
  return `The file is larger than ${MAX_IMPORT_BYTES / MB} MB, the most an import accepts. Split it, or save it without images.`;
}

function jsonBody(source: ImportSource, workspaceId: string) {
  if (source.kind === 'url') return { workspaceId, format: 'url', url: source.url.trim() };
  if (source.pasted) return { workspaceId, format: 'rich-text', html: source.pasted.html, text: source.pasted.text };
  return { workspaceId, format: source.markdown ? 'markdown' : 'text', text: source.text };
}

/**
 * A paste target that keeps the clipboard's formatting without ever putting pasted HTML into the
 * page: the paste is cancelled and its text/html (with text/plain) kept for the server, which
 * sanitises it; only a plain-text excerpt is shown. Typing plain text goes in the textarea below.
 */
function PasteInput({ source, update, error, clearError }: { source: ImportSource; update: (patch: Partial<ImportSource>) => void; error?: string; clearError: () => void }) {
  const id = useId();
  const areaRef = useRef<HTMLDivElement>(null);
  const errorId = `${id}-error`;

  // Nothing may be typed, dropped or pasted into the area itself (beforeinput covers every way in).
  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const refuse = (event: Event) => event.preventDefault();
    area.addEventListener('beforeinput', refuse);
    return () => area.removeEventListener('beforeinput', refuse);
  }, []);

  function take(data: DataTransfer | null) {
    if (!data) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (html.trim() !== '') update({ pasted: { html, text } });
    else if (text !== '') update({ pasted: null, text });
    else return;
    clearError();
  }

  const excerpt = source.pasted ? source.pasted.text.trim() || source.pasted.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : '';
  return (
    <div className="space-y-3">
      <div>
        <p id={`${id}-label`} className="mb-1 block text-sm font-medium">
          Paste area
        </p>
        <div
          ref={areaRef}
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={[`${id}-hint`, error && !source.pasted ? errorId : null].filter(Boolean).join(' ')}
          aria-invalid={error && !source.pasted ? true : undefined}
          data-testid="import-paste-area"
          onPaste={(event) => {
            event.preventDefault();
            take(event.clipboardData);
          }}
          onDrop={(event) => {
            event.preventDefault();
            take(event.dataTransfer);
          }}
          className="flex min-h-20 items-center justify-center rounded-md border-2 border-dashed border-[var(--color-line)] bg-gray-50 p-3 text-center text-sm text-[var(--color-muted)] focus:border-[var(--color-accent)] focus:outline-none aria-[invalid=true]:border-red-500"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-[var(--color-muted)]">
          Click here and paste (Ctrl+V or ⌘V): headings, lists, quotes and links are kept.
        </p>
        {source.pasted && (
          <div className="mt-2 rounded-md border border-[var(--color-line)] bg-white p-3 text-sm" data-testid="import-pasted">
            <div className="mb-1 flex items-center justify-between gap-2">
              <span className="font-medium">Formatted text pasted</span>
              <Button variant="ghost" size="sm" onClick={() => update({ pasted: null })}>
                Clear the paste
              </Button>
            </div>
            <p dir="auto" className="line-clamp-3 whitespace-pre-line text-[var(--color-muted)]">
              {excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt}
            </p>
          </div>
        )}
      </div>

      <div>
        <label htmlFor={`${id}-text`} className="mb-1 block text-sm font-medium">
          Article text
        </label>
        <textarea
          id={`${id}-text`}
          rows={8}
          dir="auto"
          disabled={source.pasted !== null}
          placeholder={source.pasted ? 'The formatted paste above is used. Clear it to type plain text.' : 'Or type or paste plain text here. Blank lines separate paragraphs.'}
          value={source.pasted ? '' : source.text}
          onChange={(e) => {
            update({ text: e.target.value });
            clearError();
          }}
          aria-invalid={error && !source.pasted ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="w-full rounded-md border border-[var(--color-line)] p-3 font-serif text-sm disabled:bg-gray-50 aria-[invalid=true]:border-red-500"
        />
        <label className="mt-1 inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={source.markdown} disabled={source.pasted !== null} onChange={(e) => update({ markdown: e.target.checked })} />
          The text is Markdown (# headings, **bold**, [links](…))
        </label>
      </div>
      {error && (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function FileInput({ file, onFile, error, setError }: { file: File | null; onFile: (file: File | null) => void; error?: string; setError: (message: string | null) => void }) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    onFile(chosen);
    setError(chosen.size > MAX_IMPORT_BYTES ? tooLarge() : null);
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label
        htmlFor={id}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0]);
        }}
        data-dragging={dragging ? 'true' : undefined}
        className="flex min-h-28 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed border-[var(--color-line)] bg-gray-50 p-4 text-center text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-[var(--color-accent)] data-[dragging=true]:border-[var(--color-accent)] data-[dragging=true]:bg-blue-50"
      >
        <span className="font-medium">Article file</span>
        <span className="text-[var(--color-muted)]">Drop a file here, or click to choose one</span>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={IMPORT_FILE_ACCEPT}
          className="sr-only"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            choose(e.target.files?.[0]);
            // The same file chosen again (after a fix) is a new choice.
            e.target.value = '';
          }}
          data-testid="article-file"
        />
      </label>
      <p id={`${id}-hint`} className="mt-1 text-xs text-[var(--color-muted)]">
        .txt, .md, .html or .docx, up to {MAX_IMPORT_BYTES / MB} MB. {file ? <span data-testid="import-file-name">Chosen: {file.name} ({formatSize(file.size)})</span> : 'No file chosen yet.'}
      </p>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
