import type { ApiResult } from '@/lib/api/client';
import type { LibraryImportResponse, LibraryPreviewResponse } from '@/lib/claim-review/import-response';

/** What the person gave: a pasted block or a chosen file. */
export type LibrarySource = { kind: 'text'; text: string } | { kind: 'file'; file: File };

/** POST …/library: a preview (dryRun) or the import, sending the file as multipart or the text as JSON. */
export async function sendLibraryImport<T extends LibraryPreviewResponse | LibraryImportResponse>(
  workspaceId: string,
  source: LibrarySource,
  options: { dryRun: boolean; skipInvalid?: boolean },
): Promise<ApiResult<T>> {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', '1');
  if (options.skipInvalid) query.set('skipInvalid', '1');
  const url = `/api/workspaces/${workspaceId}/library${query.size ? `?${query}` : ''}`;
  let body: BodyInit;
  const headers: Record<string, string> = {};
  if (source.kind === 'file') {
    const form = new FormData();
    form.set('file', source.file);
    body = form;
  } else {
    body = JSON.stringify({ text: source.text });
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Could not reach the server. Check your connection; nothing was imported.' } };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
  return { ok: false, status: response.status, error: error ?? { code: 'http', message: `The server answered ${response.status}; nothing was imported.` } };
}
