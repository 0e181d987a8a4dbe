import { authorize } from '@/db/queries/access';
import { importLibraryItems, listLibraryItems, previewLibraryImport } from '@/db/queries/claim-library';
import { readBodyBytes } from '@/lib/api/body';
import { previewEntries, type LibraryImportResponse, type LibraryPreviewResponse } from '@/lib/claim-review/import-response';
import { claimReviewTooLargeMessage, MAX_CLAIM_REVIEW_BYTES, parseClaimReviewText, type ParseResult } from '@/lib/claim-review/parse';
import { LIBRARY_FILE_EXTENSIONS, libraryImportJsonSchema, libraryListQuerySchema } from '@/lib/claim-review/validation';
import { AppError } from '@/lib/errors';
import { apiRoute, readJson } from '@/lib/server/api/handler';
import { plural } from '@/lib/format/plural';

export const runtime = 'nodejs';

/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** A pasted block of up to the limit, escaped in JSON (quotes and backslashes double). */
const JSON_LIMIT_BYTES = 2 * MAX_CLAIM_REVIEW_BYTES + MULTIPART_OVERHEAD_BYTES;

type Params = { workspaceId: string };

/** The workspace's claim library (members): `?q=` filters, `limit`/`offset` page. */
export const GET = apiRoute<Params>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:read', 'Workspace');
  const query = libraryListQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw new AppError('bad_request', query.error.issues[0]?.message ?? 'Invalid filter.');
  return listLibraryItems(db, params.workspaceId, query.data);
});

/**
 * Imports ClaimReview JSON-LD (editors and owners): JSON `{ text }` (a pasted block) or a
 * multipart upload (`file`, .json/.jsonld, at most 2 MB: 413 before it is read). `?dryRun=1`
 * answers what would be created/updated and each item's errors, writing nothing. An import with
 * any invalid item is refused (400, nothing written) unless `?skipInvalid=1` says to import the
 * valid ones; the valid ones are then imported in one transaction.
 */
export const POST = apiRoute<Params>(async ({ req, params, user, db }) => {
  await authorize(db, user.id, params.workspaceId, 'article:create', 'Workspace');
  const search = new URL(req.url).searchParams;
  const dryRun = search.get('dryRun') === '1';
  const skipInvalid = search.get('skipInvalid') === '1';
  const type = req.headers.get('content-type') ?? '';
  const text = /^multipart\/form-data\b/i.test(type) ? await readUpload(req, type) : (await readJson(req, libraryImportJsonSchema, { maxBytes: JSON_LIMIT_BYTES })).text;
  if (new TextEncoder().encode(text).byteLength > MAX_CLAIM_REVIEW_BYTES) throw tooLarge(claimReviewTooLargeMessage(new TextEncoder().encode(text).byteLength));
  const parsed = parseClaimReviewText(text);
  if (parsed.fatal) throw new AppError('bad_request', parsed.fatal, { errors: parsed.errors });

  if (dryRun) {
    const { actions, counts } = await previewLibraryImport(db, params.workspaceId, parsed.items);
    const answer: LibraryPreviewResponse = { dryRun: true, found: parsed.found, valid: parsed.items.length, entries: previewEntries(parsed, actions), counts };
    return answer;
  }
  refuseHalfImport(parsed, skipInvalid);
  const counts = await importLibraryItems(db, params.workspaceId, parsed.items, user.id);
  const answer: LibraryImportResponse = { dryRun: false, found: parsed.found, counts, skipped: parsed.found - parsed.itemIndexes.length };
  return Response.json(answer, { status: 201 });
});

/** Never half-imported silently: invalid items refuse the whole import unless the client chose to skip them. */
function refuseHalfImport(parsed: ParseResult, skipInvalid: boolean): void {
  if (parsed.items.length === 0) {
    throw new AppError('bad_request', `None of the ${plural(parsed.found, 'ClaimReview')} can be imported; nothing was imported. ${parsed.errors[0]?.message ?? ''}`.trim(), { errors: parsed.errors });
  }
  const invalid = new Set(parsed.errors.map((e) => e.index)).size;
  if (invalid > 0 && !skipInvalid) {
    throw new AppError(
      'bad_request',
      `${plural(invalid, 'ClaimReview')} of ${parsed.found} ${invalid === 1 ? 'has' : 'have'} errors, so nothing was imported. Fix ${invalid === 1 ? 'it' : 'them'}, or import the ${plural(parsed.items.length, 'valid one')} only. ${parsed.errors[0]?.message ?? ''}`.trim(),
      { errors: parsed.errors },
    );
  }
}

function tooLarge(message: string): AppError {
  return new AppError('payload_too_large', message, { maxBytes: MAX_CLAIM_REVIEW_BYTES, fields: [{ path: 'file', message }] });
}

/** The uploaded file's text: 413 by Content-Length before reading (or while counting), 400 for other files. */
async function readUpload(req: Request, contentType: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(req, { maxBytes: MAX_CLAIM_REVIEW_BYTES + MULTIPART_OVERHEAD_BYTES });
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') throw tooLarge(claimReviewTooLargeMessage(null));
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('bad_request', 'The upload could not be read. Choose the file again.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('bad_request', 'Choose a .json or .jsonld file to upload.');
  const name = file.name.toLowerCase();
  if (!LIBRARY_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    throw new AppError('bad_request', `“${file.name.slice(0, 100)}” is not a .json or .jsonld file. Choose a ClaimReview JSON-LD file.`);
  }
  if (file.size > MAX_CLAIM_REVIEW_BYTES) throw tooLarge(claimReviewTooLargeMessage(file.size));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError('bad_request', `“${file.name.slice(0, 100)}” is not UTF-8 text. Save it as UTF-8 JSON and try again.`);
  }
}
