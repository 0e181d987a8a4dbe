import { inflateRawSync } from 'node:zlib';
import { ImportError } from './types';

/**
 * A .docx is a zip. Before any zip library opens one, this reads its central directory itself and
 * refuses what could exhaust the server: too many entries, entries (or a total) declaring too much,
 * and — since declared sizes can lie — inflates every entry with a hard output cap to learn its
 * real size (a "zip bomb" of a few hundred kilobytes can expand to gigabytes). Pure: bytes in,
 * a listing (and the entries asked for) out, or an ImportError.
 */

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DOCX_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size the entry declares. */
  declaredSize: number;
}

export interface ZipInspection {
  entries: ZipEntryInfo[];
  /** The inflated bytes of the entries `keep` asked for. */
  kept: Map<string, Buffer>;
  /** The real total size of every entry once inflated. */
  totalBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;

export const DAMAGED_DOCX_MESSAGE = 'This .docx file is damaged or is not a Word document.';

function damaged(): never {
  throw new ImportError(DAMAGED_DOCX_MESSAGE, 'corrupt');
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function inspectZip(input: Uint8Array, options: { limits?: ZipLimits; keep?: (name: string) => boolean } = {}): ZipInspection {
  const limits = options.limits ?? DOCX_ZIP_LIMITS;
  const data = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const eocd = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ImportError('This .docx file uses the ZIP64 format for very large files, which is not accepted. Save it again from Word.', 'too-large');
  if (count > limits.maxEntries) throw new ImportError(`This .docx file holds ${count.toLocaleString('en')} parts; at most ${limits.maxEntries.toLocaleString('en')} are accepted.`, 'too-large');
  if (directoryOffset + directorySize > eocd) damaged();

  const entries: ZipEntryInfo[] = [];
  const located: { info: ZipEntryInfo; localOffset: number }[] = [];
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) damaged();
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const declaredSize = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    if (at + 46 + nameLength > data.length) damaged();
    const name = data.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (flags & 0x1) throw new ImportError('This .docx file is password-protected or encrypted. Remove the protection in Word and try again.', 'unsupported');
    if (declaredSize > limits.maxEntryBytes || declaredSize === 0xffffffff) throw new ImportError(`A part of this .docx file (${name}) declares more than ${mb(limits.maxEntryBytes)} of content; it is refused.`, 'too-large');
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxTotalBytes) throw new ImportError(`This .docx file declares more than ${mb(limits.maxTotalBytes)} of content once unpacked; it is refused.`, 'too-large');
    // Two parts of one name: readers differ on which one wins, so the checked one might not be the one read.
    if (entries.some((entry) => entry.name === name)) damaged();
    const info = { name, method, compressedSize, declaredSize };
    entries.push(info);
    located.push({ info, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  // Declared sizes can lie: inflate each entry, never past what is still allowed, to learn its real size.
  const kept = new Map<string, Buffer>();
  let totalBytes = 0;
  for (const { info, localOffset } of located) {
    if (info.name.endsWith('/') && info.compressedSize === 0) continue; // a directory
    const raw = entryData(data, localOffset, info.compressedSize);
    const allowed = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - totalBytes);
    let content: Buffer;
    if (info.method === 0) content = raw;
    else if (info.method === 8) {
      try {
        content = inflateRawSync(raw, { maxOutputLength: Math.max(1, allowed + 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') tooLargeOnceUnpacked(info.name, limits);
        damaged();
      }
    } else throw new ImportError(`This .docx file uses a compression method (${info.method}) Word does not use; save it again from Word.`, 'corrupt');
    if (content.length > allowed) tooLargeOnceUnpacked(info.name, limits);
    if (content.length !== info.declaredSize) damaged();
    totalBytes += content.length;
    if (options.keep?.(info.name)) kept.set(info.name, content);
  }
  return { entries, kept, totalBytes };
}

function tooLargeOnceUnpacked(name: string, limits: ZipLimits): never {
  throw new ImportError(`This .docx file expands to more than the accepted size once unpacked (${name}: at most ${mb(limits.maxEntryBytes)} a part, ${mb(limits.maxTotalBytes)} in all); it is refused.`, 'too-large');
}

function findEndOfCentralDirectory(data: Buffer): number {
  if (data.length < EOCD_MIN) damaged();
  const stop = Math.max(0, data.length - EOCD_MIN - 0xffff);
  for (let at = data.length - EOCD_MIN; at >= stop; at -= 1) {
    if (data.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_MIN + data.readUInt16LE(at + 20) === data.length) return at;
  }
  return damaged();
}

function entryData(data: Buffer, localOffset: number, compressedSize: number): Buffer {
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) damaged();
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  const end = start + compressedSize;
  if (end > data.length) damaged();
  return data.subarray(start, end);
}
