import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charsetOf, FETCH_USER_AGENT, safeFetch } from './safe-fetch';
import { FetchError, type FetchFailure, type ResolvedAddress, type SafeFetchOptions } from './types';

/**
 * A local server stands in for the web. It listens on 127.0.0.1, which safeFetch refuses unless the
 * allow list (passed as an option here, never through process.env) lets it through.
 */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes = new Map<string, Handler>();
const seenHosts: string[] = [];
const seenAgents: string[] = [];
let server: http.Server;
let origin: string;
let port: number;
const openSockets = new Set<import('node:net').Socket>();

const html = (body: string, type = 'text/html; charset=utf-8'): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': type }).end(body);
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenHosts.push(req.headers.host ?? '');
    seenAgents.push(req.headers['user-agent'] ?? '');
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not here</p>');
  });
  server.on('connection', (s) => {
    openSockets.add(s);
    s.on('close', () => openSockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  routes.set('/page', html('<!doctype html><title>Hello</title><p>Plain page</p>'));
  routes.set('/xhtml', html('<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>', 'application/xhtml+xml'));
  routes.set('/pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from('%PDF-1.4\n%\xff\xfe binary', 'latin1')));
  routes.set('/json', html('{"a":1}', 'application/json'));
  routes.set('/missing-type', (_req, res) => {
    res.removeHeader('content-type');
    res.writeHead(200).end('<!DOCTYPE html><html><body>untyped</body></html>');
  });
  routes.set('/missing-type-binary', (_req, res) => res.writeHead(200).end(Buffer.from([0, 1, 2, 3])));
  routes.set('/server-error', (_req, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('boom'));
  routes.set('/gone', (_req, res) => res.writeHead(410, { 'content-type': 'text/html' }).end('gone'));
  routes.set('/relative', (_req, res) => res.writeHead(302, { location: '../page' }).end());
  routes.set('/dir/relative', (_req, res) => res.writeHead(301, { location: '../page' }).end());
  routes.set('/redirect-no-location', (_req, res) => res.writeHead(302).end());
  routes.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
  routes.set('/ping', (_req, res) => res.writeHead(302, { location: '/pong' }).end());
  routes.set('/pong', (_req, res) => res.writeHead(307, { location: `${origin}/ping` }).end());
  for (let i = 1; i <= 6; i++) routes.set(`/chain/${i}`, (_req, res) => res.writeHead(302, { location: i > 1 ? `/chain/${i - 1}` : '/page' }).end());
  routes.set('/to-other-loopback', (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${port}/page` }).end());
  routes.set('/to-metadata', (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
  routes.set('/to-internal-name', (_req, res) => res.writeHead(302, { location: `http://internal.example:${port}/page` }).end());
  routes.set('/to-ftp', (_req, res) => res.writeHead(302, { location: 'ftp://example.org/file' }).end());
  routes.set('/to-ipv6-loopback', (_req, res) => res.writeHead(308, { location: `http://[::1]:${port}/page` }).end());
  routes.set('/never', () => undefined);
  routes.set('/slow-body', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>start');
  });
  routes.set('/declared-large', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
    res.write('x'.repeat(100));
  });
  routes.set('/streamed-large', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 50; i++) res.write('y'.repeat(1000));
    res.end();
  });
  routes.set('/gzip', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(zlib.gzipSync('<p>zipped فارسی</p>')));
  routes.set('/deflate', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' }).end(zlib.deflateSync('<p>deflated</p>')));
  routes.set('/br', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(zlib.brotliCompressSync('<p>brotli</p>')));
  const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
  routes.set('/gzip-bomb', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
  routes.set('/bad-gzip', (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all')));
  // "سلام دنيا" in windows-1256 (0xED is the Arabic yeh, U+064A)
  const persian1256 = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xcf, 0xe4, 0xed, 0xc7]);
  routes.set('/cp1256-header', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' }).end(Buffer.concat([Buffer.from('<p>'), persian1256, Buffer.from('</p>')])));
  routes.set('/cp1256-meta', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>'), persian1256, Buffer.from('</p></body></html>')])),
  );
  routes.set('/latin1-meta', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')])));
  routes.set('/utf8-default', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from('<p>naïve — ok</p>')));
  routes.set('/bogus-charset', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=no-such-charset' }).end(Buffer.from('<p>é</p>')));
  routes.set('/echo-host', (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${req.headers.host}</p>`));
});

afterAll(async () => {
  for (const s of openSockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const ALLOW = '127.0.0.1/32';
const allowed = (extra: SafeFetchOptions = {}): SafeFetchOptions => ({ allowAddresses: ALLOW, timeoutMs: 5000, ...extra });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError, the fetch succeeded');
}

async function expectFailure(promise: Promise<unknown>, reason: FetchFailure, message?: RegExp) {
  const error = await failure(promise);
  expect(error.reason, error.message).toBe(reason);
  if (message) expect(error.message).toMatch(message);
  return error;
}

/** A resolver that answers from a table, counting lookups. */
function fakeDns(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    calls.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

describe('safeFetch: addresses', () => {
  it('refuses loopback by default (no allow list)', async () => {
    await expectFailure(safeFetch(`${origin}/page`, { allowAddresses: '' }), 'private-address', /127\.0\.0\.1 is a private network address; Claimdesk only fetches public web pages\./);
  });

  it('refuses IPv6 loopback and IPv4-mapped loopback literals', async () => {
    await expectFailure(safeFetch(`http://[::1]:${port}/page`, { allowAddresses: '' }), 'private-address', /::1 is a private network address/);
    await expectFailure(safeFetch(`http://[::ffff:127.0.0.1]:${port}/page`, { allowAddresses: '' }), 'private-address');
  });

  it('refuses decimal, hex and octal spellings of 127.0.0.1', async () => {
    for (const host of ['2130706433', '0x7f.1', '0177.0.0.1', '127.1']) {
      await expectFailure(safeFetch(`http://${host}:${port}/page`, { allowAddresses: '' }), 'private-address', /127\.0\.0\.1/);
    }
  });

  it.each(['10.0.0.1', '192.168.1.1', '172.16.5.4', '169.254.169.254', '100.64.1.1', '0.0.0.0'])('refuses the private literal %s without connecting', async (ip) => {
    await expectFailure(safeFetch(`http://${ip}/`, { allowAddresses: '' }), 'private-address');
  });

  it('refuses a DNS name that resolves to 127.0.0.1, and one with any private address among public ones', async () => {
    const dns = fakeDns({ 'localtest.example': ['127.0.0.1'], 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'v6.example': ['::1'] });
    await expectFailure(safeFetch(`http://localtest.example:${port}/page`, { allowAddresses: '', resolve: dns.resolve }), 'private-address', /localtest\.example resolves to 127\.0\.0\.1, a private network address/);
    await expectFailure(safeFetch('http://mixed.example/', { allowAddresses: '', resolve: dns.resolve }), 'private-address', /10\.0\.0\.7/);
    await expectFailure(safeFetch('http://v6.example/', { allowAddresses: '', resolve: dns.resolve }), 'private-address', /::1/);
  });

  it('with the allow setting, connects to the checked address: one lookup, Host header kept', async () => {
    const dns = fakeDns({ 'news.example': ['127.0.0.1'] });
    const page = await safeFetch(`http://news.example:${port}/echo-host`, allowed({ resolve: dns.resolve }));
    expect(page.text).toContain(`news.example:${port}`);
    expect(dns.calls).toEqual(['news.example']);
    expect(page.finalUrl).toBe(`http://news.example:${port}/echo-host`);
  });

  it('a name that does not resolve is unreachable', async () => {
    const dns = fakeDns({});
    await expectFailure(safeFetch('http://nowhere.example/', { resolve: dns.resolve }), 'unreachable', /could not be reached \(the name nowhere\.example was not found\)/);
  });

  it('a closed port is unreachable (connection refused)', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expectFailure(safeFetch(`http://127.0.0.1:${closedPort}/`, allowed()), 'unreachable', /could not be reached \(connection refused\)\./);
  });
});

describe('safeFetch: URLs', () => {
  it.each([
    ['ftp://example.org/file', /only http:\/\/ and https:\/\//],
    ['javascript:alert(1)', /only http:\/\/ and https:\/\//],
    ['file:///etc/passwd', /only http:\/\/ and https:\/\//],
    ['data:text/html,hi', /only http:\/\/ and https:\/\//],
    ['not a url', /not a valid web address/],
    ['', /not a valid web address/],
    ['http://user:pw@example.org/', /user name or password/],
  ])('refuses %j', async (url, message) => {
    await expectFailure(safeFetch(url), 'bad-url', message);
  });
});

describe('safeFetch: pages', () => {
  it('fetches an HTML page with the Claimdesk user agent', async () => {
    const page = await safeFetch(`${origin}/page`, allowed());
    expect(page).toMatchObject({ url: `${origin}/page`, finalUrl: `${origin}/page`, status: 200, contentType: 'text/html' });
    expect(page.text).toContain('Plain page');
    expect(page.bytes).toBe(Buffer.byteLength(page.text));
    expect(seenAgents.at(-1)).toBe(FETCH_USER_AGENT);
  });

  it('accepts XHTML, sniffs an untyped HTML page, refuses other types with the type named', async () => {
    expect((await safeFetch(`${origin}/xhtml`, allowed())).contentType).toBe('application/xhtml+xml');
    expect((await safeFetch(`${origin}/missing-type`, allowed())).contentType).toBe('text/html');
    await expectFailure(safeFetch(`${origin}/pdf`, allowed()), 'not-html', /is not a web page \(it is application\/pdf\)\./);
    await expectFailure(safeFetch(`${origin}/json`, allowed()), 'not-html', /application\/json/);
    await expectFailure(safeFetch(`${origin}/missing-type-binary`, allowed()), 'not-html');
  });

  it('accepts the types a caller asks for and returns the bytes untouched', async () => {
    const page = await safeFetch(`${origin}/pdf`, allowed({ accept: ['text/html', 'application/pdf'] }));
    expect(page.contentType).toBe('application/pdf');
    expect(page.body?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(page.body?.includes(Buffer.from([0xff, 0xfe]))).toBe(true);
    expect(page.text).toBe('');
  });

  it('reports 4xx and 5xx with the status', async () => {
    await expectFailure(safeFetch(`${origin}/nothing-here`, allowed()), 'http-error', /answered 404 Not Found/);
    await expectFailure(safeFetch(`${origin}/gone`, allowed()), 'http-error', /410/);
    await expectFailure(safeFetch(`${origin}/server-error`, allowed()), 'http-error', /answered 500 Internal Server Error/);
    await expectFailure(safeFetch(`${origin}/redirect-no-location`, allowed()), 'http-error', /302/);
  });
});

describe('safeFetch: redirects', () => {
  it('follows relative redirects and reports the final URL', async () => {
    const page = await safeFetch(`${origin}/dir/relative`, allowed());
    expect(page.finalUrl).toBe(`${origin}/page`);
    expect(page.url).toBe(`${origin}/dir/relative`);
  });

  it('follows 5 redirects and refuses a 6th (and fewer when configured)', async () => {
    expect((await safeFetch(`${origin}/chain/5`, allowed())).finalUrl).toBe(`${origin}/page`);
    await expectFailure(safeFetch(`${origin}/chain/6`, allowed()), 'too-many-redirects', /redirected more than 5 times\./);
    await expectFailure(safeFetch(`${origin}/chain/2`, allowed({ maxRedirects: 1 })), 'too-many-redirects', /more than 1 time\./);
  });

  it('detects loops, direct and through another page', async () => {
    await expectFailure(safeFetch(`${origin}/loop`, allowed()), 'redirect-loop', /redirects in a loop/);
    await expectFailure(safeFetch(`${origin}/ping`, allowed()), 'redirect-loop', /back to .*\/ping/);
  });

  it('checks every hop: a redirect from an allowed host to a private one is refused', async () => {
    await expectFailure(safeFetch(`${origin}/to-other-loopback`, allowed()), 'private-address', /redirected to http:\/\/127\.0\.0\.2.*127\.0\.0\.2 is a private network address/);
    await expectFailure(safeFetch(`${origin}/to-metadata`, allowed()), 'private-address', /169\.254\.169\.254/);
    await expectFailure(safeFetch(`${origin}/to-ipv6-loopback`, allowed()), 'private-address', /::1/);
    const dns = fakeDns({ 'public.example': ['127.0.0.1'], 'internal.example': ['127.0.0.1', '10.1.2.3'] });
    await expectFailure(safeFetch(`http://public.example:${port}/to-internal-name`, allowed({ resolve: dns.resolve })), 'private-address', /internal\.example resolves to 10\.1\.2\.3/);
    await expectFailure(safeFetch(`${origin}/to-ftp`, allowed()), 'bad-url', /redirected to ftp: address/);
  });
});

describe('safeFetch: time and size limits', () => {
  it('times out on a server that never answers', async () => {
    await expectFailure(safeFetch(`${origin}/never`, allowed({ timeoutMs: 300 })), 'timeout', /took longer than 0\.3 seconds\./);
  });

  it('the timeout covers the body too', async () => {
    await expectFailure(safeFetch(`${origin}/slow-body`, allowed({ timeoutMs: 300 })), 'timeout');
  });

  it('fails fast on a declared Content-Length over the cap', async () => {
    await expectFailure(safeFetch(`${origin}/declared-large`, allowed({ maxBytes: 1000 })), 'too-large', /is larger than 1000 bytes\./);
  });

  it('aborts a streamed body over the cap', async () => {
    await expectFailure(safeFetch(`${origin}/streamed-large`, allowed({ maxBytes: 10_000 })), 'too-large', /larger than 9\.8 KB/);
    expect((await safeFetch(`${origin}/streamed-large`, allowed({ maxBytes: 60_000 }))).bytes).toBe(50_000);
  });

  it('caps decoded bytes: a gzip bomb stops at the cap', async () => {
    const before = process.memoryUsage().rss;
    await expectFailure(safeFetch(`${origin}/gzip-bomb`, allowed({ maxBytes: 1024 * 1024 })), 'too-large', /larger than 1 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('an external signal cancels the fetch with its reason', async () => {
    const controller = new AbortController();
    const pending = safeFetch(`${origin}/never`, allowed({ signal: controller.signal }));
    controller.abort(new Error('cancelled by the test'));
    await expect(pending).rejects.toThrow('cancelled by the test');
  });
});

describe('safeFetch: decoding', () => {
  it('decodes gzip, deflate and brotli', async () => {
    expect((await safeFetch(`${origin}/gzip`, allowed())).text).toBe('<p>zipped فارسی</p>');
    expect((await safeFetch(`${origin}/deflate`, allowed())).text).toBe('<p>deflated</p>');
    expect((await safeFetch(`${origin}/br`, allowed())).text).toBe('<p>brotli</p>');
    await expectFailure(safeFetch(`${origin}/bad-gzip`, allowed()), 'unreachable', /compressed answer was damaged|could not be read/);
  });

  it('uses the charset from the header, then <meta>, else UTF-8', async () => {
    expect((await safeFetch(`${origin}/cp1256-header`, allowed())).text).toBe('<p>سلام دن\u064Aا</p>');
    expect((await safeFetch(`${origin}/cp1256-meta`, allowed())).text).toContain('<p>سلام دن\u064Aا</p>');
    expect((await safeFetch(`${origin}/latin1-meta`, allowed())).text).toContain('café');
    expect((await safeFetch(`${origin}/utf8-default`, allowed())).text).toBe('<p>naïve — ok</p>');
    expect((await safeFetch(`${origin}/bogus-charset`, allowed())).text).toBe('<p>é</p>');
  });

  it('charsetOf: BOM first, unknown labels ignored', () => {
    expect(charsetOf('windows-1256', Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(charsetOf(null, Buffer.from([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(charsetOf('nonsense', Buffer.from('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(charsetOf(null, Buffer.from('<meta charset="utf-16">'))).toBe('utf-8');
    expect(charsetOf(null, Buffer.from(''))).toBe('utf-8');
  });
});
