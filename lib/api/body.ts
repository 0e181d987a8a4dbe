/**
 * Reads a request body with a byte limit, so an oversized upload is refused while it streams
 * instead of being buffered whole (finding 3 of issue 7: a 300 MB POST grew the server by ~1 GB).
 *
 * Two checks: a declared Content-Length over the limit is refused before reading anything, and the
 * bytes actually received are counted (chunked uploads, or a Content-Length that lies). Past the
 * limit nothing more is kept: the rest is read and dropped for at most LINGER_MS so the 413 reaches
 * the client, then the stream is cancelled, which cuts the connection.
 */
import { AppError } from '@/lib/errors';

const MIB = 1024 * 1024;

/** Every JSON API body except the article text: claims, comments, settings… (the largest is a 20,000-character rationale). */
export const JSON_BODY_LIMIT_BYTES = 1 * MIB;

/**
 * Article import and text saves: 2,000,000 characters (MAX_ARTICLE_CHARS) at up to 3 UTF-8 bytes
 * per UTF-16 unit is 6 MB, plus room for the Tiptap document's JSON structure.
 */
export const ARTICLE_BODY_LIMIT_BYTES = 8 * MIB;

export interface BodyLimit {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
}

export function payloadTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is too large (${formatBytes(maxBytes)} at most).`, { maxBytes });
}

/**
 * The declared Content-Length, or null when absent. A malformed value is a bad request rather than
 * "no limit", so a request cannot dodge the header check with `Content-Length: lots`.
 */
export function declaredLength(header: string | null): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (!/^\d+$/.test(trimmed)) throw new AppError('bad_request', 'The Content-Length header is not a number.');
  return Number(trimmed);
}

/** The body's bytes, refused with 413 past `maxBytes` (by header first, then by counting). */
export async function readBodyBytes(req: Request, { maxBytes }: BodyLimit): Promise<Uint8Array> {
  const declared = declaredLength(req.headers.get('content-length'));
  if (declared !== null && declared > maxBytes) {
    if (req.body && !req.body.locked) discardRest(req.body.getReader());
    throw payloadTooLarge(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      discardRest(reader);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

/** The body as UTF-8 text; 400 when the bytes are not valid UTF-8 (never silently replaced). */
export async function readBodyText(req: Request, limit: BodyLimit): Promise<string> {
  const bytes = await readBodyBytes(req, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid UTF-8 text.');
  }
}

/**
 * How long the rest of a refused body is read and thrown away (nothing is kept) before the
 * connection is cut. Closing at once, with unread bytes still arriving, makes the kernel reset the
 * connection, and the client then often loses the 413 it was already sent ("lingering close", as
 * nginx and Apache do it).
 */
export const LINGER_MS = 2000;

function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  const cut = setTimeout(() => void reader.cancel().catch(() => undefined), LINGER_MS);
  void (async () => {
    try {
      while (!(await reader.read()).done) {
        // dropped: memory stays flat however much arrives
      }
    } catch {
      // cancelled at the deadline, or the client went away
    } finally {
      clearTimeout(cut);
    }
  })();
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes.toLocaleString('en')} bytes`;
}
