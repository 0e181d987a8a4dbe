/**
 * HTTP and SSE helpers for the app bench (bench/app/run.ts): raw node:http requests (so bytes on
 * the wire are counted exactly, compressed or not), sign-in through next-auth's credentials
 * callback, live streams, and the server process's CPU time and RSS read from /proc.
 * Only talks to localhost; every request has a timeout.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

export const DEMO_PASSWORD = 'claimdesk-demo';
const REQUEST_TIMEOUT_MS = 120_000;

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as received (still compressed when the server compressed it). */
  raw: Buffer;
  body: string;
  ms: number;
}

export interface RequestOptions {
  cookie?: string;
  body?: string;
  contentType?: string;
  headers?: http.OutgoingHttpHeaders;
  agent?: http.Agent | false;
}

export function request(port: number, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // The app's URL is http://localhost:<port> (NEXTAUTH_URL); same-origin checks compare Host and Origin.
    const headers: http.OutgoingHttpHeaders = { host: `localhost:${port}`, ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(options.body);
      // Same-origin writes (the app checks Origin on cookie-authenticated writes).
      headers.origin = `http://localhost:${port}`;
    }
    const began = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: options.agent ?? false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: res.headers['content-encoding'] ? '' : raw.toString('utf8'), ms: performance.now() - began });
      });
      res.on('error', reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path} timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export async function expectStatus(reply: Promise<Reply>, ok: number[], what: string): Promise<Reply> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new Error(`${what} answered HTTP ${r.status}: ${r.body.slice(0, 400)}`);
  return r;
}

export async function getJson<T>(port: number, path: string, cookie: string): Promise<T> {
  const reply = await expectStatus(request(port, 'GET', path, { cookie }), [200], `GET ${path}`);
  return JSON.parse(reply.body) as T;
}

function addCookies(jar: Map<string, string>, headers: http.IncomingHttpHeaders): void {
  for (const line of headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

export interface Session {
  email: string;
  cookie: string;
  /** name → value, for handing the session to a browser context. */
  cookies: Array<{ name: string; value: string }>;
}

export async function signIn(port: number, email: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await expectStatus(request(port, 'GET', '/api/auth/csrf'), [200], 'GET /api/auth/csrf');
  addCookies(jar, csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: 'true' }).toString();
  const reply = await request(port, 'POST', '/api/auth/callback/credentials', { cookie: cookieHeader(), body: form, contentType: 'application/x-www-form-urlencoded' });
  addCookies(jar, reply.headers);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`Sign-in failed for ${email} (HTTP ${reply.status}).`);
  return { email, cookie: cookieHeader(), cookies: [...jar].map(([name, value]) => ({ name, value })) };
}

// ---------------------------------------------------------------- process stats (from outside)

const CLOCK_TICKS = 100;

/** User + system CPU milliseconds the process has used so far (/proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

export function rssKb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`No VmRSS for pid ${pid}.`);
  return Number(kb);
}

// ---------------------------------------------------------------- live streams

export interface SseMessage {
  event: string;
  data: string;
  at: number;
  bytes: number;
}

export interface LiveStream {
  request: http.ClientRequest;
  ready: Promise<void>;
  ended: boolean;
  /** Bytes received on this stream so far (all events, heartbeats included). */
  bytes: number;
  onMessage: ((message: SseMessage) => void) | null;
  close(): void;
}

export function openStream(port: number, path: string, cookie: string, deadlineMs = 60_000): LiveStream {
  let settle!: (error?: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  ready.catch(() => undefined);
  const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers: { host: `localhost:${port}`, cookie, accept: 'text/event-stream' } });
  let buffer = '';
  const stream: LiveStream = {
    request: req,
    ready,
    ended: false,
    bytes: 0,
    onMessage: null,
    close: () => {
      stream.ended = true;
      req.destroy();
    },
  };
  const timer = setTimeout(() => settle(new Error(`no "ready" within ${deadlineMs} ms`)), deadlineMs);
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      clearTimeout(timer);
      settle(new Error(`stream answered HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.on('data', (chunk: Buffer) => {
      stream.bytes += chunk.length;
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        if (!event) continue;
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
        const message = { event, data, at: performance.now(), bytes: Buffer.byteLength(block) + 2 };
        if (event === 'ready') {
          clearTimeout(timer);
          settle();
        }
        stream.onMessage?.(message);
      }
    });
    res.on('end', () => {
      stream.ended = true;
      clearTimeout(timer);
      settle(new Error('stream ended before ready'));
    });
  });
  req.on('error', (error) => {
    stream.ended = true;
    clearTimeout(timer);
    settle(error);
  });
  return stream;
}

/** Opens `count` streams, `concurrency` at a time, round-robin over the sessions; waits until each said ready. */
export async function openStreams(port: number, path: string, sessions: Session[], count: number, concurrency = 25): Promise<LiveStream[]> {
  const streams: LiveStream[] = [];
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const stream = openStream(port, path, sessions[index % sessions.length]!.cookie);
      streams.push(stream);
      try {
        await stream.ready;
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failures.length) console.error(`  (${failures.length} of ${count} streams failed to open: ${[...new Set(failures)].join('; ')})`);
  return streams;
}

// ---------------------------------------------------------------- numbers

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a cheap endpoint one request at a time (every `everyMs`) until stopped; returns the worst
 * and the p50 latency seen. What any other user would wait for while something else runs.
 */
export function pollHealth(port: number, everyMs = 10): { stop: () => Promise<{ worst: number; p50: number; count: number }> } {
  let running = true;
  const latencies: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const loop = (async () => {
    while (running) {
      const reply = await request(port, 'GET', '/api/health', { agent }).catch(() => null);
      if (reply) latencies.push(reply.ms);
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      agent.destroy();
      return { worst: Math.max(0, ...latencies), p50: median(latencies), count: latencies.length };
    },
  };
}
