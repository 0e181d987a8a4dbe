import { authorize } from '@/db/queries/access';
import { consume } from '@/db/queries/rate-limits';
import { formatBytes, readBodyBytes } from '@/lib/api/body';
import { AppError, forbidden, tooManyRequests } from '@/lib/errors';
import { convertImport } from '@/lib/import';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { apiRoute, readJson, type ApiContext } from '@/lib/server/api/handler';
import { fileImportInput, titleFromFileName } from '@/lib/server/import/file-input';
import { fetchArticleFromUrl } from '@/lib/server/import/from-url';
import { asFieldError, importPreview } from '@/lib/server/import/preview';
import { retryAfterSeconds, URL_IMPORT_LIMIT, urlImportKey, urlImportLimitMessage } from '@/lib/server/import/url-quota';
import { listWorkspacesForUser } from '@/db/queries/workspaces';
import { can } from '@/lib/auth/permissions';
import { IMPORT_PREVIEW_LIMIT, importPreviewKey, importPreviewLimitMessage } from '@/lib/server/import/url-quota';
import { idSchema } from '@/lib/validations/common';
import { importPreviewJsonSchema } from '@/lib/validations/imports';

// jsdom, mammoth and the fetcher's sockets: Node only.
export const runtime = 'nodejs';

/** Room for the multipart boundaries and headers around the file and the workspace id. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Pasted rich text is its HTML and its plain text, each up to the import limit, escaped in JSON. */
const JSON_PREVIEW_LIMIT_BYTES = 2 * MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES;
const FILE_TOO_LARGE = `The file is larger than ${formatBytes(MAX_IMPORT_BYTES)}, the most an import accepts. Split it, or save it without images.`;

/**
 * The import's first step: turns a file (multipart/form-data: `file`, and `workspaceId` in the
 * query or the form), pasted text or rich text, or a web address (JSON) into the article document
 * and metadata the review step shows. Nothing is stored; POST /api/articles saves what the person
 * checked. Bad input answers 422 naming the field, an oversized upload 413 before it is read.
 */
export const POST = apiRoute(async (ctx) => {
  await mayImportSomewhere(ctx);
  const type = ctx.req.headers.get('content-type') ?? '';
  return /^multipart\/form-data\b/i.test(type) ? previewFile(ctx, type) : previewJson(ctx);
});

/**
 * Before any body is read (up to 20 MB) or converted (jsdom, mammoth): the caller must be able to
 * import into some workspace, and within the per-user preview quota. The workspace itself is
 * checked once it is known (query or body).
 */
async function mayImportSomewhere({ user, db }: ApiContext<Record<string, string>>): Promise<void> {
  const workspaces = await listWorkspacesForUser(db, user.id);
  if (!workspaces.some((workspace) => can(workspace.role, 'article:create'))) throw forbidden('Only editors and owners import articles.');
  const quota = await consume(db, importPreviewKey(user.id), IMPORT_PREVIEW_LIMIT);
  if (!quota.allowed) throw tooManyRequests(importPreviewLimitMessage(IMPORT_PREVIEW_LIMIT, quota.retryAfterMs), retryAfterSeconds(quota.retryAfterMs));
}

async function previewFile({ req, user, db }: ApiContext<Record<string, string>>, contentType: string) {
  // The workspace in the query lets a refused caller be told so before the upload is read.
  const queryWorkspace = new URL(req.url).searchParams.get('workspaceId');
  if (queryWorkspace !== null) await authorize(db, user.id, parseWorkspaceId(queryWorkspace), 'article:create', 'Workspace');
  const form = await readForm(req, contentType);
  const formWorkspace = form.get('workspaceId');
  if (queryWorkspace === null) await authorize(db, user.id, parseWorkspaceId(typeof formWorkspace === 'string' ? formWorkspace : null), 'article:create', 'Workspace');
  else if (typeof formWorkspace === 'string' && formWorkspace !== queryWorkspace) throw new AppError('bad_request', 'The workspace in the address and in the form differ.');
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('unprocessable', 'Choose a file to upload.', { fields: [{ path: 'file', message: 'Choose a file to upload.' }] });
  if (file.size > MAX_IMPORT_BYTES) throw fileTooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const article = await asFieldError('file', () => convertImport(fileImportInput(file.name, file.type, bytes)));
  return importPreview(article, { fallbackTitle: titleFromFileName(file.name) });
}

async function previewJson({ req, user, db }: ApiContext<Record<string, string>>) {
  // As for files: a workspace in the query is checked before the body is read.
  const queryWorkspace = new URL(req.url).searchParams.get('workspaceId');
  if (queryWorkspace !== null) await authorize(db, user.id, parseWorkspaceId(queryWorkspace), 'article:create', 'Workspace');
  const input = await readJson(req, importPreviewJsonSchema, { maxBytes: JSON_PREVIEW_LIMIT_BYTES });
  if (queryWorkspace !== null && input.workspaceId !== queryWorkspace) throw new AppError('bad_request', 'The workspace in the address and in the body differ.');
  await authorize(db, user.id, input.workspaceId, 'article:create', 'Workspace');
  if (input.format === 'url') {
    const quota = await consume(db, urlImportKey(user.id), URL_IMPORT_LIMIT);
    if (!quota.allowed) throw tooManyRequests(urlImportLimitMessage(URL_IMPORT_LIMIT, quota.retryAfterMs), retryAfterSeconds(quota.retryAfterMs));
    const article = await asFieldError('url', () => fetchArticleFromUrl(input.url, { signal: req.signal }));
    return importPreview(article, { url: article.finalUrl });
  }
  const article = await asFieldError('text', () =>
    convertImport(input.format === 'rich-text' ? { format: 'rich-text', html: input.html, ...(input.text === undefined ? {} : { text: input.text }) } : { format: input.format, text: input.text }),
  );
  return importPreview(article);
}

function parseWorkspaceId(value: string | null): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new AppError('unprocessable', 'Choose the workspace the article goes to.', { fields: [{ path: 'workspaceId', message: 'Choose the workspace the article goes to.' }] });
  return parsed.data;
}

function fileTooLarge(): AppError {
  return new AppError('payload_too_large', FILE_TOO_LARGE, { maxBytes: MAX_IMPORT_BYTES, fields: [{ path: 'file', message: FILE_TOO_LARGE }] });
}

/** The multipart body, read with the import limit (413 by Content-Length before reading, or while counting). */
async function readForm(req: Request, contentType: string): Promise<FormData> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(req, { maxBytes: MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') throw fileTooLarge();
    throw error;
  }
  try {
    // The bytes are the request's own chunks (ArrayBuffer-backed), as Response wants them.
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('bad_request', 'The upload could not be read. Choose the file again.');
  }
}
