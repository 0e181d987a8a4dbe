import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { isInCidrList, isPublicAddress, parseCidrList, type Cidr } from '@/lib/security/ip-ranges';
import { FetchError, type FetchedPage, type ResolvedAddress, type SafeFetchOptions } from './types';

/**
 * The server's only way to fetch a page from the web (see ./types.ts). Guards against server-side
 * request forgery: every address a host name resolves to must be public (or allowed by
 * CLAIMDESK_FETCH_ALLOW_ADDRESSES), and the connection goes to the address that was checked, through
 * a `lookup` that returns it, so no second DNS answer (rebinding) can send it elsewhere. Redirects are
 * followed by hand, each hop checked the same way.
 *
 * https → http redirects are followed: Claimdesk sends no cookies or credentials, so a downgrade leaks
 * nothing, and old news sites that bounce through http would otherwise be unreachable. The address
 * check applies to every hop regardless of scheme.
 */

export const FETCH_USER_AGENT = 'Claimdesk/1.0 (+fact-checking archive)';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_ACCEPT: readonly string[] = ['text/html', 'application/xhtml+xml'];

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return s === 1 ? '1 second' : `${Math.round(s * 10) / 10} seconds`;
}

/** The URL without brackets around an IPv6 host. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** A URL Claimdesk may ask for (http/https, no credentials), or a 'bad-url' FetchError. */
function parseTarget(text: string, original: string, isRedirect: boolean): URL {
  const where = isRedirect ? `The page at ${original} redirected to ${text}, which` : `"${text}"`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('bad-url', isRedirect ? `${where} is not a valid web address.` : `${where} is not a valid web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-url', `${isRedirect ? `The page at ${original} redirected to ${url.protocol} address, which` : `"${text}"`} is not a web address Claimdesk fetches (only http:// and https:// addresses).`);
  }
  if (url.username || url.password) throw new FetchError('bad-url', `${isRedirect ? `The page at ${original} redirected to an address that` : `The address ${url.host}`} includes a user name or password; Claimdesk does not fetch such addresses.`);
  if (!url.hostname) throw new FetchError('bad-url', `${where} has no host name.`);
  url.hash = '';
  return url;
}

function permitted(address: string, allow: readonly Cidr[]): boolean {
  return isPublicAddress(address) || isInCidrList(address, allow);
}

const PRIVATE_TAIL = 'a private network address; Claimdesk only fetches public web pages.';

/** The one address to connect to, checked; every address the name has must pass. */
async function checkedAddress(url: URL, original: string, isRedirect: boolean, allow: readonly Cidr[], resolve: (h: string) => Promise<readonly ResolvedAddress[]>, signal: AbortSignal): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const lead = isRedirect ? `The page at ${original} redirected to ${url.origin}: ` : '';
  const family = isIP(host);
  if (family) {
    if (!permitted(host, allow)) throw new FetchError('private-address', `${lead}${host} is ${PRIVATE_TAIL}`);
    return { address: host, family: family === 6 ? 6 : 4 };
  }
  let answers: readonly ResolvedAddress[];
  try {
    answers = await abortable(resolve(host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchError('unreachable', `The page at ${isRedirect ? url.href : original} could not be reached (the name ${host} was not found).`);
  }
  if (!answers.length) throw new FetchError('unreachable', `The page at ${isRedirect ? url.href : original} could not be reached (the name ${host} was not found).`);
  const refused = answers.find((a) => !permitted(a.address, allow));
  if (refused) throw new FetchError('private-address', `${lead}${host} resolves to ${refused.address}, ${PRIVATE_TAIL}`);
  return answers[0]!;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Opens one GET to `url`, connecting to `address` whatever the name resolves to now. */
function open(url: URL, address: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const host = hostOf(url);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    // net asks for every address (all: true) when it may try several; give it only the checked one.
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: {
          'user-agent': FETCH_USER_AGENT,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
        agent: false,
        lookup: pinned,
        ...(isIP(host) ? {} : { servername: host }),
        signal,
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** Why a connection failed, for people. */
function describeNetworkError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was closed';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the name was not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the network is unreachable';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return 'it did not answer in HTTP';
    default:
      if (/^Z_|BROTLI/.test(code)) return 'its compressed answer was damaged';
      if (/CERT|SSL|TLS|certificate/i.test(code) || /certificate|SSL|TLS/i.test((error as Error | null)?.message ?? '')) return 'its security certificate is not valid';
      return code ? `network error ${code}` : 'network error';
  }
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | 'unknown' {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return 'unknown';
  }
}

class TooLarge extends Error {}

/** Reads the body, decompressed, failing once more than `maxBytes` decoded bytes arrive. */
async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === 'unknown') {
    res.destroy();
    throw new Error(`unsupported content encoding ${encoding}`);
  }
  const stream: Readable = decoder ? pipeline(res, decoder, () => undefined) : res;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw new TooLarge();
      chunks.push(buf);
    }
  } finally {
    if (total > maxBytes || !res.complete) {
      res.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(chunks, total);
}

function mediaType(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type = '', ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m?.[1]) charset = m[1];
  }
  return { type: type.trim().toLowerCase(), charset };
}

function isTextual(type: string): boolean {
  return type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml') || type === 'application/json' || type === '';
}

function looksLikeHtml(body: Buffer): boolean {
  const head = body.subarray(0, 1024).toString('latin1').replace(/^\uFEFF?\s*/, '').toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^(<!--[\s\S]*?-->\s*)*<(head|body|title|meta)\b/.test(head);
}

/** A label TextDecoder knows (header, then BOM, then <meta charset>), else utf-8. */
export function charsetOf(headerCharset: string | null, body: Buffer): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  const candidates = [headerCharset];
  const head = body.subarray(0, 4096).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  candidates.push(meta?.[1] ?? null);
  for (const label of candidates) {
    if (!label) continue;
    try {
      const encoding = new TextDecoder(label.trim()).encoding;
      // A page that says it is UTF-16 in a <meta> but was read as ASCII cannot be: HTML's rule.
      if (label !== headerCharset && encoding.startsWith('utf-16')) return 'utf-8';
      return encoding;
    } catch {
      // an unknown label: try the next source
    }
  }
  return 'utf-8';
}

/**
 * Fetches a web page (see the file comment). Fails with a FetchError whose message is for people;
 * a cancelled `options.signal` rejects with its reason.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const accept = options.accept ?? DEFAULT_ACCEPT;
  const resolve = options.resolve ?? systemResolve;
  const allow = parseCidrList(options.allowAddresses ?? process.env.CLAIMDESK_FETCH_ALLOW_ADDRESSES);
  const original = typeof url === 'string' ? url.trim() : '';

  let current = parseTarget(original, original, false);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  const outer = options.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  let res: IncomingMessage | null = null;

  try {
    const seen = new Set<string>([current.href]);
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(current, original, redirects > 0, allow, resolve, signal);
      try {
        res = await open(current, address, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new FetchError('unreachable', `The page at ${redirects > 0 ? current.href : original} could not be reached (${describeNetworkError(error)}).`);
      }
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.destroy();
        if (redirects >= maxRedirects) throw new FetchError('too-many-redirects', `The page at ${original} redirected more than ${maxRedirects} ${maxRedirects === 1 ? 'time' : 'times'}.`);
        let nextText: string;
        try {
          nextText = new URL(location, current).href;
        } catch {
          throw new FetchError('bad-url', `The page at ${original} redirected to "${location}", which is not a valid web address.`);
        }
        const next = parseTarget(nextText, original, true);
        if (seen.has(next.href)) throw new FetchError('redirect-loop', `The page at ${original} redirects in a loop (back to ${next.href}).`);
        seen.add(next.href);
        current = next;
        continue;
      }
      if (status >= 400 || status < 200 || REDIRECTS.has(status)) {
        res.destroy();
        const text = http.STATUS_CODES[status];
        const what = REDIRECTS.has(status) ? `${status} (a redirect without a destination)` : `${status}${text ? ` ${text}` : ''}`;
        throw new FetchError('http-error', `The page at ${original} answered ${what}${status === 404 || status === 410 ? ' (the page does not exist or was removed)' : ''}.`);
      }
      const { type: declaredType, charset } = mediaType(res.headers['content-type']);
      if (declaredType && !accept.includes(declaredType)) {
        res.destroy();
        throw new FetchError('not-html', `The page at ${original} is not a web page (it is ${declaredType}).`);
      }
      const declaredLength = Number(res.headers['content-length']);
      if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
        res.destroy();
        throw new FetchError('too-large', `The page at ${original} is larger than ${formatBytes(maxBytes)}.`);
      }
      let body: Buffer;
      try {
        body = await readBody(res, maxBytes);
      } catch (error) {
        if (error instanceof TooLarge) throw new FetchError('too-large', `The page at ${original} is larger than ${formatBytes(maxBytes)}.`);
        if (signal.aborted) throw error;
        throw new FetchError('unreachable', `The page at ${original} could not be read (${describeNetworkError(error)}).`);
      }
      let contentType = declaredType;
      if (!contentType) {
        if (accept.includes('text/html') && looksLikeHtml(body)) contentType = 'text/html';
        else throw new FetchError('not-html', `The page at ${original} is not a web page (it does not say what it is).`);
      }
      const text = isTextual(contentType) ? new TextDecoder(charsetOf(charset, body), { fatal: false }).decode(body) : '';
      return { url: original, finalUrl: current.href, status, contentType, text, bytes: body.length, body };
    }
  } catch (error) {
    if (timedOut) throw new FetchError('timeout', `The page at ${original} took longer than ${formatSeconds(timeoutMs)}.`);
    if (outer?.aborted) throw outer.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    if (res && !res.complete) res.destroy();
  }
}
