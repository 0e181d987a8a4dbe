'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiFetch } from '@/lib/api/client';
import { createArticleSchema } from '@/lib/validations/articles';

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

/** Import an article by pasting its text or uploading a .txt/.md file. */
export function NewArticleForm({ workspaces }: { workspaces: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setError('That file is larger than 4 MB. Paste the article text instead.');
      return;
    }
    const content = await file.text();
    if (content.includes('\u0000')) {
      setError('That file is not plain text. Upload a .txt or .md file.');
      return;
    }
    setText(content);
    if (!title) setTitle(file.name.replace(/\.(txt|md|markdown)$/i, ''));
    setError(null);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      title,
      outlet: String(form.get('outlet') ?? ''),
      url: String(form.get('url') ?? ''),
      publishedOn: String(form.get('publishedOn') ?? ''),
      language: String(form.get('language') || 'en'),
      text,
    };
    // Same schema as the server: field messages appear before any request is made.
    const parsed = createArticleSchema.safeParse(body);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    setError(null);
    const result = await apiFetch<{ article: { id: string } }>('/api/articles', {
      method: 'POST',
      body: { ...body, workspaceId: form.get('workspaceId') },
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    dialogRef.current?.close();
    router.push(`/articles/${result.data.article.id}`);
  }

  return (
    <>
      <Button onClick={() => dialogRef.current?.showModal()}>New article</Button>
      <dialog ref={dialogRef} aria-labelledby="new-article-title" className="m-auto w-full max-w-2xl rounded-xl border border-[var(--color-line)] p-0 shadow-xl backdrop:bg-black/30">
        <form onSubmit={onSubmit} className="space-y-4 p-6" noValidate>
          <h2 id="new-article-title" className="text-lg font-semibold">
            Import an article
          </h2>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Title" name="title" required value={title} onChange={(e) => setTitle(e.target.value)} className="col-span-2" error={fieldErrors.title} />
            <Field label="Outlet" name="outlet" placeholder="e.g. Radio Farda" />
            <Field label="Published on" name="publishedOn" type="date" error={fieldErrors.publishedOn} />
            <Field label="Original URL" name="url" type="url" placeholder="https://…" error={fieldErrors.url} />
            <Field label="Language" name="language" defaultValue="en" hint="A code such as en or fa" error={fieldErrors.language} />
            {workspaces.length > 1 && (
              <div className="col-span-2">
                <label htmlFor="workspaceId" className="mb-1 block text-sm font-medium">
                  Workspace
                </label>
                <select id="workspaceId" name="workspaceId" className="h-10 w-full rounded-md border border-[var(--color-line)] bg-white px-3 text-sm">
                  {workspaces.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {workspaces.length === 1 && <input type="hidden" name="workspaceId" value={workspaces[0]!.id} />}
          </div>
          <div>
            <label htmlFor="article-text" className="mb-1 block text-sm font-medium">
              Article text
            </label>
            <textarea
              id="article-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={10}
              placeholder="Paste the article here. Blank lines separate paragraphs."
              aria-invalid={fieldErrors.text ? true : undefined}
              aria-describedby={fieldErrors.text ? 'article-text-error' : undefined}
              className="w-full rounded-md border border-[var(--color-line)] p-3 font-serif text-sm aria-[invalid=true]:border-red-500"
            />
            {fieldErrors.text && (
              <p id="article-text-error" className="mt-1 text-xs text-red-700">
                {fieldErrors.text}
              </p>
            )}
            <label className="mt-2 inline-flex cursor-pointer items-center gap-2 text-sm text-[var(--color-accent)]">
              <input type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" className="sr-only" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="article-file" />
              <span className="underline">…or upload a text file</span>
            </label>
          </div>
          <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
            {error}
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Importing…' : 'Import article'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
