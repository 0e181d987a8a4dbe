import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { declaredLength, formatBytes, LINGER_MS, readBodyBytes, readBodyText } from './body';

/** A streamed (chunked) request of `chunks` × `chunkSize` bytes that records how much was pulled. */
function streamedRequest(chunks: number, chunkSize: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Like a socket: each chunk arrives in a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      if (state.pulled >= chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const req = new Request('http://localhost/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { req, state };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

describe('readBodyBytes', () => {
  it('returns a body within the limit', async () => {
    const { req } = streamedRequest(4, 256);
    expect((await readBodyBytes(req, { maxBytes: 1024 })).byteLength).toBe(1024);
  });

  it('refuses with 413 as soon as the count passes the limit, keeping nothing past it', async () => {
    const { req, state } = streamedRequest(50_000, 1024); // 50 MB if read to the end
    const error = await errorOf(readBodyBytes(req, { maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('payload_too_large');
    expect(error.status).toBe(413);
    expect(error.message).toBe('The request body is too large (1 MB at most).');
    expect(state.pulled).toBeLessThan(1030); // answered at the limit (plus the stream's small read-ahead)
  });

  it(`then drops the rest for at most ${LINGER_MS} ms (so the 413 reaches the client) and cancels the stream`, async () => {
    const { req, state } = streamedRequest(Number.POSITIVE_INFINITY, 1024); // never ends
    await errorOf(readBodyBytes(req, { maxBytes: 1024 }));
    expect(state.cancelled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, LINGER_MS + 300));
    expect(state.cancelled).toBe(true);
  });

  it('lets a refused body that ends soon finish without cancelling (the connection stays usable)', async () => {
    const { req, state } = streamedRequest(20, 1024);
    await errorOf(readBodyBytes(req, { maxBytes: 1024 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.pulled).toBe(20);
    expect(state.cancelled).toBe(false);
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { req, state } = streamedRequest(10, 1024, { 'content-length': String(50 * 1024 * 1024) });
    const error = await errorOf(readBodyBytes(req, { maxBytes: 1024 }));
    expect(error.code).toBe('payload_too_large');
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('counts bytes even when Content-Length understates the body', async () => {
    const { req } = streamedRequest(10, 1024, { 'content-length': '10' });
    expect((await errorOf(readBodyBytes(req, { maxBytes: 2048 }))).code).toBe('payload_too_large');
  });

  it('reads an empty body as no bytes', async () => {
    expect((await readBodyBytes(new Request('http://localhost/', { method: 'POST' }), { maxBytes: 10 })).byteLength).toBe(0);
  });
});

describe('readBodyText', () => {
  it('decodes UTF-8', async () => {
    const req = new Request('http://localhost/', { method: 'POST', body: '{"q":"é 😀"}' });
    expect(await readBodyText(req, { maxBytes: 100 })).toBe('{"q":"é 😀"}');
  });
  it('refuses invalid UTF-8 with 400 instead of replacing bytes', async () => {
    const req = new Request('http://localhost/', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    const error = await errorOf(readBodyText(req, { maxBytes: 100 }));
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/UTF-8/);
  });
});

describe('declaredLength', () => {
  it.each([
    [null, null],
    ['0', 0],
    [' 1024 ', 1024],
  ])('%s → %s', (header, expected) => expect(declaredLength(header)).toBe(expected));
  it.each(['-1', 'lots', '1e9', '12abc', ''])('refuses %j', (header) => {
    expect(() => declaredLength(header)).toThrow(/Content-Length/);
  });
});

describe('formatBytes', () => {
  it.each([
    [1024 * 1024, '1 MB'],
    [8 * 1024 * 1024, '8 MB'],
    [2048, '2 KB'],
    [1500, '1,500 bytes'],
  ])('%i → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
