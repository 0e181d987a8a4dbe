import { createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { deflatedEntry, writeZip, type RawZipEntry } from './fixtures/zip-writer';
import { ImportError } from './types';
import { DOCX_ZIP_LIMITS, inspectZip } from './zip-limits';

const MB = 1024 * 1024;

/** Deflates `total` bytes of zeros in 1 MB pieces: a few hundred kilobytes that expand to `total`. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const piece = Buffer.alloc(MB);
  for (let written = 0; written < total; written += MB) {
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('inspectZip', { timeout: 30_000 }, () => {
  it('lists a real zip and keeps the entries asked for', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('docProps/core.xml', '<core/>');
    zip.file('stored.txt', 'plain', { compression: 'STORE' });
    const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const result = inspectZip(data, { keep: (name) => name === 'docProps/core.xml' });
    expect(result.entries.map((entry) => entry.name).sort()).toEqual(['docProps/', 'docProps/core.xml', 'stored.txt', 'word/', 'word/document.xml'].sort());
    expect(result.kept.get('docProps/core.xml')?.toString()).toBe('<core/>');
    expect(result.kept.size).toBe(1);
    expect(result.totalBytes).toBe('<w:document/>'.length + '<core/>'.length + 'plain'.length);
  });

  it.each([
    ['empty input', Buffer.alloc(0)],
    ['plain text', Buffer.from('This is not a zip file at all, just some words.')],
    ['a PDF header', Buffer.from('%PDF-1.7\n' + 'x'.repeat(100))],
  ])('refuses %s as damaged', (_, data) => {
    const error = refusal(() => inspectZip(data));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toBe('This .docx file is damaged or is not a Word document.');
  });

  it('refuses a truncated zip', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(5000));
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(refusal(() => inspectZip(data.subarray(0, data.length - 30))).reason).toBe('corrupt');
    expect(refusal(() => inspectZip(data.subarray(20))).reason).toBe('corrupt');
  });

  it('refuses corrupt deflate data', () => {
    const entry: RawZipEntry = { name: 'word/document.xml', stored: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), method: 8, declaredSize: 10 };
    expect(refusal(() => inspectZip(writeZip([entry]))).reason).toBe('corrupt');
  });

  it('refuses two entries of the same name (readers differ on which one they read)', () => {
    const zip = writeZip([deflatedEntry('word/document.xml', '<w:document/>'), deflatedEntry('word/document.xml', '<w:document>other</w:document>')]);
    expect(refusal(() => inspectZip(zip)).reason).toBe('corrupt');
  });

  it('refuses an entry whose real size differs from its declared size', () => {
    const entry = { ...deflatedEntry('word/document.xml', 'hello world'), declaredSize: 5 };
    expect(refusal(() => inspectZip(writeZip([entry]))).reason).toBe('corrupt');
  });

  it('refuses more than 2,000 entries', () => {
    const entries = Array.from({ length: 2001 }, (_, i): RawZipEntry => ({ name: `f${i}.xml`, stored: Buffer.from('x'), method: 0, declaredSize: 1 }));
    const error = refusal(() => inspectZip(writeZip(entries)));
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/2,001 parts; at most 2,000/);
    expect(() => inspectZip(writeZip(entries.slice(0, 2000)))).not.toThrow();
  }, 30_000);

  it('refuses an entry declaring more than 50 MB, before inflating anything', () => {
    const entry = { ...deflatedEntry('word/document.xml', 'small'), declaredSize: 51 * MB };
    const error = refusal(() => inspectZip(writeZip([entry])));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('declares more than 50 MB');
  });

  it('refuses entries declaring more than 200 MB in all', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ ...deflatedEntry(`part${i}.xml`, 'small'), declaredSize: 45 * MB }));
    const error = refusal(() => inspectZip(writeZip(entries)));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('more than 200 MB');
  });

  it('refuses a zip bomb that lies about its size (300 MB of zeros declared as 1 KB)', async () => {
    const stored = await deflatedZeros(300 * MB);
    expect(stored.length).toBeLessThan(2 * MB); // small on disk
    const bomb: RawZipEntry = { name: 'word/document.xml', stored, method: 8, declaredSize: 1024 };
    const before = process.memoryUsage().rss;
    const error = refusal(() => inspectZip(writeZip([deflatedEntry('[Content_Types].xml', '<Types/>'), bomb])));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('expands to more than');
    // Never inflated past the cap (50 MB and change), let alone 300 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
  }, 60_000);

  it('refuses many honest entries whose real total passes the limit', () => {
    const limits = { ...DOCX_ZIP_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 2500 };
    const entries = [0, 1, 2].map((i) => deflatedEntry(`p${i}.xml`, 'z'.repeat(900)));
    // declared total 2,700 > 2,500: refused on the declaration
    expect(refusal(() => inspectZip(writeZip(entries), { limits })).reason).toBe('too-large');
    // a lying last entry: its real size passes what is left of the total
    const lying = [entries[0]!, entries[1]!, { ...entries[2]!, declaredSize: 10 }];
    expect(refusal(() => inspectZip(writeZip(lying), { limits })).message).toContain('expands to more than');
    // a lie that stays under the limits is still a damaged file
    expect(refusal(() => inspectZip(writeZip([{ ...entries[0]!, declaredSize: 10 }]), { limits })).reason).toBe('corrupt');
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const encrypted = writeZip([deflatedEntry('word/document.xml', 'x')]);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x801, central + 8);
    expect(refusal(() => inspectZip(encrypted)).reason).toBe('unsupported');
    const bzip = writeZip([{ ...deflatedEntry('word/document.xml', 'x'), method: 12 as 8 }]);
    expect(refusal(() => inspectZip(bzip)).reason).toBe('corrupt');
  });
});
