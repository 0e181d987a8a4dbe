/**
 * Helpers to watch a running Claimdesk server from outside while sending it oversized bodies:
 * its process (found by the port it listens on), its resident memory, a signed-in cookie, and a
 * raw HTTP request that streams a large body and reports when the answer arrived. Used by
 * bench/body-limit.bench.ts and e2e/body-limits.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** The pid of the process listening on `port` (Linux): `ss -ltnp`, else /proc/net/tcp* + /proc/<pid>/fd. */
export function pidListeningOn(port: number): number {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(out);
    if (match) return Number(match[1]);
  } catch {
    // no ss on this machine: fall through to /proc
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT, state 0A is LISTEN, inode is column 10.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of fs.readdirSync(`/proc/${entry}/fd`)) {
        const link = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      }
    } catch {
      // another user's process, or it exited meanwhile
    }
  }
  throw new Error(`No process found listening on port ${port}.`);
}

/** Resident set size of a process, in MB (VmRSS from /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`No VmRSS for pid ${pid}.`);
  return Number(kb) / 1024;
}

/** Signs in through NextAuth's credentials endpoint and returns the Cookie header to send. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(), Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token'))) throw new Error(`Sign-in as ${email} failed (${signIn.status}).`);
  return cookieHeader();
}

export interface BigBodyOptions {
  method: string;
  path: string;
  cookie?: string;
  /** Bytes to offer; the request stops sending once the answer arrives. */
  bodyBytes: number;
  /**
   * 'chunked': no Content-Length, the server must count.
   * 'declared': an honest Content-Length of bodyBytes.
   * A number: a lying Content-Length (the value sent), with bodyBytes following anyway.
   */
  length: 'chunked' | 'declared' | number;
}

export interface BigBodyResult {
  status: number;
  body: string;
  /** From the first byte written to the answer's status line. */
  msToAnswer: number;
  /** How much of the body had been handed to the socket when the answer came. */
  bytesSentBeforeAnswer: number;
}

/**
 * Streams a large JSON-looking body (`{"x":"aaaa…`) in 64 KB chunks with backpressure, over a raw
 * socket: Node's HTTP client gives up on a write error (EPIPE, when the server answers early and
 * closes) before reading the answer that is already there, and refuses a lying Content-Length.
 */
export function sendBigBody(baseUrl: string, options: BigBodyOptions): Promise<BigBodyResult> {
  const url = new URL(options.path, baseUrl);
  // Keep-alive, like browsers and curl: a server that closes the connection right after its answer
  // while the body is still arriving would lose the answer to a reset.
  const headers: Record<string, string> = { Host: url.host, 'Content-Type': 'application/json', Origin: url.origin };
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.length === 'chunked') headers['Transfer-Encoding'] = 'chunked';
  else headers['Content-Length'] = String(options.length === 'declared' ? options.bodyBytes : options.length);
  const chunked = options.length === 'chunked';
  const data = Buffer.alloc(64 * 1024, 0x61);
  data.write('{"x":"', 0);
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let answer: { msToAnswer: number; bytesSentBeforeAnswer: number } | null = null;
    const received: Buffer[] = [];
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`${options.method} ${url.pathname}${url.search} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
      pump();
    });
    const pump = () => {
      while (!answer && !socket.destroyed && sent < options.bodyBytes) {
        const piece = data.subarray(0, Math.min(data.length, options.bodyBytes - sent));
        sent += piece.length;
        const ok = chunked ? socket.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])) : socket.write(piece);
        if (!ok) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!answer && !socket.destroyed && chunked && sent >= options.bodyBytes) socket.write('0\r\n\r\n');
    };
    socket.on('data', (part: Buffer) => {
      answer ??= { msToAnswer: performance.now() - started, bytesSentBeforeAnswer: sent };
      received.push(part);
      const parsed = parseResponse(Buffer.concat(received));
      if (parsed) socket.destroy();
    });
    // The server may answer and close while we are still writing (EPIPE/ECONNRESET): the answer
    // is what arrived before; without one, the result has status 0.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const raw = Buffer.concat(received);
      // An answer without a length runs until the connection closes (Node's own 400 for garbage).
      const parsed = parseResponse(raw) ?? { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw.toString('latin1'))?.[1] ?? 0), body: raw.toString('utf8') };
      resolve({ ...parsed, msToAnswer: answer?.msToAnswer ?? performance.now() - started, bytesSentBeforeAnswer: answer?.bytesSentBeforeAnswer ?? sent });
    });
  });
}

/** A complete HTTP/1.1 response (Content-Length or chunked body), or null while more is needed. */
function parseResponse(raw: Buffer): { status: number; body: string } | null {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = raw.subarray(0, headEnd).toString('latin1');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  let rest = raw.subarray(headEnd + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return rest.length >= Number(length) ? { status, body: rest.subarray(0, Number(length)).toString('utf8') } : null;
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return null; // body until close
  const parts: Buffer[] = [];
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd < 0) return null;
    const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
    if (size === 0) return { status, body: Buffer.concat(parts).toString('utf8') };
    if (rest.length < lineEnd + 2 + size + 2) return null;
    parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}
