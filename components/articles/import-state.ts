import type { ApiResult } from '@/lib/api/client';
import type { ImportPreview } from '@/lib/domain/import-preview';

export type { ImportPreview };

/** How the article comes in (step 1's three choices). */
export type ImportSourceKind = 'paste' | 'file' | 'url';

/** What step 1 holds; kept when the person goes back from step 2. */
export interface ImportSource {
  kind: ImportSourceKind;
  /** What a paste into the paste area carried: the clipboard's text/html and text/plain. */
  pasted: { html: string; text: string } | null;
  /** Typed or pasted plain text (the fallback textarea). */
  text: string;
  /** Read `text` as Markdown. */
  markdown: boolean;
  file: File | null;
  url: string;
}

export const EMPTY_SOURCE: ImportSource = { kind: 'paste', pasted: null, text: '', markdown: false, file: null, url: '' };

/** The fields of step 1 an error can belong to (the preview route's 422 names them). */
export type SourceField = 'text' | 'file' | 'url';
export type SourceErrors = Partial<Record<SourceField | 'form', string>>;

/** Identifies the input a preview was made from, so going back and on again keeps edited metadata. */
export function sourceKey(source: ImportSource): string {
  switch (source.kind) {
    case 'paste':
      return source.pasted ? `rich:${source.pasted.html.length}:${source.pasted.html.slice(0, 200)}` : `text:${source.markdown}:${source.text}`;
    case 'file':
      return source.file ? `file:${source.file.name}:${source.file.size}:${source.file.lastModified}` : 'file:';
    case 'url':
      return `url:${source.url.trim()}`;
  }
}

/** Errors of a failed preview, each on the field the server named (the rest in the form's alert). */
export function sourceErrors(error: Extract<ApiResult<unknown>, { ok: false }>['error'], kind: ImportSourceKind): SourceErrors {
  const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields ?? [];
  const own: SourceField = kind === 'file' ? 'file' : kind === 'url' ? 'url' : 'text';
  const named = fields.find((f) => f.path === 'file' || f.path === 'url' || f.path === 'text' || f.path === 'html');
  if (named) return { [named.path === 'html' ? 'text' : named.path]: named.message };
  // A 413 from the body limit, a 429, a network failure: still about this input.
  if (error.code === 'payload_too_large' || error.code === 'too_many_requests') return { [own]: error.message };
  return { form: error.message };
}

/** POST /api/imports/preview with a file (multipart), in apiFetch's result shape. */
export async function previewFile(file: File, workspaceId: string): Promise<ApiResult<ImportPreview>> {
  const body = new FormData();
  body.set('workspaceId', workspaceId);
  body.set('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/imports/preview?workspaceId=${encodeURIComponent(workspaceId)}`, { method: 'POST', body, credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Could not reach the server. Check your connection; nothing was saved.' } };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as ImportPreview };
  const error = (payload as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
  return { ok: false, status: response.status, error: error ?? { code: 'http', message: `The server answered ${response.status}.` } };
}
